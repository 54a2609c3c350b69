/**
 * A content folder becomes a corpus: documents validated, links resolved,
 * bodies rendered and the graph built, in one pass over the files. A bad
 * file is reported and left out; every other file still becomes a page.
 *
 * The stages, each in its own file: parse-files (frontmatter and schema),
 * resolve (titles, aliases, stubs), frontmatter-edges (lists), body-links
 * (wiki links, anchors, embeds), then the graph is built.
 */
import { collectRedirects } from './redirects';
import { listAttachments, readContentFolder, readSettingsFiles, type SourceFile } from '../content/files';
import type { Checkpoint } from '../content/checkpoint';
import type { Dialect } from '../content/dialect';
import { isCanvasPath, vaultSettings, type VaultSettings } from '../content/vault';
import type { Document } from '../content/document';
import type { NodeId } from '../content/ids';
import { contentWarning, sortProblems, type Problem } from '../content/problems';
import { GraphBuilder, type EdgeContext } from '../graph/graph';
import type { RenderedBody } from '../markdown';
import type { RenderCache } from './render-cache';
import { addFrontmatterEdges } from './frontmatter-edges';
import { isBibliographyPath, isCslBibliography, readNamedBibliographies, type BibliographyOptions } from './bibliography';
import { applyClaimStatus, checkDeclaredStances, frontmatterStances, hasClaim, linkStance, sectionStances } from './stances';
import { verifyEvidence } from './verified-evidence';
import { groundClaims } from './grounding';
import { addStatedProvenance } from './provenance';
import { resolveNames } from './names';
import { dendronHierarchy } from './hierarchy';
import { fillDataviewViews } from './dataview';
import { fileDates, type FileDates, type FileHistory } from './dates';
import { renderBody } from './render-body';
import { HelpedRendering, toRender, type RenderSources, type StartRenderHelper } from './two-thread-rendering';
import type { Corpus } from './types';

export { isPrivate } from './names';

export interface BuildOptions {
  /** Rendered bodies of an earlier build, reused where nothing they depend on changed. */
  cache?: RenderCache;
  /** Bibliography files outside the content folder (the `BIBLIOGRAPHY` setting), relative to the working folder. */
  bibliographies?: string[];
  /** Which bibliography entries are published (cited ones by default) and the CSL style their labels and references use. */
  bibliography?: BibliographyOptions;
  /** Turns a site path in a body (`/notes/x/`) into the address to write; for a site published under a base path. */
  siteAddress?: (path: string) => string;
  /**
   * Called after every `BODIES_PER_CHECKPOINT` bodies rendered: rendering every body is one synchronous
   * stretch in which no timer runs, so a build does its housekeeping here (the heap check).
   */
  checkpoint?: Checkpoint;
  /** Starts a thread that renders bodies beside this one (render-helper.ts); none unless given. */
  renderHelper?: StartRenderHelper;
  /** Bodies to render from which a helper is started; `HELPER_FROM` unless given. */
  helperFrom?: number;
  /** One dialect for every folder (`CONTENT_DIALECT`), instead of deciding each folder's by its files. */
  dialect?: Dialect;
  /** The vault's settings (templates folders, Dendron), as `loadCorpus` reads them from the folder. */
  settings?: VaultSettings;
  /** When each file was created and last changed: Dataview's `file.ctime` and `file.mtime` (`loadCorpus` reads them). */
  fileDates?: FileDates;
  /** The build's date and time, for Dataview's `date(today)`; the clock's unless given. */
  now?: Date;
}

/**
 * A helper thread is started for this many bodies to render or more. Starting one costs a fixed time (the
 * thread, and the names it makes before it renders anything), which only many bodies pay back: below this
 * the main thread would be done before the helper began.
 */
export const HELPER_FROM = 1_000;

/** Bodies rendered between two checkpoints: often enough for the heap check to keep up, seldom enough to cost nothing. */
export const BODIES_PER_CHECKPOINT = 200;

export interface LoadOptions extends BuildOptions {
  /** The content folder's git history (dates.ts), read beside the files; a file it does not name is dated by the file system. */
  history?: FileHistory | Promise<FileHistory>;
}

export async function loadCorpus(root: string, options: LoadOptions = {}): Promise<Corpus> {
  const missing: Problem[] = [];
  const [files, attachments, bibs, named, settingsFiles, history] = await Promise.all([
    readContentFolder(root),
    listAttachments(root),
    readContentFolder(root, isBibliographyPath),
    readNamedBibliographies(options.bibliographies ?? [], missing),
    readSettingsFiles(root),
    options.history ?? new Map(),
  ]);
  const settings = { ...vaultSettings(settingsFiles), ...options.settings };
  // A CSL-JSON library is read for its entries, never published as an attachment.
  const libraries = new Set(bibs.filter((f) => /\.json$/i.test(f.path) && isCslBibliography(new TextDecoder().decode(f.bytes))).map((f) => f.path));
  const corpus = buildCorpus([...files, ...bibs, ...named], attachments.filter((a) => !libraries.has(a)), { ...options, settings, fileDates: options.fileDates ?? fileDates(root, history) });
  return missing.length ? { ...corpus, problems: sortProblems([...corpus.problems, ...missing]) } : corpus;
}

