/**
 * Link resolution, in the dialect of the linking file. In the research
 * dialect a link names an item by title, alias or id, in any case and with
 * any spelling of whitespace, quotes and dashes. In a vault a link names a
 * file, as Obsidian resolves it: by path or file name, in any case, the
 * linking note's folder first, then the shortest path; titles and aliases
 * are not link targets there. What nothing answers to becomes a stub, whose
 * kind is inferred from how it is named.
 */
import type { Document } from '../content/document';
import { contentWarning, type Problem } from '../content/problems';
import { KIND_FOLDER, nodeId, slugify, titleKey, type Kind, type NodeId, type TitleKey } from '../content/ids';
import path from 'node:path';
import { PathIndex } from '../content/vault';

/** An item referenced somewhere but not written yet. */
export interface StubInfo {
  id: NodeId;
  kind: Kind;
  title: string;
  /** What a referrer said about it (a line gives each source a one-line summary). */
  summary?: string;
}

/** How a reference names its target; decides the kind of a stub. */
export type ReferenceRole = 'paper' | 'line' | 'source' | 'cites';

const KIND_OF_ROLE: Record<ReferenceRole, Kind> = { paper: 'paper', line: 'line', source: 'note', cites: 'note' };
/** Told when a link names a file that several vault files could be: the one chosen, then the others. */
export type OnAmbiguous = (chosen: string, others: string[]) => void;

/** A stub named both as a paper and as a plain link is a paper: typed lists know more than prose. */
const ROLE_PRIORITY: ReferenceRole[] = ['paper', 'line', 'source', 'cites'];

export class LinkResolver {
  private readonly byKey = new Map<TitleKey, NodeId>();
  private readonly takenIds = new Set<NodeId>();
  private readonly stubById = new Map<NodeId, StubInfo>();
  /** Vault notes by file name and path: what a research link finds by file name before titles. */
  private readonly vaultFiles: PathIndex<NodeId>;
  /** Every document by file name and path: what a vault link finds, as Obsidian does. */
  private readonly allFiles: PathIndex<NodeId>;
  /** Stubs by name, for links that do not read titles (a vault's) to find the stub an earlier link made. */
  private readonly stubByKey = new Map<TitleKey, NodeId>();
  readonly problems: Problem[] = [];

  /**
   * Indexes documents: vault notes by file name first (Obsidian links name
   * files), then titles, then aliases, then ids and file names of the kind
   * folders, so among those a title always wins.
   */
  constructor(documents: Iterable<Document>) {
    const docs = [...documents];
    this.vaultFiles = new PathIndex(
      docs.filter((d) => d.vault).map((d) => ({ path: d.file, value: d.id })),
      true,
    );
    this.allFiles = new PathIndex(
      docs.map((d) => ({ path: d.file, value: d.id })),
      true,
    );
    const vaultIds = new Set(docs.filter((d) => d.vault).map((d) => d.id));
    for (const doc of docs) this.takenIds.add(doc.id);
    for (const doc of docs) {
      const key = titleKey(doc.data.title);
      const holder = this.byKey.get(key);
      // Two vault notes of one name are told apart by path, and warned about where a link is ambiguous.
      if (holder && holder !== doc.id && vaultIds.has(holder) && vaultIds.has(doc.id)) continue;
      if (holder && holder !== doc.id) {
        this.problems.push(
          contentWarning('title/duplicate', doc.file, `another file (${holder}) has the same title "${doc.data.title}"; links by that title go to ${holder}; give one of them a different title or link by id`, { field: 'title', line: /\.(bib|json)$/i.test(doc.file) ? doc.bodyLine : 2 }),
        );
      } else this.byKey.set(key, doc.id);
    }
    for (const doc of docs) {
      for (const alias of doc.data.aliases) {
        const key = titleKey(alias);
        const holder = this.byKey.get(key);
        if (holder && holder !== doc.id) {
          this.problems.push(contentWarning('title/duplicate-alias', doc.file, `the alias "${alias}" is already the title or alias of ${holder}; links with it go to ${holder}`, { field: 'aliases' }));
        } else this.byKey.set(key, doc.id);
      }
    }
    for (const doc of docs) {
      for (const key of [doc.id, doc.slug]) {
        const k = titleKey(key);
        if (!this.byKey.has(k)) this.byKey.set(k, doc.id);
      }
    }
  }

