import type { APIRoute } from 'astro';
import { siteSession } from '../../lib/site';
import { globalGraphData } from '../../lib/site/graph-data';

/** Every node and edge with its build-time position, for the global graph and the path finder. */
export const GET: APIRoute = async () => {
  const session = siteSession();
  const corpus = await session.corpus();
  return new Response(JSON.stringify(await globalGraphData(corpus, session.graphShapeSource(corpus.graph))), { headers: { 'Content-Type': 'application/json' } });
};
