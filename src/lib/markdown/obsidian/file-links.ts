/**
 * Markdown links and images to files of the vault (`[text](../Note.md)`,
 * `![alt](attachments/plot.png)`, as Obsidian writes them with wiki links
 * turned off, and as Foam writes them) become wiki links (`data.path`),
 * resolved and counted like any other, relative to the linking file.
 */
import type { Root as MdRoot } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { isAttachmentPath, isMarkdownPath } from '../../content/vault';
import type { WikiLink } from '../types';

export const remarkFileLinks: Plugin<[], MdRoot> = () => (tree) => {
  visit(tree, (node, index, parent) => {
    if ((node.type !== 'link' && node.type !== 'image') || !parent || index === undefined) return undefined;
    const url = node.url;
    if (!url || /^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(url)) return undefined;
    const hash = url.indexOf('#');
    let file: string;
    try {
      file = decodeURIComponent(hash < 0 ? url : url.slice(0, hash)).replace(/^<|>$/g, '');
    } catch {
      return undefined;
    }
    if (!isMarkdownPath(file) && !isAttachmentPath(file)) return undefined;
    const fragment = hash < 0 ? '' : decodeURIComponent(url.slice(hash));
    const label = node.type === 'image' ? node.alt ?? '' : mdastToString(node);
    const wiki: WikiLink = { type: 'wikiLink', value: file + fragment, data: { alias: label || null, path: true, embed: node.type === 'image' || undefined }, position: node.position };
    parent.children.splice(index, 1, wiki);
    return [SKIP, index + 1];
  });
};
