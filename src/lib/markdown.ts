/**
 * The Markdown pipeline, assembled from small one-job plugins: parse wiki
 * links, resolve them (recording the sentence each stands in), sanitise raw
 * HTML, anchor headings. A body is parsed once; links, headings, plain text
 * and HTML all come out of that one pass.
 */
import type { Heading as MdHeading, Nodes as MdNodes, Parent as MdParent, Root as MdRoot } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkWikiLink from 'remark-wiki-link';
import { unified, type Plugin } from 'unified';
import type { Node as UnistNode } from 'unist';
import type { Root as HastRoot } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import { VFile } from 'vfile';
import { headingAnchor } from './slug';
import { rebaseSitePaths } from './markdown/rebase';
import { markEmbeds, stripComments, remarkBlockIds, rehypeBlockIds, remarkCallouts, remarkEmbedMarks, remarkFileLinks, remarkInlineTags } from './obsidian';

/** Where a link stands: the sentence around it, and the link's span inside that sentence. */
export interface LinkContext {
  sentence: string;
  start: number;
  end: number;
}

/** A `[[target#heading|label]]` as written in a body. */
export interface WikiLinkRef {
  target: string;
  heading?: string;
  /** `[[File#^id]]`: the block marked `^id` in the target. */
  block?: string;
  /** `![[File]]`: the target is shown in place (a note's text, an image), not linked. */
  embed?: boolean;
  /** Written as a Markdown link or image to a file path (`[text](../Note.md)`), relative to the linking file. */
  path?: boolean;
  label: string;
  /** 1-based line in the file. */
  line: number;
  context: LinkContext;
}

/** What the resolver says a link points at. */
export interface ResolvedLink {
  href: string;
  /** The target is referenced but not written yet. */
  stub: boolean;
  kind: string;
  title: string;
  /** What an embed shows in place of the link; without it an embed is shown as a link. */
  embed?: EmbedContent;
}

/** The content of `![[…]]`: an image, a link to another file, or another note's sanitised HTML tree. */
export type EmbedContent =
  | { type: 'image'; src: string; alt: string; width?: string; height?: string }
  | { type: 'file'; href: string; label: string }
  | { type: 'note'; href: string; title: string; tree: HastRoot };

export interface BodyHeading {
  depth: number;
  text: string;
  anchor: string;
  line: number;
}

export interface RenderedBody {
  html: string;
  links: WikiLinkRef[];
  headings: BodyHeading[];
  /** The body as plain text (links as their labels), for search and figure matching. */
  text: string;
  /** Inline `#tags`, in order of first use, without the `#`. */
  tags: string[];
  /** Ids of the blocks marked `^id`, the anchors `[[File#^id]]` can point to. */
  blocks: string[];
  /** Why the body was shown as plain text instead of rendered, with the line at fault where known. */
  unrendered?: { reason: string; line?: number };
}

declare module 'vfile' {
  interface DataMap {
    /** Set by the caller: turns a wiki link into a destination. */
    resolveWikiLink: (ref: WikiLinkRef) => ResolvedLink | undefined;
    /** Lines before the body in the file, so positions name the file's own lines. */
    lineOffset: number;
    wikiLinks: WikiLinkRef[];
    headings: BodyHeading[];
    plainText: string;
    tags: string[];
    blocks: string[];
  }
}

export interface WikiLinkNode {
  type: 'wikiLink';
  value: string;
  data: { alias: string | null; embed?: boolean; path?: boolean; hName?: string; hProperties?: Record<string, unknown>; hChildren?: unknown[] };
  position?: { start: { line: number } };
}

/**
 * Splits `Title#Heading` into its parts; an empty heading is no heading.
 * `Title#A#B` names the subheading B (as Obsidian writes it); `Title#^id` a block.
 */
