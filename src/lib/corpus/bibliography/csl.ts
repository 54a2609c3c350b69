/**
 * CSL items: their shape, and CSL-JSON files read item by item. An item is
 * made safe before anything formats it: a number where text belongs becomes
 * text, a list where one value belongs is joined, a blank or unusable value
 * is dropped, each with a warning naming the file, the line and the key. One
 * bad item never costs the rest of its file.
 */
import type { Rule } from '../../content/problems';

/** A CSL-JSON item, as far as the site reads it; every value has been checked (`cleanCslItem`). */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: CslDate;
  'container-title'?: string;
  publisher?: string;
  DOI?: string;
  URL?: string;
  abstract?: string;
  'citation-key'?: string;
  status?: string;
  [field: string]: unknown;
}
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
}
export interface CslDate {
  'date-parts'?: number[][];
  literal?: string;
  raw?: string;
  season?: number | string;
  circa?: boolean | string | number;
}

/** Reports a problem with an entry: its file, line and what to do; the rule is `bibliography/invalid-entry` unless given. */
export type Warn = (file: string, line: number | undefined, message: string, rule?: Rule) => void;

/** Markup CSL's rich text keeps (citeproc formats it); any other tag is dropped. */
const CSL_MARKUP = /<(\/?(i|b|sup|sub)|span style="font-variant:\s*small-caps;?"|span class="nocase"|\/span)>/gi;

/** Text with only the markup CSL formats (`<i>`, `<b>`, `<sup>`, `<sub>`, small caps, `nocase`). */
export function cslRichText(html: string): string {
  const kept: string[] = [];
  const marked = html.replace(CSL_MARKUP, (tag) => `\u0000${kept.push(tag.replace(/style="font-variant:\s*small-caps;?"/, 'style="font-variant:small-caps;"')) - 1}\u0001`);
  return marked
    .replace(/<[^>]*>/g, '')
    .replace(/\u0000(\d+)\u0001/g, (_, i: string) => kept[Number(i)])
    .replace(/\s+/g, ' ')
    .normalize('NFC')
    .trim();
}

/** Text without any markup, entities decoded, spaces collapsed. */
export const plainText = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' })[e]!)
    .replace(/[\s\u00AD]+/g, (s) => (s === '\u00AD' ? '' : ' '))
    .normalize('NFC')
    .trim();

