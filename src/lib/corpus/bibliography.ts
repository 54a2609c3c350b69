/**
 * Bibliographies: BibTeX (`*.bib`) and CSL-JSON (`*.json` holding CSL items)
 * files, read with citation-js. Each entry becomes a paper: merged into the
 * paper file that has its DOI (else its title, compared loosely), or a new
 * paper of its own. Citation keys then name those papers (`[@key]`).
 *
 * citation-js throws on the first malformed entry of a file, so a file that
 * does not parse whole is cut at its entries and each read alone: a bad entry
 * is reported with its line, and the rest of the file is still read.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Document } from '../content/document';
import type { SourceFile } from '../content/files';
import { nodeId, slugify, type NodeId, type Slug } from '../content/ids';
import { contentWarning, type Problem } from '../content/problems';
import { paperSchema } from '../content/schema';

/** A CSL-JSON item, as far as the site reads it. */
export interface CslItem {
  id: string;
  type?: string;
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: { 'date-parts'?: (number | string)[][]; literal?: string; raw?: string };
  'container-title'?: string;
  publisher?: string;
  DOI?: string;
  URL?: string;
  abstract?: string;
  'citation-key'?: string;
  [field: string]: unknown;
}
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

/** One entry of a bibliography file. */
export interface BibEntry {
  key: string;
  item: CslItem;
  /** The file it was read from, relative to the content folder (or as the setting named it), and the entry's line. */
  file: string;
  line: number;
  /** The entry as written, for a `.bib` file. */
  bibtex?: string;
}

