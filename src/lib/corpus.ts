/**
 * A content folder becomes a corpus: documents validated, links resolved,
 * bodies rendered and the graph built, in one pass over the files. A bad
 * file is reported and left out; every other file still becomes a page.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { Root as HastRoot } from 'hast';
import path from 'node:path';
import { decodeUtf8, parseDocument, type Document } from './document';
import { contentWarning, formatProblem, sortProblems, type ContentProblem } from './errors';
import { GraphBuilder, type EdgeContext, type Graph } from './graph';
import { renderMarkdown, renderMarkdownTree, type EmbedContent, type RenderedBody, type ResolvedLink, type WikiLinkRef } from './markdown';
import { markdownFragment } from './obsidian';
import { LinkResolver, type OnAmbiguous, type ReferenceRole } from './resolve';
import { headingAnchor, isSafeSlug, KIND_FOLDER, KINDS, nodeId, pathOf, slugify, type Kind, type NodeId, type Slug } from './slug';
import { attachmentUrl, isAttachmentPath, isIgnoredPath, isImagePath, isMarkdownPath, PathIndex, vaultSlug } from './vault';

export interface SourceFile {
  /** Path relative to the content folder, with `/` separators. */
  path: string;
  bytes: Uint8Array;
}

export interface Corpus {
  documents: Map<NodeId, Document>;
  bodies: Map<NodeId, RenderedBody>;
  graph: Graph;
  /** Errors (a file left out) and warnings, sorted by file and line. */
  problems: ContentProblem[];
  /** Images, PDFs and other files beside the notes, relative to the content folder; published under `/attachments/`. */
  attachments: string[];
  /** How the wiki links of all bodies resolved. */
  linkCounts: LinkCounts;
  /** Milliseconds spent in each phase of `buildCorpus`, for the benchmark. */
  timings: CorpusTimings;
}

/**
 * `graphMs` is link resolution, stubs, edges and adjacency: the graph's own
 * construction, apart from reading frontmatter and rendering Markdown.
 */
export interface CorpusTimings {
  parseMs: number;
  renderMs: number;
  graphMs: number;
}

/** Wiki links by outcome: to a written item, to an attachment, to a stub (not written yet), or to nothing. */
export interface LinkCounts {
  total: number;
  written: number;
  attachments: number;
  stubs: number;
  missing: number;
}

/** How deep embeds may nest (a note embedding a note embedding…) before the rest is shown as links. */
export const MAX_EMBED_DEPTH = 4;

const FOLDER_KIND = new Map(KINDS.map((k) => [KIND_FOLDER[k], k] as const));

/** Which kind a file is, from its top folder, or undefined for files outside the kind folders. */
export function kindOfPath(relativePath: string): Kind | undefined {
  return FOLDER_KIND.get(relativePath.split('/')[0]);
}

/** Paths of every file below `root`, relative, sorted, leaving out dot-folders (`.obsidian`, `.trash`, `.git`). */
export async function listContentFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
    .filter((p) => !isIgnoredPath(p))
    .sort();
}

/** Reads every Markdown file below `root`. */
export async function readContentFolder(root: string): Promise<SourceFile[]> {
  const files = (await listContentFiles(root)).filter(isMarkdownPath);
  return Promise.all(files.map(async (p) => ({ path: p, bytes: await readFile(path.join(root, p)) })));
}

/** The attachments below `root`: the files a page may show or link to, copied into the site as they are. */
export async function listAttachments(root: string): Promise<string[]> {
  return (await listContentFiles(root)).filter(isAttachmentPath);
}

export interface CorpusOptions {
  /** Turns a site path in a body (`/notes/x/`) into the address to write; for a site published under a base path. */
  siteAddress?: (path: string) => string;
}

export async function loadCorpus(root: string, options: CorpusOptions = {}): Promise<Corpus> {
  const [files, attachments] = await Promise.all([readContentFolder(root), listAttachments(root)]);
  return buildCorpus(files, attachments, options);
}

