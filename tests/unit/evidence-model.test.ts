/**
 * What an item page shows of figures and quotations: only where there is a
 * claim, or a paper with text to check them against.
 */
import { describe, expect, it } from 'vitest';
import { evidenceModel } from '../../src/lib/site/evidence';
import { corpusOf, idOf, md } from '../helpers/corpus';

describe('the figures box', () => {
  const corpus = corpusOf({
    'notes/plain.md': md('title: Plain', 'Coverage reached 51 % last week. Run `awk "{print $2 $3 $6}"` on "the log file of the day" to see.'),
    'notes/claimed.md': md('title: Claimed\nclaim: coverage is high', 'Coverage reached 51 % last week.'),
    'notes/reader.md': md('title: Reader\npapers: [Paper]', 'The paper reports 8.6 percentage points.'),
    'papers/paper.md': md('title: Paper\nabstract: Errors rose by 8.6 percentage points.'),
  });

  it('never appears on a note with no claim and no paper within reach', () => {
    expect(evidenceModel(corpus, idOf('note', 'Plain')).provenance).toBeUndefined();
  });

  it('appears on a note with a claim, found or not', () => {
    expect(evidenceModel(corpus, idOf('note', 'Claimed')).provenance?.figures.map((f) => f.figure.raw)).toEqual(['51 %']);
  });

  it('appears on a note with no claim that links a paper with text', () => {
    const report = evidenceModel(corpus, idOf('note', 'Reader')).provenance!;
    expect(report.figures[0].sources.map((s) => s.paper.title)).toEqual(['Paper']);
  });
});
