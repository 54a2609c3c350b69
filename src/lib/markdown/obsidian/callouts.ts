/**
 * Obsidian callouts: a quote opening with `[!type] Title` is a titled box;
 * `[!type]-` folds it shut and `[!type]+` open, as a native <details>, so it
 * opens with the keyboard and without script. `data-callout` is the type,
 * lower-cased, which the stylesheet (src/styles/callouts.css) gives its colour
 * and icon; `[!type|metadata]` keeps its metadata in `data-callout-metadata`.
 */
import type { Paragraph, PhrasingContent, Root as MdRoot } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

export const remarkCallouts: Plugin<[], MdRoot> = () => (tree) => {
  visit(tree, 'blockquote', (quote) => {
    const first = quote.children[0];
    if (first?.type !== 'paragraph' || first.children[0]?.type !== 'text') return;
    // `[!type]`, `[!type|metadata]` (read by themes and plugins), any words for the type, as Obsidian reads them.
    const marker = /^\[!([^\]|\n]+)(?:\|([^\]\n]*))?\]([+-]?)[ \t]*/.exec(first.children[0].value);
    if (!marker || !marker[1].trim()) return;
    const [all, written, metadata, fold] = marker;
    const type = written.trim();
    first.children[0].value = first.children[0].value.slice(all.length);
    // The title is the rest of the marker's line, formatting and all; the lines after it are the body.
    const title: PhrasingContent[] = [];
    while (first.children.length) {
      const node: PhrasingContent = first.children[0] as PhrasingContent;
      const newline = node.type === 'text' ? node.value.indexOf('\n') : -1;
      if (node.type === 'break') {
        first.children.shift();
        break;
      }
      if (newline >= 0 && node.type === 'text') {
        if (newline > 0) title.push({ type: 'text', value: node.value.slice(0, newline) });
        node.value = node.value.slice(newline + 1);
        break;
      }
      title.push(first.children.shift()!);
    }
    if (first.children.every((c) => c.type === 'text' && !c.value.trim())) quote.children.shift();
    const named = title.some((n) => mdastToString(n).trim());
    const heading: Paragraph = {
      type: 'paragraph',
      children: named ? title : [{ type: 'text', value: type.charAt(0).toUpperCase() + type.slice(1).toLowerCase() }],
      data: { hName: fold ? 'summary' : 'p', hProperties: { className: ['callout-title'] } },
    };
    quote.children.unshift(heading);
    quote.data = {
      hName: fold ? 'details' : 'blockquote',
      // Keep what earlier plugins set (a block id marking the whole callout).
      hProperties: { ...quote.data?.hProperties, className: ['callout'], dataCallout: type.toLowerCase(), ...(metadata?.trim() ? { dataCalloutMetadata: metadata.trim() } : {}), ...(fold === '+' ? { open: true } : {}) },
    };
  });
};