export function splitTarget(raw: string): { target: string; heading?: string; block?: string } {
  const hash = raw.indexOf('#');
  if (hash < 0) return { target: raw.trim() };
  const heading = raw.slice(raw.lastIndexOf('#') + 1).trim();
  const target = raw.slice(0, hash).trim();
  if (heading.startsWith('^') && heading.length > 1) return { target, block: heading.slice(1) };
  return { target, heading: heading || undefined };
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * Text of a block's inline content, with each wiki link's span recorded, so
 * the sentence around a link can be cut from the very text a reader sees.
 */
function inlineText(block: MdParent): { text: string; spans: Map<WikiLinkNode, [number, number]> } {
  let text = '';
  const spans = new Map<WikiLinkNode, [number, number]>();
  const walk = (node: MdNodes) => {
    if ((node.type as string) === 'wikiLink') {
      const wiki = node as unknown as WikiLinkNode;
      const start = text.length;
      text += linkLabel(wiki);
      spans.set(wiki, [start, text.length]);
    } else if (node.type === 'text' || node.type === 'inlineCode') {
      text += node.value;
    } else if (node.type === 'break') {
      text += ' ';
    } else if ('children' in node) {
      for (const child of node.children as MdNodes[]) walk(child);
    }
  };
  for (const child of block.children as MdNodes[]) walk(child);
  return { text, spans };
}

function linkLabel(node: WikiLinkNode): string {
  if (node.data.alias && node.data.alias !== node.value) return node.data.alias;
  const { target, heading, block } = splitTarget(node.value);
  // A link into the same page ([[#Heading]], [[#^block]]) is labelled by the heading or block alone.
  const part = heading ?? (block ? `^${block}` : undefined);
  if (!part) return target;
  return target ? `${target} › ${part}` : part;
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * The sentence holding [start, end). Link labels are masked first: a title
 * such as "Does X help or harm?" must not end the sentence it is cited in.
 */
export function sentenceAround(text: string, spans: Iterable<[number, number]>, start: number, end: number): LinkContext {
  return sentenceFinder(text, spans)(start, end);
}

/** Segments a block's text once; the returned function cuts out the sentence of any span in it. */
function sentenceFinder(text: string, spans: Iterable<[number, number]>): (start: number, end: number) => LinkContext {
  const chars = [...text.split('')];
  for (const [s, e] of spans) chars.fill('x', s, e);
  const masked = chars.join('');
  const bounds = Array.from(sentenceSegmenter.segment(masked), (seg) => [seg.index, seg.index + seg.segment.length] as const);
  return (start, end) => {
    const at = bounds.findIndex(([s, e]) => start >= s && start < e);
    if (at < 0) return { sentence: text.trim(), start: 0, end: text.trim().length };
    let [from, to] = [bounds[at][0], Math.max(bounds[at][1], end)];
    // A link that is a sentence on its own ("Warmth corrupts. [[Title]].") says why only with its neighbour.
    const bare = (a: number, b: number) => !/[\p{L}\p{N}]{2}/u.test(text.slice(a, start) + text.slice(end, b));
    if (bare(from, to) && at > 0) from = bounds[at - 1][0];
    else if (bare(from, to) && at + 1 < bounds.length) to = bounds[at + 1][1];
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    return { sentence: raw.trim(), start: start - from - lead, end: end - from - lead };
  };
}

/** Collects every wiki link with its sentence, and turns it into a resolved link. */
const remarkResolveWikiLinks: Plugin<[], MdRoot> = () => (tree, file) => {
  const resolve = file.data.resolveWikiLink;
  const offset = file.data.lineOffset ?? 0;
  const links: WikiLinkRef[] = [];
  const finders = new Map<MdParent, { spans: Map<WikiLinkNode, [number, number]>; find: ReturnType<typeof sentenceFinder> }>();
  visitParents(tree as UnistNode, (found: UnistNode, ancestors: UnistNode[]) => {
    if (found.type !== 'wikiLink') return;
    const node = found as unknown as WikiLinkNode;
    const block = [...ancestors].reverse().find((a) => BLOCKS.has(a.type)) as unknown as MdParent | undefined;
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
    links.push(ref);
    const resolved = resolve?.(ref);
    if (resolved?.embed && renderEmbed(node, resolved.embed, ancestors[ancestors.length - 1])) return;
    node.data.hName = 'a';
    node.data.hChildren = [{ type: 'text', value: label }];
    node.data.hProperties = resolved
      ? {
          href: resolved.href,
          className: resolved.stub ? ['wikilink', 'stub'] : ['wikilink'],
          dataKind: resolved.kind,
          title: resolved.stub ? `${resolved.title} (not written yet)` : resolved.title,
        }
      : { className: ['wikilink', 'unresolved'] };
  });
  file.data.wikiLinks = links;
};

/**
 * Turns an embed's wikiLink node into what it shows. A note embedded in the
 * middle of a sentence cannot become block content there: it stays a link.
 */
function renderEmbed(node: WikiLinkNode, embed: EmbedContent, parent: UnistNode | undefined): boolean {
  if (embed.type === 'image') {
    node.data.hName = 'img';
    node.data.hProperties = { src: embed.src, alt: embed.alt, width: embed.width, height: embed.height, loading: 'lazy' };
    node.data.hChildren = [];
  } else if (embed.type === 'file') {
    node.data.hName = 'a';
    node.data.hProperties = { href: embed.href, className: ['attachment'] };
    node.data.hChildren = [{ type: 'text', value: embed.label }];
  } else {
    const siblings = (parent as MdParent | undefined)?.children as MdNodes[] | undefined;
    const alone = parent?.type === 'paragraph' && siblings!.every((c) => c === (node as unknown) || (c.type === 'text' && !c.value.trim()));
    if (!alone) return false;
    // The paragraph becomes the container, as a <div> cannot sit inside a <p>.
    ((parent as { data?: Record<string, unknown> }).data ??= {}).hName = 'div';
    node.data.hName = 'div';
    node.data.hProperties = { className: ['embed'] };
    node.data.hChildren = [
      { type: 'element', tagName: 'a', properties: { href: embed.href, className: ['embed-title'] }, children: [{ type: 'text', value: embed.title }] },
      // A copy: one rendered section may be embedded in many places.
      ...structuredClone(embed.tree.children),
    ];
  }
  return true;
}

/** Records headings and plain text for the search index and for figure matching. */
const remarkCollectText: Plugin<[], MdRoot> = () => (tree, file) => {
  const offset = file.data.lineOffset ?? 0;
  const headings: BodyHeading[] = [];
  visitParents(tree, 'heading', (node: MdHeading) => {
    const text = mdastToString(node, { includeHtml: false });
    headings.push({ depth: node.depth, text, anchor: headingAnchor(text), line: (node.position?.start.line ?? 1) + offset });
  });
  file.data.headings = headings;
  file.data.plainText = blockTexts(tree).join('\n');
};

/** Plain text, one line a block, with link labels in place of link syntax. */
function blockTexts(tree: MdRoot): string[] {
  const out: string[] = [];
  visitParents(tree as UnistNode, (node) => {
    if (BLOCKS.has(node.type)) {
      out.push(inlineText(node as unknown as MdParent).text);
      return 'skip';
    }
    if (node.type === 'code') out.push((node as unknown as { value: string }).value);
    return undefined;
  });
  return out;
}

/**
 * What raw HTML may keep: GitHub's safe subset, plus the attributes our own
 * links carry. Scripts, event handlers and `javascript:` URLs never survive.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    a: [
      ...(defaultSchema.attributes?.a ?? []).filter((rule) => !(Array.isArray(rule) && rule[0] === 'className')),
      ['className', 'data-footnote-backref', 'wikilink', 'stub', 'unresolved', 'tag', 'attachment', 'embed-title'],
      'dataKind',
      'title',
    ],
    div: [...(defaultSchema.attributes?.div ?? []), ['className', 'embed']],
    blockquote: [...(defaultSchema.attributes?.blockquote ?? []), ['className', 'callout'], 'dataCallout'],
    details: [...(defaultSchema.attributes?.details ?? []), ['className', 'callout'], 'dataCallout', 'open'],
    summary: [...(defaultSchema.attributes?.summary ?? []), ['className', 'callout-title']],
    p: [...(defaultSchema.attributes?.p ?? []), ['className', 'callout-title']],
    img: [...(defaultSchema.attributes?.img ?? []), ['loading', 'lazy']],
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'dataBlockId'],
  },
};

/** rehype-raw re-parses the whole tree with parse5; most bodies hold no raw HTML, so skip it for them. */
const rehypeRawWhenPresent: Plugin<[], HastRoot> = function () {
  const raw = rehypeRaw.call(this as never) as unknown as (tree: HastRoot, file: VFile) => HastRoot;
  return (tree, file) => {
    let hasRaw = false;
    visitParents(tree as UnistNode, (node) => {
      if (node.type === 'raw') {
        hasRaw = true;
        return false;
      }
      return undefined;
    });
    return hasRaw ? raw(tree, file) : tree;
  };
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkWikiLink, { aliasDivider: '|' })
  .use(remarkBlockIds)
  .use(remarkEmbedMarks)
  .use(remarkFileLinks)
  .use(remarkCallouts)
  .use(remarkInlineTags)
  .use(remarkResolveWikiLinks)
  .use(remarkCollectText)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRawWhenPresent)
  .use(rehypeSanitize, sanitizeSchema)
  // After sanitising, so heading ids are not given the sanitiser's clobber prefix.
  .use(rehypeSlug)
  .use(rehypeBlockIds)
  .use(rehypeStringify)
  .freeze();

/**
 * Parsers recurse once per level of nesting and some constructs cost time
 * that grows faster than their size, so a body nested thousands deep would
 * overflow the stack or stall the build. Real writing nests a few levels;
 * past these limits the body is shown as plain text instead.
 */
const MAX_CONTAINER_PREFIX = 256;
const MAX_DELIMITER_RUN = 500;
const DELIMITER_RUN = new RegExp(`[*_~\\[\\]<>]{${MAX_DELIMITER_RUN + 1}}`);

/** Rendering costs about ten seconds a megabyte; a full paper is a fraction of one. */
export const MAX_RENDERED_BODY = 1_000_000;

function pathologicalLine(body: string): { reason: string; line: number } | undefined {
  if (body.length > MAX_RENDERED_BODY) return { reason: `it is longer than ${MAX_RENDERED_BODY.toLocaleString('en')} characters`, line: 1 };
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const prefix = /^(?:[ \t>]|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/.exec(lines[i])![0];
    if (prefix.length > MAX_CONTAINER_PREFIX) return { reason: `it nests quotes or lists more than ${MAX_CONTAINER_PREFIX} characters deep`, line: i + 1 };
    if (DELIMITER_RUN.test(lines[i])) return { reason: `it has a run of more than ${MAX_DELIMITER_RUN} markup characters`, line: i + 1 };
  }
  return undefined;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type RenderOptions = {
  resolveWikiLink?: (ref: WikiLinkRef) => ResolvedLink | undefined;
  lineOffset?: number;
  /** Turns a site path (`/notes/x/`) into the address to write, for a site published under a base path. */
  siteAddress?: (path: string) => string;
};

function run(body: string, options: RenderOptions): { hast: HastRoot; file: VFile } {
  const file = new VFile({ value: markEmbeds(stripComments(body)) });
  file.data.resolveWikiLink = options.resolveWikiLink ?? defaultResolve;
  file.data.lineOffset = options.lineOffset ?? 0;
  return { hast: processor.runSync(processor.parse(file), file) as HastRoot, file };
}

/** A body rendered to a sanitised HTML tree, for embedding in another body without a second parse. */
export function renderMarkdownTree(body: string, options: RenderOptions = {}): HastRoot {
  const plain = (): HastRoot => ({ type: 'root', children: [{ type: 'element', tagName: 'pre', properties: { className: ['unrendered'] }, children: [{ type: 'text', value: body }] }] });
  if (pathologicalLine(body)) return plain();
  try {
    return run(body, options).hast;
  } catch {
    return plain();
  }
}

/**
 * Parses and renders one body in a single pass. Never throws: a body the
 * pipeline cannot handle comes back as escaped plain text, with the reason.
 */
export function renderMarkdown(body: string, options: RenderOptions = {}): RenderedBody {
  const bad = pathologicalLine(body);
  if (bad) return unrendered(body, { reason: bad.reason, line: bad.line + (options.lineOffset ?? 0) });
  try {
    return renderWithPipeline(body, options);
  } catch (e) {
    return unrendered(body, { reason: `the Markdown could not be rendered (${(e as Error).message})` });
  }
}

function unrendered(body: string, why: { reason: string; line?: number }): RenderedBody {
  return { html: `<pre class="unrendered">${escapeHtml(body)}</pre>`, links: [], headings: [], text: body, tags: [], blocks: [], unrendered: why };
}

function renderWithPipeline(body: string, options: RenderOptions): RenderedBody {
  const { hast, file } = run(body, options);
  // Embedded notes are copies in this tree, so each address is rewritten once.
  if (options.siteAddress) rebaseSitePaths(hast, options.siteAddress);
  const html = processor.stringify(hast, file);
  return {
    html,
    links: file.data.wikiLinks ?? [],
    headings: file.data.headings ?? [],
    text: file.data.plainText ?? '',
    tags: file.data.tags ?? [],
    blocks: file.data.blocks ?? [],
  };
}

const defaultResolve = (ref: WikiLinkRef): ResolvedLink => ({ href: '#', stub: true, kind: 'note', title: ref.target });
