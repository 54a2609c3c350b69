import type { APIRoute } from 'astro';
import { siteCorpus } from '../../lib/site';
import { globalGraphData } from '../../lib/site/graph-data';

/** Every node and edge with its build-time position, for the global graph and the path finder. */
export const GET: APIRoute = async () => {
  const corpus = await siteCorpus();
  return new Response(JSON.stringify(await globalGraphData(corpus)), { headers: { 'Content-Type': 'application/json' } });
};
