/**
 * Obsidian's Markdown extensions, as small plugins of the one pipeline in
 * markdown.ts: `^block-id` anchors, `![[embed]]` marks and inline `#tags`;
 * and the cutting of a section or a block out of a body, for embeds.
 */
import type { Link, Nodes as MdNodes, Parent as MdParent, PhrasingContent, Root as MdRoot, Text } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import type { Root as HastRoot, Element } from 'hast';
import { unified, type Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { WikiLinkNode } from './markdown';
import { headingAnchor } from './slug';
import { tagSlug } from './views';
import { BLOCK_ID, inlineTags, isAttachmentPath, isMarkdownPath } from './vault';

type Data = { hName?: string; hProperties?: Record<string, unknown> };
const dataOf = (node: { data?: unknown }) => ((node.data ??= {}) as Data);

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
      (dataOf(target).hProperties ??= {}).dataBlockId = id;
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

/**
 * Stands in for the `!` of `![[`: CommonMark reads `![` as the start of an
 * image and the wiki link would never be seen. One UTF-16 unit for one, so
 * every offset and line stays true; remarkEmbedMarks puts the `!` back.
 */
const EMBED_MARK = '\uE000';

/**
 * Obsidian comments, `%%hidden%%` (to the end of the note when unclosed),
 * are private: they leave the body before it is parsed, keeping their line
 * breaks so every line number stays true. Code keeps its `%%`.
 */
export function stripComments(body: string): string {
  if (!body.includes('%%')) return body;
  let fence: string | undefined;
  let prose = '';
  let out = '';
  const flush = () => {
    out += prose.replace(/(`+)[\s\S]*?\1|%%[\s\S]*?(?:%%|$)/g, (m) => (m.startsWith('`') ? m : m.replace(/[^\n]/g, '')));
    prose = '';
  };
  for (const line of body.split(/(?<=\n)/)) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      out += line;
      if (marker?.[0] === fence) fence = undefined;
    } else if (marker) {
      flush();
      fence = marker[0];
      out += line;
    } else prose += line;
  }
  flush();
  return out;
}

/** The body as the parser should see it: `![[` hidden from the image syntax (unless the text already uses the stand-in). */
export const markEmbeds = (body: string) => (body.includes(EMBED_MARK) ? body : body.replaceAll('![[', `${EMBED_MARK}[[`));

/**
 * A wiki link right after the stand-in is an embed: the mark goes and the
 * link is flagged. Anywhere else (code, a broken link) the `!` comes back.
 */
export const remarkEmbedMarks: Plugin<[], MdRoot> = () => (tree) => {
  visit(tree, (node, index, parent) => {
    if ((node.type as string) === 'wikiLink' && parent && index) {
      const before = parent.children[index - 1];
      if (before.type === 'text' && before.value.endsWith(EMBED_MARK)) {
        before.value = before.value.slice(0, -1);
        (node as unknown as WikiLinkNode).data.embed = true;
      }
    }
  });
  visit(tree, (node) => {
    const withValue = node as { value?: unknown };
    if (typeof withValue.value === 'string' && withValue.value.includes(EMBED_MARK)) withValue.value = withValue.value.replaceAll(EMBED_MARK, '!');
  });
};

/**
 * Markdown links and images to files of the vault (`[text](../Note.md)`,
 * `![alt](attachments/plot.png)`, as Obsidian writes them with wiki links
 * turned off, and as Foam writes them) become wiki links, resolved and
 * counted like any other; relative to the linking file, see corpus.ts.
 */
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
    const wiki: WikiLinkNode = { type: 'wikiLink', value: file + fragment, data: { alias: label || null, path: true, embed: node.type === 'image' || undefined }, position: node.position };
    parent.children.splice(index, 1, wiki as unknown as MdParent['children'][number]);
    return [SKIP, index + 1];
  });
};

/**
 * Obsidian callouts: a quote opening with `[!type] Title` is a titled box;
 * `[!type]-` folds it shut and `[!type]+` open, as a native <details>, so it
 * opens with the keyboard and without script.
 */
