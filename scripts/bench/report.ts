/** Turns bench results into the table printed and kept in BENCHMARKS.md. */
import { cpus } from 'node:os';
import type { GraphPageFigures, PageFigures, SearchFigures } from './browser';

export type Failed = { error: string };
export type Step<T> = T | Failed;
export const failed = (x: unknown): x is Failed => typeof x === 'object' && x !== null && 'error' in x;

export interface BuildFigures {
  wallMs: number;
  /** User + system CPU time of the process tree. */
  cpuMs?: number;
  /** 1-minute load average at start and end of the build (the build's own work included). */
  load?: [number, number];
  /** Cores' worth of CPU that other processes used during the build, on average (from /proc/stat). */
  otherCores?: number;
  peakRss: number;
  pages?: number;
  /** Bytes of every file of the built site. */
  outputBytes?: number;
  /** HTML pages: median and largest note page, largest page of any kind (index pages paginate). */
  html?: { medianNoteBytes: number; maxNoteBytes: number; maxBytes: number; maxPath: string; over150k: number };
  /** A second build with one note changed (render cache warm): wall and CPU time. */
  warmMs?: number;
  warmCpuMs?: number;
  warmOtherCores?: number;
  /** Files of the built site (`build.ours.files`). */
  files?: number;
  /** The largest file of the site, and its path. */
  largestFileBytes?: number;
  largestFilePath?: string;
  /** Files the warm rebuild (a sentence appended to one note's body) added, removed or changed by bytes. */
  changedFilesAfterEdit?: number;
  /** A few of them, pages and fixed-name files first: what to look at when the count is high. */
  changedExamples?: string[];
  /** Built by an earlier run (--skip-build): no figures. */
  reused?: boolean;
}
export interface GraphFigures {
  readMs: number;
  buildMs: number[];
  /** Median of buildMs. */
  medianMs: number;
  cpuMs: number[];
  medianCpuMs: number;
  /** 1-minute load average when the runs ended. */
  load: number;
  /** Cores' worth of CPU that other processes used while the corpus was built, on average. */
  otherCores?: number;
  nodes: number;
  edges: number;
  problems: number;
  /** Median milliseconds of each phase of the corpus build: frontmatter, Markdown, the graph itself. */
  phases?: { parseMs: number; renderMs: number; graphMs: number };
}
export interface IndexFigures {
  raw: number;
  gzip: number;
  files: number;
}

export interface SizeRun {
  notes: number;
  corpus: { files: number; bytes: number; papers: number; lines: number };
  build: { ours: Step<BuildFigures>; bare: Step<BuildFigures>; ratio?: number; cpuRatio?: number };
  graph: Step<GraphFigures>;
  search: {
    ours: Step<SearchFigures>;
    oursIndex: Step<IndexFigures>;
    pagefind: Step<SearchFigures>;
    pagefindIndex: Step<IndexFigures & { indexMs: number; site: string }>;
  };
  pages: { note: Step<PageFigures>; graph: Step<GraphPageFigures | 'n/a'> };
}

export interface Results {
  measuredAt: string;
  machine: Record<string, string | number>;
  options: { seed: number; sizes: number[]; nodeOptions: string };
  runs: SizeRun[];
  targets: TargetCheck[];
}

export interface TargetCheck {
  name: string;
  target: string;
  value: string;
  /** true met, false missed, undefined not measured. */
  met?: boolean;
}

const KB = 1024;
const MiB = 1024 * 1024;
export const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);
export const fmtBytes = (b: number) => (b >= MiB ? `${(b / MiB).toFixed(1)} MiB` : b >= KB ? `${(b / KB).toFixed(1)} KB` : `${b} B`);
const reason = (e: Failed) => `failed: ${e.error.split('\n')[0].slice(0, 120)}`;
const show = <T>(s: Step<T> | undefined, f: (v: T) => string) => (s === undefined ? '–' : failed(s) ? reason(s) : (s as { reused?: boolean }).reused ? 'not rebuilt (--skip-build)' : f(s));

/**
 * Other work on the machine beyond this many cores' worth, on average over a run, makes
 * its wall time say more about the neighbours than about the run: judge on CPU time.
 */
