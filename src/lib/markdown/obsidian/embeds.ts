/**
 * `![[embed]]`: CommonMark reads `![` as the start of an image, so the `!`
 * is swapped for a stand-in before parsing and the wiki link after it is
 * flagged as an embed.
 */
import type { Root as MdRoot } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * Stands in for the `!` of `![[`: one UTF-16 unit for one, so every offset
 * and line stays true; remarkEmbedMarks puts the `!` back.
 */
const EMBED_MARK = '\uE000';

/** The body as the parser should see it: `![[` hidden from the image syntax (unless the text already uses the stand-in). */
export const markEmbeds = (body: string) => (body.includes(EMBED_MARK) ? body : body.replaceAll('![[', `${EMBED_MARK}[[`));

/**
 * A wiki link right after the stand-in is an embed: the mark goes and the
 * link is flagged (`data.embed`). Anywhere else (code, a broken link) the `!` comes back.
 */
export const remarkEmbedMarks: Plugin<[], MdRoot> = () => (tree) => {
  visit(tree, 'wikiLink', (node, index, parent) => {
    if (!parent || !index) return;
    const before = parent.children[index - 1];
    if (before.type === 'text' && before.value.endsWith(EMBED_MARK)) {
      before.value = before.value.slice(0, -1);
      node.data.embed = true;
    }
  });
  visit(tree, (node) => {
    if ('value' in node && typeof node.value === 'string' && node.value.includes(EMBED_MARK)) node.value = node.value.replaceAll(EMBED_MARK, '!');
  });
};
