/**
 * Writes a deterministic synthetic corpus.
 *
 *   npm run gen-corpus -- --notes 1000 --out bench/corpus-1000 [--seed 1] [--queries 100]
 *
 * --queries adds a Dataview query to that many notes, spread over the corpus.
 *
 * The `notes/`, `papers/` and `lines/` folders under --out are replaced whole,
 * so the same arguments always leave byte-identical files.
 */
import { parseArgs } from 'node:util';
import { writeCorpus } from './bench/corpus';
import { DEFAULT_SEED } from './bench/synthetic-corpus';

const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '1000' },
    out: { type: 'string' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    queries: { type: 'string', default: '0' },
  },
});

if (!values.out) {
  console.error('usage: npm run gen-corpus -- --notes N --out DIR [--seed S] [--queries Q]');
  process.exit(2);
}
const notes = Number(values.notes);
const seed = Number(values.seed);
const queries = Number(values.queries);
if (!Number.isInteger(notes) || notes < 2 || !Number.isInteger(seed) || !Number.isInteger(queries) || queries < 0) {
  console.error(`--notes must be a whole number ≥ 2, --seed a whole number and --queries a whole number ≥ 0 (got ${values.notes}, ${values.seed}, ${values.queries})`);
  process.exit(2);
}
const started = performance.now();
const summary = await writeCorpus(values.out, { notes, seed, queries });
console.log(
  `wrote ${summary.files} files (${summary.counts.notes} notes, ${summary.counts.papers} papers, ${summary.counts.lines} lines, ` +
    `${(summary.bytes / 1e6).toFixed(1)} MB) to ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
