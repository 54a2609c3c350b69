/**
 * The one place the search index is defined. The build writes the index with
 * these options and the browser reads it back with the same object, so a
 * field, a boost or a term rule can never differ between the two.
 */
import type { Options, SearchOptions } from 'minisearch';
import type { Kind } from '../../content/ids';

/** What each search document carries; `id` encodes kind, stub and number (see {@link searchId}). */
export interface SearchDocument {
  id: string;
  title: string;
  aliases: string;
  claim: string;
  summary: string;
  tags: string;
  headings: string;
  body: string;
}

export const SEARCH_FIELDS = ['title', 'aliases', 'claim', 'summary', 'tags', 'headings', 'body'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** Title above claim above summary above body; aliases are alternative titles. */
export const FIELD_BOOSTS: Record<SearchField, number> = {
  title: 6,
  aliases: 4,
  claim: 3,
  summary: 2,
  tags: 2,
  headings: 1.5,
  body: 1,
};

const KIND_CODE: Record<Kind, string> = { note: 'n', paper: 'p', line: 'l' };
const CODE_KIND: Record<string, Kind> = { n: 'note', p: 'paper', l: 'line' };

/**
 * A document's id in the index: one letter for its kind (upper case for a
 * stub) and its number, e.g. `n12`, `P3`. The number names its result file;
 * kind and stub ride in the id so that filtering and ranking stubs need no
 * stored fields, which would otherwise be repeated in every index shard.
 */
export function searchId(kind: Kind, stub: boolean, n: number): string {
  const code = KIND_CODE[kind];
  return `${stub ? code.toUpperCase() : code}${n}`;
}

export function parseSearchId(id: string): { kind: Kind; stub: boolean; n: number } {
  const code = id[0];
  const kind = CODE_KIND[code.toLowerCase()];
  if (!kind || !/^\d+$/.test(id.slice(1))) throw new Error(`Not a search id: ${id}`);
  return { kind, stub: code !== code.toLowerCase(), n: Number(id.slice(1)) };
}

// Words too common to tell documents apart; leaving them out keeps the
// index small. The last word of a query keeps them, as it may be a prefix.
const STOP_WORDS = new Set(
  `a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it its
   may might more most no not of on or our she so such than that the their them then there these they this those to
   was we were what when where which while who why will with would you your`.split(/\s+/),
);

export const isStopWord = (term: string) => STOP_WORDS.has(term);

/** Longer "words" are hashes, URLs or base64, never something a reader types. */
const MAX_TERM_LENGTH = 32;

/** Case and accents do not matter: "Résumé" is found by "resume". */
export function normalizeTerm(term: string): string {
  return term.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function indexTerm(term: string): string | null {
  const t = normalizeTerm(term);
  if (t.length < 2 || t.length > MAX_TERM_LENGTH || isStopWord(t)) return null;
  return t;
}

/**
 * Fuzzy distance by term length: none below 4 letters (too many false
 * friends), 1 for 4–5, 2 from 6 on, so that a swapped pair ("warmht") is found.
 */
export function fuzzyDistance(term: string): number | false {
  if (term.length < 4) return false;
  return term.length < 6 ? 1 : 2;
}

/**
 * Words are split at spaces and punctuation (MiniSearch's own rule, spelt
 * out here so that the browser's query code needs nothing of MiniSearch).
 */
const SPACE_OR_PUNCTUATION = /[\n\r\p{Z}\p{P}]+/u;
export const tokenize = (text: string): string[] => text.split(SPACE_OR_PUNCTUATION);

export const SEARCH_OPTIONS: SearchOptions = {
  boost: FIELD_BOOSTS,
  // Only the word being typed is a prefix; the words before it are finished.
  prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 2,
  fuzzy: (term) => fuzzyDistance(term),
  combineWith: 'AND',
  // BM25 without length normalisation (b = 0): per-document field lengths
  // would add some 40 bytes per document to every shard that names it, five
  // times the postings themselves; saturation (k) still keeps a long text
  // that repeats a word from swamping a short one that has it in its title.
  bm25: { k: 1.2, b: 0, d: 0.5 },
  // A word completed from the one typed, or one a typo away, counts for less than the word itself.
  weights: { prefix: 0.375, fuzzy: 0.45 },
  maxFuzzy: 6,
  // Query terms are only normalised: which words a query drops is the query's business (see query.ts).
  processTerm: (term) => normalizeTerm(term) || null,
};

export const INDEX_OPTIONS: Options<SearchDocument> = {
  idField: 'id',
  fields: [...SEARCH_FIELDS],
  storeFields: [],
  tokenize,
  processTerm: indexTerm,
  searchOptions: SEARCH_OPTIONS,
};

/**
 * Terms are split into shards by their first letters, so a query fetches
 * only the shards of the words it contains. Fuzzy matching stays within the
 * shard: a typo in the first two letters is not forgiven.
 */
export const SHARD_PREFIX_MIN = 2;

/** A shard key as a file name: ASCII letters and digits as they are, anything else as `_` and hex. */
export function shardFileName(key: string): string {
  return [...key].map((c) => (/^[a-z0-9]$/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}`)).join('');
}

/** Where the search files live on the site. */
export const SEARCH_BASE = '/search/';
export const manifestPath = () => `${SEARCH_BASE}manifest.json`;
export const shardPath = (key: string) => `${SEARCH_BASE}terms/${shardFileName(key)}.json`;
export const resultPath = (n: number) => `${SEARCH_BASE}doc/${n}.json`;