/** The papers bibliographies made or completed, by citation key and by node. */
export interface Bibliography {
  byKey: Map<string, NodeId>;
  entries: Map<NodeId, BibEntry>;
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

/** Every entry of the given `.bib` and CSL-JSON files, in file order; a key seen before is reported and skipped. */
export function readBibliographies(files: SourceFile[], problems: Problem[]): BibEntry[] {
  const entries: BibEntry[] = [];
  const seen = new Map<string, BibEntry>();
  for (const file of files) {
    const text = new TextDecoder().decode(file.bytes).replace(/^\uFEFF/, '');
    const read = /\.bib$/i.test(file.path) ? readBibtex(text, file.path, problems) : readCslJson(text, file.path, problems);
    for (const entry of read) {
      const before = seen.get(entry.key);
      if (before) {
        problems.push(contentWarning('bibliography/invalid-entry', entry.file, `the key "${entry.key}" is already used by ${before.file}:${before.line}; this entry is left out (give it another key)`, { line: entry.line }));
        continue;
      }
      seen.set(entry.key, entry);
      entries.push(entry);
    }
  }
  return entries;
}

/** An entry starts with `@type{` at the start of a line. */
const ENTRY_START = /^[ \t]*@([A-Za-z]+)[ \t]*[{(]/gm;
const NOT_ENTRIES = new Set(['string', 'preamble', 'comment']);

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

function parseBibtex(text: string): CslItem[] {
  return new Cite(text, { forceType: '@biblatex/text' }).data as CslItem[];
}

function readBibtex(text: string, file: string, problems: Problem[]): BibEntry[] {
  const chunks: { type: string; line: number; text: string }[] = [];
  const starts = [...text.matchAll(ENTRY_START)];
  starts.forEach((m, i) => chunks.push({ type: m[1].toLowerCase(), line: lineOf(text, m.index!), text: text.slice(m.index!, starts[i + 1]?.index ?? text.length) }));
  const written = new Map(chunks.filter((c) => !NOT_ENTRIES.has(c.type)).map((c) => [entryKey(c.text), c] as const));
  const entry = (item: CslItem): BibEntry => {
    const key = item['citation-key'] ?? item.id;
    const chunk = written.get(key);
    const { _graph, ...csl } = item;
    return { key, item: csl as CslItem, file, line: chunk?.line ?? 1, bibtex: chunk?.text.trim() };
  };
  try {
    return parseBibtex(text).map(entry);
  } catch {
    // Some entry is malformed: read them one by one, each with the file's @string macros before it.
  }
  const macros = chunks.filter((c) => c.type === 'string').map((c) => c.text).join('\n');
  const macroLines = macros ? macros.split('\n').length : 0;
  const out: BibEntry[] = [];
  for (const chunk of chunks) {
    if (NOT_ENTRIES.has(chunk.type)) continue;
    try {
      out.push(...parseBibtex(`${macros}\n${chunk.text}`).map(entry));
    } catch (e) {
      const reason = String((e as Error).message).split('\n')[0];
      const at = /at line (\d+) col (\d+)/.exec(reason);
      const eof = /got EOF/.test(reason);
      const line = at && !eof ? chunk.line + Number(at[1]) - 1 - macroLines : undefined;
      const why = reason.replace(/\s*at line \d+ col \d+:?\s*$/, '').replace(/got EOF/, 'reached the end of the entry (a brace or quote is not closed)');
      problems.push(
        contentWarning('bibliography/invalid-entry', file, `the BibTeX entry ${entryKey(chunk.text) ? `"${entryKey(chunk.text)}" ` : ''}starting on line ${chunk.line} cannot be read (${why}${line ? ` on line ${line}` : ''}); it is left out, the rest of the file is read`, { line: chunk.line }),
      );
    }
  }
  return out;
}

/** The key of `@type{key, …`, as written. */
const entryKey = (chunk: string) => /^[^{(]*[{(]\s*([^,\s]+)\s*,/.exec(chunk)?.[1] ?? '';

/** A JSON file is a bibliography when it is a CSL item or a list of them; any other JSON is an attachment and left alone. */
function readCslJson(text: string, file: string, problems: Problem[]): BibEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // Not JSON at all: say so only when it looks meant as a bibliography.
    if (/"(citation-key|container-title|issued)"/.test(text)) {
      const at = /position (\d+)/.exec((e as Error).message);
      problems.push(contentWarning('bibliography/unreadable', file, `this CSL-JSON file is not valid JSON (${(e as Error).message}); fix it to read its entries`, { line: at ? lineOf(text, Number(at[1])) : undefined }));
    }
    return [];
  }
  const items = Array.isArray(data) ? data : [data];
  if (!items.length || !items.every(isCslItem)) return [];
  return items.map((item) => {
    const key = String(item['citation-key'] ?? item.id);
    const at = text.indexOf(JSON.stringify(String(item.id)));
    return { key, item: { ...item, id: String(item.id) }, file, line: at < 0 ? 1 : lineOf(text, at) };
  });
}

const isCslItem = (v: unknown): v is CslItem => typeof v === 'object' && v !== null && 'id' in v && 'type' in v && ('title' in v || 'author' in v);

/** A title as compared for merging: case, accents, punctuation and spacing aside. */
export const looseTitle = (title: string) =>
  title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const looseDoi = (doi: string) => doi.trim().toLowerCase().replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:)/, '');

/** `Jane Doe` from a CSL name. */
const fullName = (n: CslName) => n.literal ?? [n.given, n.family].filter(Boolean).join(' ');

/** `2020`, `2020-05` or `2020-05-01` from a CSL date. */
function isoDate(issued: CslItem['issued']): string | undefined {
  const parts = issued?.['date-parts']?.[0]?.map(Number).filter((n) => Number.isFinite(n));
  if (!parts?.length) return /^\d{4}/.exec(issued?.raw ?? issued?.literal ?? '')?.[0];
  return [String(parts[0]).padStart(4, '0'), ...parts.slice(1, 3).map((n) => String(n).padStart(2, '0'))].join('-');
}

/** What an entry says about a paper, in the paper's own fields. */
function paperFields(item: CslItem): Record<string, unknown> {
  const url = item.URL && /^https?:\/\/\S+$/i.test(item.URL) ? item.URL : undefined;
  const authors = (item.author ?? item.editor ?? []).map(fullName).filter(Boolean);
  return {
    title: stripTags(item.title ?? '') || undefined,
    authors: authors.length ? authors : undefined,
    date: isoDate(item.issued),
    venue: item['container-title'] || item.publisher || undefined,
    doi: item.DOI || undefined,
    url,
    abstract: item.abstract ? stripTags(item.abstract) : undefined,
  };
}

const stripTags = (s: string) => s.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();

/**
 * Adds the entries to the documents: each completes the paper file with its
 * DOI (else its loose title) — fields the file leaves empty are taken from
 * the entry — or becomes a paper of its own, published from its file.
 */
export function addBibliography(documents: Map<NodeId, Document>, entries: BibEntry[]): Bibliography {
  const byDoi = new Map<string, Document<'paper'>>();
  const byTitle = new Map<string, Document<'paper'>>();
  for (const doc of documents.values()) {
    if (doc.kind !== 'paper' || doc.data.stub) continue;
    const paper = doc as Document<'paper'>;
    if (paper.data.doi) byDoi.set(looseDoi(paper.data.doi), paper);
    byTitle.set(looseTitle(paper.data.title), paper);
  }
  const bibliography: Bibliography = { byKey: new Map(), entries: new Map() };
  for (const entry of entries) {
    const fields = paperFields(entry.item);
    const title = (fields.title as string | undefined) ?? entry.key;
    const doi = fields.doi as string | undefined;
    const existing: Document<'paper'> | undefined = (doi ? byDoi.get(looseDoi(doi)) : undefined) ?? byTitle.get(looseTitle(title));
    let doc: Document<'paper'>;
    if (existing && !bibliography.entries.has(existing.id)) {
      doc = existing;
      const data = doc.data as Record<string, unknown>;
      for (const [field, value] of Object.entries(fields)) {
        const empty = data[field] === undefined || (Array.isArray(data[field]) && (data[field] as unknown[]).length === 0);
        if (empty && value !== undefined) data[field] = value;
      }
    } else {
      doc = newPaper(documents, entry, { ...fields, title });
      documents.set(doc.id, doc);
      if (doc.data.doi) byDoi.set(looseDoi(doc.data.doi), doc);
      byTitle.set(looseTitle(title), doc);
    }
    bibliography.byKey.set(entry.key, doc.id);
    bibliography.entries.set(doc.id, entry);
  }
  return bibliography;
}

function newPaper(documents: Map<NodeId, Document>, entry: BibEntry, fields: Record<string, unknown>): Document<'paper'> {
  const base = slugify(fields.title as string) || slugify(entry.key);
  let slug = base;
  for (let n = 2; documents.has(nodeId('paper', slug)); n++) slug = `${base}-${n}` as Slug;
  const data = paperSchema.parse(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
  return { id: nodeId('paper', slug), kind: 'paper', slug, file: entry.file, data, body: '', bodyLine: entry.line };
}

/** Family names from `Jane Doe` or `Doe, Jane`. */
const familyOf = (name: string) => (name.includes(',') ? name.split(',')[0] : (name.trim().split(/\s+/).pop() ?? name)).trim();

/**
 * How a paper is cited in a sentence, author–year: `Doe`, `Doe & Roe`,
 * `Doe et al.` and the year (`n.d.` without one).
 */
export function citeLabel(paper: Document<'paper'>, entry?: BibEntry): { author: string; year: string } {
  const names = entry?.item.author?.length ? entry.item.author.map((a) => a.family ?? a.literal ?? fullName(a)) : paper.data.authors.map(familyOf);
  const author = names.length === 0 ? paper.data.title : names.length === 1 ? names[0] : names.length === 2 ? `${names[0]} & ${names[1]}` : `${names[0]} et al.`;
  return { author, year: paper.data.date?.slice(0, 4) ?? 'n.d.' };
}
