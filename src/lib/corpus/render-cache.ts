/**
 * Rendered bodies kept between builds. A body renders the same when its
 * Markdown, its line offset and the pipeline are the same and every link in it
 * resolves the same way (same address, title, kind, stub or not): links name
 * other files, so an unchanged note can still render differently when a note
 * it links to is written or renamed. A cached body is reused only after its
 * links are resolved afresh and compared; else it is rendered again.
 * A body that embeds another note is never reused (the embed is that note's text).
 *
 * The store itself (memory, disk) is the caller's: see `site/render-cache-store.ts`.
 */
import { createHash } from 'node:crypto';
import type { Document } from '../content/document';
import type { RenderedBody, ResolvedLink } from '../markdown';

export interface CachedBody {
  body: RenderedBody;
  /** What each link of the body resolved to when it was rendered, in document order. */
  resolutions: (ResolvedLink | undefined)[];
}

/** Where rendered bodies are kept; keys come from `renderKey`. */
export interface RenderCache {
  get(key: string): CachedBody | undefined;
  set(key: string, value: CachedBody): void;
}

/** The key of a body: its text, where it starts in its file (lines reported depend on it) and its dialect (Dendron reads links label first). */
export const renderKey = (doc: Document) => createHash('sha1').update(`${doc.bodyLine}\u0000${doc.dialect === 'dendron' ? 'dendron\u0000' : ''}${doc.body}`).digest('base64url');

/** A resolution as the rendered HTML depends on it; undefined for one that cannot be compared (a note embed). */
function comparable(resolution: ResolvedLink | undefined): string | undefined {
  if (!resolution) return 'none';
  if (resolution.embed?.type === 'note') return undefined;
  return JSON.stringify(resolution);
}

/** Whether links resolving to `now` render as they did when the body was cached. */
export function sameResolutions(cached: CachedBody['resolutions'], now: CachedBody['resolutions']): boolean {
  if (cached.length !== now.length) return false;
  for (let i = 0; i < now.length; i++) {
    const a = comparable(now[i]);
    if (a === undefined || a !== comparable(cached[i])) return false;
  }
  return true;
}

/** Whether a freshly rendered body may be kept for the next build. */
export const cacheable = (resolutions: CachedBody['resolutions']) => resolutions.every((r) => comparable(r) !== undefined);
