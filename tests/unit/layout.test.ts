import { describe, expect, it } from 'vitest';
import { compactGraph, expandCompactGraph } from '../../src/lib/graph/compact';
import { computeLayout } from '../../src/lib/graph/layout';
import { corpusOf, idOf, md } from '../helpers/corpus';

const files = Object.fromEntries(
  Array.from({ length: 30 }, (_, i) => [`notes/n${i}.md`, md(`title: N${i}`, `Links to [[N${(i * 7) % 30}]] and [[N${(i + 1) % 30}]].`)]),
);

describe('build-time layout', () => {
  const corpus = corpusOf(files);

  it('places every node at a finite position', () => {
    const positions = computeLayout(corpus.graph);
    expect(positions.size).toBe(corpus.graph.nodes.size);
    for (const { x, y } of positions.values()) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
  });

  it('gives the same positions on every build', () => {
    const a = JSON.stringify([...computeLayout(corpus.graph)]);
    const b = JSON.stringify([...computeLayout(corpusOf(files).graph)]);
    expect(a).toBe(b);
  });

  it('spreads nodes out rather than stacking them', () => {
    const positions = [...computeLayout(corpus.graph).values()];
    expect(new Set(positions.map((p) => `${p.x},${p.y}`)).size).toBe(positions.length);
  });

  it('round-trips through the compact graph format with kinds, stubs, degree and edge types', () => {
    const compact = compactGraph(corpus.graph, computeLayout(corpus.graph));
    const back = expandCompactGraph(JSON.parse(JSON.stringify(compact)));
    expect(back.nodes).toHaveLength(corpus.graph.nodes.size);
    const n0 = back.nodes.find((n) => n.id === idOf('note', 'N0'))!;
    expect(n0).toMatchObject({ kind: 'note', stub: false, title: 'N0' });
    expect(n0.degree).toBe(corpus.graph.outgoing.get(n0.id as never)!.length + corpus.graph.incoming.get(n0.id as never)!.length);
    // Listed by source in the file, so compared as sets.
    const sorted = (edges: object[]) => edges.map((e) => JSON.stringify(e)).sort();
    expect(sorted(back.edges)).toEqual(sorted(corpus.graph.edges.map(({ source, target, type }) => ({ source, target, type }))));
  });

  it('handles an empty graph and a graph without edges', () => {
    expect(computeLayout(corpusOf({}).graph).size).toBe(0);
    expect(computeLayout(corpusOf({ 'notes/a.md': md('title: A') }).graph).size).toBe(1);
  });
});
