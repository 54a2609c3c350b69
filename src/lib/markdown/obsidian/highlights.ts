/**
 * Obsidian's `==highlighted text==` becomes `<mark>`. Only within one text
 * run (formatting inside a highlight is left as written), never in code.
 */
import type { Root as MdRoot, Text } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

const HIGHLIGHT = /==(?=\S)([^=\n]*?\S)==/g;

export const remarkHighlights: Plugin<[], MdRoot> = () => (tree) => {
  visit(tree, 'text', (node, index, parent) => {
    if (!parent || index === undefined || !node.value.includes('==')) return undefined;
    const parts: Text[] = [];
    let at = 0;
    for (const m of node.value.matchAll(HIGHLIGHT)) {
      if (m.index > at) parts.push({ type: 'text', value: node.value.slice(at, m.index) });
      parts.push({ type: 'text', value: m[1], data: { hName: 'mark' } });
      at = m.index + m[0].length;
    }
    if (parts.length === 0) return undefined;
    if (at < node.value.length) parts.push({ type: 'text', value: node.value.slice(at) });
    parent.children.splice(index, 1, ...parts);
    return [SKIP, index + parts.length];
  });
};
