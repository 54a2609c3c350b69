/**
 * Inline `#tags` become links to their tag pages, and are recorded for the graph.
 *
 * Writes `file.data.tags`.
 */
import type { Link, Root as MdRoot, Text } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

declare module 'vfile' {
  interface DataMap {
    /** Inline `#tags`, in order of first use, without the `#`. */
    tags: string[];
  }
}

/**
 * Inline `#tags`, the way Obsidian reads them: after a space or at the start,
 * letters, digits, `_`, `-` and `/` for nesting, with at least one character
 * that is not a digit (`#123` is an issue number, not a tag).
 */
export const INLINE_TAG = /(^|[\s([{,;])#([\p{L}\p{N}_\-/]*[\p{L}_\-/][\p{L}\p{N}_\-/]*)/gu;

/** Every inline tag in a run of text, with its span (the `#` included). */
export function inlineTags(text: string): { tag: string; start: number; end: number }[] {
  const found: { tag: string; start: number; end: number }[] = [];
  for (const match of text.matchAll(INLINE_TAG)) {
    const tag = match[2].replace(/^\/+|\/+$/g, '').replace(/\/{2,}/g, '/');
    if (!tag || /^[\p{N}/]+$/u.test(tag)) continue;
    const start = match.index! + match[1].length;
    found.push({ tag, start, end: start + 1 + match[2].length });
  }
  return found;
}


/** Where a `#` is not a tag: code, link text, raw HTML. */
const NO_TAGS = new Set(['link', 'linkReference', 'inlineCode', 'code', 'html', 'definition', 'wikiLink']);

export interface InlineTagOptions {
  /** The page a tag links to. */
  tagHref: (tag: string) => string;
}

export const remarkInlineTags: Plugin<[InlineTagOptions], MdRoot> = ({ tagHref }) => (tree, file) => {
  const tags: string[] = [];
  visit(tree, (node, index, parent) => {
    if (NO_TAGS.has(node.type)) return SKIP;
    if (node.type !== 'text' || !parent || index === undefined || !node.value.includes('#')) return undefined;
    const found = inlineTags(node.value);
    if (found.length === 0) return undefined;
    const replacement: (Text | Link)[] = [];
    let at = 0;
    for (const { tag, start, end } of found) {
      if (start > at) replacement.push({ type: 'text', value: node.value.slice(at, start) });
      replacement.push({
        type: 'link',
        url: tagHref(tag),
        children: [{ type: 'text', value: `#${tag}` }],
        data: { hProperties: { className: ['tag'] } },
      });
      if (!tags.includes(tag)) tags.push(tag);
      at = end;
    }
    if (at < node.value.length) replacement.push({ type: 'text', value: node.value.slice(at) });
    parent.children.splice(index, 1, ...replacement);
    return [SKIP, index + replacement.length];
  });
  file.data.tags = tags;
};
