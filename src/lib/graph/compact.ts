/**
 * The graph file the browser loads (`/graph/data.json`), shared by the
 * global graph, the local graphs and the path finder. Kept apart from the
 * layout code so the browser never bundles the layout library.
 */
import { EDGE_TYPES, type EdgeType, type Graph } from './graph';
import { KINDS, type Kind, type NodeId } from '../content/ids';
import type { Communities } from './communities';
import { STANCES, STATUSES, stanceOf, statusOf, type Stance, type Status } from './stances';

/** Bits of a node's `flags`. */
export const HAS_CLAIM = 1;

/**
 * The graph as the global view loads it: parallel arrays and indices instead
 * of repeated keys and ids, which roughly halves the file at 10,000 notes.
 * `n`: [id, title, kind index, stub 0/1, x, y, degree, community index, flags, status index?];
 * `e`: [source index, target index, type index, stance index?];
 * `communities`: [central node index, size], largest first.
 * Index `i` of `n` is also the item's number in the search records (`resultPath(i)`).
 */
export interface CompactGraph {
  kinds: readonly Kind[];
  types: readonly EdgeType[];
  stances?: readonly Stance[];
  statuses?: readonly Status[];
  n: [string, string, number, 0 | 1, number, number, number, number?, number?, number?][];
  e: ([number, number, number] | [number, number, number, number])[];
  communities?: [number, number][];
}

export function compactGraph(graph: Graph, positions: Map<NodeId, { x: number; y: number }>, communities?: Communities): CompactGraph {
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
  const e: CompactGraph['e'] = graph.edges.map((edge) => {
    const stance = stanceOf(edge);
    const row: CompactGraph['e'][number] = [index.get(edge.source)!, index.get(edge.target)!, EDGE_TYPES.indexOf(edge.type)];
    return stance ? [...row, STANCES.indexOf(stance)] : row;
  });
  const list = communities?.list.map((c): [number, number] => [index.get(c.central)!, c.size]) ?? [];
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

/** The compact graph read back into nodes and edges, on either side of the wire. */
export function expandCompactGraph(compact: CompactGraph) {
  const nodes: ExpandedNode[] = compact.n.map(([id, title, kind, stub, x, y, degree, community = -1, flags = 0, status], index) => {
    const node: ExpandedNode = { id, title, kind: compact.kinds[kind], stub: stub === 1, x, y, degree, community, claim: (flags & HAS_CLAIM) !== 0, index };
    if (status !== undefined && compact.statuses?.[status]) node.status = compact.statuses[status];
    return node;
  });
  const edges: ExpandedEdge[] = compact.e.map(([s, t, type, stance]) => {
    const edge: ExpandedEdge = { source: nodes[s].id, target: nodes[t].id, type: compact.types[type] };
    if (stance !== undefined && compact.stances?.[stance]) edge.stance = compact.stances[stance];
    return edge;
  });
  const communities = (compact.communities ?? []).map(([central, size], i) => ({ index: i, central: nodes[central].id, title: nodes[central].title, size }));
  return { nodes, edges, communities };
}
