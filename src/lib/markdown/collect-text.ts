/**
 * Records headings and plain text, for the search index and figure matching.
 *
 * Reads `file.data.lineOffset`; writes `file.data.headings` and `file.data.plainText`.
 */
import type { Root as MdRoot } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { headingAnchor } from '../content/ids';
import { inlineText, TEXT_BLOCKS } from './sentences';
import type { BodyHeading } from './types';

declare module 'vfile' {
  interface DataMap {
    headings: BodyHeading[];
    /** The body as plain text, one line a block, links as their labels. */
    plainText: string;
  }
}

export const remarkCollectText: Plugin<[], MdRoot> = () => (tree, file) => {
  const offset = file.data.lineOffset ?? 0;
  const headings: BodyHeading[] = [];
  visit(tree, 'heading', (node) => {
    // As the reader sees it: a link by its label, a citation by its author and year.
    const text = inlineText(node).text;
    headings.push({ depth: node.depth, text, anchor: headingAnchor(text), line: (node.position?.start.line ?? 1) + offset });
  });
  file.data.headings = headings;
  file.data.plainText = blockTexts(tree).join('\n');
};

/** Plain text, one line a block, with link labels in place of link syntax. */
function blockTexts(tree: MdRoot): string[] {
  const out: string[] = [];
  visit(tree, (node) => {
    if (TEXT_BLOCKS.has(node.type) && 'children' in node) {
      out.push(inlineText(node).text);
      return 'skip';
    }
    if (node.type === 'code') out.push(node.value);
    return undefined;
  });
  return out;
}
