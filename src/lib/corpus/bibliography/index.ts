/**
 * Bibliographies: BibTeX (`*.bib`) and CSL-JSON (`*.json` holding CSL items)
 * files. Each entry that is cited (or that completes a paper file) becomes a
 * paper: merged into the paper file that has its DOI (else its title, compared
 * loosely), or a new paper of its own. Citation keys then name those papers
 * (`[@key]`). Entries nothing cites stay out of the site unless the
 * `publish: 'all'` option asks for them: a library's export is a reader's
 * private list.
 *
 * No entry stops the build, whatever it holds: a field that cannot be used is
 * converted or left out, an entry that cannot be read at all is left out,
 * each with a warning naming the file, the line and the key.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Document } from '../../content/document';
import type { SourceFile } from '../../content/files';
import { nodeId, slugify, type NodeId, type Slug } from '../../content/ids';
import { contentWarning, type Problem, type Rule } from '../../content/problems';
import { paperSchema } from '../../content/schema';
import { readBibtexFiles } from './bibtex';
import { citeproc, type CiteLabel } from './citeproc';
import { cleanCslItem, cslItemLine, looksLikeCslItem, plainText, type CslItem, type CslName, type Warn } from './csl';

export type { CiteLabel } from './citeproc';
export { citeproc, styleName } from './citeproc';
export type { CslItem, CslName } from './csl';

/** One entry of a bibliography file. */
export interface BibEntry {
  /** The citation key; also the CSL item's id. */
  key: string;
  /** The CSL item (for a `.bib` entry, decoded the first time it is read). */
  readonly item: CslItem;
  /** A `.bib` entry's DOI and title before its LaTeX is decoded: enough to tell whether it completes a paper file. */
  rough?: { doi?: string; title?: string };
  /** The file it was read from, relative to the content folder (or as the setting named it), and the entry's line. */
  file: string;
  line: number;
  /** The entry as shown and copied, for a `.bib` file: as written, without private fields, macros expanded. */
  bibtex?: string;
}

/** The papers bibliographies made or completed, by citation key and by node. */
export interface Bibliography {
  byKey: Map<string, NodeId>;
  entries: Map<NodeId, BibEntry>;
  /** Entries left out because nothing cites them (and `publish` is `cited`). */
  unpublished: number;
  /** The CSL style labels and references are formatted in. */
  style: string;
}

export interface BibliographyOptions {
  /** `cited` (the default): only entries cited by a published item, or merged into a paper file; `all`: every entry. */
  publish?: 'cited' | 'all';
  /** The CSL style: a built-in name (`apa`, `vancouver`, `harvard1`) or a `.csl` file; APA unless given. */
  style?: string;
}

export const isBibliographyPath = (file: string) => /\.(bib|json)$/i.test(file);

/** Reads the files `BIBLIOGRAPHY` names (paths relative to the working folder); a missing file is reported, not fatal. */
export async function readNamedBibliographies(paths: string[], problems: Problem[]): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  for (const p of paths) {
    try {
      out.push({ path: p, bytes: await readFile(path.resolve(p)) });
    } catch (e) {
      problems.push(contentWarning('bibliography/unreadable', p, `the bibliography file named by BIBLIOGRAPHY cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check the path`));
    }
  }
  return out;
}

const warnInto =
  (problems: Problem[]): Warn =>
  (file, line, message, rule = 'bibliography/invalid-entry') =>
    problems.push(contentWarning(rule, file, message, line ? { line } : {}));

/**
 * Every entry of the given `.bib` and CSL-JSON files, in file order. The
 * `@string` macros of every `.bib` file apply to all of them. A key seen
 * before is reported (with both places) and the later entry left out.
 */
