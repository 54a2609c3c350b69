import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus';
import { compareFigures, findFigures } from '../../src/lib/corpus/figures';
import { provenance } from '../../src/lib/corpus/provenance';
import type { NodeId } from '../../src/lib/content/ids';
import { EDGE_TYPES, GraphBuilder, type Graph } from '../../src/lib/graph/graph';
import { mulberry32 } from '../../src/lib/graph/random';
import { linkedPapers } from '../../src/lib/graph/walks';
import { corpusOf, idOf, md } from '../helpers/corpus';

const one = (text: string) => {
  const found = findFigures(text);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('finding figures in text', () => {
  it('reads percentage points in their common spellings', () => {
    for (const text of ['+8.6pp', 'rose 8.6 pp on MedQA', '8.6 percentage points (pp)', '8.6 percentage-points', '8.6 p.p.']) {
      expect(one(text)).toMatchObject({ unit: 'pp', value: 8.6, decimals: 1 });
    }
  });

  it('reads percentages', () => {
    expect(one('about 19.4% more')).toMatchObject({ unit: '%', value: 19.4 });
    expect(one('roughly 19 percent')).toMatchObject({ unit: '%', value: 19, decimals: 0 });
  });

  it('reads ranges as one figure, with dashes or "to"', () => {
    for (const text of ['10-30 percentage points', '10–30 percentage-point increases', '10 to 30 percentage points', '+10 to +30 percentage points', '5–9pp']) {
      const f = one(text);
      expect(f.unit).toBe('pp');
      expect(f.upper).toBeGreaterThan(f.value);
    }
    expect(one('from 4% to 35%')).toMatchObject({ unit: '%', value: 4, upper: 35 });
  });

  it('reads p-values and named statistics', () => {
    expect(one('(p < 0.001)')).toMatchObject({ unit: 'p', comparator: '<', value: 0.001 });
    expect(one('p<.05')).toMatchObject({ unit: 'p', comparator: '<', value: 0.05 });
    expect(one('β = 0.4266')).toMatchObject({ unit: 'stat', name: 'β', value: 0.4266, decimals: 4 });
    expect(one('beta = 0.4266')).toMatchObject({ unit: 'stat', name: 'β' });
  });

  it('leaves plain numbers, years and citations alone', () => {
    expect(findFigures('In 2025 five models [32, 33] answered 500 questions.')).toEqual([]);
  });

  it('records where each figure stands, in reading order', () => {
    const text = 'Errors rose 8.6 pp (p < 0.001) and 19.4% under emotion.';
    expect(findFigures(text).map((f) => text.slice(f.start, f.end))).toEqual(['8.6 pp', 'p < 0.001', '19.4%']);
  });
});

describe('comparing figures', () => {
  const f = (text: string) => findFigures(text)[0];
  it('matches equal values of the same unit, whatever the spelling', () => {
    expect(compareFigures(f('+8.6pp'), f('8.6 percentage points'))).toBe('exact');
    expect(compareFigures(f('10-30 percentage points'), f('+10 to +30 percentage points'))).toBe('exact');
    expect(compareFigures(f('p < 0.001'), f('p<.001'))).toBe('exact');
  });
  it('matches a rounded statement of a more precise figure, and says so', () => {
    expect(compareFigures(f('roughly 19%'), f('19.4%'))).toBe('rounded');
    expect(compareFigures(f('19.4%'), f('19%'))).toBeUndefined();
  });
  it('does not match different values, units, comparators or statistics', () => {
    expect(compareFigures(f('8.6pp'), f('8.4 pp'))).toBeUndefined();
    expect(compareFigures(f('8.6pp'), f('8.6%'))).toBeUndefined();
    expect(compareFigures(f('p < 0.001'), f('p = 0.001'))).toBeUndefined();
    expect(compareFigures(f('β = 0.4'), f('r = 0.4'))).toBeUndefined();
    expect(compareFigures(f('10-30 pp'), f('10 pp'))).toBeUndefined();
  });
});

describe('figure provenance', () => {
  const corpus = corpusOf({
    'notes/n.md': md('title: N\npapers: [Direct]', 'Direct says +8.6pp. [[Middle]] adds 19.4% and claims 42% too.'),
    'notes/middle.md': md('title: Middle\npapers: [Far]'),
    'papers/direct.md': md('title: Direct\nabstract: We find errors of 8.6 percentage points.'),
    'papers/far.md': md('title: Far', '## Results\n\nThe effect was 19.4% larger than expected.\n\n## Unrelated\n\nNothing here.'),
    'papers/unlinked.md': md('title: Unlinked', 'It was 42% in our data.'),
  });
  const report = provenance(corpus, idOf('note', 'N'));
  const byRaw = (raw: string) => report.figures.find((f) => f.figure.raw === raw)!;

  it('finds a figure in the abstract of a paper the note relates', () => {
    expect(byRaw('+8.6pp').sources).toEqual([expect.objectContaining({ distance: 1, section: { text: 'Abstract', anchor: 'abstract-heading' }, passage: 'We find errors of 8.6 percentage points.', match: 'exact' })]);
  });

  it('finds a figure one step away, under the section heading that holds it', () => {
    const [source] = byRaw('19.4%').sources;
    expect(source.paper.title).toBe('Far');
    expect(source.distance).toBe(2);
    expect(source.section).toEqual({ text: 'Results', anchor: 'results' });
    expect(source.passage).toBe('The effect was 19.4% larger than expected.');
  });

  it('reports a figure no linked paper states, even when an unlinked paper does', () => {
    expect(byRaw('42%').sources).toEqual([]);
  });

  it('says which papers were searched', () => {
    expect(report.searched.map((s) => [s.paper.title, s.distance])).toEqual([['Direct', 1], ['Far', 2]]);
  });
});

describe('the papers an item reaches', () => {
  /** The definition, walked edge by edge: papers linked (distance 1), then papers its linked items link to (distance 2). */
  const walked = (graph: Graph, id: NodeId) => {
    const found = new Map<NodeId, 1 | 2>();
    const first = graph.outgoing.get(id)!.map((e) => e.target).filter((t) => t !== id);
    for (const t of first) if (graph.nodes.get(t)!.kind === 'paper' && !found.has(t)) found.set(t, 1);
    for (const t of first) for (const e of graph.outgoing.get(t)!) if (e.target !== id && graph.nodes.get(e.target)!.kind === 'paper' && !found.has(e.target)) found.set(e.target, 2);
    return [...found];
  };

  it('are those of the two-hop walk, in its order, on a random graph with hubs, self-links and repeated links', () => {
    const random = mulberry32(7);
    const builder = new GraphBuilder();
    const ids = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? `papers/p${i}` : `notes/n${i}`) as NodeId);
    for (const id of ids) builder.addNode({ id, kind: id.startsWith('papers/') ? 'paper' : 'note', title: id, aliases: [], tags: [], stub: false });
    for (const source of ids) {
      // A few items link to a third of the graph, as lines and hub notes do.
      const links = random() < 0.05 ? 100 : Math.floor(random() * 12);
      for (let k = 0; k < links; k++) builder.addEdge(source, ids[Math.floor(random() * ids.length)], EDGE_TYPES[Math.floor(random() * EDGE_TYPES.length)]);
    }
    const graph = builder.build();
    let reached = 0;
    for (const id of ids) {
      const papers = linkedPapers(graph, id).map(({ paper, distance }) => [paper.id, distance]);
      expect(papers).toEqual(walked(graph, id));
      reached += papers.length;
    }
    expect(reached).toBeGreaterThan(ids.length);
  });
});

