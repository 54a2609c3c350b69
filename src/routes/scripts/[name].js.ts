import type { APIRoute, GetStaticPaths } from 'astro';
import { MERMAID_SCRIPT_NAME, mermaidLibrary, siteCorpus, usesMermaid } from '../../lib/site';

// The Mermaid library, published only when some page draws a diagram.
export const getStaticPaths = (async () => ((usesMermaid(await siteCorpus())) ? [{ params: { name: MERMAID_SCRIPT_NAME } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = () => new Response(mermaidLibrary(), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
