/**
 * Builds the graph of one corpus folder with the project's engine and prints
 * one JSON line: { readMs, buildMs: number[], cpuMs: number[], nodes, edges }.
 * CPU time (process.cpuUsage) is kept beside wall time: on a busy machine it
 * is the steadier measure of the same work.
 *
 *   tsx scripts/bench/graph-worker.ts <corpus-dir> [repeats]
 *
 * Runs in its own process so each measurement starts from a fresh heap and a
 * failure (say, the engine not there yet) cannot take the bench down with it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { loadavg } from 'node:os';

const [dir, repeatsArg = '3'] = process.argv.slice(2);
const repeats = Math.max(1, Number(repeatsArg));
const corpusModule = fileURLToPath(new URL('../../src/lib/corpus.ts', import.meta.url));

type AnyFn = (...args: unknown[]) => unknown;

/** Node and edge counts of whatever graph shape the engine hands back. */
function sizeOf(x: unknown): number {
  if (Array.isArray(x)) return x.length;
  if (x instanceof Map || x instanceof Set) return x.size;
  if (typeof x === 'number') return x;
  if (typeof x === 'function') return sizeOf((x as AnyFn)());
  return NaN;
}

async function main() {
  if (!dir) throw new Error('usage: graph-worker.ts <corpus-dir> [repeats]');
  if (!existsSync(corpusModule)) throw new Error('engine not merged yet: src/lib/corpus.ts is missing');
  const engine = (await import(pathToFileURL(corpusModule).href)) as Record<string, AnyFn | undefined>;
  const root = resolve(dir);

  // Preferred: read once, then time construction alone (parse, resolve, render, graph).
  let readMs = NaN;
  let build: () => Promise<unknown>;
  if (engine.readContentFolder && engine.buildCorpus) {
    const t0 = performance.now();
    const files = await engine.readContentFolder(root);
    readMs = performance.now() - t0;
    build = async () => engine.buildCorpus!(files);
  } else if (engine.loadCorpus) {
    build = async () => engine.loadCorpus!(root);
  } else {
    throw new Error('src/lib/corpus.ts exports neither buildCorpus nor loadCorpus');
  }

  const buildMs: number[] = [];
  const phaseRuns: Record<string, number>[] = [];
  const cpuMs: number[] = [];
  let corpus: unknown;
  for (let i = 0; i < repeats; i++) {
    corpus = undefined;
    globalThis.gc?.();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    corpus = await build();
    const c = process.cpuUsage(c0);
    buildMs.push(performance.now() - t0);
    cpuMs.push((c.user + c.system) / 1000);
    const timings = (corpus as { timings?: Record<string, number> }).timings;
    if (timings) phaseRuns.push(timings);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const phases = phaseRuns.length
    ? Object.fromEntries(Object.keys(phaseRuns[0]).map((k) => [k, median(phaseRuns.map((p) => p[k]))]))
    : undefined;
  const graph = ((corpus as { graph?: unknown }).graph ?? corpus) as { nodes?: unknown; edges?: unknown; order?: unknown; size?: unknown };
  const nodes = sizeOf(graph.nodes ?? graph.order);
  const edges = sizeOf(graph.edges ?? graph.size);
  const problems = sizeOf((corpus as { problems?: unknown }).problems);
  console.log(JSON.stringify({ readMs, buildMs, cpuMs, nodes, edges, problems, phases, load: loadavg()[0] }));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