export const BUSY_CORES = 0.25;
/** ` (other work … cores)` after a run's times, where it was measured. */
const othersNote = (cores: number | undefined) => (cores === undefined || Number.isNaN(cores) ? undefined : ` (other work ${cores.toFixed(2)} cores)`);
/** Busy by other work when measured; older results carry only the load average, whose test was: past the cores. */
const busyRun = (otherCores: number | undefined, load: number[] | undefined) =>
  otherCores !== undefined && !Number.isNaN(otherCores) ? otherCores > BUSY_CORES : load !== undefined && Math.max(...load) > cpus().length;
const buildTimes = (b: BuildFigures) =>
  `${fmtMs(b.wallMs)} / ${b.cpuMs === undefined || Number.isNaN(b.cpuMs) ? '?' : fmtMs(b.cpuMs)}` + (othersNote(b.otherCores) ?? (b.load ? ` (load ${b.load[0].toFixed(1)}→${b.load[1].toFixed(1)})` : ''));

/** Rows of the table: a label and one cell per corpus size. */
export function tableRows(runs: SizeRun[]): [string, ...string[]][] {
  const row = (label: string, f: (r: SizeRun) => string): [string, ...string[]] => [label, ...runs.map(f)];
  return [
    row('corpus files (notes / papers / lines)', (r) => `${r.corpus.files} (${r.notes} / ${r.corpus.papers} / ${r.corpus.lines})`),
    row('build: ours, wall / CPU time', (r) => show(r.build.ours, buildTimes)),
    row('build: ours, peak RSS (process tree)', (r) => show(r.build.ours, (b) => fmtBytes(b.peakRss))),
    row('build: bare Astro, wall / CPU time', (r) => show(r.build.bare, buildTimes)),
    row('build: bare Astro, peak RSS', (r) => show(r.build.bare, (b) => fmtBytes(b.peakRss))),
    row('build: ours, warm rebuild (one note changed), wall / CPU', (r) => show(r.build.ours, (b) => (b.warmMs === undefined ? 'n/a' : `${fmtMs(b.warmMs)} / ${fmtMs(b.warmCpuMs ?? NaN)}${othersNote(b.warmOtherCores) ?? ''}`))),
    row('output: ours / bare Astro', (r) => (failed(r.build.ours) || failed(r.build.bare) ? 'n/a' : `${fmtBytes(r.build.ours.outputBytes ?? NaN)} / ${fmtBytes(r.build.bare.outputBytes ?? NaN)}`)),
    row('note pages: median / largest HTML', (r) => show(r.build.ours, (b) => (b.html ? `${fmtBytes(b.html.medianNoteBytes)} / ${fmtBytes(b.html.maxNoteBytes)}` : 'n/a'))),
    row('output: files / largest file', (r) => show(r.build.ours, (b) => (b.files === undefined ? 'n/a' : `${b.files} / ${b.largestFileBytes === undefined ? '?' : `${fmtBytes(b.largestFileBytes)} (${b.largestFilePath})`}`))),
    row('rebuild after editing one note: files changed / all', (r) =>
      show(r.build.ours, (b) => (b.changedFilesAfterEdit === undefined || !b.files ? 'n/a' : `${b.changedFilesAfterEdit} / ${b.files} (${((100 * b.changedFilesAfterEdit) / b.files).toFixed(2)} %)`)),
    ),
    row('largest page of any kind', (r) => show(r.build.ours, (b) => (b.html ? `${fmtBytes(b.html.maxBytes)} (${b.html.maxPath})` : 'n/a'))),
    row('build: ours / bare (wall, CPU)', (r) => (r.build.ratio === undefined ? 'n/a' : `${r.build.ratio.toFixed(2)}×, ${r.build.cpuRatio?.toFixed(2) ?? '?'}×`)),
    row('graph: construction alone (resolution, edges, adjacency; median)', (r) => show(r.graph, (g) => (g.phases ? fmtMs(g.phases.graphMs) : 'n/a'))),
    row('corpus: frontmatter / Markdown phases (median)', (r) => show(r.graph, (g) => (g.phases ? `${fmtMs(g.phases.parseMs)} / ${fmtMs(g.phases.renderMs)}` : 'n/a'))),
    row('corpus build in all, wall / CPU (median)', (r) => show(r.graph, (g) => `${fmtMs(g.medianMs)} / ${fmtMs(g.medianCpuMs)}${othersNote(g.otherCores) ?? ` (load ${g.load.toFixed(1)})`}`)),
    row('graph: reading the files', (r) => show(r.graph, (g) => (Number.isNaN(g.readMs) ? 'n/a' : fmtMs(g.readMs)))),
    row('graph: nodes / edges', (r) => show(r.graph, (g) => `${g.nodes} / ${g.edges}`)),
    row('search ours: index raw / gzip', (r) => show(r.search.oursIndex, (i) => `${fmtBytes(i.raw)} / ${fmtBytes(i.gzip)}`)),
    row('search ours: first-query download', (r) => show(r.search.ours, (s) => `${fmtBytes(s.firstQueryBytes)} (${s.firstQueryRequests} req)`)),
    row('search ours: query p50 / p95', (r) => show(r.search.ours, (s) => `${fmtMs(s.p50Ms)} / ${fmtMs(s.p95Ms)}`)),
    row('Pagefind: index raw / gzip', (r) => show(r.search.pagefindIndex, (i) => `${fmtBytes(i.raw)} / ${fmtBytes(i.gzip)}${i.site === 'bare' ? ' (bare site)' : ''}`)),
    row('Pagefind: first-query download', (r) => show(r.search.pagefind, (s) => `${fmtBytes(s.firstQueryBytes)} (${s.firstQueryRequests} req)`)),
    row('Pagefind: query p50 / p95', (r) => show(r.search.pagefind, (s) => `${fmtMs(s.p50Ms)} / ${fmtMs(s.p95Ms)}`)),
    row('note page: JS / total (gzip)', (r) => show(r.pages.note, (p) => `${fmtBytes(p.jsBytes)} / ${fmtBytes(p.totalBytes)}`)),
    row('graph page: first paint', (r) =>
      show(r.pages.graph, (g) => (g === 'n/a' ? 'n/a (no /graph/ page)' : g.readyMs !== undefined ? `${fmtMs(g.readyMs)} (ready)` : g.fcpMs !== undefined ? `${fmtMs(g.fcpMs)} (FCP only)` : 'n/a')),
    ),
    row('graph page: interactive / longest task after first paint', (r) =>
      show(r.pages.graph, (g) => (g === 'n/a' || g.interactiveMs === undefined ? 'n/a' : `${fmtMs(g.interactiveMs)} / ${g.longestTaskMs ?? 'n/a'} ms`)),
    ),
  ];
}