/** Builds a corpus from files already in memory (what tests and the benchmark use), and the paths of its attachments. */
export function buildCorpus(files: SourceFile[], attachments: string[] = [], options: CorpusOptions = {}): Corpus {
  const problems: ContentProblem[] = [];
  const started = performance.now();
  const documents = parseAll(files, problems);
  const parsed = performance.now();

  const resolver = new LinkResolver(documents.values());
  problems.push(...resolver.problems);
  resolver.declareStubs(frontmatterReferences(documents.values()));

  const builder = new GraphBuilder();
  const nodeTags = new Map<NodeId, string[]>();
  for (const doc of documents.values()) {
    const { title, summary, aliases, tags, stub } = doc.data;
    const claim = doc.kind === 'note' ? (doc.data as Document<'note'>['data']).claim : undefined;
    nodeTags.set(doc.id, builder.addNode({ id: doc.id, kind: doc.kind, title, summary, claim, aliases, tags: tags.map(String), stub, file: doc.file }).tags);
  }
  addFrontmatterEdges(documents.values(), resolver, builder);
  const linked = performance.now();

  const bodies = new Map<NodeId, RenderedBody>();
  const links = new BodyLinks(documents, resolver, attachments, problems);
  for (const doc of documents.values()) {
    const body = renderMarkdown(doc.body, { lineOffset: doc.bodyLine - 1, resolveWikiLink: (ref) => links.resolve(doc, ref), siteAddress: options.siteAddress });
    bodies.set(doc.id, body);
    if (body.unrendered) {
      problems.push(contentWarning(doc.file, `the body is shown as plain text because ${body.unrendered.reason}; simplify the Markdown`, { line: body.unrendered.line ?? doc.bodyLine }));
    }
    // Inline #tags count like frontmatter tags.
    const tags = nodeTags.get(doc.id)!;
    for (const tag of body.tags) if (!tags.includes(tag)) tags.push(tag);
    for (const ref of body.links) {
      const target = links.targetOf(ref);
      if (!target || target === doc.id) continue; // A link to oneself is a link, not an edge.
      const context: EdgeContext = { ...ref.context, line: ref.line, heading: ref.heading };
      builder.addEdge(doc.id, target, 'cites', { context });
    }
  }

  const rendered = performance.now();
  links.checkAnchors(bodies);

  for (const stub of resolver.stubs()) {
    builder.addNode({ id: stub.id, kind: stub.kind, title: stub.title, summary: stub.summary, aliases: [], tags: [], stub: true });
  }
  const graph = builder.build();
  const timings = { parseMs: parsed - started, renderMs: rendered - linked, graphMs: linked - parsed + (performance.now() - rendered) };
  return { documents, bodies, graph, problems: sortProblems(problems), attachments, linkCounts: links.counts, timings };
}

/**
 * Resolves the wiki links of bodies: to items (by title, alias, id, or vault
 * file name and path), to their headings and blocks, and to attachments; and
 * renders embeds. Remembers where each link went, for the graph and the counts.
 */
class BodyLinks {
  private readonly attachments: PathIndex<string>;
  private readonly targets = new Map<WikiLinkRef, NodeId>();
  private readonly anchored: { doc: Document; ref: WikiLinkRef; target: NodeId }[] = [];
  private readonly warned = new Set<string>();
  private readonly embedCache = new Map<string, HastRoot>();
  /** Every file of the content folder, to tell which relative links name one. */
  private readonly paths: Set<string>;
  private cycleCuts = 0;
  readonly counts: LinkCounts = { total: 0, written: 0, attachments: 0, stubs: 0, missing: 0 };

  constructor(
    private readonly documents: Map<NodeId, Document>,
    private readonly resolver: LinkResolver,
    attachments: string[],
    private readonly problems: ContentProblem[],
  ) {
    this.attachments = new PathIndex(attachments.map((p) => ({ path: p, value: attachmentUrl(p) })), false);
    this.paths = new Set([...attachments, ...[...documents.values()].map((d) => d.file)]);
  }

