import type { APIRoute } from 'astro';
import { toGraphJson } from '../lib/graph';
import { siteCorpus } from '../lib/site';

export const GET: APIRoute = async () => {
  const corpus = await siteCorpus();
  return new Response(JSON.stringify(toGraphJson(corpus.graph)), { headers: { 'Content-Type': 'application/json' } });
};
