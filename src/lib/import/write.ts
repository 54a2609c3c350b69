/**
 * Serialises a merged node as a content file: YAML frontmatter in a fixed key
 * order (so the same node always gives the same bytes), then the body.
 */
import { stringify } from 'yaml';
import type { Kind } from '../content/ids';
import type { Fields } from './types';

/** Frontmatter keys of each kind, in the order they are written. */
export const KEY_ORDER: Record<Kind, readonly string[]> = {
  note: ['title', 'claim', 'summary', 'aliases', 'tags', 'papers', 'lines', 'imported_from', 'stub'],
  paper: [
    'title', 'authors', 'date', 'venue', 'doi', 'url', 'has_pdf', 'citations', 'influential', 'summary', 'abstract',
    'problem', 'innovation', 'technology_category', 'application_category', 'similar', 'aliases', 'tags', 'imported_from', 'stub',
  ],
  line: ['title', 'summary', 'sources', 'next', 'aliases', 'tags', 'imported_from', 'stub'],
};

/** Keys that are always lists: written as `[]` when empty, so every file of a kind has the same shape. */
export const LIST_KEYS = new Set([
  'aliases', 'tags', 'papers', 'lines', 'imported_from', 'authors', 'problem', 'innovation',
  'technology_category', 'application_category', 'similar', 'sources', 'next',
]);

/** Drops undefined values inside list entries (a source without a summary has no `summary` key). */
function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, clean(v)]));
  }
  return value;
}

/** The frontmatter object of a node, keys in KEY_ORDER, unknown keys dropped. */
export function frontmatterOf(kind: Kind, data: Fields): Fields {
  const out: Fields = {};
  for (const key of KEY_ORDER[kind]) {
    const value = data[key];
    if (value !== undefined) out[key] = clean(value);
    else if (LIST_KEYS.has(key)) out[key] = [];
  }
  return out;
}

/** The whole file. YAML 1.1 output, so a YAML 1.1 reader (gray-matter) reads back exactly these values. */
export function serialize(kind: Kind, data: Fields, body: string): string {
  const yaml = stringify(frontmatterOf(kind, data), { version: '1.1', lineWidth: 0 });
  const text = body.trim();
  return `---\n${yaml}---\n${text ? `\n${text}\n` : ''}`;
}

/** A paragraph that starts like Markdown block syntax ("# ", "- ", "> ", "1. ") is escaped so it stays a paragraph. */
export function escapeBlockStart(text: string): string {
  if (/^(#{1,6}\s|[-*+]\s|>)/.test(text)) return `\\${text}`;
  return text.replace(/^(\d+)([.)]\s)/, '$1\\$2');
}