export function readBibliographies(files: SourceFile[], problems: Problem[]): BibEntry[] {
  const warn = warnInto(problems);
  const texts = files.map((f) => ({ path: f.path, text: new TextDecoder().decode(f.bytes).replace(/^\uFEFF/, '') }));
  const bibtex = readBibtexFiles(
    texts.filter((f) => /\.bib$/i.test(f.path)),
    warn,
  );
  const entries: BibEntry[] = [];
  const seen = new Map<string, BibEntry>();
  for (const { path: file, text } of texts) {
    const read: BibEntry[] = /\.bib$/i.test(file) ? (bibtex.get(file) ?? []) : readCslJson(text, file, warn);
    for (const entry of read) {
      const before = seen.get(entry.key);
      if (before) {
        warn(entry.file, entry.line, `the key "${entry.key}" of this entry (line ${entry.line}) is already used by the entry on ${before.file}:${before.line}; the first is kept and this one left out (give it another key)`, 'bibliography/duplicate-key');
        continue;
      }
      seen.set(entry.key, entry);
      entries.push(entry);
    }
  }
  return entries;
}

/** Whether a JSON file's text is a CSL-JSON bibliography (then it is read as one, never published as an attachment). */
export function isCslBibliography(text: string): boolean {
  try {
    const data: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    return (Array.isArray(data) ? data : [data]).some(looksLikeCslItem);
  } catch {
    return false;
  }
}

/**
 * A JSON file is a bibliography when it is a CSL item or a list with one;
 * any other JSON is an attachment and left alone. Each item is read alone: one
 * that cannot be used is reported and left out, and the others are read.
 */
function readCslJson(text: string, file: string, warn: Warn): BibEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // Not JSON at all: say so only when it looks meant as a bibliography.
    if (/"(citation-key|container-title|issued)"/.test(text)) {
      const at = /position (\d+)/.exec((e as Error).message);
      warn(file, at ? text.slice(0, Number(at[1])).split('\n').length : undefined, `this CSL-JSON file is not valid JSON (${(e as Error).message}); fix it to read its entries`, 'bibliography/unreadable');
    }
    return [];
  }
  const items = Array.isArray(data) ? data : [data];
  if (!items.some(looksLikeCslItem)) return [];
  const out: BibEntry[] = [];
  let from = 0;
  items.forEach((raw, i) => {
    const rawId = (raw as { id?: unknown } | null)?.id;
    const at = rawId === undefined ? undefined : cslItemLine(text, rawId, from);
    if (at) from = at.offset + 1;
    const line = at?.line ?? 1;
    const name = rawId === undefined ? `item ${i + 1}` : `the item "${String(rawId)}"`;
    const item = cleanCslItem(raw, (why) => {
      // `"title" is a number …` is about a field; anything else is about the item.
      const field = /^"([^"]+)" (.*)$/s.exec(why);
      warn(file, line, field ? `the field "${field[1]}" of ${name} ${field[2]}` : `${name} ${why}`, field ? 'bibliography/invalid-field' : 'bibliography/invalid-entry');
    });
    if (!item) return;
    const key = item['citation-key'] ?? item.id;
    out.push({ key, item: { ...item, id: key }, file, line });
  });
  return out;
}

/** A title as compared for merging: case, accents, punctuation and spacing aside. */
export const looseTitle = (title: string) =>
  title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const looseDoi = (doi: string) => doi.trim().toLowerCase().replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:)/, '');

/** `Jane Doe`, `Ulrike von Luxburg` from a CSL name. */
const fullName = (n: CslName) => n.literal ?? [n.given, n['dropping-particle'], n['non-dropping-particle'], n.family, n.suffix].filter(Boolean).join(' ');

/** `2020`, `2020-05` or `2020-05-01` from a CSL date; undefined for a year a paper's date cannot hold (BCE, five digits). */
function isoDate(issued: unknown): string | undefined {
  const date = issued as CslItem['issued'];
  const parts = date?.['date-parts']?.[0];
  if (!parts?.length) return /^\d{4}(?=\D|$)/.exec(date?.raw ?? date?.literal ?? '')?.[0];
  if (parts[0] < 1 || parts[0] > 9999) return undefined;
  return [String(parts[0]).padStart(4, '0'), ...parts.slice(1, 3).map((n) => String(n).padStart(2, '0'))].join('-');
}

/** What an entry says about a paper, in the paper's own fields. */
function paperFields(item: CslItem): Record<string, unknown> {
  const authors = ((item.author ?? item.editor ?? []) as CslName[]).map(fullName).filter(Boolean);
  const text = (v: unknown) => (typeof v === 'string' ? plainText(v) || undefined : undefined);
  return {
    title: text(item.title),
    authors: authors.length ? authors : undefined,
    date: isoDate(item.issued),
    venue: text(item['container-title']) ?? text(item.publisher),
    doi: text(item.DOI),
    url: text(item.URL),
    abstract: text(item.abstract),
  };
}

