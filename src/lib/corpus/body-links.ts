/**
 * The wiki links of bodies, resolved: to items (by title, alias, id, or vault
 * file name and path), to their headings and blocks, and to attachments, with
 * embeds rendered in place. Remembers where each link went, for the graph and
 * the counts, and warns (once each) where a link is ambiguous or goes nowhere.
 */
import type { Root as HastRoot } from 'hast';
import path from 'node:path';
import type { Document } from '../content/document';
import { headingAnchor, pathOf, type NodeId } from '../content/ids';
import { contentWarning, type Problem, type Rule } from '../content/problems';
import { attachmentUrl, isAttachmentPath, isImagePath, PathIndex } from '../content/vault';
import { markdownFragment, renderMarkdownTree, type EmbedContent, type RenderedBody, type ResolvedLink, type WikiLinkRef } from '../markdown';
import { citeLabels, type Bibliography, type CiteLabel } from './bibliography';
import type { LinkResolver, OnAmbiguous } from './resolve';
import type { LinkCounts } from './types';

/** How deep embeds may nest (a note embedding a note embedding…) before the rest is shown as links. */
export const MAX_EMBED_DEPTH = 4;

/**
 * Resolves the wiki links of bodies: to items (by title, alias, id, or vault
 * file name and path), to their headings and blocks, and to attachments; and
 * renders embeds. Remembers where each link went, for the graph and the counts.
 */
export class BodyLinks {
  private readonly attachments: PathIndex<string>;
  private readonly targets = new Map<WikiLinkRef, NodeId>();
  private readonly anchored: { doc: Document; ref: WikiLinkRef; target: NodeId }[] = [];
  private readonly warned = new Set<string>();
  private readonly embedCache = new Map<string, HastRoot>();
  /** Every file of the content folder, to tell which relative links name one. */
  private readonly paths: Set<string>;
  private cycleCuts = 0;
  private labels?: Map<NodeId, CiteLabel>;
  readonly counts: LinkCounts = { total: 0, written: 0, attachments: 0, stubs: 0, missing: 0, private: 0 };

  constructor(
    private readonly documents: Map<NodeId, Document>,
    private readonly resolver: LinkResolver,
    attachments: string[],
    private readonly problems: Problem[],
    private readonly bibliography: Bibliography = { byKey: new Map(), entries: new Map(), unpublished: 0, style: 'apa' },
    /** Whether a name is a private file's: a link to it is plain text, never a stub. */
    private readonly isPrivate: (name: string) => boolean = () => false,
    /** Excalidraw drawings of the vault (`Drawing.excalidraw.md`), which embeds show as pictures, with their words. */
    drawings: { file: string; text: string }[] = [],
  ) {
    this.attachments = new PathIndex(attachments.map((p) => ({ path: p, value: attachmentUrl(p) })), false);
    // By file name without `.md`, as Obsidian links them (`![[Sketch.excalidraw]]`).
    this.drawings = new PathIndex(drawings.map((d) => ({ path: d.file.replace(/\.md$/i, ''), value: d.text })), false);
    this.paths = new Set([...attachments, ...[...documents.values()].map((d) => d.file)]);
  }

  /** Drawings by file name without `.md`, holding their words. */
  private readonly drawings: PathIndex<string>;
  /** The words of the drawings each body embeds: searchable on the page that shows them. */
  private readonly drawingWords = new Map<NodeId, string[]>();

  /** The words of the drawings `doc`'s body embeds, one drawing a line. */
  embeddedDrawingText(doc: Document): string | undefined {
    return this.drawingWords.get(doc.id)?.join('\n');
  }
  /** Attachments the published bodies link to or embed. */
  private readonly linked = new Set<string>();

  /** The attachments published pages link to or embed, sorted: the files the site copies. */
  linkedAttachments(): string[] {
    return [...this.linked].sort();
  }

