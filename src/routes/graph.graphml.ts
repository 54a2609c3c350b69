import type { APIRoute } from 'astro';
import { siteCorpus, toGraphml } from '../lib/site';

export const GET: APIRoute = async () => new Response(toGraphml((await siteCorpus()).graph), { headers: { 'Content-Type': 'application/graphml+xml' } });
