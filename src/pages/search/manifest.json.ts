import type { APIRoute } from 'astro';
import { siteSearchFiles } from '../../lib/site/search-files';

/** Corpus-wide figures and the list of term shards: the first file a search fetches. */
export const GET: APIRoute = async () => Response.json((await siteSearchFiles()).manifest);
