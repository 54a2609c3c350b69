/**
 * Obsidian's `^block-id` anchors: the marker is stripped from the text and
 * its block marked, then given `id="^block-id"` after sanitising.
 *
 * Writes `file.data.blocks`.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Nodes as MdNodes, Root as MdRoot } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

declare module 'vfile' {
  interface DataMap {
    /** Ids of the blocks marked `^id`, in order of first use. */
    blocks: string[];
  }
}

/**
 * `^block-id` at the end of a block marks it as a link target; on a line of
 * its own right under a quote, callout, list or image (no blank line between),
 * as Obsidian writes it for such blocks, it marks that whole block.
 */
export const BLOCK_ID = /(?:^|[ \t]|(\n))\^([A-Za-z0-9-]+)[ \t]*$/;

/**
 * Strips each `^block-id` marker and marks its block, so the page can give the
 * block an anchor. A marker alone in a paragraph marks the block before it (a
 * list, a table, a quote); a marker ending a list item's text marks the item.
 */
export const remarkBlockIds: Plugin<[], MdRoot> = () => (tree, file) => {
  const blocks: string[] = [];
  visit(tree, 'paragraph', (paragraph, index, parent) => {
    const last = paragraph.children[paragraph.children.length - 1];
    if (!parent || index === undefined || last?.type !== 'text') return;
    const match = BLOCK_ID.exec(last.value);
    if (!match) return;
    const id = match[2];
    const ownLine = match[1] === '\n';
    last.value = last.value.slice(0, match.index).trimEnd();
    const empty = paragraph.children.every((c) => c.type === 'text' && !c.value.trim());
    let target: MdNodes = paragraph;
    if (empty && index > 0) target = parent.children[index - 1];
    else if ((parent.type === 'listItem' && parent.children[0] === paragraph) || (ownLine && parent.type === 'blockquote')) target = parent;
    if (!blocks.includes(id)) {
      blocks.push(id);
      ((target.data ??= {}).hProperties ??= {}).dataBlockId = id;
    }
    if (empty && target !== paragraph) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
  // A marker line right under a table is read by GFM as one more row of one cell: it marks the table.
  visit(tree, 'table', (table) => {
    const row = table.children[table.children.length - 1];
    const cells = row?.children.filter((c) => c.children.length > 0) ?? [];
    const only = cells.length === 1 && cells[0].children.length === 1 && cells[0].children[0].type === 'text' ? cells[0].children[0].value : undefined;
    const match = only === undefined || table.children.length < 3 ? null : /^\^([A-Za-z0-9-]+)$/.exec(only.trim());
    if (!match || blocks.includes(match[1])) return;
    table.children.pop();
    blocks.push(match[1]);
    ((table.data ??= {}).hProperties ??= {}).dataBlockId = match[1];
  });
  file.data.blocks = blocks;
};

/**
 * Gives each marked block its `id="^block-id"`, after sanitising: the
 * sanitiser would prefix the id, and `#^block-id` is the fragment Obsidian's
 * own links use.
 */
export const rehypeBlockIds: Plugin<[], HastRoot> = () => (tree) => {
  visit(tree, 'element', (node: Element) => {
    const id = node.properties.dataBlockId;
    if (id === undefined) return;
    delete node.properties.dataBlockId;
    if (typeof id === 'string' && /^[A-Za-z0-9-]+$/.test(id)) node.properties.id = `^${id}`;
  });
};
