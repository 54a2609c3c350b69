/**
 * The evidence trail of a claim: from a note, along the edges that say "this
 * rests on that" (`cites`, `related`, `source`), to the notes it cites and
 * the papers those rest on, with the sentence that makes every step.
 */
import type { Edge, EdgeContext, EdgeType, Graph, GraphNode } from './graph';
import type { NodeId } from '../content/ids';

/** Edge types along which evidence flows, in the order a trail lists them. */
export const TRAIL_EDGE_TYPES: readonly EdgeType[] = ['cites', 'related', 'source'];

export interface TrailStep {
  node: GraphNode;
  /** The edge from the parent; absent at the root. */
  edge?: Edge;
  /** The sentences in which the parent makes the link (or the gloss a list gives it). */
  contexts: EdgeContext[];
  children: TrailStep[];
  /** The node is expanded elsewhere in the trail (nearer the root, or earlier); not repeated here. */
  seeAbove: boolean;
  /** Some paper is reachable from here along the trail. */
  reachesPaper: boolean;
  /** Children left out by `trimTrail`, so a page can say how many. */
  omitted?: number;
}

export interface Trail {
  root: TrailStep;
  /** Every distinct paper the trail reaches, nearest first. */
  papers: { node: GraphNode; depth: number }[];
  /** Every edge the trail walks, for highlighting it in a drawing of the graph. */
  edges: Edge[];
}

export interface TrailOptions {
  /** Steps from the root at most. */
  maxDepth?: number;
}

const typeOrder = (t: EdgeType) => TRAIL_EDGE_TYPES.indexOf(t);

function trailEdges(graph: Graph, id: NodeId): Edge[] {
  return (graph.outgoing.get(id) ?? [])
    .filter((e) => typeOrder(e.type) >= 0)
    .sort((a, b) => typeOrder(a.type) - typeOrder(b.type) || (a.rank ?? Infinity) - (b.rank ?? Infinity));
}

/**
 * The trail below a node, built breadth first so every node is expanded once,
 * at its shallowest depth; later mentions are kept as leaves marked
 * `seeAbove`, which is what breaks cycles. Papers are leaves: they are where
 * a trail means to arrive, not where it goes on from.
 */
export function evidenceTrail(graph: Graph, id: NodeId, options: TrailOptions = {}): Trail | undefined {
  const maxDepth = options.maxDepth ?? 3;
  const node = graph.nodes.get(id);
  if (!node) return undefined;
  const root: TrailStep = { node, contexts: [], children: [], seeAbove: false, reachesPaper: false };
  const expanded = new Set<NodeId>([id]);
  const papers = new Map<NodeId, { node: GraphNode; depth: number }>();
  const edges: Edge[] = [];
  let frontier: { step: TrailStep; depth: number }[] = [{ step: root, depth: 0 }];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { step, depth } of frontier) {
      if (depth >= maxDepth || (step.node.kind === 'paper' && step !== root)) continue;
      for (const edge of trailEdges(graph, step.node.id)) {
        const target = graph.nodes.get(edge.target)!;
        const seeAbove = expanded.has(target.id);
        const child: TrailStep = { node: target, edge, contexts: edge.contexts, children: [], seeAbove, reachesPaper: false };
        step.children.push(child);
        edges.push(edge);
        if (seeAbove) continue;
        expanded.add(target.id);
        if (target.kind === 'paper' && !papers.has(target.id)) papers.set(target.id, { node: target, depth: depth + 1 });
        next.push({ step: child, depth: depth + 1 });
      }
    }
    frontier = next;
  }
  markReachesPaper(root, graph, edges);
  return { root, papers: [...papers.values()], edges };
}

/**
 * Which steps lead to a paper, settled once the tree is whole: a leaf that
 * repeats a node expanded elsewhere leads wherever that node leads.
 */
function markReachesPaper(root: TrailStep, graph: Graph, edges: Edge[]): void {
  const reaching = new Set<NodeId>();
  for (const e of edges) if (graph.nodes.get(e.target)?.kind === 'paper') reaching.add(e.target);
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of edges) {
      if (reaching.has(e.target) && !reaching.has(e.source)) {
        reaching.add(e.source);
        grew = true;
      }
    }
  }
  const visit = (step: TrailStep) => {
    step.reachesPaper = reaching.has(step.node.id);
    step.children.forEach(visit);
  };
  visit(root);
}

export interface TrimLimits {
  /** Direct links of the claim shown at most. */
  rootChildren: number;
  /** Links shown at most below any other step. */
  children: number;
}

/**
 * A trail a reader can take in: the claim's own links all stay (up to a
 * limit), but further down only the steps that lead to a paper, without
 * repeats, and a bounded number of them per step. In a well-linked
 * collection the whole trail of a hub note runs to thousands of steps.
 */
export function trimTrail(trail: Trail, limits: TrimLimits = { rootChildren: 24, children: 8 }): Trail {
  const edges: Edge[] = [];
  const trim = (step: TrailStep, depth: number): TrailStep => {
    const wanted = depth === 0 ? step.children : step.children.filter((c) => c.reachesPaper && !c.seeAbove);
    // Papers first, then steps that lead to one, each group in its original order.
    const rank = (c: TrailStep) => (c.node.kind === 'paper' ? 0 : c.reachesPaper ? 1 : 2);
    const ordered = wanted.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map(({ c }) => c);
    const limit = depth === 0 ? limits.rootChildren : limits.children;
    const kept = ordered.slice(0, limit);
    for (const c of kept) if (c.edge) edges.push(c.edge);
    const children = kept.map((c) => trim(c, depth + 1));
    return { ...step, children, omitted: step.children.length - kept.length };
  };
  return { root: trim(trail.root, 0), papers: trail.papers, edges };
}
