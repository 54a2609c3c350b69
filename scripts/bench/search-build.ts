/**
 * How long the search files take to build, against an earlier commit's
 * search code, on the same corpus in the same process: the corpus is loaded
 * once with this checkout's engine, then each version's `src/lib/search`
 * builds its files from it in turn (alternating, so both see the same load).
 * Prints one line per run with CPU time per step, wall and CPU time in all, the load average,
 * and the medians.
 *
 *   tsx scripts/bench/search-build.ts <corpus-dir> [--before <commit>]… [--repeats 2] [--only now|before]
 *
 * The earlier search code is taken with `git archive` into `.tmp/search-before/<commit>/`, beside links to
 * this checkout's `content` and `corpus` layers (which it imports for types and a few names). `--only now`
 * with `node --cpu-prof` profiles this checkout's build alone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus, type Corpus } from '../../src/lib/corpus';
import * as now from '../../src/lib/search';

const ROOT = resolve(import.meta.dirname, '../..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { before: { type: 'string', multiple: true }, repeats: { type: 'string', default: '2' }, only: { type: 'string' } },
});
const dir = positionals[0];
if (!dir) throw new Error('usage: search-build.ts <corpus-dir> [--before <commit>]… [--repeats N] [--only now|before]');

/** What each version's writer offers for the steps timed here (their signatures agree on these). */
interface Writer {
  searchCorpus(corpus: Corpus): { documents: unknown[] };
  indexFiles(documents: unknown[]): { manifest: { documentCount: number }; shards: Map<string, unknown> };
}

/** The search code of `commit`, extracted once, as a module. */
async function writerAt(commit: string): Promise<Writer> {
  const sha = execFileSync('git', ['rev-parse', '--short', commit], { cwd: ROOT, encoding: 'utf8' }).trim();
  const lib = join(ROOT, '.tmp/search-before', sha, 'src/lib');
  if (!existsSync(join(lib, 'search'))) {
    mkdirSync(lib, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${sha} src/lib/search | tar -x -C ${JSON.stringify(join(lib, '../..'))}`], { cwd: ROOT });
    for (const layer of ['content', 'corpus']) symlinkSync(join(ROOT, 'src/lib', layer), join(lib, layer));
  }
  return (await import(join(lib, 'search/index.ts'))) as Writer;
}

interface Run {
  version: string;
  steps: Record<string, number>;
  wallMs: number;
  cpuMs: number;
  documents: number;
  shards: number;
  load: number;
}

function timeBuild(version: string, writer: Writer, corpus: Corpus): Run {
  globalThis.gc?.();
  const load = loadavg()[0];
  const steps: Record<string, number> = {};
  // CPU time per step: on a shared machine it is the steadier measure of the same work.
  const step = <T>(name: string, work: () => T): T => {
    const c = process.cpuUsage();
    const out = work();
    const used = process.cpuUsage(c);
    steps[name] = Math.round((used.user + used.system) / 1000);
    return out;
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  const { documents } = step('documents', () => writer.searchCorpus(corpus));
  const { manifest, shards } = step('index', () => writer.indexFiles(documents));
  const used = process.cpuUsage(cpu);
  return { version, steps, wallMs: Math.round(performance.now() - started), cpuMs: Math.round((used.user + used.system) / 1000), documents: manifest.documentCount, shards: shards.size, load };
}

const corpus = await loadCorpus(dir);
const versions: [string, Writer][] = [];
if (values.only !== 'before') versions.push(['now', now as unknown as Writer]);
if (values.only !== 'now') for (const commit of [...(values.before ?? [])].reverse()) versions.unshift([commit, await writerAt(commit)]);
const runs: Run[] = [];
for (let r = 0; r < Number(values.repeats); r++) {
  // Every other round in reverse order, so no version always runs first on a fresh heap.
  for (const [name, writer] of r % 2 ? [...versions].reverse() : versions) {
    const run = timeBuild(name, writer, corpus);
    runs.push(run);
    console.log(JSON.stringify(run));
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (const [name] of versions) {
  const mine = runs.filter((r) => r.version === name);
  console.log(`${name}: ${mine[0].documents} documents, ${mine[0].shards} shards; wall median ${(median(mine.map((r) => r.wallMs)) / 1000).toFixed(1)} s, CPU median ${(median(mine.map((r) => r.cpuMs)) / 1000).toFixed(1)} s over ${mine.length} runs`);
}
