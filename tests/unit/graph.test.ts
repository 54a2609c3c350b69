import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus';
import { toGraphJson, type EdgeType } from '../../src/lib/graph';
import { pageModel } from '../../src/lib/site/pages';
import { corpusOf, idOf, md } from '../helpers/corpus';

const fixture = path.resolve('tests/fixtures/basic');

describe('graph construction on the basic fixture', async () => {
  const corpus = await loadCorpus(fixture);
  const { graph } = corpus;
  const edge = (type: EdgeType, source: string, target: string) =>
    graph.edges.find((e) => e.type === type && e.source === source && e.target === target);

  it('makes a node per written file and per stub, with kinds from folders', () => {
    expect(graph.nodes.get('notes/warmth' as never)).toMatchObject({ kind: 'note', stub: false, claim: 'Warmth training raises error rates on safety-critical tasks.' });
    expect(graph.nodes.get('papers/warm-and-empathetic' as never)).toMatchObject({ kind: 'paper', stub: false });
    expect(graph.nodes.get('lines/clinically-dangerous' as never)).toMatchObject({ kind: 'line', stub: false });
  });

  it('a wiki link in a body becomes a cites edge carrying its sentence', () => {
    const e = edge('cites', 'notes/warmth', 'notes/emotion-rewards')!;
    expect(e.contexts[0].sentence).toBe('This is what Can emotion rewards make language models genuinely empathic? argues against.');
  });

  it('a note’s related papers become ranked related edges', () => {
    expect(edge('related', 'notes/warmth', 'papers/warm-and-empathetic')?.rank).toBe(1);
    expect(edge('related', 'notes/warmth', idOf('paper', 'An Unwritten Paper About Empathy'))?.rank).toBe(2);
  });

  it('a line’s sources become ranked source edges glossed with the line’s summary', () => {
    const e = edge('source', 'lines/clinically-dangerous', 'notes/warmth')!;
    expect(e.rank).toBe(1);
    expect(e.contexts[0].sentence).toBe('Five models trained for warmth showed 5–9pp error increases.');
  });

  it('the lines a note lists become source edges from those lines, merged with the line’s own list', () => {
    const e = edge('source', 'lines/clinically-dangerous', 'notes/warmth')!;
    expect(graph.edges.filter((x) => x.type === 'source' && x.source === e.source && x.target === e.target)).toHaveLength(1);
    const alone = corpusOf({ 'notes/n.md': md('title: N\nlines: [Where does it lead?]') });
    expect(alone.graph.edges).toEqual([expect.objectContaining({ type: 'source', source: idOf('line', 'Where does it lead?'), target: 'notes/n' })]);
  });

  it('next lines and similar papers become next and similar edges', () => {
    expect(edge('next', 'lines/clinically-dangerous', idOf('line', 'Do safety benchmarks miss the effects of warmth training?'))).toBeDefined();
    expect(edge('similar', 'papers/warm-and-empathetic', idOf('paper', 'Sycophantic AI Decreases Prosocial Intentions and Promotes Dependence'))).toBeDefined();
  });

  it('infers each stub’s kind from how it is referenced', () => {
    expect(graph.nodes.get(idOf('paper', 'An Unwritten Paper About Empathy'))).toMatchObject({ kind: 'paper', stub: true });
    expect(graph.nodes.get(idOf('note', 'Can language models safely provide mental health support?'))).toMatchObject({ kind: 'note', stub: true, summary: 'LLMs express stigma and reinforce delusions.' });
    expect(graph.nodes.get(idOf('line', 'Do safety benchmarks miss the effects of warmth training?'))).toMatchObject({ kind: 'line', stub: true });
    expect(graph.nodes.get(idOf('note', 'Does empathetic AI that soothes negative emotions help or harm?'))).toMatchObject({ kind: 'note', stub: true });
  });

  it('backlinks are the inverse edges, each with the sentence that makes it', () => {
    const model = pageModel(corpus, 'notes/warmth' as never);
    const linkedFrom = model.incoming.find((g) => g.type === 'cites')!;
    expect(linkedFrom.direction).toBe('incoming');
    const fromGranularity = linkedFrom.items.find((i) => i.node.id === 'notes/granularity')!;
    expect(fromGranularity.edge.contexts.map((c) => c.sentence)).toContain('Behavior-level rewards preserve, as the trap note shows by contrast.');
    expect(model.incoming.find((g) => g.type === 'source')!.items.length).toBeGreaterThan(0);
  });

  it('a paper lists the notes that rely on it', () => {
    const model = pageModel(corpus, 'papers/warm-and-empathetic' as never);
    const relying = model.incoming.find((g) => g.type === 'related')!;
    expect(relying.items.map((i) => i.node.id).sort()).toEqual(['notes/granularity', 'notes/warmth']);
  });

  it('makes no edge for a link to oneself, and one edge however often a link repeats', () => {
    expect(graph.edges.some((e) => e.source === e.target)).toBe(false);
    const repeated = graph.edges.filter((e) => e.type === 'cites' && e.source === 'notes/granularity' && e.target === 'notes/warmth');
    expect(repeated).toHaveLength(1);
    expect(repeated[0].contexts.length).toBeGreaterThanOrEqual(3);
  });

  it('leaves a file with a bad field out of the graph and reports it', () => {
    expect(graph.nodes.has('notes/broken' as never)).toBe(false);
    expect(corpus.problems).toContainEqual(expect.objectContaining({ file: 'notes/broken.md', line: 3, field: 'papers', severity: 'error' }));
  });

  it('exports the documented graph.json shape', () => {
    const json = toGraphJson(graph);
    expect(json.nodes.find((n) => n.id === 'notes/warmth')).toEqual({
      id: 'notes/warmth', kind: 'note', title: 'Does warmth training make language models less reliable?',
      claim: 'Warmth training raises error rates on safety-critical tasks.', summary: 'Five models trained for warmth made more errors.', url: '/notes/warmth/', stub: false, status: 'supported',
      grounding: 'verified',
      parts: [expect.objectContaining({ text: 'Warmth training raises error rates on safety-critical tasks', status: 'supported', grounding: 'verified' })],
      openQuestions: ['Since Does empathetic AI that soothes negative emotions help or harm?, warmth is suspect.'],
    });
    const [verified] = json.nodes.find((n) => n.id === 'notes/warmth')!.parts![0].evidence;
    expect(verified).toMatchObject({ id: 'papers/warm-and-empathetic', stanceFrom: 'verified', assigned: 'whole', via: [], grounding: 'verified', passage: { paper: 'papers/warm-and-empathetic', quote: '8.6 percentage points' } });
    expect(new Set(json.edges.map((e) => e.type))).toEqual(new Set(['cites', 'source', 'related', 'next', 'similar']));
    expect(readFileSync(path.join(fixture, 'notes/warmth.md'), 'utf8')).toContain('The warmth trap');
  });
});

