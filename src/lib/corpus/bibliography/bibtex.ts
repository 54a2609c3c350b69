/**
 * BibTeX and biblatex entries → CSL items. The text is cut and read by
 * `bibtex-scan.ts` (macros of every file expanded, private fields known);
 * each entry's LaTeX is decoded to Unicode by @retorquere/bibtex-parser, the
 * parser Better BibTeX uses, and its fields are mapped to CSL variables here,
 * the way Pandoc's BibTeX reader maps them. Nothing in an entry throws: a field
 * that cannot be used is dropped with a warning; an entry that cannot be read
 * at all is left out with one.
 */
import { parse, type Creator } from '@retorquere/bibtex-parser';
import { chunks, isDirective, isPrivateField, lineOf, readMacros, scanEntry, shownBibtex, BibtexSyntaxError, type Chunk, type WrittenEntry, type WrittenField } from './bibtex-scan';
import { cleanDoi, cslRichText, plainText, type CslItem, type CslName, type Warn } from './csl';

/**
 * An entry as read: its key, place, shown BibTeX and, for deciding whether it
 * is published, its DOI and title roughly read; its CSL item is decoded the
 * first time it is asked for (decoding is the costly part of reading an
 * entry, and most entries of a library are never cited).
 */
export interface ReadBibtex {
  key: string;
  file: string;
  line: number;
  bibtex: string;
  /** The DOI and the title with their LaTeX markup stripped, before decoding. */
  rough: { doi?: string; title?: string };
  readonly item: CslItem;
}

/** A file's path and text. */
export interface BibFile {
  path: string;
  text: string;
}

/** Every entry of the `.bib` files, with the `@string` macros of all of them applied to each. */
export function readBibtexFiles(files: BibFile[], warn: Warn): Map<string, ReadBibtex[]> {
  const cut = files.map((f) => chunks(f.text));
  const macros = readMacros(cut, (chunk, e) => {
    const file = files[cut.findIndex((c) => c.includes(chunk))].path;
    warn(file, lineOf(chunk.text, e.offset) + chunk.line - 1, `the @string macro starting on line ${chunk.line} cannot be read (${e.message}); it is left out`);
  });
  const out = new Map<string, ReadBibtex[]>();
  files.forEach((file, i) => out.set(file.path, readEntries(cut[i], file.path, macros, warn)));
  return out;
}

