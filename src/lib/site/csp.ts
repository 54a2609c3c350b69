/**
 * The Content-Security-Policy of every page. Besides the site's own files it
 * allows, by hash: the theme script inlined before first paint, the one style
 * rule the graph library injects, and on each page the style attributes of
 * its body (math spacing, code colours; see markdown/inline-styles.ts).
 */
import { createHash } from 'node:crypto';
import type { RenderedBody } from '../markdown';

export type CspHash = `sha256-${string}`;

/** The CSP hash of a script's or a style's exact text. */
export const cspHash = (text: string): CspHash => `sha256-${createHash('sha256').update(text).digest('base64')}`;

/** The hashes a page must allow for the style attributes of its body. */
export const inlineStyleHashes = (body: RenderedBody | undefined): CspHash[] => (body?.inlineStyles ?? []).map(cspHash);

/** What every page allows besides scripts and styles: its own files, images and media from the web, nothing else. */
const PAGE_DIRECTIVES = [
  "default-src 'self'",
  // Notes may show images from the web; nothing else leaves the site.
  "img-src 'self' https: data:",
  "media-src 'self' https:",
  // KaTeX's smallest fonts are inlined by the bundler as data: URLs.
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** The one style rule cytoscape injects into the page it draws on. */
export const GRAPH_LIBRARY_STYLE = '.__________cytoscape_container { position: relative; }';
const GRAPH_LIBRARY_STYLE_HASH = cspHash(GRAPH_LIBRARY_STYLE);

export interface PagePolicy {
  /** Hashes of the page's inline scripts (the theme script); scripts from the site's own files are allowed by `'self'`. */
  scripts: readonly CspHash[];
  /** Hashes of the style attributes the page's body carries (math spacing, code colours). */
  styles?: readonly CspHash[];
  /** Directives a page adds whole, each once (a page with a diagram: see `MERMAID_STYLE_DIRECTIVES`). */
  extra?: readonly string[];
}

/**
 * A page's Content-Security-Policy, for its `<meta http-equiv>`. No `unsafe-inline`: a script or style that
 * slipped past the sanitiser into a note would not apply. Written by the layout rather than by Astro's
 * `experimental.csp`, which hashed every page's head with WebCrypto and wrote the hashes of every inline
 * script of the site into every page, trimmed afterwards by a middleware that read and wrote every page
 * again: both cost CPU on every page. The site's scripts are all files (`assetsInlineLimit` in
 * astro.config.mjs), so a page's only inline script is the theme's.
 */
export function pagePolicy({ scripts, styles = [], extra = [] }: PagePolicy): string {
  const hashes = (list: readonly CspHash[]) => [...new Set(list)].map((h) => ` '${h}'`).join('');
  return [
    ...PAGE_DIRECTIVES,
    `script-src 'self'${hashes(scripts)}`,
    `style-src 'self' 'unsafe-hashes'${hashes([GRAPH_LIBRARY_STYLE_HASH, ...styles])}`,
    ...new Set(extra),
  ].join('; ');
}
