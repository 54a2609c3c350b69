/**
 * Pandoc citations and Obsidian citekey links, as wiki links to papers:
 * `[@key]`, `[@key, p. 4]`, `[see @a; @b]`, `[-@key]` (year only), a bare
 * `@key` in a sentence, and `[[@key]]`. Each cited key becomes a `wikiLink`
 * node (target `@key`, `data.citation` set) inside a `citation` group, so
 * citations are collected, resolved, counted and given stances exactly like
 * any other link. Once resolved, a group is written out as an in-text
 * citation, author–year: `(Doe & Roe, 2020, p. 4)`, or `Doe & Roe (2020)`
 * for a bare key; a key nothing answers to reads `[@key?]`.
 *
 * Two plugins: `remarkCitations` (parse; before the Obsidian preset, so a
 * stance field around a citation marks it) and `remarkCitationText` (write
 * the groups out; after links are resolved, reading `data.resolved`).
 */
import type { PhrasingContent, Root as MdRoot, Text } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { Citation, CitationItem, ResolvedLink, WikiLink } from './types';

/**
 * A citation key, as Pandoc reads one: it starts with a letter, digit or
 * `_`, and may hold `:.#$%&-+?<>~/` inside, never at its end (so the full stop
 * after `@doe2020.` ends the sentence, not the key).
 */
const KEY = String.raw`[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*`;
/** `[…@key…]` not followed by `(` or `[` (that would be a Markdown link) — one group of citations. */
const GROUP = new RegExp(String.raw`\[([^\[\]]*?-?@${KEY}[^\[\]]*)\](?![(\[])`, 'gu');
/** One item of a group: prefix, `-`, `@key`, then the locator. */
const ITEM = new RegExp(String.raw`^(.*?)(-?)@(${KEY})(.*)$`, 'su');
/** A bare `@key`, not inside a word or an e-mail address. */
const BARE = new RegExp(String.raw`(^|[^\p{L}\p{N}_@.\-/])(-?)@(${KEY})`, 'gu');

/** Where citations are not read: code, links and their text, raw HTML. */
const NO_CITATIONS = new Set(['link', 'linkReference', 'inlineCode', 'code', 'html', 'definition', 'wikiLink', 'citation', 'inlineMath', 'math']);

/** The items of `[…]`'s inside, or undefined when some part of it cites nothing (then it is not a citation). */
function groupItems(inside: string): CitationItem[] | undefined {
  const items: CitationItem[] = [];
  for (const part of inside.split(';')) {
    const m = ITEM.exec(part.trim());
    // `[challenges:: @key]` is a stance field around a bare citation, not a group.
    if (!m || m[1].includes('::')) return undefined;
    const locator = m[4].replace(/^\s*,?\s*/, '').trim();
    items.push({ key: m[3], prefix: m[1].trim() || undefined, locator: locator || undefined, suppressAuthor: m[2] === '-' || undefined });
  }
  return items;
}

interface Found {
  start: number;
  end: number;
  items: CitationItem[];
}

/** Every citation group in a run of text, bracketed groups first, then bare keys outside them. */
function findCitations(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(GROUP)) {
    const items = groupItems(m[1]);
    if (items) found.push({ start: m.index!, end: m.index! + m[0].length, items });
  }
  for (const m of text.matchAll(BARE)) {
    const start = m.index! + m[1].length;
    if (found.some((f) => start >= f.start && start < f.end)) continue;
    found.push({ start, end: m.index! + m[0].length, items: [{ key: m[3], narrative: true, bare: true, suppressAuthor: m[2] === '-' || undefined }] });
  }
  return found.sort((a, b) => a.start - b.start);
}

const lineAt = (node: Text, value: string, offset: number) => (node.position?.start.line ?? 1) + (value.slice(0, offset).match(/\n/g)?.length ?? 0);

/** A wiki link node for one cited key, placed on its line. */
function citeLink(item: CitationItem, line: number): WikiLink {
  const point = { line, column: 1 };
  // The locator is part of the link's label, so an abbreviation in it (`p. 4`) never ends the sentence around it.
  const alias = item.locator ? `@${item.key}, ${item.locator}` : null;
  return { type: 'wikiLink', value: `@${item.key}`, data: { alias, citation: item }, position: { start: point, end: point } };
}

