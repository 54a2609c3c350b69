/**
 * Communities of the graph, found at build time with Louvain modularity
 * (graphology-communities-louvain) on the links read without direction.
 * Louvain visits nodes in a random order: the generator is seeded, nodes
 * go in in the graph's sorted order, and communities are numbered by size
 * then by their first id, so two builds of one corpus give the same answer.
 */
import louvain from 'graphology-communities-louvain';
import type { NodeId } from '../content/ids';
import type { GraphShape } from './graph';
import { linkGraph, type LinkGraph } from './link-graph';
import { mulberry32 } from './random';

export interface Community {
  /** 0 for the largest community, then by size. */
  index: number;
  size: number;
  /** The community's most central item: written before stubs, then most links inside the community, then id. */
  central: NodeId;
}

export interface Communities {
  /** Each node's community index. */
  of: Map<NodeId, number>;
  /** Largest first. */
  list: Community[];
}

/** Any fixed seed will do; this one is only here so the order Louvain visits nodes in never changes. */
const SEED = 0x5eed;

/** `links`: the graph's links as ./link-graph.ts reads them, when the caller has made them already. */
export function computeCommunities(graph: GraphShape, links: LinkGraph = linkGraph(graph)): Communities {
  // Several links between two items (a citation and a related paper) pull them together harder.
  const raw = louvain(links, { getEdgeWeight: 'weight', rng: mulberry32(SEED) });

  // Renumber: largest first, ties by the smallest id in the community.
  const members = new Map<number, NodeId[]>();
  for (const id of graph.nodes.keys()) {
    const c = raw[id] ?? -1;
    if (!members.has(c)) members.set(c, []);
    members.get(c)!.push(id);
  }
  const groups = [...members.values()].sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
  const of = new Map<NodeId, number>();
  const list: Community[] = groups.map((ids, index) => {
    for (const id of ids) of.set(id, index);
    return { index, size: ids.length, central: ids[0] };
  });
  for (const community of list) {
    const ids = groups[community.index];
    const inside = (id: NodeId) => {
      let n = 0;
      for (const e of graph.outgoing.get(id) ?? []) if (of.get(e.target) === community.index) n++;
      for (const e of graph.incoming.get(id) ?? []) if (of.get(e.source) === community.index) n++;
      return n;
    };
    let best = ids[0];
    let bestScore = -1;
    for (const id of ids) {
      const score = (graph.nodes.get(id)!.stub ? 0 : 1_000_000) + inside(id);
      if (score > bestScore) [best, bestScore] = [id, score];
    }
    community.central = best;
  }
  return { of, list };
}