  /** What a link of `doc`'s own body points to; counted, and warned about where it is ambiguous or missing. */
  resolve(doc: Document, ref: WikiLinkRef): ResolvedLink | undefined {
    const resolved = this.link(doc, ref, [doc.id], true);
    this.counts.total++;
    if (!resolved) this.counts.missing++;
    else if (resolved.kind === 'attachment') this.counts.attachments++;
    else if (resolved.stub) this.counts.stubs++;
    else this.counts.written++;
    return resolved;
  }

  /**
   * The vault path a Markdown link's URL names: relative to the linking
   * file when a file is there, else as written (from the vault's root, or a
   * bare file name found wherever it is).
   */
  private pathFrom(doc: Document, url: string): string {
    const relative = path.posix.normalize(path.posix.join(path.posix.dirname(doc.file), url));
    return this.paths.has(relative) ? relative : url.replace(/^(\.\.?\/)+/, '');
  }

  /** The node a body link went to; undefined for attachments and links that went nowhere. */
  targetOf(ref: WikiLinkRef): NodeId | undefined {
    return this.targets.get(ref);
  }

  /**
   * `chain` is the notes being embedded, outermost first, to stop cycles;
   * links inside an embed (`own` false) are the embedded note's, already
   * counted and warned about on its own page.
   */
  private link(doc: Document, ref: WikiLinkRef, chain: NodeId[], own: boolean): ResolvedLink | undefined {
    const warn = (message: string) => this.warn(doc.file, ref.line, message, own);
    const ambiguous: OnAmbiguous = (chosen, others) =>
      warn(`the link [[${ref.target}]] could mean ${[chosen, ...others].join(' or ')}; it goes to ${chosen} (the shortest path); write [[${others[0].replace(/\.md$/i, '')}]] to link another`);
    const name = ref.path ? this.pathFrom(doc, ref.target) : ref.target;
    if (name && isAttachmentPath(name)) {
      const file = this.attachments.find(name);
      if (!file) {
        warn(`no attachment "${ref.target}" in the content folder; the link is shown unresolved`);
        return undefined;
      }
      if (file.others.length) ambiguous(file.path, file.others);
      return { href: file.value, stub: false, kind: 'attachment', title: path.posix.basename(file.path), embed: ref.embed ? attachmentEmbed(ref, file.path, file.value) : undefined };
    }
    const target = name ? this.resolver.resolveOrStub(name.replace(/\.md$/i, ''), 'cites', ambiguous) : doc.id;
    const targetDoc = this.documents.get(target);
    if (own) {
      this.targets.set(ref, target);
      if (targetDoc && (ref.heading || ref.block)) this.anchored.push({ doc, ref, target });
    }
    const href = pathOf(target) + (ref.block ? `#^${ref.block}` : ref.heading ? `#${headingAnchor(ref.heading)}` : '');
    const title = targetDoc?.data.title ?? ref.target;
    const embed = ref.embed && targetDoc && !targetDoc.data.stub ? this.embedNote(targetDoc, ref, href, chain, warn) : undefined;
    return { href, stub: !targetDoc || targetDoc.data.stub, kind: targetDoc?.kind ?? this.resolver.stub(target)?.kind ?? 'note', title, embed };
  }

