/**
 * Collects every wiki link with its sentence, asks the caller's resolver
 * where it goes, and turns it into a link (or, for an embed, into what it
 * shows).
 *
 * Reads `file.data.resolveWikiLink` and `lineOffset`; writes `file.data.wikiLinks`
 * (and `data.resolved` on each link node).
 */
import type { Element, ElementContent } from 'hast';
import type { Parent as MdParent, Parents as MdParents, Root as MdRoot } from 'mdast';
import type { Plugin } from 'unified';
import { visitParents } from 'unist-util-visit-parents';
import { inlineText, sentenceFinder, TEXT_BLOCKS } from './sentences';
import { linkLabel, shownLabel, splitTarget } from './targets';
import type { EmbedContent, LinkContext, WikiLink, WikiLinkRef } from './types';

declare module 'vfile' {
  interface DataMap {
    /** Every wiki link of the body, in document order, with its sentence. */
    wikiLinks: WikiLinkRef[];
  }
}

export const remarkResolveWikiLinks: Plugin<[], MdRoot> = () => (tree, file) => {
  const resolve = file.data.resolveWikiLink;
  const offset = file.data.lineOffset ?? 0;
  const links: WikiLinkRef[] = [];
  const finders = new Map<MdParent, { spans: Map<WikiLink, [number, number]>; find: ReturnType<typeof sentenceFinder> }>();
  visitParents(tree, 'wikiLink', (node, ancestors) => {
    const block = [...ancestors].reverse().find((a): a is MdParent & MdParents => TEXT_BLOCKS.has(a.type));
    const { target, heading, block: blockId } = splitTarget(node.value);
    const label = linkLabel(node);
    let context: LinkContext = { sentence: label, start: 0, end: label.length };
    if (block) {
      let finder = finders.get(block);
      if (!finder) {
        const { text, spans } = inlineText(block);
        finder = { spans, find: sentenceFinder(text, spans.values()) };
        finders.set(block, finder);
      }
      const [s, e] = finder.spans.get(node)!;
      context = finder.find(s, e);
    }
    const ref: WikiLinkRef = { target, heading, label, line: (node.position?.start.line ?? 1) + offset, context };
    if (blockId) ref.block = blockId;
    if (node.data.embed) ref.embed = true;
    if (node.data.path) ref.path = true;
    if (node.data.stance) ref.stance = node.data.stance;
    if (node.data.citation) ref.citation = { key: node.data.citation.key, ...(node.data.citation.bare ? { bare: true as const } : {}) };
    links.push(ref);
    const resolved = resolve?.(ref);
    if (resolved) node.data.resolved = resolved;
    if (resolved?.private) {
      node.data.hName = 'span';
      node.data.hProperties = {};
      node.data.hChildren = [{ type: 'text', value: label }];
      return;
    }
    if (resolved?.embed && renderEmbed(node, resolved.embed, ancestors[ancestors.length - 1])) return;
    node.data.hName = 'a';
    node.data.hChildren = [{ type: 'text', value: node.data.embed ? shownLabel(target, label) : label }];
    node.data.hProperties = resolved
      ? {
          href: resolved.href,
          className: ['wikilink', ...(resolved.stub ? ['stub'] : []), ...(ref.stance ? [`stance-${ref.stance}`] : [])],
          // A title that repeats the link's words adds nothing but bytes, on every link of every page.
          title: resolved.stub ? `${resolved.title} (not written yet)` : resolved.title === label ? undefined : resolved.title,
        }
      : { className: ['wikilink', 'unresolved'] };
  });
  file.data.wikiLinks = links;
};

/**
 * Turns an embed's wikiLink node into what it shows. A note embedded in the
 * middle of a sentence cannot become block content there: it stays a link.
 */
function renderEmbed(node: WikiLink, embed: EmbedContent, parent: MdParents | undefined): boolean {
  if (embed.type === 'image') {
    node.data.hName = 'img';
    node.data.hProperties = { src: embed.src, alt: embed.alt, width: embed.width, height: embed.height, loading: 'lazy' };
    node.data.hChildren = [];
  } else if (embed.type === 'placeholder') {
    node.data.hName = 'span';
    node.data.hProperties = { className: ['embed-placeholder'], title: embed.note };
    node.data.hChildren = [{ type: 'text', value: embed.label }];
  } else if (embed.type === 'file') {
    node.data.hName = 'a';
    node.data.hProperties = { href: embed.href, className: ['attachment'] };
    node.data.hChildren = [{ type: 'text', value: embed.label }];
  } else {
    const alone = parent?.type === 'paragraph' && parent.children.every((c) => c === node || (c.type === 'text' && !c.value.trim()));
    if (!alone) return false;
    // The paragraph becomes the container, as a <div> cannot sit inside a <p>.
    (parent.data ??= {}).hName = 'div';
    const title: Element = { type: 'element', tagName: 'a', properties: { href: embed.href, className: ['embed-title'] }, children: [{ type: 'text', value: embed.title }] };
    node.data.hName = 'div';
    // Marked as a rendered tree, so it is held aside from this body's sanitiser (embed-trees.ts).
    node.data.hProperties = { className: ['embed'], dataEmbedTree: true };
    // A copy: one rendered section may be embedded in many places.
    node.data.hChildren = [title, ...(structuredClone(embed.tree.children) as ElementContent[])];
  }
  return true;
}
