/**
 * The graph file the browser loads (`/graph/data.json`), shared by the
 * global graph, the local graphs and the path finder. Kept apart from the
 * layout code so the browser never bundles the layout library.
 */
import { EDGE_TYPES, type EdgeType, type Graph } from './graph';
import { KINDS, type Kind, type NodeId } from '../content/ids';
import type { Communities } from './communities';
import { STANCES, STATUSES, stanceOf, statusOf, type Stance, type Status } from './stance-accessors';

/** Bits of a node's `flags`. */
export const HAS_CLAIM = 1;

/**
 * The graph as the global view loads it: parallel arrays and indices instead
 * of repeated keys and ids, which would otherwise be the better part of the file.
 * `n`: [id, title, kind index, stub 0/1, x, y, degree, community index, flags, status index?];
 * `e`: the links as columns of integers (see `CompactEdges`);
 * `communities`: [most linked item's index, size, name?], largest first; the name only where it is not
 * that item's title (two communities led by items of one title: ./communities.ts `communityNames`).
 * Index `i` of `n` is also the item's number in the search records (`resultPath(i)`).
 */
export interface CompactGraph {
  kinds: readonly Kind[];
  types: readonly EdgeType[];
  stances?: readonly Stance[];
  statuses?: readonly Status[];
  n: [string, string, number, 0 | 1, number, number, number, number?, number?, number?][];
  e: CompactEdges;
  communities?: CommunityRow[];
}

/** [most linked item's index into `n`, size, name where it is not that item's title]. */
export type CommunityRow = [number, number, string?];

/**
 * From this many items on, the global graph opens on its communities (one node each, the overview file
 * below) rather than on every item: at that size every item drawn at once is a hairball whose labels
 * name a few hubs. Below it the page opens on every item. `?overview-from=<n>`
 * on the page's address sets another threshold for that visit (a test's small corpus, a reader's choice).
 */
export const OVERVIEW_FROM = 10_000;

/** The threshold for a visit to the global graph: `?overview-from=<n>` in `search` when it is a whole number, else `OVERVIEW_FROM`. */
export function overviewFrom(search: string): number {
  const asked = new URLSearchParams(search).get('overview-from');
  return asked !== null && /^\d+$/.test(asked) ? Number(asked) : OVERVIEW_FROM;
}

/**
 * The global graph's overview (`/graph/communities.json`): what the page draws first from
 * `OVERVIEW_FROM` items on, a few kilobytes read before the whole graph file, which is megabytes at that size.
 * Everything in it comes from the build: the communities, their names, the centres of their items'
 * build-time positions, and how many links join each two.
 */
export interface CompactOverview {
  /** Items and links in the whole graph. */
  items: number;
  links: number;
  /** Per community, largest first (the graph file's community indices): [name, size, centre x, centre y, most linked item's id]. */
  c: [string, number, number, number, string][];
  /** Pairs of communities joined by links, as columns: community `a`, community `b` (`a < b`), how many links join them. */
  between: { a: number[]; b: number[]; links: number[] };
}

export interface OverviewCommunity {
  index: number;
  name: string;
  size: number;
  x: number;
  y: number;
  /** The most linked item, which names the community. */
  leading: string;
}

/** The overview file read back: communities as objects, the links between them as a list. */
export function readOverview(overview: CompactOverview) {
  const communities: OverviewCommunity[] = overview.c.map(([name, size, x, y, leading], index) => ({ index, name, size, x, y, leading }));
  const between = overview.between.a.map((a, i) => ({ a, b: overview.between.b[i], links: overview.between.links[i] }));
  return { items: overview.items, links: overview.links, communities, between };
}

/**
 * The links as flat columns of integers rather than one small array per
 * link, listed by source node so that the sources need no column of their
 * own. Columns of numbers parse far faster than a little array per link,
 * take fewer bytes, and the browser allocates nothing per link to read
 * them.
 */
export interface CompactEdges {
  /** Per node (in the order of `n`), how many links start at it: the links are listed by source. */
  out: number[];
  /** Per link, its target's index into `n`. */
  target: number[];
  /** Index into `types`. */
  type: number[];
  /** Per link, 1 + its stance's index into `stances`, or 0 when it takes none (half the links of a corpus may take one, so a column is smaller than a list of pairs). */
  stance: number[];
}