  /**
   * A note (or one of its sections or blocks) rendered for embedding, or
   * undefined to show a link. A render depends on the chain only through a
   * cycle it cut; one without cuts is reused for every embed of the same part
   * at the same remaining depth, so a much-embedded section renders once.
   */
  private embedNote(targetDoc: Document, ref: WikiLinkRef, href: string, chain: NodeId[], warn: (message: string) => void): EmbedContent | undefined {
    const target = targetDoc.id;
    if (chain.includes(target) || chain.length > MAX_EMBED_DEPTH) {
      warn(`the embed ![[${ref.target}]] would ${chain.includes(target) ? 'embed a note inside itself' : `nest more than ${MAX_EMBED_DEPTH} deep`} (${[...chain, target].join(' → ')}); it is shown as a link`);
      if (chain.includes(target)) this.cycleCuts++;
      return undefined;
    }
    const key = `${target}\u0000${ref.heading ?? ''}\u0000${ref.block ?? ''}\u0000${MAX_EMBED_DEPTH - chain.length}`;
    let tree = this.embedCache.get(key);
    if (tree === undefined) {
      const fragment = markdownFragment(targetDoc.body, { heading: ref.heading, block: ref.block });
      if (fragment === undefined) return undefined;
      const cutsBefore = this.cycleCuts;
      tree = renderMarkdownTree(fragment, { resolveWikiLink: (r) => this.link(targetDoc, r, [...chain, target], false) });
      if (this.cycleCuts === cutsBefore) this.embedCache.set(key, tree);
    }
    return { type: 'note', href, title: `${targetDoc.data.title}${ref.heading ? ` › ${ref.heading}` : ''}`, tree };
  }

  private warn(file: string, line: number, message: string, always: boolean): void {
    const key = `${file}:${line}:${message}`;
    if (this.warned.has(key) || (!always && !message.includes('embed'))) return;
    this.warned.add(key);
    this.problems.push(contentWarning(file, message, { line }));
  }

  /** Warns about links into headings or blocks their target does not have; such a link goes to the top of the page. */
  checkAnchors(bodies: Map<NodeId, RenderedBody>): void {
    for (const { doc, ref, target } of this.anchored) {
      const body = bodies.get(target);
      const title = this.documents.get(target)!.data.title;
      if (ref.block) {
        if (!body?.blocks.includes(ref.block)) {
          this.problems.push(contentWarning(doc.file, `the link [[${ref.target}#^${ref.block}]] points to a block that "${title}" does not mark (mark one by ending it with ^${ref.block}); the link goes to the top of its page`, { line: ref.line }));
        }
        continue;
      }
      const anchor = headingAnchor(ref.heading!);
      // A vault note's opening heading became its title: the top of the page is that heading.
      if (anchor === headingAnchor(title)) continue;
      const headings = body?.headings ?? [];
      if (!headings.some((h) => h.anchor === anchor)) {
        this.problems.push(contentWarning(doc.file, `the link [[${ref.target}#${ref.heading}]] points to a heading that "${title}" does not have (its headings: ${headings.map((h) => h.text).join(', ') || 'none'}); the link goes to the top of its page`, { line: ref.line }));
      }
    }
  }
}

/** `![[photo.png|300]]` or `|300x200` sizes an image (Obsidian's syntax); any other label is its alt text. */
function attachmentEmbed(ref: WikiLinkRef, file: string, href: string): EmbedContent {
  const name = path.posix.basename(file);
  if (!isImagePath(file)) return { type: 'file', href, label: ref.label === ref.target ? name : ref.label };
  let alt = ref.label === ref.target ? '' : ref.label;
  let size: RegExpExecArray | null = null;
  const bar = alt.lastIndexOf('|');
  if ((size = /^(\d+)(?:x(\d+))?$/.exec(alt.slice(bar + 1).trim()))) alt = bar < 0 ? '' : alt.slice(0, bar).trim();
  return { type: 'image', src: href, alt: alt || name.replace(/\.[^.]+$/, ''), width: size?.[1], height: size?.[2] };
}

function parseAll(files: SourceFile[], problems: ContentProblem[]): Map<NodeId, Document> {
  const documents = new Map<NodeId, Document>();
  for (const file of files) {
    // Markdown outside the kind folders is a vault note, at any depth, with or without frontmatter.
    const folderKind = kindOfPath(file.path);
    const vault = !folderKind;
    const kind = folderKind ?? 'note';
    const decoded = decodeUtf8(file.bytes, file.path);
    if (!decoded.ok) {
      problems.push(decoded.problem);
      continue;
    }
    const stem = path.posix.basename(file.path, '.md');
    let slug = vault ? vaultSlug(file.path) : ((isSafeSlug(stem) ? stem : slugify(stem)) as Slug);
    if (documents.has(nodeId(kind, slug))) {
      const base = slug;
      for (let n = 2; documents.has(nodeId(kind, slug)); n++) slug = `${base}-${n}` as Slug;
      problems.push(contentWarning(file.path, `another file already has the address /${KIND_FOLDER[kind]}/${base}/; this one is published at /${KIND_FOLDER[kind]}/${slug}/; rename one of them`));
    }
    const result = parseDocument(kind, slug, file.path, decoded.text, vault ? { vault: { fileTitle: stem } } : {});
    if (result.ok) documents.set(result.doc.id, result.doc);
    else problems.push(...result.problems);
  }
  return documents;
}

