/**
 * Dataview's views in a body: ```` ```dataview ```` and ```` ```dataviewjs ````
 * blocks, and inline `` `= expression` `` and `` `$= code` ``. The Markdown
 * layer only finds them: each becomes an empty placeholder element numbered
 * in document order, and its source, kind and line are handed out
 * (`file.data.dataviewViews`). Results depend on every other document, so
 * they are filled in by the corpus once it knows them all
 * (corpus/dataview/), after any cached rendering.
 *
 * The inline forms are marked in mdast (their code gets a `language-` class,
 * which the sanitiser keeps); the placeholders are made after sanitising, so
 * raw HTML in a body cannot forge one. A placeholder that arrives inside an
 * embedded note belongs to that note: it is replaced by a line saying so.
 *
 * Reads `file.data.lineOffset`; writes `file.data.dataviewViews`.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root as MdRoot } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { DATAVIEW_WORDS } from '../../content/dataview-words';
import type { DataviewView } from '../types';


declare module 'vfile' {
  interface DataMap {
    dataviewViews: DataviewView[];
  }
}

const CLASS_OF: Record<string, DataviewView['kind']> = {
  'language-dataview': 'query',
  'language-dataviewjs': 'js',
  'language-dataview-inline': 'inline',
  'language-dataviewjs-inline': 'inline-js',
};

/** The attribute a placeholder carries: its number among the body's views. */
export const PLACEHOLDER_ATTRIBUTE = 'data-dataview';

/** The HTML of the placeholder of view `index` (block views are `div`s, inline ones `span`s), exactly as the body writes it. */
export const placeholderHtml = (view: Pick<DataviewView, 'kind'>, index: number): string => {
  const tag = view.kind === 'inline' || view.kind === 'inline-js' ? 'span' : 'div';
  return `<${tag} ${PLACEHOLDER_ATTRIBUTE}="${index}"></${tag}>`;
};

/** Marks inline code that opens with `=` (an expression) or `$=` (JavaScript) as a Dataview view. */
export const remarkDataviewInline: Plugin<[], MdRoot> = () => (tree) => {
  visit(tree, 'inlineCode', (node) => {
    const js = /^\$=\s/.test(node.value);
    if (!js && !/^=\s/.test(node.value)) return;
    node.data = { ...node.data, hProperties: { className: [js ? 'language-dataviewjs-inline' : 'language-dataview-inline'] } };
  });
};

const kindOf = (node: Element): DataviewView['kind'] | undefined => {
  if (node.tagName !== 'code' || !Array.isArray(node.properties.className)) return undefined;
  for (const name of node.properties.className) if (typeof name === 'string' && CLASS_OF[name]) return CLASS_OF[name];
  return undefined;
};

const textOf = (node: Element): string => node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : '')).join('');

const isEmbed = (node: Element) => node.tagName === 'div' && Array.isArray(node.properties.className) && node.properties.className.includes('embed');

/** Text that may hold a view: most bodies hold none and no embed, and are not walked at all. */
const MAY_HOLD_VIEW = /dataview|`\s*\$?=/;

/** Replaces each view with its numbered placeholder, after sanitising and before code is highlighted. */
export const rehypeDataviewPlaceholders: Plugin<[], HastRoot> = () => (tree, file) => {
  if (!MAY_HOLD_VIEW.test(String(file.value)) && !file.data.heldEmbeds?.trees.length) return;
  const offset = file.data.lineOffset ?? 0;
  const views: DataviewView[] = [];
  visit(tree, 'element', (node, index, parent) => {
    if (isEmbed(node)) {
      elsewhere(node);
      return SKIP;
    }
    if (!parent || index === undefined) return undefined;
    const code = node.tagName === 'pre' ? node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code') : node;
    const kind = code && kindOf(code);
    if (!kind || (node.tagName === 'pre') !== (kind === 'query' || kind === 'js')) return undefined;
    const text = textOf(code).replace(/\n$/, '');
    const source = kind === 'inline' ? text.replace(/^=\s*/, '') : kind === 'inline-js' ? text.replace(/^\$=\s*/, '') : text;
    const placeholder: Element = { type: 'element', tagName: kind === 'query' || kind === 'js' ? 'div' : 'span', properties: { dataDataview: String(views.length) }, children: [] };
    views.push({ kind, source, line: (node.position?.start.line ?? 1) + offset });
    parent.children[index] = placeholder as ElementContent;
    return SKIP;
  });
  if (views.length) file.data.dataviewViews = views;
};

/** An embedded note's placeholders are its own: each says where its result is shown instead. */
function elsewhere(embed: Element): void {
  visit(embed, 'element', (node) => {
    if (node.properties.dataDataview === undefined) return undefined;
    node.properties = { className: ['dataview-elsewhere'] };
    node.children = [{ type: 'text', value: DATAVIEW_WORDS.elsewhere }];
    return SKIP;
  });
}