function readEntries(fileChunks: Chunk[], file: string, macros: ReadonlyMap<string, string>, warn: Warn): ReadBibtex[] {
  const scanned: { chunk: Chunk; written: WrittenEntry }[] = [];
  for (const chunk of fileChunks) {
    if (isDirective(chunk)) continue;
    const undefinedMacros: string[] = [];
    let written: WrittenEntry;
    try {
      written = scanEntry(chunk.text, macros, (name) => undefinedMacros.push(name));
    } catch (e) {
      if (!(e instanceof BibtexSyntaxError)) throw e;
      const key = /^[^{(]*[{(]\s*([^,\s]+)\s*,/.exec(chunk.text)?.[1];
      const line = chunk.line + lineOf(chunk.text, e.offset) - 1;
      warn(file, chunk.line, `the BibTeX entry ${key ? `"${key}" ` : ''}starting on line ${chunk.line} cannot be read (${e.message}, on line ${line}); it is left out, the rest of the file is read`);
      continue;
    }
    if (!written.key) {
      warn(file, chunk.line, `the BibTeX entry starting on line ${chunk.line} has no key; it is left out (write one after "@${chunk.type}{")`);
      continue;
    }
    for (const name of new Set(undefinedMacros)) {
      warn(file, chunk.line, `the entry "${written.key}" uses the @string macro "${name}", which no bibliography file defines; its name is used as the text (define it with @string{${name} = {…}} or write the value in braces)`, 'bibliography/undefined-macro');
    }
    scanned.push({ chunk, written });
  }
  return scanned.map(({ chunk, written }) => {
    const { key } = written;
    const raw = (name: string) => written.fields.find((f) => f.name === name)?.value;
    let item: CslItem | undefined;
    return {
      key,
      file,
      line: chunk.line,
      bibtex: shownBibtex(chunk.text, written),
      rough: { doi: raw('doi') && cleanDoi(raw('doi')!), title: raw('title')?.replace(/\\[A-Za-z]+|\\.|[{}$]/g, '') },
      get item() {
        if (!item) {
          const fields = decode(written.fields, (field, why) => warn(file, chunk.line + lineOf(chunk.text, field.start) - 1, `the field "${field.name}" of the entry "${key}" ${why}`, 'bibliography/invalid-field'));
          item = toCsl(written.type, key, fields, (field, why) => warn(file, chunk.line, `the field "${field}" of the entry "${key}" ${why}`, 'bibliography/invalid-field'));
        }
        return item;
      },
    };
  });
}

/** Creators and literal lists as the decoder gives them. */
type Decoded = Record<string, string | Creator[]>;

/** LaTeX the decoder drops or mangles, written out first: logos, control spaces, hyphenation hints, `<` and `>`. */
function prepare(name: string, value: string): string {
  let v = value
    .replace(/\\(LaTeXe|LaTeX|TeX|BibTeX|XeLaTeX|LuaLaTeX|XeTeX)(?![A-Za-z])(\{\})?/g, (_, logo: string) => (logo === 'LaTeXe' ? 'LaTeX2ε' : logo))
    .replace(/(?<!\\)\\-/g, '')
    .replace(/(?<!\\)\\(?=[ \t\r\n])/g, '');
  // Zotero writes abstracts (and notes) as HTML: keep the text.
  if (/^(abstract|note)$/.test(name)) v = v.replace(/<\/?[a-z][^>]*>/gi, ' ');
  return v.replace(/</g, '\\textless{}').replace(/>/g, '\\textgreater{}');
}

/**
 * Fields read as one rich text: a list field that names one thing (`publisher = {Farrar, Straus and Giroux}`
 * is one publisher), and the titles of containers, which keep their case (APA title-cases them anyway).
 */
const ONE_VALUE = ['publisher', 'institution', 'organization', 'school', 'location', 'address', 'origpublisher', 'origlocation', 'booktitle', 'maintitle', 'series', 'eventtitle'];

/**
 * A title of an English entry (no `langid`, or an English one) is turned to sentence case, its braced
 * words kept as written, as Pandoc does for BibTeX; other languages keep the case they were written in.
 */
const decoderOptions = {
  english: true,
  sentenceCase: { guess: false },
  caseProtection: 'as-needed' as const,
  // `{{Title}}` protects the title's case, as in BibTeX; the decoder would otherwise guess the braces were a habit.
  removeOuterBraces: [],
  fieldMode: Object.fromEntries(ONE_VALUE.map((f) => [f, 'richtext'])) as Record<string, 'richtext'>,
  // A command the decoder does not know keeps its argument's text.
  unsupported: (_node: unknown, tex: string) => tex.replace(/^\\[A-Za-z@]+\*?/, '').replace(/[{}]/g, ''),
};

/**
 * The entry's fields in Unicode. Decoded together; should the decoder fail on
 * the entry, each field alone, and a field it cannot decode at all keeps its
 * text with the LaTeX markup stripped.
 */
/** The fields as one entry for the decoder, without the private ones (never decoded, never shown). */
const asEntry = (key: string, fields: WrittenField[]) => `@misc{${key},\n${fields.filter((f) => !isPrivateField(f.name)).map((f) => `${f.name} = {${prepare(f.name, f.value)}}`).join(',\n')}\n}\n`;

function decode(fields: WrittenField[], warn: (field: WrittenField, why: string) => void): Decoded {
  const kept = fields.filter((f) => !isPrivateField(f.name));
  const entry = (fs: WrittenField[]) => asEntry('entry', fs);
  const attempt = (fs: WrittenField[]): Decoded | undefined => {
    try {
      const lib = parse(entry(fs), decoderOptions as never);
      return lib.errors.length || lib.entries.length !== 1 ? undefined : (lib.entries[0].fields as Decoded);
    } catch {
      return undefined;
    }
  };
  const whole = attempt(kept);
  if (whole) return whole;
  const out: Decoded = {};
  for (const field of kept) {
    const one = attempt([field]);
    if (one) Object.assign(out, one);
    else {
      warn(field, 'holds LaTeX that cannot be decoded (a brace or $ is not closed?); its text is used with the markup removed');
      out[field.name] = field.value.replace(/\\[A-Za-z]+\*?|[{}$\\]/g, '').replace(/\s+/g, ' ').trim();
    }
  }
  return out;
}

/** BibTeX and biblatex types → CSL types (as Pandoc maps them); the subtype is the thesis or report kind. */
const TYPES: Record<string, [string, string?]> = {
  article: ['article-journal'],
  book: ['book'],
  mvbook: ['book'],
  booklet: ['pamphlet'],
  bookinbook: ['chapter'],
  inbook: ['chapter'],
  incollection: ['chapter'],
  inreference: ['entry-encyclopedia'],
  inproceedings: ['paper-conference'],
  conference: ['paper-conference'],
  proceedings: ['book'],
  mvproceedings: ['book'],
  collection: ['book'],
  mvcollection: ['book'],
  reference: ['book'],
  manual: ['book'],
  misc: ['document'],
  online: ['webpage'],
  electronic: ['webpage'],
  www: ['webpage'],
  patent: ['patent'],
  periodical: ['periodical'],
  report: ['report'],
  techreport: ['report'],
  thesis: ['thesis'],
  phdthesis: ['thesis', 'PhD thesis'],
  mastersthesis: ['thesis', 'Master’s thesis'],
  unpublished: ['manuscript'],
  dataset: ['dataset'],
  software: ['software'],
  standard: ['standard'],
  video: ['motion_picture'],
  music: ['song'],
  artwork: ['graphic'],
  letter: ['personal_communication'],
  movie: ['motion_picture'],
  audio: ['song'],
};

/** biblatex's `type` values (`type = {phdthesis}`) → the words a reference reads. */
const GENRES: Record<string, string> = { phdthesis: 'PhD thesis', mathesis: 'Master’s thesis', mastersthesis: 'Master’s thesis', techreport: 'Technical report', resreport: 'Research report' };

const CREATORS: Record<string, string> = { author: 'author', editor: 'editor', translator: 'translator', bookauthor: 'container-author', director: 'director', holder: 'author' };

const TEXT: Record<string, string> = {
  volume: 'volume',
  edition: 'edition',
  isbn: 'ISBN',
  issn: 'ISSN',
  note: 'note',
  chapter: 'chapter-number',
  pagetotal: 'number-of-pages',
  eventtitle: 'event-title',
  version: 'version',
  shorttitle: 'title-short',
  langid: 'language',
  language: 'language',
  venue: 'event-place',
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A month as a number from `5`, `May` or `may`. */
function month(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const n = Number(value.trim());
  if (Number.isInteger(n) && n >= 1 && n <= 12) return n;
  const i = MONTHS.indexOf(value.trim().slice(0, 3).toLowerCase());
  return i < 0 ? undefined : i + 1;
}

/**
 * `2020`, `2020-05-01`, `-0375`, `2020/2022`, `2020-05-01/2020-05-03` (biblatex's date field, ISO 8601) →
 * CSL date parts. ISO counts a year 0 (1 BCE), CSL does not: `-0375` is 376 BCE, CSL's -376.
 */
export function dateParts(value: string): number[][] | undefined {
  const parts = value.trim().split('/');
  const out: number[][] = [];
  for (const part of parts) {
    const m = /^(-?\d{1,5})(?:-(\d{1,2}))?(?:-(\d{1,2}))?[~?%]?$/.exec(part.trim());
    if (!m) return part.trim() === '' || part.trim() === '..' ? (out.length ? out : undefined) : undefined;
    const year = Number(m[1]);
    out.push([year <= 0 ? year - 1 : year, ...(m[2] ? [Number(m[2])] : []), ...(m[3] ? [Number(m[3])] : [])]);
  }
  return out;
}

function issued(fields: Record<string, string>, warn: (field: string, why: string) => void): Pick<CslItem, 'issued' | 'status'> {
  const date = fields.date?.trim();
  if (date) {
    const parts = dateParts(date);
    if (parts) return { issued: { 'date-parts': parts } };
  }
  const year = (fields.year ?? date)?.trim();
  if (!year) return {};
  if (/^-?\d{1,5}$/.test(year)) {
    const m = month(fields.month);
    return { issued: { 'date-parts': [[Number(year), ...(m ? [m] : [])]] } };
  }
  const range = /^(-?\d{3,4})\s*[-–—/]+\s*(-?\d{3,4})$/.exec(year);
  if (range) return { issued: { 'date-parts': [[Number(range[1])], [Number(range[2])]] } };
  // `forthcoming`, `in press`: APA and Pandoc read these as the work's status.
  if (/^[\p{L} .]+$/u.test(year)) return { status: year.toLowerCase() };
  warn(fields.date ? 'date' : 'year', `cannot be read as a date ("${year}"); it is left out (write a year like 2020 or a date like 2020-05-01)`);
  return {};
}

/**
 * CSL names. A particle (`von`, `de`) is part of the family name only where
 * biblatex's `useprefix` says so; else it is dropped before the family name
 * in citations (`Geer, I. de`), as biblatex and Pandoc read it.
 */
function creators(list: Creator[], useprefix: boolean): { names: CslName[]; others: boolean } {
  const names: CslName[] = [];
  let others = false;
  for (const c of list) {
    if ((c.lastName ?? c.name)?.trim().toLowerCase() === 'others' && !c.firstName) {
      others = true;
      continue;
    }
    if (c.name !== undefined) {
      const literal = plainText(c.name);
      if (literal) names.push({ literal });
      continue;
    }
    const name: CslName = { family: plainText(c.lastName ?? '') };
    if (c.firstName) name.given = plainText(c.firstName);
    if (c.prefix) name[(c.useprefix ?? useprefix) ? 'non-dropping-particle' : 'dropping-particle'] = plainText(c.prefix);
    if (c.suffix) name.suffix = plainText(c.suffix);
    if (name.family || name.given) names.push(name.family ? name : { literal: name.given });
  }
  return { names, others };
}

/** The `langid` values (biblatex, Better BibTeX) of entries in English; no `langid` is English too, as for biblatex. */
const ENGLISH = /^(|american|british|canadian|english|australian|newzealand|usenglish|ukenglish|en|eng|en-[a-z]{2})$/i;
const isEnglish = (text: Record<string, string>) => ENGLISH.test((text.langid ?? text.hyphenation ?? '').trim());

/** An arXiv identifier (`2101.00001`, `2101.00001v2`, `hep-th/9901001`). */
const ARXIV_ID = /^(\d{4}\.\d{4,5}(v\d+)?|[a-z-]+(\.[A-Z]{2})?\/\d{7}(v\d+)?)$/;

/** The CSL item of one decoded entry (Pandoc's mapping, as far as a reference uses it). */
export function toCsl(type: string, key: string, decoded: Decoded, warn: (field: string, why: string) => void): CslItem {
  const [cslType, subtype] = TYPES[type] ?? ['document'];
  const item: CslItem = { id: key, 'citation-key': key, type: cslType };
  const text: Record<string, string> = {};
  const options = typeof decoded.options === 'string' ? decoded.options : '';
  const useprefix = /(^|,)\s*useprefix(\s*=\s*true)?\s*(,|$)/i.test(options);
  for (const [name, value] of Object.entries(decoded)) {
    if (typeof value === 'string') text[name] = value;
    else if (CREATORS[name]) {
      const { names, others } = creators(value, useprefix);
      if (names.length) item[CREATORS[name]] = names;
      if (others && name === 'author') item._etAl = true;
    } else text[name] = value.map((v) => (typeof v === 'string' ? v : '')).join(' and ');
  }
  const rich = (v: string | undefined) => (v === undefined ? undefined : cslRichText(v) || undefined);
  const join = (a: string | undefined, b: string | undefined) => (a && b ? `${a}${/[.?!:]$/.test(plainText(a)) ? '' : ':'} ${b}` : a);
  item.title = rich(join(text.title, text.subtitle));
  // In sentence case (an English entry), a word after a colon starts a sentence: `Security: A study`.
  if (item.title && isEnglish(text)) item.title = (item.title as string).replace(/(:\s+(?:<[^>]+>)*)(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
  // A title with a subtitle is cited by its main title, as Pandoc does.
  if (text.subtitle && text.title && !text.shorttitle) item['title-short'] = rich(text.title);
  item['container-title'] = rich(join(text.journaltitle ?? text.journal ?? text.booktitle ?? text.maintitle, text.journalsubtitle ?? text.booksubtitle));
  // biblatex's localisation keys read as their words.
  const series = text.series && ({ newseries: 'new series', oldseries: 'old series' } as Record<string, string>)[text.series.trim().toLowerCase()];
  item['collection-title'] = rich(series ?? text.series);
  const publisher = type === 'phdthesis' || type === 'mastersthesis' || type === 'thesis' ? (text.school ?? text.institution ?? text.publisher) : (text.publisher ?? text.institution ?? text.school ?? text.organization);
  item.publisher = plainText(publisher ?? '') || undefined;
  item['publisher-place'] = plainText(text.location ?? text.address ?? '') || undefined;
  if (text.number) item[cslType === 'article-journal' || cslType === 'periodical' ? 'issue' : 'number'] = plainText(text.number);
  if (text.issue && !item.issue) item.issue = plainText(text.issue);
  if (text.pages) item.page = plainText(text.pages).replace(/\s*[-–]+\s*/g, '–');
  for (const [field, variable] of Object.entries(TEXT)) if (text[field] && item[variable] === undefined) item[variable] = plainText(text[field]) || undefined;
  const genre = text.type ? (GENRES[text.type.trim().toLowerCase()] ?? plainText(text.type)) : subtype;
  if (genre) item.genre = genre;
  if (text.abstract) item.abstract = plainText(text.abstract) || undefined;
  Object.assign(item, issued(text, warn));
  const doi = text.doi ? cleanDoi(text.doi) : undefined;
  if (text.doi && !doi) warn('doi', `is not a DOI ("${text.doi}"); it is left out`);
  if (doi) item.DOI = doi;
  const url = text.url?.trim().replace(/\\([_%&#$~])/g, '$1');
  if (url && /^https?:\/\/\S+$/i.test(url)) item.URL = url;
  else if (url) warn('url', `is not a web address ("${url}"); it is left out`);
  // An arXiv preprint links to its abstract page (the address holds its number) when it has no other link.
  const eprint = text.eprint?.trim();
  const arxiv = eprint && (/arxiv/i.test(text.eprinttype ?? text.archiveprefix ?? '') || (!text.eprinttype && !text.archiveprefix && ARXIV_ID.test(eprint)));
  if (arxiv && !item.DOI && !item.URL) item.URL = `https://arxiv.org/abs/${eprint}`;
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined)) as CslItem;
}