/** `10.1000/x_y` from a DOI as people write it: `doi:`, `https://doi.org/…`, `\_`; undefined when it is none. */
export function cleanDoi(doi: string): string | undefined {
  const d = doi
    .trim()
    .replace(/\\([_%&#$~])/g, '$1')
    .replace(/^(https?:\/\/(dx\.)?doi(\.acm)?\.org\/|doi:\s*)/i, '')
    .trim();
  return /^10\.\S+\/\S+$/.test(d) ? d : undefined;
}

/** CSL name variables and date variables; every other variable holds text or a number. */
const NAME_VARIABLES = new Set(['author', 'chair', 'collection-editor', 'compiler', 'composer', 'container-author', 'contributor', 'curator', 'director', 'editor', 'editorial-director', 'executive-producer', 'guest', 'host', 'illustrator', 'interviewer', 'narrator', 'organizer', 'original-author', 'performer', 'producer', 'recipient', 'reviewed-author', 'script-writer', 'series-creator', 'translator']);
const DATE_VARIABLES = new Set(['accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted']);
/** Text read as plain text (no markup kept): identifiers, numbers, places. */
const RICH_VARIABLES = new Set(['title', 'container-title', 'collection-title', 'title-short', 'container-title-short', 'original-title', 'event-title', 'volume-title', 'reviewed-title']);

export const CSL_TYPES = new Set([
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication', 'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage',
]);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A name, or undefined when it holds no name. */
function cleanName(v: unknown): CslName | undefined {
  if (typeof v === 'string') return v.trim() ? { literal: v.trim() } : undefined;
  if (!isRecord(v)) return undefined;
  const name: CslName = {};
  for (const part of ['family', 'given', 'literal', 'non-dropping-particle', 'dropping-particle', 'suffix'] as const) {
    const p = v[part];
    if ((typeof p === 'string' || typeof p === 'number') && String(p).trim()) name[part] = plainText(String(p));
  }
  return name.family || name.given || name.literal ? name : undefined;
}

/** A date, or undefined when it holds none: date parts must be whole numbers (a year may be negative, BCE). */
function cleanDate(v: unknown): CslDate | undefined {
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() ? { raw: String(v).trim() } : undefined;
  if (!isRecord(v)) return undefined;
  const date: CslDate = {};
  const parts = v['date-parts'];
  if (Array.isArray(parts)) {
    const clean = parts
      .filter(Array.isArray)
      .slice(0, 2)
      .map((p: unknown[]) => {
        const out: number[] = [];
        for (const n of p.slice(0, 3)) {
          const x = typeof n === 'string' && n.trim() !== '' ? Number(n) : n;
          if (typeof x !== 'number' || !Number.isInteger(x)) break;
          out.push(x);
        }
        return out;
      })
      .filter((p) => p.length > 0 && (p.length < 2 || (p[1] >= 1 && p[1] <= 12)));
    if (clean.length) date['date-parts'] = clean;
  }
  for (const k of ['literal', 'raw'] as const) if (typeof v[k] === 'string' && (v[k] as string).trim()) date[k] = (v[k] as string).trim();
  if (typeof v.season === 'number' || typeof v.season === 'string') date.season = v.season;
  if (v.circa !== undefined && v.circa !== null && typeof v.circa !== 'object') date.circa = v.circa as boolean;
  return Object.keys(date).length ? date : undefined;
}

/**
 * An item made safe to format, or undefined when nothing of it can be used
 * (no id, or not an object). `warn` is told of each value converted or left out.
 */
export function cleanCslItem(raw: unknown, warn: (message: string) => void): CslItem | undefined {
  if (!isRecord(raw)) {
    warn('is not a CSL item (an object with "id" and "type"); it is left out');
    return undefined;
  }
  const idValue = raw.id ?? raw['citation-key'];
  if ((typeof idValue !== 'string' && typeof idValue !== 'number') || !String(idValue).trim()) {
    warn('has no "id"; it is left out (give it an id, its citation key)');
    return undefined;
  }
  const id = String(idValue).trim();
  const type = typeof raw.type === 'string' && CSL_TYPES.has(raw.type) ? raw.type : 'document';
  if (type !== raw.type) warn(`has ${raw.type === undefined ? 'no type' : `the type ${JSON.stringify(raw.type)}, which CSL does not define`}; it is read as "document"`);
  const item: CslItem = { id, type };
  for (const [field, value] of Object.entries(raw)) {
    if (field === 'id' || field === 'type' || value === null || value === undefined) continue;
    if (NAME_VARIABLES.has(field)) {
      const list = (Array.isArray(value) ? value : [value]).map(cleanName).filter((n): n is CslName => !!n);
      if (list.length) item[field] = list;
      else warn(`"${field}" holds no name CSL can read; it is left out`);
    } else if (DATE_VARIABLES.has(field)) {
      const date = cleanDate(value);
      if (date) item[field] = date;
      else warn(`"${field}" is not a CSL date (like {"date-parts": [[2020, 5]]}); it is left out`);
    } else if (field === 'citation-key' || !/^[A-Za-z][\w-]*$/.test(field) || field.startsWith('_')) {
      continue;
    } else if (typeof value === 'string' || typeof value === 'number') {
      const text = RICH_VARIABLES.has(field) ? cslRichText(String(value)) : plainText(String(value));
      if (typeof value === 'number' && RICH_VARIABLES.has(field)) warn(`"${field}" is a number (${value}); it is read as the text "${value}"`);
      if (text) item[field] = text;
      else if (RICH_VARIABLES.has(field) || field === 'publisher') warn(`"${field}" is blank; it is left out`);
    } else if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
      const text = value.map(String).map(plainText).filter(Boolean).join('; ');
      warn(`"${field}" is a list where CSL expects one value; it is read as "${text}"`);
      if (text) item[field] = text;
    } else if (typeof value !== 'boolean') {
      warn(`"${field}" holds ${Array.isArray(value) ? 'a list' : 'an object'} where CSL expects text; it is left out`);
    }
  }
  const key = raw['citation-key'];
  item['citation-key'] = (typeof key === 'string' || typeof key === 'number') && String(key).trim() ? String(key).trim() : id;
  if (typeof item.DOI === 'string') {
    const doi = cleanDoi(item.DOI);
    if (!doi) warn(`"DOI" is not a DOI ("${item.DOI}"); it is left out`);
    item.DOI = doi;
    if (!doi) delete item.DOI;
  }
  if (typeof item.URL === 'string' && !/^https?:\/\/\S+$/i.test(item.URL)) {
    warn(`"URL" is not a web address ("${item.URL}"); it is left out`);
    delete item.URL;
  }
  return item;
}

/** Whether a JSON value looks meant as a CSL item (so a file of them is a bibliography). */
export const looksLikeCslItem = (v: unknown): boolean =>
  isRecord(v) && ('id' in v || 'citation-key' in v) && typeof v.type === 'string' && CSL_TYPES.has(v.type) && ['title', 'author', 'editor', 'issued', 'container-title'].some((f) => f in v);

/** Where an item's `"id"` is written in its file's text, searching from an offset; undefined when it cannot be found. */
export function cslItemLine(text: string, id: unknown, from = 0): { line: number; offset: number } | undefined {
  const written = JSON.stringify(id) ?? '';
  const at = text.slice(from).search(new RegExp(`"id"\\s*:\\s*${written.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  return at < 0 ? undefined : { line: text.slice(0, from + at).split('\n').length, offset: from + at };
}
