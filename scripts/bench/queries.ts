/**
 * What Dataview queries add to a corpus build: the same generated corpus
 * built in memory without queries and with them (gen-corpus's `--queries`),
 * a few times each, taking turns. Prints the median corpus build, the median
 * time spent on queries (`timings.queryMs`: pages made, queries run, results
 * written in) and the share of the build that is.
 *
 *   npm run bench:queries [-- --notes 1000 --queries 100,1000 --runs 3]
 */
import { parseArgs } from 'node:util';
import { buildCorpus, type SourceFile } from '../../src/lib/corpus';
import { generateCorpus } from './synthetic-corpus';

const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '1000' },
    queries: { type: 'string', default: '100,1000' },
    runs: { type: 'string', default: '3' },
  },
});
const notes = Number(values.notes);
const runs = Number(values.runs);
const NOW = new Date('2026-01-01T00:00:00Z');

const filesOf = (queries: number): SourceFile[] => generateCorpus({ notes, queries }).map((f) => ({ path: f.path, bytes: new TextEncoder().encode(f.content) }));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(files: SourceFile[]): { totalMs: number; queryMs: number; warnings: number } {
  const started = performance.now();
  const corpus = buildCorpus(files, [], { now: NOW });
  return { totalMs: performance.now() - started, queryMs: corpus.timings.queryMs, warnings: corpus.problems.filter((p) => p.rule === 'dataview/unsupported').length };
}

const sizes = [0, ...values.queries.split(',').map(Number)];
const inputs = new Map(sizes.map((q) => [q, filesOf(q)]));
const samples = new Map(sizes.map((q) => [q, [] as ReturnType<typeof measure>[]]));
// A first build of each warms the JIT; it is not counted.
for (const q of sizes) measure(inputs.get(q)!);
for (let run = 0; run < runs; run++) for (const q of sizes) samples.get(q)!.push(measure(inputs.get(q)!));

const base = median(samples.get(0)!.map((s) => s.totalMs));
console.log(`${notes} notes, median of ${runs} in-memory corpus builds (no render cache, one thread)`);
for (const q of sizes) {
  const total = median(samples.get(q)!.map((s) => s.totalMs));
  const query = median(samples.get(q)!.map((s) => s.queryMs));
  const warnings = samples.get(q)![0].warnings;
  console.log(`  ${String(q).padStart(5)} queries: build ${total.toFixed(0)} ms, queries ${query.toFixed(1)} ms (${((query / base) * 100).toFixed(1)} % of the build without queries)${warnings ? `, ${warnings} not evaluated` : ''}`);
}
