/**
 * The bench judges build time on wall time unless other work took a share of the
 * machine: a build that keeps both cores busy itself must not count as a loaded machine.
 */
import { describe, expect, it } from 'vitest';
import { runMeasured, machineBusyMs } from '../../scripts/bench/measure';
import { BUSY_CORES, checkTargets, type BuildFigures, type SizeRun } from '../../scripts/bench/report';

const skipped = { error: 'not measured' };

function run(ours: BuildFigures, bare: BuildFigures): SizeRun {
  return {
    notes: 10_000,
    corpus: { files: 14_500, bytes: 0, papers: 3000, lines: 1500 },
    build: { ours, bare, ratio: ours.wallMs / bare.wallMs, cpuRatio: ours.cpuMs! / bare.cpuMs! },
    graph: skipped,
    search: { ours: skipped, oursIndex: skipped, pagefind: skipped, pagefindIndex: skipped },
    pages: { note: skipped, graph: skipped },
  };
}

// A parallel build: faster than bare Astro by the clock, more CPU in all, load average past the 2 cores by itself.
const ours: BuildFigures = { wallMs: 110_000, cpuMs: 175_000, load: [2.2, 2.1], peakRss: 1e9, warmMs: 75_000, warmCpuMs: 130_000 };
const bare: BuildFigures = { wallMs: 134_000, cpuMs: 156_000, load: [2.5, 2.1], peakRss: 2e9 };
const judged = (name: string, runs: SizeRun[]) => checkTargets(runs).find((c) => c.name === name)!;

describe('bench: which clock judges the build', () => {
  it('judges on wall time when nothing else ran, whatever the load average says', () => {
    const quiet = run({ ...ours, otherCores: 0.05, warmOtherCores: 0.04 }, { ...bare, otherCores: 0.03 });
    const build = judged('build time vs bare Astro', [quiet]);
    expect(build.value).toMatch(/^0\.82× by wall time/);
    expect(build.met).toBe(true);
    const warm = judged('warm rebuild, one note changed', [quiet]);
    expect(warm.value).toMatch(/^0\.68× by wall time/);
    expect(warm.met).toBe(true);
  });

  it('judges on CPU time when other work took more than its share during either build', () => {
    const loaded = run({ ...ours, otherCores: 0.05, warmOtherCores: 0.04 }, { ...bare, otherCores: BUSY_CORES + 0.5 });
    const build = judged('build time vs bare Astro', [loaded]);
    expect(build.value).toMatch(/^1\.12× by CPU time/);
    expect(build.met).toBe(false);
    // The warm figure compares our two builds: neither was loaded, so wall time still judges it.
    expect(judged('warm rebuild, one note changed', [loaded]).value).toMatch(/by wall time/);
    const warmLoaded = run({ ...ours, otherCores: 0.05, warmOtherCores: 1.2 }, { ...bare, otherCores: 0.03 });
    expect(judged('warm rebuild, one note changed', [warmLoaded]).value).toMatch(/^0\.74× by CPU time/);
  });

  it('falls back on the load average for results recorded before other work was measured', () => {
    const old = run(ours, bare);
    expect(judged('build time vs bare Astro', [old]).value).toMatch(/by CPU time/);
  });
});

describe('bench: other work on the machine', () => {
  it('reads the machine’s busy time, which grows as work is done', () => {
    const before = machineBusyMs();
    let x = 0;
    const until = performance.now() + 200;
    while (performance.now() < until) x += Math.sqrt(x + 1);
    expect(x).toBeGreaterThan(0);
    expect(machineBusyMs() - before).toBeGreaterThanOrEqual(100);
  });

  it('counts a process outside the measured tree as other work, and the tree’s own CPU as not', async () => {
    const spin = "const t = Date.now() + 1500; while (Date.now() < t);";
    // The measured command spins one core; this process spins another meanwhile, outside its tree.
    const measured = runMeasured(process.execPath, ['-e', spin]);
    const until = performance.now() + 1500;
    let x = 0;
    while (performance.now() < until) x += Math.sqrt(x + 1);
    const result = await measured;
    expect(result.ok).toBe(true);
    if (Number.isNaN(result.cpuMs)) return; // no GNU time on this machine: nothing to subtract from
    expect(result.cpuMs).toBeGreaterThan(500);
    // This process's spin, at least half a core even when test files beside it share the two cores.
    expect(result.otherCores).toBeGreaterThan(0.4);
  });
});
