/**
 * The global graph's shape as the build draws it: Louvain communities, then
 * the ForceAtlas2 layout that draws them apart. Both depend on the graph's
 * shape alone (its ids, which are stubs, its links), so the site keeps them
 * between builds (src/lib/site/shape-cache.ts) and the build computes them in
 * a worker (src/integrations/graph-shape-worker.mjs).
 */
import type { Checkpoint } from '../content/checkpoint';
import type { NodeId } from '../content/ids';
import { computeCommunities, type Communities } from './communities';
import type { GraphShape } from './graph';
import { computeLayout } from './layout';
import { linkGraph } from './link-graph';

export interface GraphShapeResults {
  communities: Communities;
  positions: Map<NodeId, { x: number; y: number }>;
}

/**
 * Louvain communities, then the ForceAtlas2 layout that draws them apart. `checkpoint` is called after
 * each step and each iteration of the layout, so a worker can collect what they leave.
 */
export function computeGraphShape(graph: GraphShape, checkpoint?: Checkpoint): GraphShapeResults {
  // One graph of the links serves both (./link-graph.ts: a second one would double the largest part of the heap).
  const links = linkGraph(graph);
  const communities = computeCommunities(graph, links);
  checkpoint?.();
  return { communities, positions: computeLayout(graph, { communities: communities.of, checkpoint }, links) };
}
