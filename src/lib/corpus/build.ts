/**
 * A content folder becomes a corpus: documents validated, links resolved,
 * bodies rendered and the graph built, in one pass over the files. A bad
 * file is reported and left out; every other file still becomes a page.
 *
 * The stages, each in its own file: parse-files (frontmatter and schema),
 * resolve (titles, aliases, stubs), frontmatter-edges (lists), body-links
 * (wiki links, anchors, embeds), then the graph is built.
 */
import { listAttachments, readContentFolder, type SourceFile } from '../content/files';
import type { Document } from '../content/document';
import type { NodeId } from '../content/ids';
import { contentWarning, sortProblems, type Problem } from '../content/problems';
import { GraphBuilder, type EdgeContext } from '../graph/graph';
import { renderMarkdown, type RenderedBody } from '../markdown';
import { cacheable, renderKey, sameResolutions, type CachedBody, type RenderCache } from './render-cache';
import { addBibliography, isBibliographyPath, readBibliographies, readNamedBibliographies } from './bibliography';
import { BodyLinks } from './body-links';
import { addFrontmatterEdges, frontmatterReferences } from './frontmatter-edges';
import { applyClaimStatus, checkDeclaredStances, frontmatterStances, hasClaim, linkStance, sectionStances, verifyEvidence } from './stances';
import { parseAll } from './parse-files';
import { LinkResolver } from './resolve';
import type { Corpus } from './types';

/** `publish: false` (as Obsidian Publish reads it) or `draft: true`. */
export const isPrivate = (doc: Document) => doc.data.publish === false || doc.data.draft === true;

export interface BuildOptions {
  /** Rendered bodies of an earlier build, reused where nothing they depend on changed. */
  cache?: RenderCache;
  /** Bibliography files outside the content folder (the `BIBLIOGRAPHY` setting), relative to the working folder. */
  bibliographies?: string[];
  /** Turns a site path in a body (`/notes/x/`) into the address to write; for a site published under a base path. */
  siteAddress?: (path: string) => string;
  /**
   * Called after every `BODIES_BETWEEN_CALLS` bodies rendered. Rendering is one synchronous stretch (about
   * 40 s at 10,000 notes) in which no timer runs; a build does its housekeeping here (the heap check).
   */
  betweenBodies?: () => void;
}

/** Bodies rendered between two calls of `betweenBodies` (about 0.5 s of work). */
export const BODIES_BETWEEN_CALLS = 200;

export async function loadCorpus(root: string, options: BuildOptions = {}): Promise<Corpus> {
  const missing: Problem[] = [];
  const [files, attachments, bibs, named] = await Promise.all([
    readContentFolder(root),
    listAttachments(root),
    readContentFolder(root, isBibliographyPath),
    readNamedBibliographies(options.bibliographies ?? [], missing),
  ]);
  const corpus = buildCorpus([...files, ...bibs, ...named], attachments, options);
  return missing.length ? { ...corpus, problems: sortProblems([...corpus.problems, ...missing]) } : corpus;
}

