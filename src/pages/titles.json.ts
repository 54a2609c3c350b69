import type { APIRoute } from 'astro';
import { siteCorpus } from '../lib/site';

/** Titles and aliases of every item, for the landing page's title search. */
export const GET: APIRoute = async () => {
  const corpus = await siteCorpus();
  const rows = [...corpus.graph.nodes.values()].map((n) => [n.title, n.url, n.kind, n.stub ? 1 : 0, n.aliases.join(' ')]);
  return new Response(JSON.stringify(rows), { headers: { 'Content-Type': 'application/json' } });
};
