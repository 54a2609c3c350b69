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

/** `^block-id` at the end of a block marks it as a link target. */
export const BLOCK_ID = /(?:^|[ \t])\^([A-Za-z0-9-]+)[ \t]*$/;

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
    const id = match[1];
    last.value = last.value.slice(0, match.index).trimEnd();
    const empty = paragraph.children.every((c) => c.type === 'text' && !c.value.trim());
    let target: MdNodes = paragraph;
    if (empty && index > 0) target = parent.children[index - 1];
    else if (parent.type === 'listItem' && parent.children[0] === paragraph) target = parent;
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