/** The group as written (`[see @a, p. 4; @b]`), so the sentence around it reads as the source does until it is resolved. */
function group(found: Found, line: number): Citation {
  const children: PhrasingContent[] = [];
  const text = (value: string) => value && children.push({ type: 'text', value });
  if (found.items[0].bare) {
    children.push(citeLink(found.items[0], line));
  } else {
    text('[');
    found.items.forEach((item, i) => {
      if (i) text('; ');
      text(item.prefix ? `${item.prefix} ` : '');
      children.push(citeLink(item, line));
    });
    text(']');
  }
  return { type: 'citation', children, data: { hName: 'span', hProperties: { className: ['citation'] } } };
}

/** Parses citations in text, and wraps `[[@key]]` links as citations. */
export const remarkCitations: Plugin<[], MdRoot> = () => (tree) => {
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    if (node.type === 'wikiLink' && node.value.startsWith('@') && !node.value.includes('#')) {
      const label = node.data.alias && node.data.alias !== node.value ? node.data.alias : undefined;
      node.data.citation = { key: node.value.slice(1).trim(), narrative: true, ...(label ? { label } : {}) };
      parent.children.splice(index, 1, { type: 'citation', children: [node], data: { hName: 'span', hProperties: { className: ['citation'] } } } as Citation);
      return [SKIP, index + 1];
    }
    if (NO_CITATIONS.has(node.type)) return SKIP;
    if (node.type !== 'text' || !node.value.includes('@')) return undefined;
    const found = findCitations(node.value);
    if (found.length === 0) return undefined;
    const replacement: PhrasingContent[] = [];
    let at = 0;
    for (const f of found) {
      if (f.start > at) replacement.push({ type: 'text', value: node.value.slice(at, f.start) });
      replacement.push(group(f, lineAt(node, node.value, f.start)));
      at = f.end;
    }
    if (at < node.value.length) replacement.push({ type: 'text', value: node.value.slice(at) });
    (parent.children as PhrasingContent[]).splice(index, 1, ...replacement);
    return [SKIP, index + replacement.length];
  });
};

/** How one resolved key reads: author–year when the target is a known work, else `@key?`. */
function itemText(link: WikiLink, item: CitationItem): { text: string; known: boolean } {
  const resolved: ResolvedLink | undefined = link.data.resolved;
  const cite = resolved?.citation;
  if (item.label && resolved && !resolved.stub) return { text: item.label, known: true };
  if (cite) {
    if (item.suppressAuthor) return { text: item.narrative ? `(${cite.year})` : cite.year, known: true };
    return { text: item.narrative ? `${cite.author} (${cite.year})` : `${cite.author}, ${cite.year}`, known: true };
  }
  // `[[@key]]` naming a note that is no bibliography entry (a citekey note): an ordinary link.
  if (resolved && !resolved.stub) return { text: resolved.title, known: true };
  return { text: `@${item.key}?`, known: false };
}

/** Writes each citation group out from its links' resolutions (run after `remarkResolveWikiLinks`). */
export const remarkCitationText: Plugin<[], MdRoot> = () => (tree) => {
  visit(tree, 'citation', (node, index, parent) => {
    const links = node.children.filter((c): c is WikiLink => c.type === 'wikiLink' && !!c.data.citation);
    const bare = links[0]?.data.citation?.bare;
    // A bare `@name` no bibliography knows was never a citation: it stays the text it was.
    if (bare && !links[0].data.resolved && parent && index !== undefined) {
      parent.children.splice(index, 1, { type: 'text', value: `${links[0].data.citation!.suppressAuthor ? '-' : ''}@${links[0].data.citation!.key}` });
      return index;
    }
    const texts = links.map((link) => itemText(link, link.data.citation!));
    texts.forEach(({ text }, i) => {
      links[i].data.hChildren = [{ type: 'text', value: text }];
    });
    const known = texts.some((t) => t.known);
    const narrative = links.length === 1 && links[0].data.citation!.narrative;
    const children: PhrasingContent[] = [];
    const text = (value: string) => value && children.push({ type: 'text', value });
    if (!narrative) text(known ? '(' : '[');
    else if (!known) text('[');
    links.forEach((link, i) => {
      const item = link.data.citation!;
      if (i) text('; ');
      text(item.prefix ? `${item.prefix} ` : '');
      children.push(link);
      text(item.locator ? `, ${item.locator}` : '');
    });
    if (!narrative) text(known ? ')' : ']');
    else if (!known) text(']');
    node.children = children;
    if (!known) ((node.data!.hProperties as { className: string[] }).className ??= []).push('unknown');
    return SKIP;
  });
};
