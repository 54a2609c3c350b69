import Graphology from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { describe, expect, it } from 'vitest';
import { compactGraph, expandCompactGraph } from '../../src/lib/graph/compact';
import { graphShape } from '../../src/lib/graph/graph';
import { computeLayout, defaultIterations } from '../../src/lib/graph/layout';
import { linkGraph } from '../../src/lib/graph/link-graph';
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

  it('calls its checkpoint after every iteration, and places nodes as it would without', () => {
    let calls = 0;
    const watched = computeLayout(corpus.graph, { iterations: 7, checkpoint: () => calls++ });
    expect(calls).toBe(7);
    expect([...watched]).toEqual([...computeLayout(corpus.graph, { iterations: 7 })]);
  });

  it('lays a pair joined by several links out as the same links drawn one by one would (ForceAtlas2 on a multigraph)', () => {
    // Ten notes in a ring, each linking to the next twice over (two kinds of link) and to the one after once.
    const ids = Array.from({ length: 10 }, (_, i) => `note/r${i}`);
    const links: number[] = [];
    for (let i = 0; i < 10; i++) links.push(i, (i + 1) % 10, (i + 1) % 10, i, i, (i + 2) % 10);
    const shape = graphShape({ ids: ids as never, stubs: [], links: Uint32Array.from(links) });
    const positions = computeLayout(shape);
    // The reference: graphology's ForceAtlas2 on every link as its own edge, from the same start, with the same settings.
    const start = linkGraph(shape);
    computeLayout(shape, { iterations: 0 }, start);
    const reference = new Graphology({ type: 'directed', multi: true });
    start.forEachNode((id, a) => reference.addNode(id, { x: a.x, y: a.y }));
    for (const e of shape.edges) reference.addDirectedEdge(e.source, e.target, { weight: 1 });
    forceAtlas2.assign(reference, {
      iterations: defaultIterations(10),
      settings: { ...forceAtlas2.inferSettings(reference), barnesHutOptimize: false, barnesHutTheta: 1.2, adjustSizes: false },
    });
    reference.forEachNode((id, a) => {
      const p = positions.get(id as never)!;
      expect(Math.abs(p.x - a.x), id).toBeLessThan(0.2);
      expect(Math.abs(p.y - a.y), id).toBeLessThan(0.2);
    });
  });
});

describe('the links the layout and the communities share', () => {
  it('reads links without direction, one edge per pair weighted by its links, and leaves out links to self', () => {
    const shape = graphShape({ ids: ['note/a', 'note/b', 'note/c'] as never, stubs: [], links: Uint32Array.from([0, 1, 1, 0, 0, 1, 1, 2, 2, 2]) });
    const links = linkGraph(shape);
    expect(links.order).toBe(3);
    expect(links.size).toBe(2);
    expect(links.getEdgeAttribute('note/a', 'note/b', 'weight')).toBe(3);
    expect(links.getEdgeAttribute('note/c', 'note/b', 'weight')).toBe(1);
    expect(links.hasEdge('note/c', 'note/c')).toBe(false);
  });
});

