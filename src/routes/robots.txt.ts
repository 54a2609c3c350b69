import type { APIRoute } from 'astro';
import { absoluteUrl, BASE } from '../lib/site';

/**
 * Every page may be crawled; with SITE_URL the sitemap is named. Crawlers read
 * robots.txt only at a host's root: a site under a base path is listed by its sitemap alone.
 */
export const GET: APIRoute = ({ site }) => {
  const lines = ['User-agent: *', 'Allow: /'];
  if (site) lines.push(`Sitemap: ${absoluteUrl('/sitemap-index.xml', BASE, site)}`);
  return new Response(lines.join('\n') + '\n', { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