/**
 * The fields the paper schema accepts: a field it refuses is left out with a
 * warning (the schema is the paper file's; an entry must never fail it).
 */
function validFields(entry: BibEntry, fields: Record<string, unknown>, warn: (message: string, rule?: Rule) => void): Record<string, unknown> {
  let data = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  // An entry without a usable title is known by its key.
  data.title ??= entry.key;
  for (let tries = 0; tries < 10; tries++) {
    const parsed = paperSchema.safeParse(data);
    if (parsed.success) return data;
    const field = String(parsed.error.issues[0].path[0] ?? '');
    if (!(field in data) || field === 'title') {
      data = { title: entry.key };
      continue;
    }
    warn(`the entry "${entry.key}" has a ${field} the site cannot use (${parsed.error.issues[0].message}); it is left out of the paper`, 'bibliography/invalid-field');
    delete data[field];
  }
  return { title: entry.key };
}

/** Citation keys cited by published items; see `citedKeys` in the markdown layer. */
export type CitedKeys = ReadonlySet<string>;

/**
 * Adds the entries to the documents: each completes the paper file with its
 * DOI (else its loose title) — fields the file leaves empty are taken from
 * the entry — or, when it is cited (or every entry is published), becomes a
 * paper of its own, published from its file.
 */
export function addBibliography(documents: Map<NodeId, Document>, entries: BibEntry[], cited: CitedKeys | undefined, problems: Problem[], options: BibliographyOptions = {}): Bibliography {
  const byDoi = new Map<string, Document<'paper'>>();
  const byTitle = new Map<string, Document<'paper'>>();
  for (const doc of documents.values()) {
    if (doc.kind !== 'paper' || doc.data.stub) continue;
    const paper = doc as Document<'paper'>;
    if (paper.data.doi) byDoi.set(looseDoi(paper.data.doi), paper);
    byTitle.set(looseTitle(paper.data.title), paper);
  }
  const bibliography: Bibliography = { byKey: new Map(), entries: new Map(), unpublished: 0, style: options.style ?? 'apa' };
  const mayComplete = (entry: BibEntry) => {
    const { doi, title } = entry.rough ?? {};
    const paper = (doi ? byDoi.get(looseDoi(doi)) : undefined) ?? (title ? byTitle.get(looseTitle(title)) : undefined);
    return !!paper && paper.file !== entry.file;
  };
  for (const entry of entries) {
    // An entry nothing cites and no paper file could take is left as it was read: never decoded, never published.
    if (options.publish !== 'all' && cited && !cited.has(entry.key) && entry.rough && !mayComplete(entry)) {
      bibliography.unpublished++;
      continue;
    }
    const warn = (message: string, rule: Rule = 'bibliography/invalid-entry') => problems.push(contentWarning(rule, entry.file, message, { line: entry.line }));
    const fields = validFields(entry, paperFields(entry.item), warn);
    const title = fields.title as string;
    const doi = fields.doi as string | undefined;
    const existing: Document<'paper'> | undefined = (doi ? byDoi.get(looseDoi(doi)) : undefined) ?? byTitle.get(looseTitle(title));
    let doc: Document<'paper'>;
    if (existing && existing.file !== entry.file && !bibliography.entries.has(existing.id)) {
      doc = existing;
      const data = doc.data as Record<string, unknown>;
      for (const [field, value] of Object.entries(fields)) {
        const empty = data[field] === undefined || (Array.isArray(data[field]) && (data[field] as unknown[]).length === 0);
        if (empty && value !== undefined) data[field] = value;
      }
    } else if (options.publish === 'all' || !cited || cited.has(entry.key)) {
      doc = newPaper(documents, entry, fields);
      documents.set(doc.id, doc);
      if (doc.data.doi) byDoi.set(looseDoi(doc.data.doi), doc);
      if (!byTitle.has(looseTitle(title))) byTitle.set(looseTitle(title), doc);
    } else {
      bibliography.unpublished++;
      continue;
    }
    bibliography.byKey.set(entry.key, doc.id);
    bibliography.entries.set(doc.id, entry);
  }
  return bibliography;
}