/** The targets, each checked on the size it names (or the largest measured, said so). */
export function checkTargets(runs: SizeRun[]): TargetCheck[] {
  const at = (n: number) => runs.find((r) => r.notes === n);
  const largest = [...runs].sort((a, b) => b.notes - a.notes)[0];
  const ref = at(10_000) ?? largest;
  const refNote = ref && ref.notes !== 10_000 ? ` (measured at ${ref.notes}, not 10,000)` : '';
  const checks: TargetCheck[] = [];
  const add = (name: string, target: string, value: string | undefined, met: boolean | undefined) => checks.push({ name, target, value: value ?? 'not measured', met: value === undefined ? undefined : met });

  if (ref) {
    // Wall time is the goal; when other work took a share of the machine during the builds, CPU time judges instead.
    const busy = [ref.build.ours, ref.build.bare].some((b) => !failed(b) && busyRun(b.otherCores, b.load));
    const useCpu = busy && ref.build.cpuRatio !== undefined;
    const r = useCpu ? ref.build.cpuRatio : ref.build.ratio;
    const how = useCpu ? ' by CPU time (machine busy during the builds)' : ' by wall time';
    add('build time vs bare Astro', '≤ 1.0× at 10,000 notes', r === undefined ? undefined : `${r.toFixed(2)}×${how}${refNote}`, r !== undefined && r <= 1.0);
    const ours = ref.build.ours;
    const bare = ref.build.bare;
    add('build peak memory', '≤ 1.5 GiB at 10,000 notes', failed(ours) || ours.reused ? undefined : `${fmtBytes(ours.peakRss)}${refNote}`, !failed(ours) && ours.peakRss <= 1.5 * 1024 * MiB);
    if (!failed(ours) && !ours.reused) {
      const out = !failed(bare) && ours.outputBytes && bare.outputBytes ? ours.outputBytes / bare.outputBytes : undefined;
      add('output vs bare Astro', '≤ 3× the bytes', out === undefined ? undefined : `${out.toFixed(2)}×${refNote}`, out !== undefined && out <= 3);
      add('median note page', '≤ 30 KB of HTML', ours.html ? `${fmtBytes(ours.html.medianNoteBytes)}${refNote}` : undefined, !!ours.html && ours.html.medianNoteBytes <= 30 * KB);
      add('pages over 150 KB (index pages paginate)', 'none', ours.html ? `${ours.html.over150k}, largest ${fmtBytes(ours.html.maxBytes)} (${ours.html.maxPath})` : undefined, !!ours.html && ours.html.over150k === 0);
      // The two builds compared are ours, cold and warm: either one run beside other work sends the judgement to CPU time.
      const warmByCpu = ours.warmOtherCores === undefined ? useCpu : busyRun(ours.otherCores, ours.load) || busyRun(ours.warmOtherCores, undefined);
      const warm = ours.warmCpuMs !== undefined && ours.cpuMs ? (warmByCpu ? ours.warmCpuMs / ours.cpuMs : ours.warmMs! / ours.wallMs) : undefined;
      const changed = ours.changedFilesAfterEdit !== undefined && ours.files ? ours.changedFilesAfterEdit / ours.files : undefined;
      add('files changed by editing one note', '≤ 1 % of the files at 10,000 notes', changed === undefined ? undefined : `${ours.changedFilesAfterEdit} of ${ours.files} (${(100 * changed).toFixed(2)} %)${refNote}`, changed !== undefined && changed <= 0.01);
      add('warm rebuild, one note changed', '≤ 0.7× the cold build', warm === undefined ? undefined : `${warm.toFixed(2)}×${warmByCpu ? ' by CPU time' : ' by wall time'}${refNote}`, warm !== undefined && warm <= 0.7);
    }
  }
  const g1 = at(1_000)?.graph;
  const g10 = at(10_000)?.graph;
  if (g1 && g10 && !failed(g1) && !failed(g10)) {
    // The graph's own construction when the engine reports it; else the whole corpus build.
    const own = g1.phases && g10.phases;
    const busy = [g1, g10].some((g) => busyRun(g.otherCores, [g.load]));
    const k = own ? g10.phases!.graphMs / g1.phases!.graphMs : busy ? g10.medianCpuMs / g1.medianCpuMs : g10.medianMs / g1.medianMs;
    const how = own ? 'graph phase, wall time' : busy ? 'whole corpus, CPU time; machine busy' : 'whole corpus, wall time';
    add('graph construction scaling', '10× notes ≤ 11× time', `${k.toFixed(1)}× (1,000 → 10,000, ${how})`, k <= 11);
  } else add('graph construction scaling', '10× notes ≤ 11× time', undefined, undefined);
  for (const run of runs) {
    checks.push(largestFileCheck(run));
    const o = run.search.ours;
    const p = run.search.pagefind;
    add(
      `search first-query download (${run.notes})`,
      '≤ Pagefind on the same site',
      failed(o) || failed(p) ? undefined : `${fmtBytes(o.firstQueryBytes)} vs ${fmtBytes(p.firstQueryBytes)}`,
      !failed(o) && !failed(p) && o.firstQueryBytes <= p.firstQueryBytes,
    );
    add(`search p95 query (${run.notes})`, '≤ 10 ms', failed(o) ? undefined : fmtMs(o.p95Ms), !failed(o) && o.p95Ms <= 10);
    const note = run.pages.note;
    add(`note page JavaScript (${run.notes})`, '≤ 50 KB gzip', failed(note) ? undefined : fmtBytes(note.jsBytes), !failed(note) && note.jsBytes <= 50 * KB);
  }
  if (ref) {
    const g = ref.pages.graph;
    const ms = failed(g) || g === 'n/a' ? undefined : (g.readyMs ?? g.fcpMs);
    add('global graph first paint', '≤ 1.5 s at 10,000 notes', ms === undefined ? undefined : `${fmtMs(ms)}${refNote}`, ms !== undefined && ms <= 1500);
    const live = failed(g) || g === 'n/a' ? undefined : g;
    add('global graph interactive', '≤ 2 s at 10,000 notes', live?.interactiveMs === undefined ? undefined : `${fmtMs(live.interactiveMs)}${refNote}`, live?.interactiveMs !== undefined && live.interactiveMs <= 2000);
    add('global graph longest task after first paint', '≤ 200 ms at 10,000 notes', live?.longestTaskMs === undefined ? undefined : `${live.longestTaskMs} ms${refNote}`, live?.longestTaskMs !== undefined && live.longestTaskMs <= 200);
  }
  return checks;
}