describe('figure provenance on the seed corpus', async () => {
  const corpus = await loadCorpus('content');
  const paper = 'Training language models to be warm and empathetic makes them less reliable and more sycophantic';
  const report = provenance(corpus, idOf('note', 'Does empathy training make AI systems less reliable?'));
  const sourcesOf = (value: number, unit: string) => report.figures.find((f) => f.figure.value === value && f.figure.unit === unit)!.sources;

  it('finds 8.6 pp in the full text of the warmth paper, under its section', () => {
    const [s] = sourcesOf(8.6, 'pp');
    expect(s.paper.title).toBe(paper);
    expect(s.section?.text).toBe('Warm models show systematic reliability degradation');
    expect(s.passage).toContain('8.6 percentage points (pp) on MedQA');
  });

  it('finds 19.4% in the full text of the warmth paper', () => {
    const [s] = sourcesOf(19.4, '%');
    expect(s.paper.title).toBe(paper);
    expect(s.section?.text).toBe('Interpersonal context amplifies reliability problems');
    expect(s.passage).toContain('19.4% more than expected');
  });

  it('finds the 10-30 percentage point range in the abstract', () => {
    const range = report.figures.find((f) => f.figure.upper === 30)!;
    expect(range.sources[0].section?.text).toBe('Abstract');
  });
});
