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

  it('is read from the corpus, which works out every item\'s once, and keeps none for an item that states no figure', () => {
    const reader = idOf('note', 'Reader');
    expect(evidenceModel(corpus, reader).provenance).toBe(corpus.provenance.get(reader));
    expect(corpus.provenance.has(idOf('note', 'Plain'))).toBe(true);
    expect(corpus.provenance.has(idOf('paper', 'Paper'))).toBe(false);
    const quiet = corpusOf({ 'notes/quiet.md': md('title: Quiet', 'Nothing measured here.') });
    expect(quiet.provenance.size).toBe(0);
  });
});

describe('claim data for pages, previews, graph.json and GraphML', async () => {
  const { figureLinkedHtml, claimsIndex, linkPreview, toGraphml } = await import('../../src/lib/site');
  const { interfaceFor } = await import('../../src/lib/site/interface-text');
  const { toGraphJson } = await import('../../src/lib/graph/graph');
  const corpus = corpusOf({
    'notes/granular.md': md(
      'title: Granular\nclaim: trait-level warmth training corrupts reliability while behavior-level emotion rewards preserve it',
      'Trait-level warmth training corrupts. [[Warmth stub]] shows it.\n\nBehavior-level emotion rewards preserve. Since [[Rewards stub]], all is well.\n\nOpen question: Do rewards hold up under sadness?',
    ),
    'notes/trap.md': md('title: Trap\npapers: [Warm paper]', 'Layer 2: warmth degrades reliability ([[Warmth stub]]). Warm models err more on medical reasoning (+8.6pp).\n\nSee `+8.6pp` in code.'),
    'papers/warm-paper.md': md('title: Warm paper', '## Results\n\nWarm models erred more, increasing 8.6 percentage points (pp) on MedQA.'),
  });
  const granular = idOf('note', 'Granular');

  it('graph.json gives a claim its grounding, parts with evidence and chains, and open questions', () => {
    const node = toGraphJson(corpus.graph).nodes.find((n) => n.id === granular)!;
    expect(node.grounding).toBe('verified');
    expect(node.openQuestions).toEqual(['Do rewards hold up under sadness?']);
    expect(node.parts!.map((p) => [p.text, p.status, p.grounding])).toEqual([
      ['trait-level warmth training corrupts reliability', 'supported', 'verified'],
      ['behavior-level emotion rewards preserve it', 'supported', 'inferred'],
    ]);
    expect(node.parts![0].evidence[0]).toEqual({
      id: idOf('note', 'Warmth stub'),
      stance: 'supports',
      stanceFrom: 'inferred',
      assigned: 'paragraph',
      via: [idOf('note', 'Warmth stub')],
      grounding: 'verified',
      passage: { paper: 'papers/warm-paper', section: 'Results', quote: '+8.6pp', passage: 'Warm models erred more, increasing 8.6 percentage points (pp) on MedQA.', url: '/papers/warm-paper/#:~:text=Warm%20models%20erred%20more%2C%20increasing%208.6%20percentage%20points%20(pp)%20on%20MedQA.' },
    });
  });

  it('GraphML carries the same fields, parts as JSON text', () => {
    const xml = toGraphml(corpus.graph);
    expect(xml).toContain('<key id="n_grounding" for="node" attr.name="grounding" attr.type="string"/>');
    const node = new RegExp(`<node id="${granular}">(.*?)</node>`).exec(xml)![1];
    expect(node).toContain('<data key="n_grounding">verified</data>');
    const parts = /<data key="n_parts">(.*?)<\/data>/.exec(node)![1].replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c)));
    expect(JSON.parse(parts)).toEqual(toGraphJson(corpus.graph).nodes.find((n) => n.id === granular)!.parts);
  });

  it('/claims/ lists parts no passage grounds and every open question', () => {
    const index = claimsIndex(corpus);
    expect(index.ungrounded.map((u) => [u.part, u.grounding])).toEqual([['behavior-level emotion rewards preserve it', 'inferred']]);
    expect(index.openQuestions.map((q) => [q.node.id, q.question])).toEqual([[granular, 'Do rewards hold up under sadness?']]);
    expect(index.rows.find((r) => r.node.id === granular)).toMatchObject({ grounding: 'verified', papers: 1, strongestSource: { node: { id: 'papers/warm-paper' } } });
  });

  it('a preview says the grounding beside the status', () => {
    expect(linkPreview(corpus, granular, interfaceFor('en'))).toMatchObject({ status: 'supported', grounding: 'verified', groundingText: 'verified in 1 paper' });
  });

  it('a verified figure in running text links to its passage, once, never inside code', () => {
    const report = evidenceModel(corpus, idOf('note', 'Trap')).provenance;
    const html = '<p>Layer 2 (+8.6pp) and again +8.6pp.</p><p><code>+8.6pp</code></p>';
    const out = figureLinkedHtml(html, report);
    expect(out.match(/data-figure-link/g)).toHaveLength(1);
    expect(out).toContain('<a href="/papers/warm-paper/#:~:text=Warm%20models%20erred%20more%2C%20increasing%208.6%20percentage%20points%20(pp)%20on%20MedQA." aria-describedby="figure-passage-1">+8.6pp</a>');
    expect(out).toContain('role="tooltip" id="figure-passage-1">Warm paper, Results: “Warm models erred more, increasing 8.6 percentage points (pp) on MedQA.”</span>');
    expect(out).toContain('<code>+8.6pp</code>');
    expect(figureLinkedHtml(html, undefined)).toBe(html);
  });
});
