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
import type { GraphShapeResults } from '../graph/shape';
import { cachedGraphShape } from './shape-cache';

const compactCache = new WeakMap<Corpus, Promise<{ graph: CompactGraph; overview: CompactOverview }>>();

/** Where the graph's communities and layout come from besides computing them here. */
export interface GraphShapeSource {
  /** Being computed elsewhere (the build session's worker, `graphShapeOf`): awaited. */
  beside?: Promise<GraphShapeResults>;
  /** The project whose cache keeps them between builds; none: never read or kept. */
  cacheRoot?: string;
}

/**
 * The whole graph with its layout and communities, and the overview of its communities: computed once per
 * corpus, or awaited from where `source` says.
 */
function graphFiles(corpus: Corpus, { beside, cacheRoot }: GraphShapeSource = {}): Promise<{ graph: CompactGraph; overview: CompactOverview }> {
  let files = compactCache.get(corpus);
  if (!files) {
    files = (async () => {
      const { communities, positions } = (await beside?.catch(() => undefined)) ?? cachedGraphShape(corpus.graph, undefined, cacheRoot);
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
export async function globalGraphData(corpus: Corpus, source?: GraphShapeSource): Promise<CompactGraph> {
  return (await graphFiles(corpus, source)).graph;
}

/** The communities' overview the global graph opens on from `OVERVIEW_FROM` items (`/graph/communities.json`). */
export async function graphOverviewData(corpus: Corpus, source?: GraphShapeSource): Promise<CompactOverview> {
  return (await graphFiles(corpus, source)).overview;
}
