/**
 * Writes a deterministic synthetic corpus.
 *
 *   npm run gen-corpus -- --notes 1000 --out bench/corpus-1000 [--seed 1]
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
  },
});

if (!values.out) {
  console.error('usage: npm run gen-corpus -- --notes N --out DIR [--seed S]');
  process.exit(2);
}
const notes = Number(values.notes);
const seed = Number(values.seed);
if (!Number.isInteger(notes) || notes < 2 || !Number.isInteger(seed)) {
  console.error(`--notes must be a whole number ≥ 2 and --seed a whole number (got ${values.notes}, ${values.seed})`);
  process.exit(2);
}
const started = performance.now();
const summary = await writeCorpus(values.out, { notes, seed });
console.log(
  `wrote ${summary.files} files (${summary.counts.notes} notes, ${summary.counts.papers} papers, ${summary.counts.lines} lines, ` +
    `${(summary.bytes / 1e6).toFixed(1)} MB) to ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
