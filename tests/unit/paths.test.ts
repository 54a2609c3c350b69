import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus';
import { adjacencyOf, neighbourhood, shortestPath } from '../../src/lib/graph/walks';
import type { NodeId } from '../../src/lib/content/ids';
import { corpusOf, idOf, md } from '../helpers/corpus';

describe('shortest typed paths', () => {
  const corpus = corpusOf({
    'notes/a.md': md('title: A\npapers: [P]', 'A cites [[B]].'),
    'notes/b.md': md('title: B', 'B cites [[C]].'),
    'notes/c.md': md('title: C'),
    'notes/d.md': md('title: D', 'D cites [[C]] too.'),
    'notes/island.md': md('title: Island'),
  });
  const g = corpus.graph;
  const id = (t: string) => idOf('note', t);

  it('follows edges forwards and names each edge type', () => {
    const path = shortestPath(g, id('A'), id('C'))!;
    expect(path.map((s) => [s.from, s.edge.type, s.direction, s.to])).toEqual([
      [id('A'), 'cites', 'forward', id('B')],
      [id('B'), 'cites', 'forward', id('C')],
    ]);
  });

  it('walks edges against their direction when that is the way through', () => {
    const path = shortestPath(g, id('A'), id('D'))!;
    expect(path.map((s) => s.direction)).toEqual(['forward', 'forward', 'backward']);
    expect(path.at(-1)!.to).toBe(id('D'));
  });

  it('finds the shortest of several routes', () => {
    const corpus2 = corpusOf({
      'notes/s.md': md('title: S', '[[L1]] and [[T]].'),
      'notes/l1.md': md('title: L1', '[[L2]].'),
      'notes/l2.md': md('title: L2', '[[T]].'),
      'notes/t.md': md('title: T'),
    });
    expect(shortestPath(corpus2.graph, id('S'), id('T'))).toHaveLength(1);
  });

  it('says there is no path when nothing connects the two', () => {
    expect(shortestPath(g, id('A'), id('Island'))).toBeUndefined();
  });

  it('keeps to the edge types it is given', () => {
    expect(shortestPath(g, id('A'), idOf('paper', 'P'))!.map((s) => s.edge.type)).toEqual(['related']);
    expect(shortestPath(g, id('A'), idOf('paper', 'P'), { types: ['cites'] })).toBeUndefined();
  });

  it('passes only through the nodes allowed', () => {
    expect(shortestPath(g, id('A'), id('C'), { through: (n) => n !== id('B') })).toBeUndefined();
  });

  it('is empty from a node to itself, and undefined for an unknown node', () => {
    expect(shortestPath(g, id('A'), id('A'))).toEqual([]);
    expect(shortestPath(g, id('A'), 'notes/nope' as NodeId)).toBeUndefined();
  });

  it('connects the granularity note to the RLVER paper on the seed corpus', async () => {
    const seeds = await loadCorpus('content');
    const from = idOf('note', 'Does training granularity change how AI empathy affects reliability?');
    const rlver = [...seeds.graph.nodes.values()].find((n) => n.title.startsWith('RLVER:'))!;
    const path = shortestPath(seeds.graph, from, rlver.id)!;
    expect(path.length).toBeGreaterThan(0);
    expect(path[0].from).toBe(from);
    expect(path.at(-1)!.to).toBe(rlver.id);
  });
});

describe('neighbourhoods', () => {
  const corpus = corpusOf({
    'notes/a.md': md('title: A', '[[B]]'),
    'notes/b.md': md('title: B', '[[C]]'),
    'notes/c.md': md('title: C', '[[D]]'),
    'notes/d.md': md('title: D'),
    'notes/e.md': md('title: E', '[[A]]'),
  });
  const id = (t: string) => idOf('note', t);

  it('holds the nodes within the depth, in either direction, with their distance', () => {
    const one = neighbourhood(corpus.graph, id('A'), 1);
    expect(Object.fromEntries(one.depth)).toEqual({ [id('A')]: 0, [id('B')]: 1, [id('E')]: 1 });
    const two = neighbourhood(corpus.graph, id('A'), 2);
    expect(two.depth.get(id('C'))).toBe(2);
    expect(two.depth.has(id('D'))).toBe(false);
  });

  it('holds only the edges among its nodes', () => {
    const two = neighbourhood(corpus.graph, id('A'), 2);
    expect(two.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual([`${id('A')}>${id('B')}`, `${id('B')}>${id('C')}`, `${id('E')}>${id('A')}`]);
  });

  it('keeps nearer nodes first when capped, and counts what it left out', () => {
    const capped = neighbourhood(corpus.graph, id('A'), 2, { limit: 3 });
    expect([...capped.depth.keys()].sort()).toEqual([id('A'), id('B'), id('E')]);
    expect(capped.omitted).toBe(1);
  });

  it('works on plain adjacency built from node and edge lists', () => {
    const adj = adjacencyOf(['x', 'y', 'z'], [{ source: 'x', target: 'y', type: 'cites' as const }, { source: 'z', target: 'y', type: 'related' as const }]);
    expect(shortestPath(adj, 'x', 'z')!.map((s) => s.edge.type)).toEqual(['cites', 'related']);
  });
});