  /**
   * The node a link target names, if a document or a known stub answers to it.
   * `from` is the linking document: a vault note's links name files only.
   */
  resolve(target: string, onAmbiguous?: OnAmbiguous, from?: Document): NodeId | undefined {
    if (from?.vault) return this.fileNamed(target, from, onAmbiguous) ?? this.stubByKey.get(titleKey(target));
    const file = this.vaultFiles.find(target);
    if (file) {
      if (file.others.length) onAmbiguous?.(file.path, file.others);
      return file.value;
    }
    const key = titleKey(target);
    return this.byKey.get(key) ?? this.byKey.get(titleKey(target.replace(/^\/+|\/+$/g, '')));
  }

  /** The document whose file a target names (`Name`, `folder/Name`, `../Name`), as Obsidian finds it from `from`. */
  fileNamed(target: string, from: Document, onAmbiguous?: OnAmbiguous): NodeId | undefined {
    const file = this.allFiles.find(target, from.file);
    if (file?.others.length) onAmbiguous?.(file.path, file.others);
    return file?.value;
  }

  /**
   * Declares every typed reference before any stub is made, so a stub's kind
   * reflects all the ways it is named rather than whichever came first.
   */
  declareStubs(references: Iterable<{ title: string; role: ReferenceRole; summary?: string }>): void {
    const wanted = new Map<TitleKey, { title: string; roles: Set<ReferenceRole>; summary?: string }>();
    for (const ref of references) {
      if (this.resolve(ref.title)) continue;
      const key = titleKey(ref.title);
      const entry = wanted.get(key) ?? { title: ref.title, roles: new Set() };
      entry.roles.add(ref.role);
      entry.summary ??= ref.summary;
      wanted.set(key, entry);
    }
    for (const entry of wanted.values()) {
      const role = ROLE_PRIORITY.find((r) => entry.roles.has(r))!;
      this.addStub(entry.title, KIND_OF_ROLE[role], entry.summary);
    }
  }

  /** The stub with this id, if the id is a stub's. */
  stub(id: NodeId): StubInfo | undefined {
    return this.stubById.get(id);
  }

  /** Every stub made so far, in the order they were made. */
  stubs(): IterableIterator<StubInfo> {
    return this.stubById.values();
  }

  /** Resolves a target, making a stub of the given kind when nothing answers to it. */
  resolveOrStub(target: string, role: ReferenceRole, onAmbiguous?: OnAmbiguous, from?: Document): NodeId {
    const found = this.resolve(target, onAmbiguous, from);
    if (found) return found;
    // A vault's `[[folder/Name]]` names a note called Name; later links by either spelling find its stub.
    const id = this.addStub(from?.vault ? path.posix.basename(target.trim()) || target : target, KIND_OF_ROLE[role]);
    this.stubByKey.set(titleKey(target), id);
    return id;
  }

  private addStub(title: string, kind: Kind, summary?: string): NodeId {
    const base = slugify(title);
    let id = nodeId(kind, base);
    for (let n = 2; this.takenIds.has(id); n++) id = `${KIND_FOLDER[kind]}/${base}-${n}` as NodeId;
    this.takenIds.add(id);
    // A stub never takes a name a document already answers to (a vault's `[[Cycle A]]` stub beside a research
    // note titled "Cycle A": research links by that title still reach the note).
    if (!this.byKey.has(titleKey(title))) this.byKey.set(titleKey(title), id);
    this.stubByKey.set(titleKey(title), id);
    this.stubById.set(id, { id, kind, title: title.trim(), summary });
    return id;
  }
}
