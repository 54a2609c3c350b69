import type { APIRoute } from 'astro';
import { siteCorpus, takeAwayText } from '../lib/site';

/** Over the size a host allows, the data-files integration publishes it gzipped instead (src/lib/site/take-away.ts). */
export const GET: APIRoute = async () => new Response(takeAwayText(await siteCorpus(), '/graph.graphml'), { headers: { 'Content-Type': 'application/graphml+xml' } });
