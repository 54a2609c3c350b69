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
import { computeCommunities } from '../graph/communities';
import { compactGraph, type CompactGraph } from '../graph/compact';
import { computeLayout } from '../graph/layout';

const compactCache = new WeakMap<Corpus, CompactGraph>();

/** The whole graph with its layout and communities, computed once per corpus. */
export function globalGraphData(corpus: Corpus): CompactGraph {
  let data = compactCache.get(corpus);
  if (!data) {
    const communities = computeCommunities(corpus.graph);
    data = compactGraph(corpus.graph, computeLayout(corpus.graph, { communities: communities.of }), communities);
    compactCache.set(corpus, data);
  }
  return data;
}

export const GRAPH_DATA_PATH = '/graph/data.json';
