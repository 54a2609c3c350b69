/**
 * Builds the corpus of one folder with the project's engine and prints one
 * JSON line: { readMs, buildMs: number[], cpuMs: number[], nodes, edges, problems, phases, load }.
 * CPU time (process.cpuUsage) is kept beside wall time: on a busy machine it
 * is the steadier measure of the same work.
 *
 *   tsx scripts/bench/graph-worker.ts <corpus-dir> [repeats]
 *
 * Runs in its own process so each measurement starts from a fresh heap and a
 * failure cannot take the bench down with it.
 */
import { resolve } from 'node:path';
import { loadavg } from 'node:os';
import { readContentFolder } from '../../src/lib/content/files';
import { buildCorpus, type Corpus } from '../../src/lib/corpus';

const [dir, repeatsArg = '3'] = process.argv.slice(2);
const repeats = Math.max(1, Number(repeatsArg));

async function main() {
  if (!dir) throw new Error('usage: graph-worker.ts <corpus-dir> [repeats]');
  // Read once, then time construction alone (parse, resolve, render, graph).
  const t0 = performance.now();
  const files = await readContentFolder(resolve(dir));
  const readMs = performance.now() - t0;

  const buildMs: number[] = [];
  const phaseRuns: Record<string, number>[] = [];
  const cpuMs: number[] = [];
  let corpus: Corpus | undefined;
  for (let i = 0; i < repeats; i++) {
    corpus = undefined;
    globalThis.gc?.();
    const start = performance.now();
    const c0 = process.cpuUsage();
    corpus = buildCorpus(files);
    const c = process.cpuUsage(c0);
    buildMs.push(performance.now() - start);
    cpuMs.push((c.user + c.system) / 1000);
    phaseRuns.push({ ...corpus.timings });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const phases = Object.fromEntries(Object.keys(phaseRuns[0]).map((k) => [k, median(phaseRuns.map((p) => p[k]))]));
  const { graph, problems } = corpus!;
  console.log(JSON.stringify({ readMs, buildMs, cpuMs, nodes: graph.nodes.size, edges: graph.edges.length, problems: problems.length, phases, load: loadavg()[0] }));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
