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
import type { Parent as MdParent, PhrasingContent, Root as MdRoot, Text } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import { inlineText, sentenceFinder, TEXT_BLOCKS } from './sentences';
import type { Citation, CitationItem, ResolvedLink, WikiLink } from './types';

/**
 * A citation key, as Pandoc reads one: it starts with a letter, digit or
 * `_`, and may hold `:.#$%&-+?<>~/` inside, never at its end (so the full stop
 * after `@doe2020.` ends the sentence, not the key). In braces (`@{key}`) it
 * may hold anything but braces.
 */
const KEY = String.raw`(?:\{[^{}\s][^{}]*\}|[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*)`;
/** `[…@key…]` not followed by `(` or `[` (that would be a Markdown link) — one group of citations. */
const GROUP = new RegExp(String.raw`\[([^\[\]]*?-?@${KEY}[^\[\]]*)\](?![(\[])`, 'gu');
/** One item of a group: prefix, `-`, `@key`, then the locator. */
const ITEM = new RegExp(String.raw`^(.*?)(-?)@(${KEY})(.*)$`, 'su');
/** A bare `@key`, not inside a word or an e-mail address; a `[locator]` right after it belongs to it (`@doe [p. 33]`). */
const BARE = new RegExp(String.raw`(^|[^\p{L}\p{N}_@.\-/])(-?)@(${KEY})(?:(\s*)\[([^\[\]@]*)\](?![(\[]))?`, 'gu');

/** `key` from `key` or `{key}`. */
const unbrace = (key: string) => (key.startsWith('{') ? key.slice(1, -1).trim() : key);

/** Where citations are not read: code, raw HTML, other links; a Markdown link's text is read, its citations shown as text. */
const NO_CITATIONS = new Set(['linkReference', 'inlineCode', 'code', 'html', 'definition', 'wikiLink', 'citation', 'inlineMath', 'math']);

/** The items of `[…]`'s inside, or undefined when some part of it cites nothing (then it is not a citation). */
function groupItems(inside: string): CitationItem[] | undefined {
  const items: CitationItem[] = [];
  for (const part of inside.split(';')) {
    const m = ITEM.exec(part.trim());
    // `[challenges:: @key]` is a stance field around a bare citation, not a group.
    if (!m || m[1].includes('::')) return undefined;
    const locator = m[4].replace(/^\s*,?\s*/, '').trim();
    items.push({ key: unbrace(m[3]), prefix: m[1].trim() || undefined, locator: locator || undefined, suppressAuthor: m[2] === '-' || undefined });
  }
  return items;
}

interface Found {
  start: number;
  end: number;
  items: CitationItem[];
}

/**
 * Every citation group in a run of text, bracketed groups first, then bare
 * keys outside them. `escaped` says whether a character of the text was
 * written escaped (`\@key`, `\[@key\]`): those start no citation.
 */
