/**
 * What the Content-Security-Policy allows besides the site's own files, by
 * hash: the theme script inlined before first paint, the one style rule the
 * graph library injects, and on each page the style attributes of its body
 * (math spacing, code colours; see markdown/inline-styles.ts).
 */
import { createHash } from 'node:crypto';
import type { RenderedBody } from '../markdown';

export type CspHash = `sha256-${string}`;

/** The CSP hash of a script's or a style's exact text. */
export const cspHash = (text: string): CspHash => `sha256-${createHash('sha256').update(text).digest('base64')}`;

/** The hashes a page must allow for the style attributes of its body. */
export const inlineStyleHashes = (body: RenderedBody | undefined): CspHash[] => (body?.inlineStyles ?? []).map(cspHash);

const POLICY = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** A page with the directives of its Content-Security-Policy (split at `;`, as written) changed by `change`. */
export function withPolicy(html: string, change: (directives: string[]) => string[]): string {
  return html.replace(POLICY, (_, open: string, policy: string, close: string) => `${open}${change(policy.split(';')).join(';')}${close}`);
}

/**
 * A page's Content-Security-Policy allowing, by hash, only the inline scripts that page carries. Astro 5.18
 * writes into every page the hashes of every inline script of the whole site and of its five island loaders
 * (`trackScriptHashes` in astro/dist/core/csp/common.js; this site has no islands): 9 hashes, 0.5 KB of every
 * page, where most pages carry one inline script, the theme's. Scripts from the site's own files are allowed
 * by `'self'`, not by hash.
 */
export function withOwnScriptHashes(html: string): string {
  const own = new Set([...html.matchAll(INLINE_SCRIPT)].map((m) => `'${cspHash(m[1])}'`));
  const keep = (source: string) => !source.startsWith("'sha256-") || own.has(source);
  return withPolicy(html, (directives) => directives.map((d) => (/^\s*script-src\s/.test(d) ? d.split(' ').filter(keep).join(' ') : d)));
}
