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
  /**
   * The community's most linked items, most first (up to `LEADING`): written items before stubs, then the
   * most links to and from the item (the degree the graph file gives it), then the most inside the
   * community, then by id. The first names the community; the second tells apart two that share a name.
   */
  leading: NodeId[];
}

export interface Communities {
  /** Each node's community index. */
  of: Map<NodeId, number>;
  /** Largest first. */
  list: Community[];
}

/** Any fixed seed will do; this one is only here so the order Louvain visits nodes in never changes. */
const SEED = 0x5eed;
/** How many of a community's most linked items it keeps. */
const LEADING = 2;

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
  groups.forEach((ids, index) => ids.forEach((id) => of.set(id, index)));
  const list: Community[] = groups.map((ids, index) => {
    const rank = ids.map((id) => {
      let all = 0;
      let inside = 0;
      for (const e of graph.outgoing.get(id) ?? []) [all, inside] = [all + 1, inside + (of.get(e.target) === index ? 1 : 0)];
      for (const e of graph.incoming.get(id) ?? []) [all, inside] = [all + 1, inside + (of.get(e.source) === index ? 1 : 0)];
      return { id, written: graph.nodes.get(id)!.stub ? 0 : 1, all, inside };
    });
    rank.sort((a, b) => b.written - a.written || b.all - a.all || b.inside - a.inside || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { index, size: ids.length, leading: rank.slice(0, LEADING).map((r) => r.id) };
  });
  return { of, list };
}

/**
 * Each community's name, as the legend and the overview show it: its most
 * linked item's title. Two communities never show the same name (compared
 * without case): a later one (smaller) whose name is taken adds its second
 * most linked item's title ("Index · Category theory"), and when that is
 * taken too, or there is none, a number ("Index (2)").
 */
export function communityNames(communities: Communities, titleOf: (id: NodeId) => string): string[] {
  const taken = new Set<string>();
  const key = (name: string) => name.trim().toLocaleLowerCase();
  return communities.list.map(({ leading }) => {
    const first = titleOf(leading[0]);
    const tries = [first, ...(leading[1] ? [`${first} · ${titleOf(leading[1])}`] : [])];
    let name = tries.find((t) => !taken.has(key(t)));
    for (let k = 2; name === undefined; k++) if (!taken.has(key(`${first} (${k})`))) name = `${first} (${k})`;
    taken.add(key(name));
    return name;
  });
}

/** What the overview of a big graph draws: each community's centre, and the links between each two communities. */
export interface CommunityMap {
  /** Per community (by index), the mean of its items' positions. */
  centres: { x: number; y: number }[];
  /** Each pair of communities joined by links, `a < b`, sorted by `a` then `b`, with how many links join them (either direction). */
  between: { a: number; b: number; links: number }[];
}

export function communityMap(graph: GraphShape, communities: Communities, positions: ReadonlyMap<NodeId, { x: number; y: number }>): CommunityMap {
  const sums = communities.list.map(() => ({ x: 0, y: 0, n: 0 }));
  for (const [id, c] of communities.of) {
    const p = positions.get(id);
    if (!p) continue;
    sums[c].x += p.x;
    sums[c].y += p.y;
    sums[c].n++;
  }
  const centres = sums.map(({ x, y, n }) => (n ? { x: x / n, y: y / n } : { x: 0, y: 0 }));
  const count = new Map<number, number>();
  const size = communities.list.length;
  for (const { source, target } of graph.edges) {
    const s = communities.of.get(source);
    const t = communities.of.get(target);
    if (s === undefined || t === undefined || s === t) continue;
    const pair = Math.min(s, t) * size + Math.max(s, t);
    count.set(pair, (count.get(pair) ?? 0) + 1);
  }
  const between = [...count]
    .sort((p, q) => p[0] - q[0])
    .map(([pair, links]) => ({ a: Math.floor(pair / size), b: pair % size, links }));
  return { centres, between };
}
