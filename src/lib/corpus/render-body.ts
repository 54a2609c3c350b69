/**
 * Stage: one document's body, rendered, or reused from a render cache when
 * its text and every link's resolution are unchanged (render-cache.ts).
 */
import type { Document } from '../content/document';
import { renderMarkdown, type RenderedBody } from '../markdown';
import type { BodyLinks } from './body-links';
import { cacheable, renderKey, sameResolutions, type CachedBody, type RenderCache } from './render-cache';

export interface RenderCounts {
  rendered: number;
  reused: number;
}

export interface RenderBodyOptions {
  cache?: RenderCache;
  siteAddress?: (path: string) => string;
}

/**
 * A document's body, from the cache when it and every link's resolution are
 * unchanged, else rendered. Each link is resolved exactly once either way, so
 * counts and warnings are the same as an uncached build's.
 */
export function renderBody(doc: Document, links: BodyLinks, { cache, siteAddress }: RenderBodyOptions, renders: RenderCounts): RenderedBody {
  const lineOffset = doc.bodyLine - 1;
  const labelFirstLinks = doc.dialect === 'dendron';
  const key = cache ? renderKey(doc) : '';
  const cached = cache?.get(key);
  if (cached) {
    const now = cached.body.links.map((ref) => links.resolve(doc, ref));
    if (sameResolutions(cached.resolutions, now)) {
      renders.reused++;
      return cached.body;
    }
    // Some link resolves differently now: render again, handing each link (in document order) the resolution just made.
    let i = 0;
    const body = { ...renderMarkdown(doc.body, { lineOffset, siteAddress, labelFirstLinks, resolveWikiLink: () => now[i++] }), links: cached.body.links };
    renders.rendered++;
    if (cacheable(now)) cache!.set(key, { body, resolutions: now });
    return body;
  }
  const resolutions: CachedBody['resolutions'] = [];
  const body = renderMarkdown(doc.body, {
    lineOffset,
    siteAddress,
    labelFirstLinks,
    resolveWikiLink: (ref) => {
      const resolved = links.resolve(doc, ref);
      resolutions.push(resolved);
      return resolved;
    },
  });
  renders.rendered++;
  if (cache && cacheable(resolutions)) cache.set(key, { body, resolutions });
  return body;
}
