/**
 * The Markdown pipeline, assembled from small one-job plugins: parse
 * (CommonMark, GFM, the Obsidian dialect), resolve wiki links (recording the
 * sentence each stands in), collect text, sanitise raw HTML, anchor headings
 * and blocks, typeset math (KaTeX), mark Mermaid diagrams for the browser, highlight code (Shiki), then write
 * site paths under the site's base and note the style attributes written. A body is parsed once; links, headings, plain text and HTML
 * all come out of that one pass.
 */
import { rehypeBidiBlocks } from './bidi';
import type { Root as HastRoot } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { remarkCitations, remarkCitationText } from './citations';
import { remarkCollectText } from './collect-text';
import { rehypeHoldEmbeds, rehypeRestoreEmbeds } from './embed-trees';
import { rehypeHighlightCode } from './highlight';
import { pathologicalLine } from './limits';
import { rehypeMath, remarkMath } from './math';
import { rehypeMermaid } from './mermaid';
import { markEmbeds, rehypeBlockIds, rehypeDataviewPlaceholders, remarkObsidian, stripComments } from './obsidian';
import { remarkResolveWikiLinks } from './resolve-wiki-links';
import { rehypeCollectInlineStyles } from './inline-styles';
import { rehypeSiteAddresses } from './rebase';
import { rehypeFootnoteIds, rehypeRawWhenPresent, sanitizeSchema } from './sanitize';
import type { RenderedBody, ResolvedLink, WikiLinkRef } from './types';

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMath)
  .use(remarkCitations)
  .use(remarkObsidian())
  .use(remarkResolveWikiLinks)
  .use(remarkCitationText)
  .use(remarkCollectText)
  .use(remarkRehype, { allowDangerousHtml: true })
  // An embedded note comes rendered and sanitised by its own pass: it skips this body's sanitiser.
  .use(rehypeHoldEmbeds)
  .use(rehypeRawWhenPresent)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeFootnoteIds)
  .use(rehypeRestoreEmbeds)
  // After sanitising, so heading ids are not given the sanitiser's clobber prefix.
  .use(rehypeSlug)
  .use(rehypeBlockIds)
  // KaTeX and Shiki write markup and colours the sanitiser would strip: they run after it, on trusted output.
  .use(rehypeMath)
  // Before highlighting, which would colour a query as code.
  .use(rehypeDataviewPlaceholders)
  .use(rehypeMermaid)
  .use(rehypeHighlightCode)
  .use(rehypeSiteAddresses)
  .use(rehypeBidiBlocks)
  .use(rehypeCollectInlineStyles)
  .use(rehypeStringify)
  .freeze();

export interface RenderOptions {
  /** Turns a wiki link into a destination; without it every link is a stub to `#`. */
  resolveWikiLink?: (ref: WikiLinkRef) => ResolvedLink | undefined;
  /** Lines of the file before the body (the frontmatter), so lines reported are the file's own. */
  lineOffset?: number;
  /** Turns a site path (`/notes/x/`) into the address to write, for a site published under a base path. */
  siteAddress?: (path: string) => string;
  /** Wiki links are written `[[label|target]]` (Dendron), not `[[target|label]]` (Obsidian). */
  labelFirstLinks?: boolean;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function run(body: string, options: RenderOptions): { hast: HastRoot; file: VFile } {
  const file = new VFile({ value: markEmbeds(stripComments(body)) });
  file.data.resolveWikiLink = options.resolveWikiLink ?? defaultResolve;
  file.data.lineOffset = options.lineOffset ?? 0;
  if (options.labelFirstLinks) file.data.wikiLinkLabelFirst = true;
  if (options.siteAddress) file.data.siteAddress = options.siteAddress;
  return { hast: processor.runSync(processor.parse(file), file), file };
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
  return { html: `<pre class="unrendered">${escapeHtml(body)}</pre>`, links: [], headings: [], text: body, tags: [], blocks: [], stanceFields: [], unrendered: why };
}

function renderWithPipeline(body: string, options: RenderOptions): RenderedBody {
  const { hast, file } = run(body, options);
  const html = processor.stringify(hast, file);
  return {
    html,
    links: file.data.wikiLinks ?? [],
    headings: file.data.headings ?? [],
    text: file.data.plainText ?? '',
    tags: file.data.tags ?? [],
    blocks: file.data.blocks ?? [],
    stanceFields: file.data.stanceFields ?? [],
    ...(file.data.inlineFields ? { inlineFields: file.data.inlineFields } : {}),
    ...(file.data.tasks ? { tasks: file.data.tasks } : {}),
    ...(file.data.dataviewViews ? { dataviewViews: file.data.dataviewViews } : {}),
    ...(file.data.math ? { math: true } : {}),
    ...(file.data.mermaid ? { mermaid: true } : {}),
    ...(file.data.inlineStyles?.length ? { inlineStyles: file.data.inlineStyles } : {}),
    ...(file.data.mathErrors?.length ? { warnings: file.data.mathErrors.map((e) => ({ rule: 'math/invalid' as const, line: e.line, message: `this math could not be rendered (${e.message}); it is shown as its TeX source` })) } : {}),
  };
}

const defaultResolve = (ref: WikiLinkRef): ResolvedLink => ({ href: '#', stub: true, kind: 'note', title: ref.target });
