/**
 * A note embedded in another (`![[Other note]]`) arrives already rendered by
 * its own pass: sanitised, its math typeset, its code highlighted. The
 * embedding body's sanitiser must not see that tree a second time, or it
 * strips KaTeX's and Shiki's markup (math would read as its MathML and HTML
 * text side by side). So each embed's content is held aside before the raw
 * HTML of the embedding body is parsed, and put back once it is sanitised.
 *
 * Only an element the pipeline marked as a rendered note (the property
 * `dataEmbedTree: true`, set where the embed is built, before any raw HTML is
 * parsed) is held; its slot carries a per-body nonce a note cannot forge.
 *
 * Writes `file.data.heldEmbeds`.
 */
import { randomUUID } from 'node:crypto';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { sanitizeSchema } from './sanitize';

declare module 'vfile' {
  interface DataMap {
    /** The content of each embed, held while the body is sanitised, and the slot name that finds it again. */
    heldEmbeds: { nonce: string; trees: ElementContent[][] };
  }
}

const isEmbed = (node: Element) => node.tagName === 'div' && Array.isArray(node.properties.className) && node.properties.className.includes('embed');

/** Takes each embed's content out of the tree, leaving its `div.embed` with a slot name. */
export const rehypeHoldEmbeds: Plugin<[], HastRoot> = () => (tree, file) => {
  const held: ElementContent[][] = [];
  const nonce = randomUUID();
  visit(tree, 'element', (node) => {
    // Only a note embed's content, a tree rendered and sanitised by its own pass, is held; nothing else skips the sanitiser.
    if (node.properties.dataEmbedTree !== true || !isEmbed(node)) return undefined;
    delete node.properties.dataEmbedTree;
    node.properties.dataEmbed = `${nonce}:${held.length}`;
    held.push(node.children);
    node.children = [];
    return SKIP;
  });
  if (held.length) file.data.heldEmbeds = { nonce, trees: held };
};

/** Puts each held embed back in its slot; a slot the pipeline did not make is left empty. */
export const rehypeRestoreEmbeds: Plugin<[], HastRoot> = () => (tree, file) => {
  const held = file.data.heldEmbeds;
  visit(tree, 'element', (node) => {
    const slot = node.properties.dataEmbed;
    if (slot === undefined) return undefined;
    delete node.properties.dataEmbed;
    const [nonce, index] = String(slot).split(':');
    const children = held && nonce === held.nonce ? held.trees[Number(index)] : undefined;
    if (children && isEmbed(node)) node.children = children.map(clobberIds);
    return SKIP;
  });
};

/** Ids inside an embed get the prefix the sanitiser gives a body's own, so they never repeat the host page's headings. */
function clobberIds(node: ElementContent): ElementContent {
  visit(node, 'element', (element) => {
    const id = element.properties.id;
    if (typeof id === 'string' && !id.startsWith(CLOBBER)) element.properties.id = CLOBBER + id;
  });
  return node;
}

const CLOBBER = sanitizeSchema.clobberPrefix ?? 'user-content-';
