/**
 * npm run bench:compare -- --ref <commit> [--this <commit>] [--notes 10000] [--rounds 2] [--seed 1]
 *
 * Cold builds of this checkout (or of the commit `--this` names) and of another commit, side by side on one synthetic corpus, taking turns
 * (ref, this, ref, this…) so that the machine's other work falls on both alike. The other commit is checked out
 * (and the `--this` one) in a temporary worktree, with this checkout's `node_modules` where it locks the same
 * dependencies and its own otherwise. Prints each build's wall time, CPU time,
 * peak RSS and the CPU other processes took meanwhile, then the medians and their ratios, and whether the two
 * sides' `dist/` folders hold the same files with the same bytes (Vite's hashed chunk names aside).
 *
 * This is how a change that must not slow the build ("within 5 %") is judged: by CPU time when other work took
 * more than a quarter of a core during any build, else by wall time (the rule of `npm run bench`).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus';
import { runMeasured, type RunResult } from './measure';
import { DEFAULT_SEED } from './synthetic-corpus';

const ROOT = resolve(import.meta.dirname, '../..');
const TMP = join(ROOT, 'bench/tmp/compare');

const { values } = parseArgs({
  options: {
    ref: { type: 'string' },
    this: { type: 'string' },
    notes: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '2' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    'node-options': { type: 'string', default: '--max-old-space-size=8192 --expose-gc' },
  },
});
if (!values.ref) {
  console.error('error: name the commit to compare with, like `npm run bench:compare -- --ref HEAD~3`.');
  process.exit(2);
}
const notes = Number(values.notes);
const rounds = Number(values.rounds);
const log = (msg: string) => process.stderr.write(`[compare] ${msg}\n`);

interface Side {
  name: string;
  root: string;
  /** Where its builds go: named by its commit, so two comparisons at once never share a folder. */
  outDir: string;
  runs: RunResult[];
}

async function checkoutOf(ref: string): Promise<string> {
  const sha = execFileSync('git', ['rev-parse', '--short', ref], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = join(TMP, `ref-${sha}`);
  if (!existsSync(dir)) {
    execFileSync('git', ['worktree', 'add', '--detach', dir, sha], { cwd: ROOT, stdio: 'ignore' });
    // The same dependencies share this checkout's; others are installed as that commit locks them.
    const lock = (root: string) => readFile(join(root, 'package-lock.json'), 'utf8').catch(() => '');
    if ((await lock(dir)) === (await lock(ROOT))) await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    else execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'ignore' });
  }
  return dir;
}

async function coldBuild(side: Side, corpus: string): Promise<void> {
  const { outDir } = side;
  await rm(outDir, { recursive: true, force: true });
  // Cold: no Markdown or graph shape kept by an earlier build (the cache is keyed by the project's root).
  await rm(join(side.root, 'node_modules/.cache/research-graph'), { recursive: true, force: true });
  const env = { ...process.env, CONTENT_DIR: corpus, NODE_OPTIONS: values['node-options'], ASTRO_TELEMETRY_DISABLED: '1' };
  const run = await runMeasured(process.execPath, [join(ROOT, 'node_modules/astro/astro.js'), 'build', '--root', side.root, '--outDir', outDir, '--force'], { cwd: side.root, env });
  if (!run.ok) throw new Error(`${side.name}: astro build exited ${run.exitCode}: ${run.tail.split('\n').slice(-4).join(' | ')}`);
  side.runs.push(run);
  log(`${side.name}: ${(run.wallMs / 1000).toFixed(1)} s wall, ${(run.cpuMs / 1000).toFixed(1)} s CPU, ${(run.peakRss / 2 ** 20).toFixed(0)} MiB, others ${run.otherCores.toFixed(2)} cores`);
}

