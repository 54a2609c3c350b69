/** Every page as Astro renders it, with the Content-Security-Policy trimmed to the page's own inline scripts. */
import { defineMiddleware } from 'astro:middleware';
import { withOwnScriptHashes } from './lib/site/csp';

export const onRequest = defineMiddleware(async (_, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  return new Response(withOwnScriptHashes(await response.text()), response);
});
