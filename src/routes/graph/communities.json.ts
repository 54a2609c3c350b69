import type { APIRoute } from 'astro';
import { siteSession } from '../../lib/site';
import { graphOverviewData } from '../../lib/site/graph-data';

/** The communities of the graph, their names, centres and the links between them: what `/graph/` opens on from `OVERVIEW_FROM` items. */
export const GET: APIRoute = async () => {
  const session = siteSession();
  const corpus = await session.corpus();
  return new Response(JSON.stringify(await graphOverviewData(corpus, session.graphShapeSource(corpus.graph))), { headers: { 'Content-Type': 'application/json' } });
};
