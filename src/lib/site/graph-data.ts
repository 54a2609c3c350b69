/**
 * The graph file the browser loads: the whole graph with build-time
 * positions and communities, read by the global view, the path finder and
 * every local graph.
 *
 * One shared file rather than a neighbourhood file per item: on the seed
 * corpus, per-item depth-2 files came to 4.0 MB (25 KB each on average, as
 * hubs pull in most of the graph at depth 2) against 31 KB (10 KB gzipped)
 * for the whole graph, which the browser then caches for every page.
 */
import type { Corpus } from '../corpus';
import { compactGraph, type CompactGraph } from '../graph/compact';
import type { Graph } from '../graph/graph';
import { cachedGraphShape, type GraphShapeResults } from './shape-cache';

const compactCache = new WeakMap<Corpus, CompactGraph>();

// Shapes being computed beside the page rendering (src/integrations/graph-shape.ts), by graph. On
// `globalThis`: the integration and the pages run different copies of this module.
const BESIDE = Symbol.for('research-graph.graph-shapes');
const beside: WeakMap<Graph, Promise<GraphShapeResults>> = ((globalThis as { [BESIDE]?: WeakMap<Graph, Promise<GraphShapeResults>> })[BESIDE] ??= new WeakMap());

/** Says that `graph`'s communities and layout are being computed elsewhere (a worker thread), to be awaited rather than computed again. */
export function graphShapeBeside(graph: Graph, results: Promise<GraphShapeResults>): void {
  // Awaited by the graph's data file; a failure there is computed again, never left unhandled.
  results.catch(() => undefined);
  beside.set(graph, results);
}

/** The whole graph with its layout and communities, computed once per corpus (or awaited from a worker). */
export async function globalGraphData(corpus: Corpus): Promise<CompactGraph> {
  let data = compactCache.get(corpus);
  if (!data) {
    const { communities, positions } = (await beside.get(corpus.graph)?.catch(() => undefined)) ?? cachedGraphShape(corpus.graph);
    data = compactGraph(corpus.graph, positions, communities);
    compactCache.set(corpus, data);
  }
  return data;
}

export const GRAPH_DATA_PATH = '/graph/data.json';