function newPaper(documents: Map<NodeId, Document>, entry: BibEntry, fields: Record<string, unknown>): Document<'paper'> {
  const base = slugify(fields.title as string) || slugify(entry.key) || ('entry' as Slug);
  let slug = base;
  for (let n = 2; documents.has(nodeId('paper', slug)); n++) slug = `${base}-${n}` as Slug;
  const data = paperSchema.parse(fields);
  return { id: nodeId('paper', slug), kind: 'paper', slug, file: entry.file, data, body: '', bodyLine: entry.line };
}

/** The CSL items of the published entries, in one order, for one citeproc run (labels here, references on the pages). */
export const publishedItems = (entries: ReadonlyMap<NodeId, BibEntry>): CslItem[] => [...entries.values()].map((e) => e.item);

/** The entry's BibTeX: as written for a `.bib` file, else written from its CSL item, under its key. */
export function bibtexOf(entry: BibEntry): string {
  if (entry.bibtex) return entry.bibtex;
  const { _etAl, ...item } = entry.item;
  const written = new Cite([{ ...item, id: entry.key }]).format('bibtex').trim();
  // citation-js rewrites keys it finds unusual (`smith-2020`); the key is the one the notes cite.
  return written.replace(/^(@\w+\{)[^,]*,/, `$1${entry.key},`);
}

/** Family names from `Jane Doe` or `Doe, Jane`. */
const familyOf = (name: string) => (name.includes(',') ? name.split(',')[0] : (name.trim().split(/\s+/).pop() ?? name)).trim();

/** A paper file's own label, author–year, when no bibliography entry holds it. */
function ownLabel(paper: Document<'paper'>): CiteLabel {
  const names = paper.data.authors.map(familyOf);
  const author = names.length === 0 ? paper.data.title : names.length === 1 ? names[0] : names.length === 2 ? `${names[0]} & ${names[1]}` : `${names[0]} et al.`;
  return { author, year: paper.data.date?.slice(0, 4) ?? 'n.d.' };
}

/** `a`…`z`, then `aa`, `ab`…: the letter told-apart labels carry. */
function suffix(n: number): string {
  let out = '';
  for (let i = n; i >= 0; i = Math.floor(i / 26) - 1) out = String.fromCharCode(97 + (i % 26)) + out;
  return out;
}

/**
 * The in-text labels of every written paper. A paper from a bibliography is
 * labelled by the same citeproc run that formats its reference, so labels and
 * references agree. A paper file alone is labelled author–year from its own
 * fields, told apart from another with the same author and year by a letter in
 * the order of their titles (APA 7, 8.19).
 */
export function citeLabels(papers: Iterable<Document<'paper'>>, bibliography: Pick<Bibliography, 'entries' | 'style'>): Map<NodeId, CiteLabel> {
  const labels = new Map<NodeId, CiteLabel>();
  const run = citeproc(publishedItems(bibliography.entries), bibliography.style);
  const groups = new Map<string, { paper: Document<'paper'>; label: CiteLabel }[]>();
  for (const paper of papers) {
    if (paper.data.stub) continue;
    const entry = bibliography.entries.get(paper.id);
    const formatted = entry && run.labels.get(entry.key);
    if (formatted?.author || formatted?.year) {
      labels.set(paper.id, formatted);
      continue;
    }
    const label = ownLabel(paper);
    const key = `${label.author}\u0000${label.year}`;
    groups.set(key, [...(groups.get(key) ?? []), { paper, label }]);
  }
  for (const group of groups.values()) {
    if (group.length === 1) {
      labels.set(group[0].paper.id, group[0].label);
      continue;
    }
    group.sort((a, b) => a.paper.data.title.localeCompare(b.paper.data.title) || a.paper.id.localeCompare(b.paper.id));
    group.forEach(({ paper, label }, i) => labels.set(paper.id, { author: label.author, year: `${label.year}${label.year === 'n.d.' ? '-' : ''}${suffix(i)}` }));
  }
  return labels;
}