export const remarkCallouts: Plugin<[], MdRoot> = () => (tree) => {
  visit(tree, 'blockquote', (quote) => {
    const first = quote.children[0];
    if (first?.type !== 'paragraph' || first.children[0]?.type !== 'text') return;
    const marker = /^\[!([\w-]+)\]([+-]?)[ \t]*/.exec(first.children[0].value);
    if (!marker) return;
    const [all, type, fold] = marker;
    first.children[0].value = first.children[0].value.slice(all.length);
    // The title is the rest of the marker's line, formatting and all; the lines after it are the body.
    const title: PhrasingContent[] = [];
    while (first.children.length) {
      const node = first.children[0] as PhrasingContent;
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
    quote.children.unshift({
      type: 'paragraph',
      children: named ? title : [{ type: 'text', value: type.charAt(0).toUpperCase() + type.slice(1).toLowerCase() }],
      data: { hName: fold ? 'summary' : 'p', hProperties: { className: ['callout-title'] } },
    } as never);
    quote.data = {
      hName: fold ? 'details' : 'blockquote',
      hProperties: { className: ['callout'], dataCallout: type.toLowerCase(), ...(fold === '+' ? { open: true } : {}) },
    } as never;
  });
};

/** Where a `#` is not a tag: code, link text, raw HTML. */
const NO_TAGS = new Set(['link', 'linkReference', 'inlineCode', 'code', 'html', 'definition', 'wikiLink']);

/** Inline `#tags` become links to their tag pages, and are recorded for the graph. */
export const remarkInlineTags: Plugin<[], MdRoot> = () => (tree, file) => {
  const tags: string[] = [];
  visit(tree, (node, index, parent) => {
    if (NO_TAGS.has(node.type)) return SKIP;
    if (node.type !== 'text' || !parent || index === undefined || !node.value.includes('#')) return undefined;
    const found = inlineTags(node.value);
    if (found.length === 0) return undefined;
    const replacement: (Text | Link)[] = [];
    let at = 0;
    for (const { tag, start, end } of found) {
      if (start > at) replacement.push({ type: 'text', value: node.value.slice(at, start) });
      replacement.push({
        type: 'link',
        url: `/tags/${tagSlug(tag)}/`,
        children: [{ type: 'text', value: `#${tag}` }],
        data: { hProperties: { className: ['tag'] } },
      });
      if (!tags.includes(tag)) tags.push(tag);
      at = end;
    }
    if (at < node.value.length) replacement.push({ type: 'text', value: node.value.slice(at) });
    (parent as MdParent).children.splice(index, 1, ...(replacement as MdParent['children']));
    return [SKIP, index + replacement.length];
  });
  file.data.tags = tags;
};

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * The Markdown of one section of a body (its heading and everything up to
 * the next heading of the same or a higher level) or of one `^block`, for
 * `![[File#Section]]` and `![[File#^block]]`; undefined when there is none.
 */
export function markdownFragment(body: string, part: { heading?: string; block?: string }): string | undefined {
  const tree = parser.parse(body);
  const slice = (from: MdNodes, to?: MdNodes) => body.slice(from.position!.start.offset!, to ? to.position!.start.offset! : from.position!.end.offset!);
  if (part.heading) {
    const anchor = headingAnchor(part.heading);
    const top = tree.children;
    const start = top.findIndex((n) => n.type === 'heading' && headingAnchor(mdastToString(n)) === anchor);
    if (start < 0) return undefined;
    const depth = (top[start] as { depth: number }).depth;
    const end = top.findIndex((n, i) => i > start && n.type === 'heading' && n.depth <= depth);
    return end < 0 ? body.slice(top[start].position!.start.offset!) : slice(top[start], top[end]);
  }
  if (part.block) {
    let found: string | undefined;
    visit(tree, 'paragraph', (paragraph, index, parent) => {
      const match = BLOCK_ID.exec(mdastToString(paragraph));
      if (found !== undefined || !match || match[1] !== part.block || !parent || index === undefined) return undefined;
      const alone = mdastToString(paragraph).trim() === `^${part.block}`;
      const node = alone && index > 0 ? parent.children[index - 1] : parent.type === 'listItem' ? parent : paragraph;
      found = slice(node);
      return SKIP;
    });
    return found;
  }
  return body;
}
