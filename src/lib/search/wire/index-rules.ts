/**
 * The one place the search index is defined. The build writes the index with
 * these rules and the browser reads it back with the same ones, so a field, a
 * boost or a term rule can never differ between the two.
 */
import { stemmer } from 'stemmer';
import type { Kind } from '../../content/ids';

/**
 * What each search document carries. A page is one document (its title,
 * aliases, tags, file path, claim, summary and the text before its first
 * heading) and each of its sections another (the heading and the text up to
 * the next one), so that a result can be "Page › Heading". `id` encodes kind,
 * stub and number (see {@link searchId}).
 */
export interface SearchDocument {
  id: string;
  title: string;
  aliases: string;
  tags: string;
  /** The words of the item's file path that its title does not have: "algo", "Leaky bucket". */
  path: string;
  claim: string;
  summary: string;
  headings: string;
  body: string;
}

export const SEARCH_FIELDS = ['title', 'aliases', 'tags', 'path', 'claim', 'summary', 'headings', 'body'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/**
 * Every weight of the ranking, in one place (read by the build, which bakes
 * length normalisation into the postings, and by the browser's scorer).
 * Tuned on the relevance set in tests/fixtures/search-relevance (see
 * `npm run search-relevance`).
 */
export const RANKING = {
  /**
   * How much a match in each field counts. Aliases and tags are other names
   * of the item and weigh like its title; a heading names a section and
   * weighs more than the text under it.
   */
  boost: { title: 6, aliases: 6, tags: 6, path: 4, claim: 3, summary: 2, headings: 3, body: 1 } satisfies Record<SearchField, number>,
  /** BM25 saturation: the fifth occurrence of a word adds little. */
  k: 1.2,
  /** BM25+ floor: any occurrence counts this much, however long the text. */
  d: 0.5,
  /**
   * BM25 length normalisation per field (0 none, 1 full): a word in a short
   * text says more than in a long one. Baked into the postings at build time
   * (see `IMPACT_LEVELS`), so no field lengths travel to the browser.
   */
  b: { title: 0.3, aliases: 0.3, tags: 0.3, path: 0.3, claim: 0.5, summary: 0.5, headings: 0.5, body: 0.75 } satisfies Record<SearchField, number>,
  /** A word of the same stem as the one typed ("models" for "model"): exact matches rank above. */
  stem: 0.7,
  /** The word being typed, completed ("warmth" for "warm"), per letter added: weight × length / (length + 0.3 × added). */
  prefix: 0.375,
  /** A word a typo or two away ("warmht"); only when exact words find fewer than `FUZZY_BELOW` results. */
  fuzzy: 0.45,
  maxFuzzy: 6,
  /** A page's score: its own, its best section's, and this share of each other matching section's. */
  otherSections: 0.3,
  /** A section shows under its page if it scores at least this share of the page's best section. */
  sectionShown: 0.5,
  /** At most this many sections show under a page. */
  sectionsShown: 2,
};

/**
 * A posting's term-frequency factor, BM25's `tf·(k+1) / (tf + k·(1 − b + b·len/avg))`,
 * is shipped as one digit from 1 to `IMPACT_LEVELS` (its share of `k+1`),
 * computed at build time where field lengths are known. It takes the place
 * of the raw count: the same bytes, and length normalisation for free.
 */
export const IMPACT_LEVELS = 9;

/** A page has at most this many sections; the text of later headings counts as the last one's. */
export const MAX_SECTIONS = 35;

/** A posting's character in `Postings`: its step past the previous place on the page and its impact, from `0` on. */
export const postingValue = (step: number, impact: number) => String.fromCharCode(VALUE_ZERO + step * PLACE_FACTOR + impact);
export const VALUE_ZERO = 0x30;
export const PLACE_FACTOR = 10;

/** The impact digit of `tf` occurrences in a field `length` words long, where that field averages `average`. */
export function impactOf(tf: number, length: number, average: number, b: number): number {
  const { k } = RANKING;
  const norm = 1 - b + (b * length) / (average || 1);
  const factor = (tf * (k + 1)) / (tf + k * norm);
  return Math.min(IMPACT_LEVELS, Math.max(1, Math.round((IMPACT_LEVELS * factor) / (k + 1))));
}

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

/**
 * A section's id while the build indexes: `s`, its number (sections are
 * numbered after every page) and its page's number, e.g. `s40-3`. The files
 * name a section by its page and place instead (see `Postings`).
 */
export const sectionId = (n: number, page: number) => `s${n}-${page}`;
export const SECTION_CODE = 's';

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

/** Longer "words" in a spaced script are hashes, URLs or base64, never something a reader types. */
export const MAX_TERM_LENGTH = 32;

/**
 * Scripts written without spaces between words. A run of them is split into
 * words by `Intl.Segmenter` (built into Node and every current browser), so
 * "模型" is found inside 温暖训练使语言模型…, and a word of one of them may
 * be a single character (猫, 都).
 */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
export const isUnspaced = (term: string) => UNSPACED.test(term);

/** The fewest characters a word needs to be indexed or searched: two, or one in a script without spaces. */
export const shortestTerm = (term: string) => (isUnspaced(term) ? 1 : 2);

/** Case and accents do not matter: "Résumé" is found by "resume". */
export function normalizeTerm(term: string): string {
  return term.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * A normalised word's stem, by the Porter stemmer (English): "models" and
 * "modelling" are "model". Words with other letters than a–z are their own stem.
 */
export function stemOf(term: string): string {
  return term.length > 2 && /^[a-z]+$/.test(term) ? stemmer(term) : term;
}

/** Whether a normalised word can be a term at all (long enough; in a spaced script, not too long). */
export function isTermLength(term: string): boolean {
  const length = [...term].length;
  if (isUnspaced(term)) return length >= 1;
  return length >= 2 && length <= MAX_TERM_LENGTH;
}

/** The term a word of a text is indexed under, or null for a word not indexed (too short or long, a stop word). */
export function indexTerm(term: string): string | null {
  const t = normalizeTerm(term);
  if (!isTermLength(t) || isStopWord(t)) return null;
  return t;
}

/**
 * Fuzzy distance by term length: none below 4 letters (too many false
 * friends), 1 for 4–5, 2 from 6 on, so that a swapped pair ("warmht") is found.
 * None in scripts without spaces, where a word of four characters is already long.
 */
export function fuzzyDistance(term: string): number | false {
  if (term.length < 4 || isUnspaced(term)) return false;
  return term.length < 6 ? 1 : 2;
}

/** A word of a text and where it stands (code-unit offsets). */
export interface WordAt {
  word: string;
  start: number;
  end: number;
}

/** Anything but spaces and punctuation: MiniSearch's own rule for a word, spelt out so the browser needs nothing of MiniSearch. */
const NOT_SPACE_OR_PUNCTUATION = /[^\n\r\p{Z}\p{P}]+/gu;
let segmenter: Intl.Segmenter | undefined;

/**
 * The words of a text, in order: split at spaces and punctuation, and a run
 * in a script without spaces split again by `Intl.Segmenter` (only those
 * runs: segmenting English costs some 5 µs a word, twenty times the split).
 * No run is dropped for its length.
 */
export function wordsOf(text: string): WordAt[] {
  const out: WordAt[] = [];
  for (const m of text.matchAll(NOT_SPACE_OR_PUNCTUATION)) {
    const piece = m[0];
    if (!UNSPACED.test(piece)) {
      out.push({ word: piece, start: m.index, end: m.index + piece.length });
      continue;
    }
    segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
    for (const s of segmenter.segment(piece)) {
      if (s.isWordLike) out.push({ word: s.segment, start: m.index + s.index, end: m.index + s.index + s.segment.length });
    }
  }
  return out;
}

const SPACE_OR_PUNCTUATION = /[\n\r\p{Z}\p{P}]+/u;

/** The words of a text (as `wordsOf`, without places): a text with no run to segment is split at once, as fast as before segmenting. */
export const tokenize = (text: string): string[] => (UNSPACED.test(text) ? wordsOf(text).map((w) => w.word) : text.split(SPACE_OR_PUNCTUATION).filter(Boolean));

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