/** Builds a corpus from files already in memory (what tests and the benchmark use), and the paths of its attachments. */
export function buildCorpus(files: SourceFile[], attachments: string[] = [], options: BuildOptions = {}): Corpus {
  const problems: Problem[] = [];
  const started = performance.now();
  const documents = parseAll(files.filter((f) => !isBibliographyPath(f.path)), problems);
  // Bibliography entries become papers (or complete them) before any link is resolved, so titles and keys find them.
  const bibliography = addBibliography(documents, readBibliographies(files.filter((f) => isBibliographyPath(f.path)), problems));
  const parsed = performance.now();

  // Private files leave before anything reads them; links to them are told apart from links to nothing.
  const privateDocs = [...documents.values()].filter(isPrivate);
  for (const doc of privateDocs) documents.delete(doc.id);
  const resolver = new LinkResolver(documents.values());
  problems.push(...resolver.problems);
  const privateNames = new LinkResolver(privateDocs);
  const namesPrivate = (name: string) => privateDocs.length > 0 && !resolver.resolve(name) && privateNames.resolve(name) !== undefined;
  resolver.declareStubs([...frontmatterReferences(documents.values())].filter((ref) => !namesPrivate(ref.title)));

  const builder = new GraphBuilder();
  const nodeTags = new Map<NodeId, string[]>();
  for (const doc of documents.values()) {
    const { title, summary, aliases, tags, stub } = doc.data;
    const claim = doc.kind === 'note' ? (doc.data as Document<'note'>['data']).claim : undefined;
    nodeTags.set(doc.id, builder.addNode({ id: doc.id, kind: doc.kind, title, summary, claim, aliases, tags: tags.map(String), stub, file: doc.file }).tags);
  }
  addFrontmatterEdges(documents.values(), resolver, builder, namesPrivate);
  const linked = performance.now();

  const bodies = new Map<NodeId, RenderedBody>();
  const renders = { rendered: 0, reused: 0 };
  const links = new BodyLinks(documents, resolver, attachments, problems, bibliography, namesPrivate);
  for (const doc of documents.values()) {
    if (bodies.size > 0 && bodies.size % BODIES_BETWEEN_CALLS === 0) options.betweenBodies?.();
    const body = renderBody(doc, links, options, renders);
    bodies.set(doc.id, body);
    if (body.unrendered) {
      problems.push(contentWarning('body/unrendered', doc.file, `the body is shown as plain text because ${body.unrendered.reason}; simplify the Markdown`, { line: body.unrendered.line ?? doc.bodyLine }));
    }
    for (const w of body.warnings ?? []) problems.push(contentWarning(w.rule, doc.file, w.message, { line: w.line }));
    // Inline #tags count like frontmatter tags.
    const tags = nodeTags.get(doc.id)!;
    for (const tag of body.tags) if (!tags.includes(tag)) tags.push(tag);
    const claimed = hasClaim(doc);
    const sectionAt = sectionStances(body.headings);
    for (const ref of body.links) {
      const target = links.targetOf(ref);
      if (!target || target === doc.id) continue; // A link to oneself is a link, not an edge.
      const stance = linkStance(doc, ref, sectionAt(ref.line), claimed, problems);
      const context: EdgeContext = { ...ref.context, line: ref.line, heading: ref.heading, ...(stance ? { stance } : {}) };
      builder.addEdge(doc.id, target, 'cites', { context });
    }
    const fieldLink = body.links.find((l) => l.stance);
    const declared = fieldLink ? { line: fieldLink.line } : frontmatterStances(doc).next().done ? undefined : {};
    checkDeclaredStances(doc, body.stanceFields, declared, problems);
  }

  const rendered = performance.now();
  links.checkAnchors(bodies);

  for (const stub of resolver.stubs()) {
    builder.addNode({ id: stub.id, kind: stub.kind, title: stub.title, summary: stub.summary, aliases: [], tags: [], stub: true });
  }
  const claims = [...documents.values()].filter(hasClaim).map((d) => d.id);
  // Verification reads the graph (which papers an item reaches), then may add evidence edges: build, verify, build again.
  const provenance = verifyEvidence({ documents, bodies, graph: builder.build() }, claims, builder);
  const graph = builder.build();
  applyClaimStatus(graph, claims);
  const timings = { parseMs: parsed - started, renderMs: rendered - linked, graphMs: linked - parsed + (performance.now() - rendered) };
  return { documents, bodies, graph, provenance, privateFiles: privateDocs.map((d) => d.file).sort(), problems: sortProblems(problems), bibliography: bibliography.entries, attachments, linkCounts: links.counts, timings: { ...timings, ...renders } };
}


/**
 * A document's body, from the cache when it and every link's resolution are
 * unchanged, else rendered. Each link is resolved exactly once either way, so
 * counts and warnings are the same as an uncached build's.
 */
function renderBody(doc: Document, links: BodyLinks, { cache, siteAddress }: BuildOptions, renders: { rendered: number; reused: number }): RenderedBody {
  const lineOffset = doc.bodyLine - 1;
  const key = cache ? renderKey(doc) : '';
  const cached = cache?.get(key);
  if (cached) {
    const now = cached.body.links.map((ref) => links.resolve(doc, ref));
    if (sameResolutions(cached.resolutions, now)) {
      renders.reused++;
      return cached.body;
    }
    // Some link resolves differently now: render again, handing each link (in document order) the resolution just made.
    let i = 0;
    const body = { ...renderMarkdown(doc.body, { lineOffset, siteAddress, resolveWikiLink: () => now[i++] }), links: cached.body.links };
    renders.rendered++;
    if (cacheable(now)) cache!.set(key, { body, resolutions: now });
    return body;
  }
  const resolutions: CachedBody['resolutions'] = [];
  const body = renderMarkdown(doc.body, {
    lineOffset,
    siteAddress,
    resolveWikiLink: (ref) => {
      const resolved = links.resolve(doc, ref);
      resolutions.push(resolved);
      return resolved;
    },
  });
  renders.rendered++;
  if (cache && cacheable(resolutions)) cache.set(key, { body, resolutions });
  return body;
}