/** `names`: each community's name (./communities.ts `communityNames`); by default its most linked item's title. */
export function compactGraph(graph: Graph, positions: Map<NodeId, { x: number; y: number }>, communities?: Communities, names?: readonly string[]): CompactGraph {
  const index = new Map<NodeId, number>();
  const n: CompactGraph['n'] = [];
  for (const node of graph.nodes.values()) {
    index.set(node.id, n.length);
    const { x, y } = positions.get(node.id) ?? { x: 0, y: 0 };
    const degree = (graph.outgoing.get(node.id)?.length ?? 0) + (graph.incoming.get(node.id)?.length ?? 0);
    const row: CompactGraph['n'][number] = [node.id, node.title, KINDS.indexOf(node.kind), node.stub ? 1 : 0, x, y, degree, communities?.of.get(node.id) ?? -1, node.claim ? HAS_CLAIM : 0];
    const status = statusOf(node);
    if (status) row.push(STATUSES.indexOf(status));
    n.push(row);
  }
  const e: CompactEdges = { out: n.map(() => 0), target: [], type: [], stance: [] };
  const bySource = graph.edges.map((edge) => ({ edge, source: index.get(edge.source)! }));
  bySource.sort((a, b) => a.source - b.source);
  for (const { edge, source } of bySource) {
    e.out[source]++;
    e.target.push(index.get(edge.target)!);
    e.type.push(EDGE_TYPES.indexOf(edge.type));
    const stance = stanceOf(edge);
    e.stance.push(stance ? STANCES.indexOf(stance) + 1 : 0);
  }
  const list =
    communities?.list.map((c, i): CommunityRow => {
      const leading = index.get(c.leading[0])!;
      const name = names?.[i];
      return name !== undefined && name !== n[leading][1] ? [leading, c.size, name] : [leading, c.size];
    }) ?? [];
  return { kinds: KINDS, types: EDGE_TYPES, stances: STANCES, statuses: STATUSES, n, e, communities: list };
}

export interface ExpandedNode {
  id: string;
  title: string;
  kind: Kind;
  stub: boolean;
  x: number;
  y: number;
  degree: number;
  /** Index into `communities`; -1 when the graph has none. */
  community: number;
  claim: boolean;
  status?: Status;
  /** Position in the graph file, which is also the item's search record number. */
  index: number;
}

export interface ExpandedEdge {
  source: string;
  target: string;
  type: EdgeType;
  stance?: Stance;
}

/** The links read back as columns, the way the global view walks them: node indices, type and stance names per link. */
export interface EdgeColumns {
  count: number;
  source: ArrayLike<number>;
  target: ArrayLike<number>;
  /** Per link, its type's index into `types`. */
  type: ArrayLike<number>;
  /** Per link, its stance's index into `stances`, or -1 when it takes none. */
  stance: Int8Array;
  types: readonly EdgeType[];
  stances: readonly Stance[];
}

/** The compact graph read back: nodes as objects, links as columns (nothing allocated per link). */
export function readCompactGraph(compact: CompactGraph) {
  const nodes: ExpandedNode[] = compact.n.map(([id, title, kind, stub, x, y, degree, community = -1, flags = 0, status], index) => {
    const node: ExpandedNode = { id, title, kind: compact.kinds[kind], stub: stub === 1, x, y, degree, community, claim: (flags & HAS_CLAIM) !== 0, index };
    if (status !== undefined && compact.statuses?.[status]) node.status = compact.statuses[status];
    return node;
  });
  const { out, target, type } = compact.e;
  const source = new Int32Array(target.length);
  let l = 0;
  out.forEach((count, i) => source.fill(i, l, (l += count)));
  const stance = new Int8Array(target.length);
  compact.e.stance.forEach((k, i) => (stance[i] = compact.stances?.[k - 1] ? k - 1 : -1));
  const links: EdgeColumns = { count: target.length, source, target, type, stance, types: compact.types, stances: compact.stances ?? [] };
  const communities = (compact.communities ?? []).map(([leading, size, name], i) => ({ index: i, leading: nodes[leading].id, title: name ?? nodes[leading].title, size }));
  return { nodes, links, communities };
}

/** Link `i` of the columns as an object with the ids of its ends. */
export function edgeAt(links: EdgeColumns, nodes: readonly ExpandedNode[], i: number): ExpandedEdge {
  const edge: ExpandedEdge = { source: nodes[links.source[i]].id, target: nodes[links.target[i]].id, type: links.types[links.type[i]] };
  if (links.stance[i] >= 0) edge.stance = links.stances[links.stance[i]];
  return edge;
}

/** The compact graph read back into nodes and edges, on either side of the wire. */
export function expandCompactGraph(compact: CompactGraph) {
  const { nodes, links, communities } = readCompactGraph(compact);
  const edges: ExpandedEdge[] = Array.from({ length: links.count }, (_, i) => edgeAt(links, nodes, i));
  return { nodes, edges, communities };
}
