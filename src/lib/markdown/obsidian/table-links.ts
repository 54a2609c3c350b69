/**
 * Inside a table a wiki link with display text is written `[[Note\|text]]`,
 * the pipe escaped so it does not split the cell. GFM unescapes the pipe for
 * the table but the wiki-link syntax has already taken `Note\` as the target:
 * the backslash belongs to the pipe, not the title.
 */
import type { Root as MdRoot } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

export const remarkTableLinks: Plugin<[], MdRoot> = () => (tree) => {
  visit(tree, 'wikiLink', (node) => {
    if (node.value.endsWith('\\') && node.data.alias !== null && node.data.alias !== node.value) node.value = node.value.slice(0, -1).trimEnd();
  });
};
