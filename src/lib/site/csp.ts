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
