/**
 * The graph file the browser loads: the whole graph with build-time
 * positions and communities, read by the global view, the path finder and
 * every local graph.
 *
 * One shared file rather than a neighbourhood file per item: hubs pull most
 * of the graph into their neighbours' depth-2 files, so files per item come
 * to many times the whole graph, which the browser fetches once and caches
 * for every page.
 */
import type { Corpus } from '../corpus';
import { communityMap, communityNames } from '../graph/communities';
import { compactGraph, type CompactGraph, type CompactOverview } from '../graph/compact';
import type { Graph } from '../graph/graph';
import type { GraphShapeResults } from '../graph/shape';
import { cachedGraphShape } from './shape-cache';

const compactCache = new WeakMap<Corpus, Promise<{ graph: CompactGraph; overview: CompactOverview }>>();

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

/** The whole graph with its layout and communities, and the overview of its communities: computed once per corpus (or awaited from a worker). */
function graphFiles(corpus: Corpus): Promise<{ graph: CompactGraph; overview: CompactOverview }> {
  let files = compactCache.get(corpus);
  if (!files) {
    files = (async () => {
      const { communities, positions } = (await beside.get(corpus.graph)?.catch(() => undefined)) ?? cachedGraphShape(corpus.graph);
      const names = communityNames(communities, (id) => corpus.graph.nodes.get(id)!.title);
      const graph = compactGraph(corpus.graph, positions, communities, names);
      const { centres, between } = communityMap(corpus.graph, communities, positions);
      const round = (v: number) => Math.round(v * 10) / 10;
      const overview: CompactOverview = {
        items: corpus.graph.nodes.size,
        links: corpus.graph.edges.length,
        c: communities.list.map((c, i) => [names[i], c.size, round(centres[i].x), round(centres[i].y), c.leading[0]]),
        between: { a: between.map((p) => p.a), b: between.map((p) => p.b), links: between.map((p) => p.links) },
      };
      return { graph, overview };
    })();
    compactCache.set(corpus, files);
  }
  return files;
}

/** The whole graph with its layout and communities (`/graph/data.json`). */
export async function globalGraphData(corpus: Corpus): Promise<CompactGraph> {
  return (await graphFiles(corpus)).graph;
}

/** The communities' overview the global graph opens on from `OVERVIEW_FROM` items (`/graph/communities.json`). */
export async function graphOverviewData(corpus: Corpus): Promise<CompactOverview> {
  return (await graphFiles(corpus)).overview;
}

export const GRAPH_DATA_PATH = '/graph/data.json';
export const GRAPH_OVERVIEW_PATH = '/graph/communities.json';