describe('stub kind inference', () => {
  it('prefers a typed list over a plain link when the two disagree', () => {
    const corpus = corpusOf({
      'notes/a.md': md('title: A', 'Plain link to [[Mystery item]].'),
      'papers/p.md': md('title: P\nsimilar: [Mystery item]'),
    });
    expect(corpus.graph.nodes.get(idOf('paper', 'Mystery item'))).toMatchObject({ kind: 'paper', stub: true });
    expect(corpus.graph.nodes.has(idOf('note', 'Mystery item'))).toBe(false);
  });

  it('gives a stub that shares a slug with a written item its own address', () => {
    const corpus = corpusOf({ 'notes/x.md': md('title: Written', 'Link to [[X]].') });
    expect(corpus.graph.nodes.get('notes/x' as never)!.title).toBe('Written');
    // "X" resolves to the file named x by id, so no stub is needed at all.
    expect(corpus.graph.outgoing.get('notes/x' as never)).toEqual([]);
  });

  it('is linear in practice: a thousand notes in a chain build one edge each', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) files[`notes/n${i}.md`] = md(`title: Note ${i}`, `Next is [[Note ${i + 1}]].`);
    const corpus = corpusOf(files);
    expect(corpus.graph.edges).toHaveLength(1000);
    expect(corpus.graph.nodes.get(idOf('note', 'Note 1000'))?.stub).toBe(true);
  });
});
