/**
 * Dendron writes a wiki link's label first: `[[the label|python.fixtures]]`,
 * where Obsidian writes `[[python.fixtures|the label]]`. For a body read in
 * Dendron's dialect this plugin swaps the two halves remark-wiki-link parsed,
 * so every later plugin sees the target as the target.
 *
 * Reads `file.data.wikiLinkLabelFirst`.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { WikiLink } from '../types';

declare module 'vfile' {
  interface DataMap {
    /** Wiki links are written `[[label|target]]`, as Dendron writes them. */
    wikiLinkLabelFirst: boolean;
  }
}

export const remarkLabelFirstLinks: Plugin<[], Root> = () => (tree, file) => {
  if (!file.data.wikiLinkLabelFirst) return;
  visit(tree, 'wikiLink', (node: WikiLink) => {
    const label = node.data.alias;
    if (!label || label === node.value) return;
    node.data.alias = node.value;
    node.value = label;
  });
};
