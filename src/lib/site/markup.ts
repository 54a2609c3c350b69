/**
 * The markup of the two things every page lists dozens of times: a link to an
 * item and the sentence a link stands in. They are written here as strings
 * rather than as Astro components because a component costs a render of its
 * own each time it appears, and a note page holds dozens of them: written
 * out in the lists instead, the page phase of a build takes less time and
 * CPU. Written as strings here, the pages are byte-identical to the
 * components'. The `NodeLink` component, for pages
 * that list few items, writes the same string, so the markup has one source.
 * Text and attributes are escaped as Astro escapes them.
 */
import { escape } from 'html-escaper';
import type { EdgeContext, GraphNode } from '../graph';
import { KIND_VOCABULARY } from '../content/kind-vocabulary';
import { splitContext } from './pages';
import { href } from './urls';

/** Text as Astro escapes an expression in a template: with the library Astro escapes it with. */
export const escapeText: (text: string) => string = escape;

/** An attribute value as Astro escapes it (inside double quotes; Astro's own rule, not the library's). */
export const escapeAttribute = (value: string): string => value.replace(/&/g, '&#38;').replace(/"/g, '&#34;');

const STUB_BADGE = '<span class="badge stub" title="Referenced but not written yet">stub</span>';

/** A link to an item, after its kind's badge (`badge`), and a stub's badge after it. */
export function nodeLinkHtml(node: Pick<GraphNode, 'kind' | 'title' | 'url' | 'stub'>, badge = true): string {
  const kind = badge ? `<span class="badge ${escapeAttribute(node.kind)}">${escapeText(KIND_VOCABULARY[node.kind].one)}</span>` : '';
  const link = `<a class="${node.stub ? 'node-link stub' : 'node-link'}" href="${escapeAttribute(href(node.url))}">${escapeText(node.title)}</a>`;
  return `${kind} ${link} ${node.stub ? STUB_BADGE : ''}`;
}

/** The sentence a link stands in, in quotation marks, the link's words marked. */
export function linkContextHtml(context: EdgeContext): string {
  const [before, link, after] = splitContext(context);
  return `<p class="context">“${escapeText(before)}${link ? `<mark>${escapeText(link)}</mark>` : ''}${escapeText(after)}”</p>`;
}