/** Builds a corpus from files already in memory (what tests and the benchmark use), and the paths of its attachments. */
export function buildCorpus(files: SourceFile[], attachments: string[] = [], options: BuildOptions = {}): Corpus {
  const problems: Problem[] = [];
  const started = performance.now();
  const settings: VaultSettings = { ...options.settings, ...(options.dialect ? { dialect: options.dialect } : {}) };
  const { documents, privateDocs, bibliography, resolver, namesPrivate, links, dialects, setAside, drawings } = resolveNames(files, attachments, problems, settings, options.bibliography);
  const parsed = performance.now();

  const builder = new GraphBuilder();
  const nodeTags = new Map<NodeId, string[]>();
  for (const doc of documents.values()) {
    const { title, summary, aliases, tags, stub } = doc.data;
    const claim = doc.kind === 'note' ? (doc.data as Document<'note'>['data']).claim : undefined;
    nodeTags.set(doc.id, builder.addNode({ id: doc.id, kind: doc.kind, title, summary, claim, aliases, tags: tags.map(String), stub, file: doc.file }).tags);
  }
  addFrontmatterEdges(documents.values(), resolver, builder, namesPrivate);
  const linked = performance.now();

  const helped = startHelper(documents.values(), { files, attachments, settings, bibliography: options.bibliography }, options);
  const cache = helped?.cache ?? options.cache;
  const bodies = new Map<NodeId, RenderedBody>();
  const renders = { rendered: 0, reused: 0, helped: 0 };
  for (const doc of documents.values()) {
    if (bodies.size > 0 && bodies.size % BODIES_PER_CHECKPOINT === 0) options.checkpoint?.();
    helped?.before(doc);
    let body = renderBody(doc, links, { cache, siteAddress: options.siteAddress }, renders);
    // The helper's bodies are this build's renderings, not an earlier build's.
    if (helped?.after(body)) {
      renders.reused--;
      renders.rendered++;
      renders.helped++;
    }
    // An embedded drawing's words are on the page, in its picture: search finds the page by them.
    const drawingText = links.embeddedDrawingText(doc);
    if (drawingText) body = { ...body, text: `${body.text}\n${drawingText}` };
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
  helped?.stop();

  const rendered = performance.now();
  links.checkAnchors(bodies);

  for (const stub of resolver.stubs()) {
    builder.addNode({ id: stub.id, kind: stub.kind, title: stub.title, summary: stub.summary, aliases: [], tags: [], stub: true });
  }
  const claims = [...documents.values()].filter(hasClaim).map((d) => d.id);
  // Verification reads the graph (which papers an item reaches), then may add evidence edges: build, verify, build again.
  const provenance = verifyEvidence({ documents, bodies, graph: builder.build() }, claims, builder);
  let graph = builder.build();
  applyClaimStatus(graph, claims);
  groundClaims({ documents, bodies, graph }, claims, provenance, problems);
  addStatedProvenance({ documents, bodies, graph }, provenance);
  // Queries read claims' status and grounding, so they run last; their links are edges of their own type, never evidence.
  const queried = performance.now();
  const dataview = fillDataviewViews({ documents, bodies, graph, resolver, fileDates: options.fileDates, siteAddress: options.siteAddress, now: options.now });
  for (const [id, body] of dataview.bodies) bodies.set(id, body);
  problems.push(...dataview.problems);
  if (dataview.edges.length) {
    for (const { source, target } of dataview.edges) builder.addEdge(source, target, 'query');
    graph = builder.build();
  }
  const queryMs = performance.now() - queried;
  const redirects = collectRedirects(documents.values(), graph, problems);
  const timings = { parseMs: parsed - started, renderMs: rendered - linked, graphMs: linked - parsed + (performance.now() - rendered) - queryMs, queryMs };
  return { documents, bodies, graph, provenance, privateFiles: privateDocs.map((d) => d.file).sort(), problems: sortProblems(problems), bibliography: bibliography.entries, unpublishedEntries: bibliography.unpublished, citationStyle: bibliography.style, attachments, linkedAttachments: links.linkedAttachments(), hierarchy: dendronHierarchy(documents.values()), linkCounts: links.counts, timings: { ...timings, ...renders }, reading: { dialects, setAside, canvases: attachments.filter(isCanvasPath) }, drawings, redirects };
}


/** A helper for the bodies `options.cache` does not hold, when they are `helperFrom` or more. */
function startHelper(documents: Iterable<Document>, sources: RenderSources, options: BuildOptions): HelpedRendering | undefined {
  if (!options.renderHelper) return undefined;
  const list = toRender(documents, options.cache);
  if (list.length < (options.helperFrom ?? HELPER_FROM)) return undefined;
  return new HelpedRendering(options.renderHelper(sources, list), list, options.cache);
}
