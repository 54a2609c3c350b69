/**
 * Walks over the typed graph in both directions: the shortest path between
 * two items ("how is A connected to B") and the neighbourhood of one item.
 * Written against plain adjacency so the same code runs at build time on the
 * corpus graph and in the browser on the compact graph file. Then one walk
 * along links only, over the corpus graph: the papers within two links of an
 * item, where its figures and quotations are looked for.
 */
import type { NodeId } from '../content/ids';
import type { EdgeType, Graph, GraphNode } from './graph';

/** What a walk needs of an edge. */
export interface LinkLike<Id extends string = string> {
  source: Id;
  target: Id;
  type: EdgeType;
}

/** What a walk needs of a graph: edges by the node they leave and the node they reach. */
export interface Adjacency<Id extends string = string, E extends LinkLike<Id> = LinkLike<Id>> {
  outgoing: Map<Id, E[]>;
  incoming: Map<Id, E[]>;
}

/** One step of a path: the edge taken, and whether it was walked along or against its direction. */
export interface PathStep<Id extends string = string, E extends LinkLike<Id> = LinkLike<Id>> {
  from: Id;
  to: Id;
  edge: E;
  direction: 'forward' | 'backward';
}

export interface WalkOptions<Id extends string = string> {
  /** Edge types the walk may use; all by default. */
  types?: Iterable<EdgeType>;
  /** Nodes the walk may pass through (the ends are always allowed), e.g. to keep out stubs. */
  through?: (id: Id) => boolean;
}

function* steps<Id extends string, E extends LinkLike<Id>>(graph: Adjacency<Id, E>, id: Id, types: Set<EdgeType> | undefined): Generator<PathStep<Id, E>> {
  for (const edge of graph.outgoing.get(id) ?? []) {
    if (!types || types.has(edge.type)) yield { from: id, to: edge.target, edge, direction: 'forward' };
  }
  for (const edge of graph.incoming.get(id) ?? []) {
    if (!types || types.has(edge.type)) yield { from: id, to: edge.source, edge, direction: 'backward' };
  }
}

/**
 * The shortest path from `from` to `to`, following edges either way, as the
 * list of steps taken; `[]` when the two are the same item and `undefined`
 * when nothing connects them. Ties go to outgoing edges first, in the
 * graph's own edge order, so the answer is the same on every build.
 */
export function shortestPath<Id extends string, E extends LinkLike<Id>>(
  graph: Adjacency<Id, E>,
  from: Id,
  to: Id,
  options: WalkOptions<Id> = {},
): PathStep<Id, E>[] | undefined {
  if (!graph.outgoing.has(from) || !graph.outgoing.has(to)) return undefined;
  if (from === to) return [];
  const types = options.types ? new Set(options.types) : undefined;
  const cameBy = new Map<Id, PathStep<Id, E> | null>([[from, null]]);
  let frontier: Id[] = [from];
  while (frontier.length > 0) {
    const next: Id[] = [];
    for (const id of frontier) {
      for (const step of steps(graph, id, types)) {
        if (cameBy.has(step.to)) continue;
        cameBy.set(step.to, step);
        if (step.to === to) return unwind(cameBy, to);
        if (options.through && !options.through(step.to)) continue;
        next.push(step.to);
      }
    }
    frontier = next;
  }
  return undefined;
}

function unwind<Id extends string, E extends LinkLike<Id>>(cameBy: Map<Id, PathStep<Id, E> | null>, to: Id): PathStep<Id, E>[] {
  const path: PathStep<Id, E>[] = [];
  for (let step = cameBy.get(to); step; step = cameBy.get(step.from)) path.push(step);
  return path.reverse();
}

export interface Neighbourhood<Id extends string = string, E extends LinkLike<Id> = LinkLike<Id>> {
  /** Every node within the depth, with its distance from the centre. */
  depth: Map<Id, number>;
  /** Every edge between two nodes of the neighbourhood. */
  edges: E[];
  /** Nodes left out because the neighbourhood hit its size limit. */
  omitted: number;
}

