/**
 * The graph's links read without direction, as one edge per pair of items
 * weighted by how many links join them: what Louvain (communities.ts) and
 * ForceAtlas2 (layout.ts) both work on. A build makes it once for both: on a
 * large collection a graphology graph of the links is one of the largest
 * things on the heap, and a second one for the other step grew the build's
 * memory by as much again.
 */
import Graphology from 'graphology';
import type { GraphShape } from './graph';

export interface LinkAttributes {
  /** How many links join the two items, in either direction. */
  weight: number;
}

/** Node attributes: the layout's position, once it has placed the node. */
export interface PlaceAttributes {
  x?: number;
  y?: number;
}

export type LinkGraph = Graphology<PlaceAttributes, LinkAttributes>;

/** Every node of `graph` in its order, and one weighted edge per linked pair; links from an item to itself are left out. */
export function linkGraph(graph: GraphShape): LinkGraph {
  const links: LinkGraph = new Graphology({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of graph.nodes.keys()) links.addNode(id);
  for (const { source, target } of graph.edges) {
    if (source === target) continue;
    if (links.hasEdge(source, target)) links.updateEdgeAttribute(source, target, 'weight', (w) => (w ?? 0) + 1);
    else links.addEdge(source, target, { weight: 1 });
  }
  return links;
}