const mark = (met?: boolean) => (met === undefined ? '– not measured' : met ? '✅ met' : '❌ missed');

export function markdownReport(results: Results): string {
  const head = ['figure', ...results.runs.map((r) => `${r.notes.toLocaleString('en-US')} notes`)];
  const lines = [
    `Measured ${results.measuredAt} on ${results.machine.cpu} (${results.machine.cores} cores), ${results.machine.memory}, Node ${results.machine.node}, Astro ${results.machine.astro}, Pagefind ${results.machine.pagefind}, Chromium ${results.machine.chromium}; corpus seed ${results.options.seed}; NODE_OPTIONS="${results.options.nodeOptions}".`,
    '',
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...tableRows(results.runs).map((r) => `| ${r.join(' | ')} |`),
    '',
    '| target | goal | measured | |',
    '| --- | --- | --- | --- |',
    ...results.targets.map((t) => `| ${t.name} | ${t.target} | ${t.value} | ${mark(t.met)} |`),
  ];
  return lines.join('\n');
}

export function textReport(results: Results): string {
  const rows = [['figure', ...results.runs.map((r) => `${r.notes} notes`)], ...tableRows(results.runs)];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const fmt = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ');
  const targetRows = results.targets.map((t) => [t.name, t.target, t.value, mark(t.met)]);
  const tw = [0, 1, 2, 3].map((c) => Math.max(...targetRows.map((r) => r[c].length), 0));
  return [fmt(rows[0]), ...rows.slice(1).map(fmt), '', ...targetRows.map((r) => r.map((cell, c) => cell.padEnd(tw[c])).join('  '))].join('\n');
}