/** Relative path → content hash of every file, with Vite's hashed chunk names folded to one name per chunk. */
async function fingerprint(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const chunkName = (text: string) => text.replace(/([\w-]+)\.[\w-]{8}\.(js|css)\b/g, '$1.#.$2');
  for (const e of entries) {
    if (!e.isFile()) continue;
    const path = chunkName(relative(dir, join(e.parentPath, e.name)));
    const bytes = await readFile(join(e.parentPath, e.name));
    const text = /\.(html|json|xml|js|css|txt)$/.test(path) ? chunkName(bytes.toString('utf8')) : bytes;
    files.set(path, createHash('sha256').update(text).digest('hex'));
  }
  return files;
}

async function sameOutput(sides: Side[]): Promise<string> {
  const [a, b] = await Promise.all(sides.map((side) => fingerprint(side.outDir)));
  const differing = [...new Set([...a.keys(), ...b.keys()])].filter((p) => a.get(p) !== b.get(p));
  if (differing.length === 0) return `identical (${a.size} files, chunk names aside)`;
  return `${differing.length} of ${Math.max(a.size, b.size)} files differ, such as ${differing.slice(0, 5).join(', ')}`;
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)];

async function main() {
  await mkdir(TMP, { recursive: true });
  // The generator gives the same files for the same size and seed: written once, shared by every comparison.
  const corpus = join(TMP, `corpus-${notes}-seed${values.seed}`);
  if (!existsSync(join(corpus, '.complete'))) {
    log(`corpus of ${notes} notes in ${corpus}`);
    await writeCorpus(corpus, { notes, seed: Number(values.seed) });
    await writeFile(join(corpus, '.complete'), '');
  }
  const side = async (name: string, ref: string | undefined): Promise<Side> => {
    const root = ref ? await checkoutOf(ref) : ROOT;
    const sha = ref ? execFileSync('git', ['rev-parse', '--short', ref], { cwd: ROOT, encoding: 'utf8' }).trim() : 'worktree';
    return { name, root, outDir: join(TMP, `dist-${name}-${sha}`), runs: [] };
  };
  const ref = await side('ref', values.ref!);
  const self = await side('this', values.this);
  for (let round = 0; round < rounds; round++) {
    await coldBuild(ref, corpus);
    await coldBuild(self, corpus);
  }
  const busy = [...ref.runs, ...self.runs].some((r) => r.otherCores > 0.25);
  const measure = busy ? 'cpuMs' : 'wallMs';
  const row = (s: Side) => ({ wall: median(s.runs.map((r) => r.wallMs)), cpu: median(s.runs.map((r) => r.cpuMs)), rss: Math.max(...s.runs.map((r) => r.peakRss)) });
  const [a, b] = [row(ref), row(self)];
  const ratio = median(self.runs.map((r) => r[measure])) / median(ref.runs.map((r) => r[measure]));
  console.log(`\n${notes} notes, ${rounds} cold build(s) each, taking turns (load at end ${self.runs.at(-1)!.load[1].toFixed(2)})`);
  console.log(`| | ${values.ref} | ${values.this ?? 'this checkout'} | ratio |\n| --- | --- | --- | --- |`);
  console.log(`| wall (median) | ${(a.wall / 1000).toFixed(1)} s | ${(b.wall / 1000).toFixed(1)} s | ${(b.wall / a.wall).toFixed(3)} |`);
  console.log(`| CPU (median) | ${(a.cpu / 1000).toFixed(1)} s | ${(b.cpu / 1000).toFixed(1)} s | ${(b.cpu / a.cpu).toFixed(3)} |`);
  console.log(`| peak RSS (highest) | ${(a.rss / 2 ** 20).toFixed(0)} MiB | ${(b.rss / 2 ** 20).toFixed(0)} MiB | ${(b.rss / a.rss).toFixed(3)} |`);
  console.log(`judged on ${busy ? 'CPU time (other work took over a quarter of a core)' : 'wall time'}: ${((ratio - 1) * 100).toFixed(1)} %`);
  console.log(`dist/: ${await sameOutput([ref, self])}`);
}

main().catch((err: unknown) => {
  console.error(`error: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