/**
 * The items within `depth` steps of `center`, either direction, and the
 * edges among them. `limit` caps the node count: nearer nodes are kept first,
 * so a hub's depth-2 view stays drawable.
 */
export function neighbourhood<Id extends string, E extends LinkLike<Id>>(
  graph: Adjacency<Id, E>,
  center: Id,
  depth: number,
  options: WalkOptions<Id> & { limit?: number } = {},
): Neighbourhood<Id, E> {
  const types = options.types ? new Set(options.types) : undefined;
  const limit = options.limit ?? Infinity;
  const found = new Map<Id, number>();
  if (!graph.outgoing.has(center)) return { depth: found, edges: [], omitted: 0 };
  found.set(center, 0);
  let omitted = 0;
  let frontier: Id[] = [center];
  for (let d = 1; d <= depth && frontier.length > 0; d++) {
    const next: Id[] = [];
    for (const id of frontier) {
      for (const step of steps(graph, id, types)) {
        if (found.has(step.to) || (options.through && !options.through(step.to))) continue;
        if (found.size >= limit) {
          omitted++;
          found.set(step.to, -1); // Counted once, dropped below.
          continue;
        }
        found.set(step.to, d);
        next.push(step.to);
      }
    }
    frontier = next;
  }
  for (const [id, d] of found) if (d < 0) found.delete(id);
  const edges: E[] = [];
  for (const id of found.keys()) {
    for (const edge of graph.outgoing.get(id) ?? []) {
      if (found.has(edge.target) && (!types || types.has(edge.type))) edges.push(edge);
    }
  }
  return { depth: found, edges, omitted };
}

/** Builds adjacency maps from a node list and an edge list (the browser's side of the graph file). */
export function adjacencyOf<Id extends string, E extends LinkLike<Id>>(ids: Iterable<Id>, edges: Iterable<E>): Adjacency<Id, E> {
  const outgoing = new Map<Id, E[]>();
  const incoming = new Map<Id, E[]>();
  for (const id of ids) {
    outgoing.set(id, []);
    incoming.set(id, []);
  }
  for (const edge of edges) {
    outgoing.get(edge.source)?.push(edge);
    incoming.get(edge.target)?.push(edge);
  }
  return { outgoing, incoming };
}

/** Papers an item links to (distance 1) and papers its linked items link to (distance 2), each once at its nearest. */
export function linkedPapers(graph: Graph, id: NodeId): { paper: GraphNode; distance: 1 | 2 }[] {
  const papersOf = directPapers(graph);
  const found = new Map<NodeId, 1 | 2>();
  const firstHop = new Set((graph.outgoing.get(id) ?? []).map((e) => e.target));
  firstHop.delete(id);
  for (const t of papersOf(id)) found.set(t, 1);
  for (const t of firstHop) {
    for (const paper of papersOf(t)) if (paper !== id && !found.has(paper)) found.set(paper, 2);
  }
  return [...found].map(([paperId, distance]) => ({ paper: graph.nodes.get(paperId)!, distance }));
}

const directPapersCache = new WeakMap<Graph, (id: NodeId) => readonly NodeId[]>();

/**
 * The papers each item links to, in link order, each once: worked out once per item and graph. Every item's
 * second hop reads its neighbours' lists, so a neighbour with many links (a line, a hub note) is scanned once
 * rather than once for every item that links to it.
 */
function directPapers(graph: Graph): (id: NodeId) => readonly NodeId[] {
  let papersOf = directPapersCache.get(graph);
  if (!papersOf) {
    const lists = new Map<NodeId, NodeId[]>();
    papersOf = (id) => {
      let list = lists.get(id);
      if (!list) {
        const distinct = new Set<NodeId>();
        for (const e of graph.outgoing.get(id) ?? []) if (e.target !== id && graph.nodes.get(e.target)!.kind === 'paper') distinct.add(e.target);
        lists.set(id, (list = [...distinct]));
      }
      return list;
    };
    directPapersCache.set(graph, papersOf);
  }
  return papersOf;
}