/** Every title a frontmatter list names, with the role that tells a stub's kind. */
function* frontmatterReferences(documents: Iterable<Document>): Generator<{ title: string; role: ReferenceRole; summary?: string }> {
  for (const doc of documents) {
    if (doc.kind === 'note') {
      const data = (doc as Document<'note'>).data;
      for (const title of data.papers) yield { title, role: 'paper' };
      for (const title of data.lines) yield { title, role: 'line' };
    } else if (doc.kind === 'paper') {
      for (const title of (doc as Document<'paper'>).data.similar) yield { title, role: 'paper' };
    } else {
      const data = (doc as Document<'line'>).data;
      for (const source of data.sources) yield { title: source.title, role: 'source', summary: source.summary };
      for (const title of data.next) yield { title, role: 'line' };
    }
  }
}

function addFrontmatterEdges(documents: Iterable<Document>, resolver: LinkResolver, builder: GraphBuilder): void {
  const gloss = (text: string | undefined): EdgeContext | undefined => (text ? { sentence: text, start: 0, end: 0 } : undefined);
  for (const doc of documents) {
    const link = (title: string, role: ReferenceRole) => {
      const target = resolver.resolveOrStub(title, role);
      return target === doc.id ? undefined : target;
    };
    if (doc.kind === 'note') {
      const data = (doc as Document<'note'>).data;
      data.papers.forEach((title, i) => {
        const target = link(title, 'paper');
        if (target) builder.addEdge(doc.id, target, 'related', { rank: i + 1 });
      });
      for (const title of data.lines) {
        const line = link(title, 'line');
        if (line) builder.addEdge(line, doc.id, 'source');
      }
    } else if (doc.kind === 'paper') {
      for (const title of (doc as Document<'paper'>).data.similar) {
        const target = link(title, 'paper');
        if (target) builder.addEdge(doc.id, target, 'similar');
      }
    } else {
      const data = (doc as Document<'line'>).data;
      data.sources.forEach((source, i) => {
        const target = link(source.title, 'source');
        if (target) builder.addEdge(doc.id, target, 'source', { rank: i + 1, context: gloss(source.summary) });
      });
      for (const title of data.next) {
        const target = link(title, 'line');
        if (target) builder.addEdge(doc.id, target, 'next');
      }
    }
  }
}

const loaded = new Map<string, Promise<Corpus>>();

/**
 * The corpus of a folder, loaded once per process however many pages ask,
 * with its problems printed once.
 */
export function corpusOnce(root: string, options: CorpusOptions = {}): Promise<Corpus> {
  const key = path.resolve(root);
  let corpus = loaded.get(key);
  if (!corpus) {
    corpus = loadCorpus(key, options).then((c) => {
      reportProblems(c.problems, key);
      return c;
    });
    loaded.set(key, corpus);
  }
  return corpus;
}

export function reportProblems(problems: ContentProblem[], root: string, log: (line: string) => void = (l) => console.warn(l)): void {
  if (problems.length === 0) return;
  const errors = problems.filter((p) => p.severity === 'error').length;
  log(`\n${errors} error(s), ${problems.length - errors} warning(s) in ${root}:`);
  for (const p of problems) log(`  ${formatProblem(p)}`);
  if (errors) log(`Files with errors are left out of the site until they are fixed.\n`);
}