/** The builds-only table (`--builds-only`, the 50,000-note row): the build rows of the main table and the targets that apply. */
export function largeReport(results: Results): string {
  const buildRows = new Set([
    'corpus files (notes / papers / lines)',
    'build: ours, wall / CPU time',
    'build: ours, peak RSS (process tree)',
    'build: bare Astro, wall / CPU time',
    'build: bare Astro, peak RSS',
    'build: ours, warm rebuild (one note changed), wall / CPU',
    'output: ours / bare Astro',
    'output: files / largest file',
    'rebuild after editing one note: files changed / all',
    'note pages: median / largest HTML',
    'largest page of any kind',
    'build: ours / bare (wall, CPU)',
  ]);
  const head = ['figure', ...results.runs.map((r) => `${r.notes.toLocaleString('en-US')} notes`)];
  return [
    `Builds only, measured ${results.measuredAt} on ${results.machine.cpu} (${results.machine.cores} cores), ${results.machine.memory}, Node ${results.machine.node}, Astro ${results.machine.astro}; corpus seed ${results.options.seed}; NODE_OPTIONS="${results.options.nodeOptions}".`,
    '',
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...tableRows(results.runs)
      .filter(([label]) => buildRows.has(label))
      .map((r) => `| ${r.join(' | ')} |`),
    '',
    '| target | goal | measured | |',
    '| --- | --- | --- | --- |',
    ...results.targets.map((t) => `| ${t.name} | ${t.target} | ${t.value} | ${mark(t.met)} |`),
  ].join('\n');
}

/** The targets of the builds-only row: the largest corpus builds within 6 GiB, and no file is too large to host. */
export function checkLargeTargets(runs: SizeRun[]): TargetCheck[] {
  return runs.flatMap((run) => {
    const ours = run.build.ours;
    const value = failed(ours) ? reason(ours) : fmtBytes(ours.peakRss);
    return [{ name: `build peak memory (${run.notes.toLocaleString('en-US')} notes)`, target: '≤ 6 GiB at 50,000 notes', value, met: !failed(ours) && ours.peakRss <= 6 * 1024 * MiB }, largestFileCheck(run)];
  });
}

/** Cloudflare Pages refuses a file over 25 MiB; other static hosts allow more. */
export const MAX_FILE_BYTES = 25 * MiB;

function largestFileCheck(run: SizeRun): TargetCheck {
  const ours = run.build.ours;
  const bytes = failed(ours) ? undefined : ours.largestFileBytes;
  const name = `largest file (${run.notes.toLocaleString('en-US')} notes)`;
  const value = bytes === undefined || failed(ours) ? 'not measured' : `${fmtBytes(bytes)} (${ours.largestFilePath})`;
  return { name, target: '≤ 25 MiB (Cloudflare Pages’ limit per file)', value, met: bytes === undefined ? undefined : bytes <= MAX_FILE_BYTES };
}