  /** What a link of `doc`'s own body points to; counted, and warned about where it is ambiguous or missing. */
  resolve(doc: Document, ref: WikiLinkRef): ResolvedLink | undefined {
    const resolved = this.link(doc, ref, [doc.id], true);
    // A bare `@name` no bibliography knows is text, not a link.
    if (!resolved && ref.citation?.bare) return undefined;
    this.counts.total++;
    if (resolved?.kind === 'drawing') this.counts.attachments++;
    else if (resolved?.private) this.counts.private++;
    else if (!resolved) this.counts.missing++;
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
    const warn = (rule: Rule, message: string) => this.warn(rule, doc.file, ref.line, message, own);
    const ambiguous: OnAmbiguous = (chosen, others) =>
      warn('link/ambiguous', `the link [[${ref.target}]] could mean ${[chosen, ...others].join(' or ')}; it goes to ${chosen} (the shortest path, as Obsidian chooses when none is in the linking note's folder); write [[${others[0].replace(/\.md$/i, '')}]] to link another`);
    if (ref.citation) return this.cite(doc, ref, own, warn);
    const name = ref.path ? this.pathFrom(doc, ref.target) : ref.target;
    const drawing = name ? this.drawing(doc, ref, name, own) : undefined;
    if (drawing) return drawing;
    // A note named like a file (`package.json.md`) is a note; any other file that exists is an attachment.
    const looksLikeFile = name && /\.[^./\s]+$/.test(name) && !/\.md$/i.test(name);
    const isNote = looksLikeFile && (doc.vault ? this.resolver.fileNamed(name, doc) : this.resolver.resolve(name)) !== undefined;
    const file = looksLikeFile && !isNote ? this.attachments.find(name, doc.file) : undefined;
    if (name && !isNote && (file || isAttachmentPath(name))) {
      if (!file) {
        warn('link/missing-attachment', `no attachment "${ref.target}" in the content folder; the link is shown unresolved`);
        return undefined;
      }
      if (own) this.linked.add(file.path);
      if (file.others.length) ambiguous(file.path, file.others);
      return { href: file.value, stub: false, kind: 'attachment', title: path.posix.basename(file.path), embed: ref.embed ? attachmentEmbed(ref, file.path, file.value) : undefined };
    }
    if (name && this.isPrivate(name.replace(/\.md$/i, ''))) return { href: '', stub: false, kind: 'private', title: ref.label, private: true };
    const target = name ? this.resolver.resolveOrStub(name.replace(/\.md$/i, ''), 'cites', ambiguous, doc) : doc.id;
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
   * A link to an Excalidraw drawing (`[[Sketch]]`, `![[Sketch.excalidraw]]`): its exported SVG or PNG
   * (`Sketch.excalidraw.svg`, or `Sketch.svg` beside it) when the vault holds one, else a placeholder
   * naming the drawing. A drawing's own file is its plugin's data, never shown.
   */
  private drawing(doc: Document, ref: WikiLinkRef, name: string, own: boolean): ResolvedLink | undefined {
    const found = this.drawings.find(name.replace(/\.md$/i, ''), doc.file);
    if (!found) return undefined;
    if (own && ref.embed && found.value) this.drawingWords.set(doc.id, [...(this.drawingWords.get(doc.id) ?? []), found.value]);
    const stem = found.path;
    const bare = stem.replace(/\.excalidraw$/i, '');
    const exported = [`${stem}.svg`, `${stem}.png`, `${bare}.svg`, `${bare}.png`].map((p) => this.attachments.find(p)).find((f) => f && this.paths.has(f.path));
    const title = path.posix.basename(bare);
    if (exported) {
      if (own) this.linked.add(exported.path);
      const embed = ref.embed ? attachmentEmbed({ ...ref, label: ref.label === ref.target ? title : ref.label }, exported.path, exported.value) : undefined;
      return { href: exported.value, stub: false, kind: 'attachment', title, embed };
    }
    return { href: '', stub: false, kind: 'drawing', title, private: !ref.embed, embed: ref.embed ? { type: 'placeholder', label: title, note: 'Excalidraw drawing: no exported SVG or PNG in the vault' } : undefined };
  }

  /**
   * A citation: the paper its key names in a bibliography, else whatever a
   * link to `@key` reaches (a note named `@key`, as citekey notes are). A
   * bracketed key nothing knows warns and makes a stub paper; a bare one is text.
   */
  private cite(doc: Document, ref: WikiLinkRef, own: boolean, warn: (rule: Rule, message: string) => void): ResolvedLink | undefined {
    const { key, bare } = ref.citation!;
    let target = this.bibliography.byKey.get(key) ?? this.resolver.resolve(ref.target);
    if (!target) {
      if (bare) return undefined;
      warn('citation/unknown-key', `no bibliography entry or paper has the citation key "${key}"; add it to a .bib or CSL-JSON file, or correct the key; it reads [@${key}?] and points to a stub paper`);
      target = this.resolver.resolveOrStub(ref.target, 'paper');
    }
    if (own) this.targets.set(ref, target);
    const targetDoc = this.documents.get(target);
    const stub = !targetDoc || targetDoc.data.stub;
    const resolved: ResolvedLink = { href: pathOf(target), stub, kind: targetDoc?.kind ?? 'paper', title: targetDoc?.data.title ?? ref.target };
    if (targetDoc?.kind === 'paper' && !stub) {
      this.labels ??= citeLabels([...this.documents.values()].filter((d): d is Document<'paper'> => d.kind === 'paper'), this.bibliography);
      resolved.citation = this.labels.get(target);
    }
    return resolved;
  }

  /**
   * A note (or one of its sections or blocks) rendered for embedding, or
   * undefined to show a link. A render depends on the chain only through a
   * cycle it cut; one without cuts is reused for every embed of the same part
   * at the same remaining depth, so a much-embedded section renders once.
   */
  private embedNote(targetDoc: Document, ref: WikiLinkRef, href: string, chain: NodeId[], warn: (rule: Rule, message: string) => void): EmbedContent | undefined {
    const target = targetDoc.id;
    if (chain.includes(target) || chain.length > MAX_EMBED_DEPTH) {
      warn(chain.includes(target) ? 'embed/cycle' : 'embed/too-deep', `the embed ![[${ref.target}]] would ${chain.includes(target) ? 'embed a note inside itself' : `nest more than ${MAX_EMBED_DEPTH} deep`} (${[...chain, target].join(' → ')}); it is shown as a link`);
      if (chain.includes(target)) this.cycleCuts++;
      return undefined;
    }
    const key = `${target}\u0000${ref.heading ?? ''}\u0000${ref.block ?? ''}\u0000${MAX_EMBED_DEPTH - chain.length}`;
    let tree = this.embedCache.get(key);
    if (tree === undefined) {
      const fragment = markdownFragment(targetDoc.body, { heading: ref.heading, block: ref.block });
      if (fragment === undefined) return undefined;
      const cutsBefore = this.cycleCuts;
      tree = renderMarkdownTree(fragment, { labelFirstLinks: targetDoc.dialect === 'dendron', resolveWikiLink: (r) => this.link(targetDoc, r, [...chain, target], false) });
      if (this.cycleCuts === cutsBefore) this.embedCache.set(key, tree);
    }
    return { type: 'note', href, title: `${targetDoc.data.title}${ref.heading ? ` › ${ref.heading}` : ''}`, tree };
  }

  /** Problems of a link inside an embed (`own` false) are the embedded note's, reported on its own page; only the embed's own are reported here. */
  private warn(rule: Rule, file: string, line: number, message: string, own: boolean): void {
    const key = `${file}:${line}:${message}`;
    if (this.warned.has(key) || (!own && !rule.startsWith('embed/'))) return;
    this.warned.add(key);
    this.problems.push(contentWarning(rule, file, message, { line }));
  }

  /** Warns about links into headings or blocks their target does not have; such a link goes to the top of the page. */
  checkAnchors(bodies: Map<NodeId, RenderedBody>): void {
    for (const { doc, ref, target } of this.anchored) {
      const body = bodies.get(target);
      const title = this.documents.get(target)!.data.title;
      if (ref.block) {
        if (!body?.blocks.includes(ref.block)) {
          this.problems.push(contentWarning('link/missing-block', doc.file, `the link [[${ref.target}#^${ref.block}]] points to a block that "${title}" does not mark (mark one by ending it with ^${ref.block}); the link goes to the top of its page`, { line: ref.line }));
        }
        continue;
      }
      const anchor = headingAnchor(ref.heading!);
      // A vault note's opening heading became its title: the top of the page is that heading.
      if (anchor === headingAnchor(title)) continue;
      const headings = body?.headings ?? [];
      if (!headings.some((h) => h.anchor === anchor)) {
        this.problems.push(contentWarning('link/missing-heading', doc.file, `the link [[${ref.target}#${ref.heading}]] points to a heading that "${title}" does not have (its headings: ${headings.map((h) => h.text).join(', ') || 'none'}); the link goes to the top of its page`, { line: ref.line }));
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

