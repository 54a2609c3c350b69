/**
 * The graph file the browser loads (`/graph/data.json`), shared by the
 * global graph, the local graphs and the path finder. Kept apart from the
 * layout code so the browser never bundles the layout library.
 */
import { EDGE_TYPES, type EdgeType, type Graph } from './graph';
import { KINDS, type Kind, type NodeId } from '../content/ids';
import { STANCES, type Stance } from '../content/stance';

/**
 * The graph as the global view loads it: parallel arrays and indices instead
 * of repeated keys and ids, which roughly halves the file at 10,000 notes.
 * `n`: [id, title, kind index, stub 0/1, x, y, degree]; `e`: [source index, target index, type index],
 * followed by the stance index for an edge with a stance.
 */
export interface CompactGraph {
  kinds: readonly Kind[];
  types: readonly EdgeType[];
  stances: readonly Stance[];
  n: [string, string, number, 0 | 1, number, number, number][];
  e: ([number, number, number] | [number, number, number, number])[];
}

export function compactGraph(graph: Graph, positions: Map<NodeId, { x: number; y: number }>): CompactGraph {
  const index = new Map<NodeId, number>();
  const n: CompactGraph['n'] = [];
  for (const node of graph.nodes.values()) {
    index.set(node.id, n.length);
    const { x, y } = positions.get(node.id) ?? { x: 0, y: 0 };
    const degree = (graph.outgoing.get(node.id)?.length ?? 0) + (graph.incoming.get(node.id)?.length ?? 0);
    n.push([node.id, node.title, KINDS.indexOf(node.kind), node.stub ? 1 : 0, x, y, degree]);
  }
  const e: CompactGraph['e'] = graph.edges.map((edge) => {
    const link: [number, number, number] = [index.get(edge.source)!, index.get(edge.target)!, EDGE_TYPES.indexOf(edge.type)];
    return edge.stance ? [...link, STANCES.indexOf(edge.stance)] : link;
  });
  return { kinds: KINDS, types: EDGE_TYPES, stances: STANCES, n, e };
}

/** The compact graph read back into nodes and edges, on either side of the wire. */
export function expandCompactGraph(compact: CompactGraph) {
  const nodes = compact.n.map(([id, title, kind, stub, x, y, degree]) => ({ id, title, kind: compact.kinds[kind], stub: stub === 1, x, y, degree }));
  const edges = compact.e.map(([s, t, type, stance]) => ({
    source: nodes[s].id,
    target: nodes[t].id,
    type: compact.types[type],
    stance: stance === undefined ? undefined : compact.stances[stance],
  }));
  return { nodes, edges };
}