function findCitations(text: string, escaped: (offset: number) => boolean = () => false): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(GROUP)) {
    const at = m[0].indexOf('@');
    if (escaped(m.index!) || escaped(m.index! + at) || escaped(m.index! + m[0].length - 1)) continue;
    const items = groupItems(m[1]);
    if (items) found.push({ start: m.index!, end: m.index! + m[0].length, items });
  }
  for (const m of text.matchAll(BARE)) {
    const start = m.index! + m[1].length;
    // `\@key` is text, and so is `\[@key\]`: an escaped bracket asks for the brackets and what they hold as written.
    if (escaped(start + m[2].length) || (start > 0 && text[start - 1] === '[' && escaped(start - 1)) || found.some((f) => start >= f.start && start < f.end)) continue;
    const locator = m[5]?.trim();
    const end = locator !== undefined ? m.index! + m[0].length : m.index! + m[0].length - (m[4] ?? '').length - (m[5] !== undefined ? m[5].length + 2 : 0);
    found.push({ start, end, items: [{ key: unbrace(m[3]), narrative: true, bare: true, suppressAuthor: m[2] === '-' || undefined, locator: locator || undefined }] });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The keys a Markdown text may cite, read from its source: every `@key` form
 * (so a bibliography entry it names is published). It may over-count (a key in
 * code), never under-count.
 */
export function citedKeys(texts: Iterable<string>): Set<string> {
  const keys = new Set<string>();
  for (const text of texts) {
    if (!text.includes('@')) continue;
    for (const m of text.matchAll(BARE)) keys.add(unbrace(m[3]));
    for (const m of text.matchAll(GROUP)) for (const item of groupItems(m[1]) ?? []) keys.add(item.key);
  }
  return keys;
}

const lineAt = (node: Text, value: string, offset: number) => (node.position?.start.line ?? 1) + (value.slice(0, offset).match(/\n/g)?.length ?? 0);

/**
 * Which characters of a text node were escaped in the source (`\@`, `\[`):
 * the node's value has lost the backslashes, its source still has them.
 */
function escapesOf(node: Text, source: string): (offset: number) => boolean {
  const from = node.position?.start.offset;
  const to = node.position?.end.offset;
  if (from === undefined || to === undefined || !source.includes('\\')) return () => false;
  const written = source.slice(from, to);
  if (written === node.value || !written.includes('\\')) return () => false;
  const escaped = new Set<number>();
  for (let i = 0, v = 0; i < written.length && v < node.value.length; i++, v++) {
    if (written[i] === '\\' && i + 1 < written.length && /[!-/:-@[-`{-~]/.test(written[i + 1]) && node.value[v] === written[i + 1]) {
      escaped.add(v);
      i++;
    }
  }
  return (offset) => escaped.has(offset);
}

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

/** Parses citations in text, and wraps `[[@key]]` links as citations; a citation in a link's text is marked as such. */
export const remarkCitations: Plugin<[], MdRoot> = () => (tree, file) => {
  const source = String(file.value ?? '');
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
    const found = findCitations(node.value, escapesOf(node, source));
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
  // A link's children are visited after the link: mark the citations found in them now.
  visit(tree, 'link', (link) => {
    visit(link, 'citation', (c) => {
      for (const child of c.children) if (child.type === 'wikiLink' && child.data.citation) child.data.citation.inLink = true;
    });
  });
};

/** How one resolved key reads: author–year when the target is a known work, else `@key?`. */
function itemText(link: WikiLink, item: CitationItem): { text: string; known: boolean } {
  const resolved: ResolvedLink | undefined = link.data.resolved;
  const cite = resolved?.citation;
  if (item.label && resolved && !resolved.stub) return { text: item.label, known: true };
  if (cite) {
    // A narrative citation holds its locator inside the parentheses, as Pandoc writes it: `Doe (2020, p. 33)`.
    const year = item.narrative && item.locator ? `${cite.year}, ${item.locator}` : cite.year;
    if (item.suppressAuthor) return { text: item.narrative ? `(${year})` : year, known: true };
    return { text: item.narrative ? `${cite.author} (${year})` : `${cite.author}, ${year}`, known: true };
  }
  // `[[@key]]` naming a note that is no bibliography entry (a citekey note): an ordinary link.
  if (resolved && !resolved.stub) return { text: resolved.title, known: true };
  return { text: `@${item.key}?`, known: false };
}

/** The number a label's year starts with, for ordering (`2020b` → 2020; `n.d.` last). */
const yearOrder = (year: string) => Number(/-?\d+/.exec(year)?.[0] ?? Infinity);

/**
 * The group's links in the order an author–date style cites them: by author,
 * then year, written order kept among equals (`[@b; @a]` of one author and
 * year stays b, a). A group with an unknown key keeps its written order.
 */
function citeOrder(links: WikiLink[]): WikiLink[] {
  const label = (l: WikiLink) => l.data.resolved?.citation;
  if (links.length < 2 || !links.every(label)) return links;
  return links
    .map((link, i) => ({ link, i }))
    .sort((a, b) => label(a.link)!.author.localeCompare(label(b.link)!.author) || yearOrder(label(a.link)!.year) - yearOrder(label(b.link)!.year) || a.i - b.i)
    .map((x) => x.link);
}

/**
 * Writes each citation group out from its links' resolutions (run after
 * `remarkResolveWikiLinks`), then cuts the sentences of the links in those
 * blocks again, so a backlink's sentence and a heading read the rendered
 * labels (`Doe et al., 2020`), not `[@key]`.
 */
export const remarkCitationText: Plugin<[], MdRoot> = () => (tree, file) => {
  const written: WikiLink[] = [];
  visit(tree, 'wikiLink', (node) => {
    written.push(node);
  });
  const refs = file.data.wikiLinks;
  const refOf = new Map(refs && refs.length === written.length ? written.map((node, i) => [node, refs[i]] as const) : []);
  writeCitations(tree);
  const blocks = new Map<MdParent, WikiLink[]>();
  visitParents(tree, 'wikiLink', (node, ancestors) => {
    if (!node.data.citation) return;
    const block = [...ancestors].reverse().find((a) => TEXT_BLOCKS.has(a.type)) as MdParent | undefined;
    if (block && !blocks.has(block)) blocks.set(block, []);
  });
  for (const block of blocks.keys()) {
    const { text, spans } = inlineText(block);
    // A whole group is one span, so its locator's abbreviations (`p. 4`) never end a sentence.
    const groups: [number, number][] = [];
    visit(block, 'citation', (group) => {
      const links = group.children.filter((c): c is WikiLink => c.type === 'wikiLink' && spans.has(c));
      if (!links.length) return;
      const textLength = (nodes: PhrasingContent[]) => nodes.reduce((n, c) => n + (c.type === 'text' ? c.value.length : 0), 0);
      const first = group.children.indexOf(links[0]);
      const last = group.children.indexOf(links[links.length - 1]);
      groups.push([spans.get(links[0])![0] - textLength(group.children.slice(0, first)), spans.get(links[links.length - 1])![1] + textLength(group.children.slice(last + 1))]);
    });
    const find = sentenceFinder(text, [...spans.values(), ...groups]);
    for (const [node, [s, e]] of spans) {
      const ref = refOf.get(node);
      if (!ref) continue;
      ref.context = find(s, e);
      if (node.data.citation) ref.label = text.slice(s, e);
    }
  }
};

function writeCitations(tree: MdRoot): void {
  visit(tree, 'citation', (node, index, parent) => {
    const written = node.children.filter((c): c is WikiLink => c.type === 'wikiLink' && !!c.data.citation);
    const first = written[0]?.data.citation;
    // A bare `@name` no bibliography knows was never a citation: it stays the text it was.
    if (first?.bare && !written[0].data.resolved && parent && index !== undefined) {
      parent.children.splice(index, 1, { type: 'text', value: `${first.suppressAuthor ? '-' : ''}@${first.key}${first.locator ? ` [${first.locator}]` : ''}` });
      return index;
    }
    const narrative = written.length === 1 && !!first?.narrative;
    const links = narrative ? written : citeOrder(written);
    const texts = links.map((link) => itemText(link, link.data.citation!));
    const known = texts.some((t) => t.known);
    const children: PhrasingContent[] = [];
    const text = (value: string) => value && children.push({ type: 'text', value });
    if (!narrative) text(known ? '(' : '[');
    else if (!known) text('[');
    links.forEach((link, i) => {
      const item = link.data.citation!;
      const cite = link.data.resolved?.citation;
      const before = i > 0 ? links[i - 1].data.resolved?.citation : undefined;
      // The same author again: only the year, after a comma (`Twin, 2019b, 2019a`).
      const sameAuthor = !narrative && cite && before && before.author === cite.author && !item.prefix && !item.suppressAuthor && !item.label;
      const shown = sameAuthor ? cite.year : texts[i].text;
      link.data.hChildren = [{ type: 'text', value: shown }];
      // What the link reads as, for the sentence around it and a heading's text.
      link.data.alias = shown;
      if (i) text(sameAuthor ? ', ' : '; ');
      text(item.prefix ? `${item.prefix} ` : '');
      // A citation in a link's text is shown as text: a link cannot hold a link.
      if (item.inLink) {
        link.data.hName = 'span';
        link.data.hProperties = {};
      }
      children.push(link);
      if (!narrative || !known) text(item.locator ? `, ${item.locator}` : '');
    });
    if (!narrative) text(known ? ')' : ']');
    else if (!known) text(']');
    node.children = children;
    if (!known) ((node.data!.hProperties as { className: string[] }).className ??= []).push('unknown');
    return SKIP;
  });
}
