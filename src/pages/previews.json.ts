import type { APIRoute } from 'astro';
import { siteCorpus } from '../lib/site';
import { linkPreviews } from '../lib/site/previews';

/** Every item's link preview; split into one file per item after the build (src/integrations/previews.ts). */
export const GET: APIRoute = async () => Response.json(linkPreviews(await siteCorpus()));
