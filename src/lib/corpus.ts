/**
 * A content folder becomes a corpus: documents validated, links resolved,
 * bodies rendered and the graph built, in one pass over the files. A bad
 * file is reported and left out; every other file still becomes a page.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeUtf8, parseDocument, type Document } from './document';
import { contentWarning, formatProblem, sortProblems, type ContentProblem } from './errors';
import { GraphBuilder, type EdgeContext, type Graph } from './graph';
import { renderMarkdown, type RenderedBody, type WikiLinkRef } from './markdown';
import { LinkResolver, type ReferenceRole } from './resolve';
import { headingAnchor, isSafeSlug, KIND_FOLDER, KINDS, nodeId, pathOf, slugify, type Kind, type NodeId, type Slug } from './slug';

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
}

const FOLDER_KIND = new Map(KINDS.map((k) => [KIND_FOLDER[k], k] as const));

/** Which kind a file is, from its top folder, or undefined for files outside the kind folders. */
export function kindOfPath(relativePath: string): Kind | undefined {
  return FOLDER_KIND.get(relativePath.split('/')[0]);
}

/** Reads every Markdown file below `root`. */
export async function readContentFolder(root: string): Promise<SourceFile[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.relative(root, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
    .sort();
  return Promise.all(files.map(async (p) => ({ path: p, bytes: await readFile(path.join(root, p)) })));
}

export async function loadCorpus(root: string): Promise<Corpus> {
  return buildCorpus(await readContentFolder(root));
}

/** Builds a corpus from files already in memory (what tests and the benchmark use). */
export function buildCorpus(files: SourceFile[]): Corpus {
  const problems: ContentProblem[] = [];
  const documents = parseAll(files, problems);

  const resolver = new LinkResolver(documents.values());
  problems.push(...resolver.problems);
  resolver.declareStubs(frontmatterReferences(documents.values()));

  const builder = new GraphBuilder();
  for (const doc of documents.values()) {
    const { title, summary, aliases, tags, stub } = doc.data;
    const claim = doc.kind === 'note' ? (doc.data as Document<'note'>['data']).claim : undefined;
    builder.addNode({ id: doc.id, kind: doc.kind, title, summary, claim, aliases, tags: tags.map(String), stub, file: doc.file });
  }
  addFrontmatterEdges(documents.values(), resolver, builder);

  const bodies = new Map<NodeId, RenderedBody>();
  const headingLinks: { doc: Document; ref: WikiLinkRef; target: NodeId }[] = [];
  for (const doc of documents.values()) {
    const body = renderMarkdown(doc.body, {
      lineOffset: doc.bodyLine - 1,
      resolveWikiLink: (ref) => {
        const target = ref.target ? resolver.resolveOrStub(ref.target, 'cites') : doc.id;
        const targetDoc = documents.get(target);
        if (ref.heading && targetDoc) headingLinks.push({ doc, ref, target });
        return {
          href: pathOf(target) + (ref.heading ? `#${headingAnchor(ref.heading)}` : ''),
          stub: !targetDoc || targetDoc.data.stub,
          kind: targetDoc?.kind ?? resolver.stub(target)?.kind ?? 'note',
          title: targetDoc?.data.title ?? ref.target,
        };
      },
    });
    bodies.set(doc.id, body);
    if (body.unrendered) {
      problems.push(contentWarning(doc.file, `the body is shown as plain text because ${body.unrendered.reason}; simplify the Markdown`, { line: body.unrendered.line ?? doc.bodyLine }));
    }
    for (const ref of body.links) {
      const target = ref.target ? resolver.resolve(ref.target)! : doc.id;
      if (target === doc.id) continue; // A link to oneself is a link, not an edge.
      const context: EdgeContext = { ...ref.context, line: ref.line, heading: ref.heading };
      builder.addEdge(doc.id, target, 'cites', { context });
    }
  }

  for (const { doc, ref, target } of headingLinks) {
    const headings = bodies.get(target)?.headings ?? [];
    if (!headings.some((h) => h.anchor === headingAnchor(ref.heading!))) {
      problems.push(contentWarning(doc.file, `the link [[${ref.target}#${ref.heading}]] points to a heading that "${documents.get(target)!.data.title}" does not have (its headings: ${headings.map((h) => h.text).join(', ') || 'none'}); the link goes to the top of its page`, { line: ref.line }));
    }
  }

  for (const stub of resolver.stubs()) {
    builder.addNode({ id: stub.id, kind: stub.kind, title: stub.title, summary: stub.summary, aliases: [], tags: [], stub: true });
  }
  return { documents, bodies, graph: builder.build(), problems: sortProblems(problems) };
}

function parseAll(files: SourceFile[], problems: ContentProblem[]): Map<NodeId, Document> {
  const documents = new Map<NodeId, Document>();
  for (const file of files) {
    const kind = kindOfPath(file.path);
    if (!kind) {
      problems.push(contentWarning(file.path, `not read: content files go in notes/, papers/ or lines/`));
      continue;
    }
    const decoded = decodeUtf8(file.bytes, file.path);
    if (!decoded.ok) {
      problems.push(decoded.problem);
      continue;
    }
    const stem = path.posix.basename(file.path, '.md');
    let slug = (isSafeSlug(stem) ? stem : slugify(stem)) as Slug;
    if (documents.has(nodeId(kind, slug))) {
      const base = slug;
      for (let n = 2; documents.has(nodeId(kind, slug)); n++) slug = `${base}-${n}` as Slug;
      problems.push(contentWarning(file.path, `another file already has the address /${KIND_FOLDER[kind]}/${base}/; this one is published at /${KIND_FOLDER[kind]}/${slug}/; rename one of them`));
    }
    const result = parseDocument(kind, slug, file.path, decoded.text);
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
export function corpusOnce(root: string): Promise<Corpus> {
  const key = path.resolve(root);
  let corpus = loaded.get(key);
  if (!corpus) {
    corpus = loadCorpus(key).then((c) => {
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
