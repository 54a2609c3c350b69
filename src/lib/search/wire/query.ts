/**
 * What a query means and how its results read, shared by the browser and
 * the tests: which words are searched, the order of results, counts per
 * kind, and snippets with the matched words marked.
 */
import { KINDS, type Kind } from '../../content/ids';
import type { DecodedShard, RecordSection, SearchRecord } from './types';
import { fuzzyDistance, isStopWord, isTermLength, normalizeTerm, RANKING, searchId, stemOf, tokenize, wordsOf, type SearchField } from './index-rules';
import { MAX_QUERY_WORDS, type ScoredHit, type ScoredSection, type Scorer, type TermSpec } from './scorer';

/**
 * The words a query searches for, normalised. Single letters and stop words
 * are dropped, except that the last word keeps a stop word: "the" may be the
 * start of "theory" while the reader is still typing.
 */
export function queryTerms(query: string): string[] {
  // A paste of thousands of characters is searched by its start: the words after the first 32 are ignored anyway.
  const words = tokenize(query.slice(0, MAX_QUERY_LENGTH)).map(normalizeTerm).filter(isTermLength);
  const kept = words.filter((w, i) => i === words.length - 1 || !isStopWord(w));
  // A word typed twice is searched once (a paste that repeats itself costs one word).
  return kept.filter((w, i) => kept.indexOf(w, i + 1) < 0).slice(0, MAX_QUERY_WORDS);
}

/** Characters of a query read; the rest of a long paste is ignored. */
export const MAX_QUERY_LENGTH = 1000;

export interface SearchHit extends ScoredHit {
  id: string;
}

export type KindFilter = Kind | 'all';

export interface SearchOutcome {
  terms: string[];
  /** `all`: every word matched; `any`: no item has every word, so items with some of them. */
  mode: 'all' | 'any';
  /** The first results of the chosen kind (as many as asked for), best first. */
  hits: SearchHit[];
  /** How many results the chosen kind has in all. */
  total: number;
  /** How many results each kind has, whatever the filter. */
  counts: Record<KindFilter, number>;
  /** When nothing matches: the titles closest to what was typed. */
  suggestions: SearchHit[];
}

/** Fewer exact results than this, and typos are forgiven too. */
export const FUZZY_BELOW = 5;

/** The shards a query needs, loaded, and the scorer of their index. */
export interface LoadedIndex {
  scorer: Scorer;
  shards: readonly DecodedShard[];
}

const withId = (hit: ScoredHit): SearchHit => ({ ...hit, id: searchId(hit.kind, hit.stub, hit.n) });

/** The words as the scorer's specs: the word being typed is a prefix; typos by `fuzzyDistance`. */
function termSpecs(terms: string[]): TermSpec[] {
  return terms.map((term, i) => ({
    term,
    prefix: i === terms.length - 1 ? RANKING.prefix : 0,
    fuzzy: Math.min(RANKING.maxFuzzy, fuzzyDistance(term) || 0),
  }));
}

/**
 * Runs a query: every word must match (else any word), the word being typed
 * as a prefix; typos are forgiven only when the words as typed find little,
 * since fuzzy matching of a common word would bury its exact matches under
 * thousands of near-misses. Returns the first `limit` results of `kind`.
 */
export function runQuery({ scorer, shards }: LoadedIndex, query: string, kind: KindFilter = 'all', limit = Infinity): SearchOutcome {
  const terms = queryTerms(query);
  if (terms.length === 0) {
    const counts = Object.fromEntries([['all', 0], ...KINDS.map((k) => [k, 0])]) as Record<KindFilter, number>;
    return { terms, mode: 'all', hits: [], total: 0, counts, suggestions: [] };
  }
  scorer.begin(shards, termSpecs(terms));
  // The typo pass adds to the exact one's scores rather than starting over.
  if (scorer.count('and') < FUZZY_BELOW) scorer.addFuzzy(shards);
  const mode: SearchOutcome['mode'] = scorer.count('and') === 0 && terms.length > 1 ? 'any' : 'all';
  const { counts, hits } = scorer.select(mode === 'all' ? 'and' : 'or', kind, limit);
  const suggestions = counts.all === 0 ? closestTitles({ scorer, shards }, terms) : [];
  return { terms, mode, hits: hits.map(withId), total: counts[kind], counts, suggestions };
}

const TITLE_FIELDS: SearchField[] = ['title', 'aliases'];

/** Titles that look like the query, with a looser notion of a typo than the main search. */
export function closestTitles({ scorer, shards }: LoadedIndex, terms: string[], limit = 5): SearchHit[] {
  const specs = terms.map((term) => ({ term, prefix: RANKING.prefix, fuzzy: term.length >= 3 ? Math.min(3, Math.round(term.length * 0.4)) : 0 }));
  scorer.begin(shards, specs, TITLE_FIELDS);
  scorer.addFuzzy(shards);
  return scorer.select('or', 'all', limit).hits.map(withId);
}

export type Range = [start: number, end: number];

/** Where the matched terms stand in a text (its words found and compared the way the index finds and compares them). */
export function matchRanges(text: string, terms: Iterable<string>): Range[] {
  const wanted = new Set(terms);
  const ranges: Range[] = [];
  for (const { word, start, end } of wordsOf(text)) {
    if (wanted.has(normalizeTerm(word))) ranges.push([start, end]);
  }
  return ranges;
}

export interface Snippet {
  text: string;
  highlights: Range[];
}

/**
 * The window of `text` about `length` characters long holding the most
 * distinct matched terms, cut at word boundaries and marked with ellipses.
 */
export function snippet(text: string, terms: Iterable<string>, length = 180): Snippet | undefined {
  const ranges = matchRanges(text, terms);
  if (ranges.length === 0) return undefined;
  let best = { start: ranges[0][0], score: -1 };
  for (let i = 0; i < ranges.length; i++) {
    const start = ranges[i][0];
    const seen = new Set<string>();
    for (let j = i; j < ranges.length && ranges[j][1] <= start + length; j++) seen.add(normalizeTerm(text.slice(...ranges[j])));
    if (seen.size > best.score) best = { start, score: seen.size };
  }
  // Some words of context before the first match.
  let from = Math.max(0, best.start - Math.floor(length / 4));
  if (from > 0) {
    const space = text.indexOf(' ', from);
    from = space >= 0 && space < best.start ? space + 1 : best.start;
  }
  let to = Math.min(text.length, from + length);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > best.start) to = space;
  }
  const prefix = from > 0 ? '…' : '';
  const shift = prefix.length - from;
  return {
    text: prefix + text.slice(from, to).trim() + (to < text.length ? '…' : ''),
    highlights: ranges.filter(([s, e]) => s >= from && e <= to).map(([s, e]) => [s + shift, e + shift] as Range),
  };
}

/** The text shown under a result's title: where the words matched, else the claim or summary. */
export function resultSnippet(record: SearchRecord, hit: Pick<SearchHit, 'match'>): Snippet | undefined {
  const terms = Object.keys(hit.match);
  const fields = new Set(Object.values(hit.match).flat());
  const sources: [string, string | undefined][] = [
    ['claim', record.claim],
    ['summary', record.summary],
    ['body', record.text],
  ];
  for (const [field, text] of sources) {
    if (text && fields.has(field)) {
      const found = snippet(text, terms);
      if (found) return found;
    }
  }
  const fallback = record.claim ?? record.summary ?? record.text;
  if (!fallback) return undefined;
  return snippet(fallback, terms) ?? { text: fallback.length > 180 ? fallback.slice(0, fallback.lastIndexOf(' ', 180)) + '…' : fallback, highlights: [] };
}

/** The text of a page's section, from its record (empty when the record's text was cut before it). */
export function sectionText(record: SearchRecord, index: number): string {
  const sections: RecordSection[] = record.sections ?? [];
  const at = sections[index]?.at;
  if (at === undefined) return '';
  const end = sections.slice(index + 1).find((s) => s.at !== undefined)?.at ?? record.text.length;
  return record.text.slice(at, end).trim();
}

/** The text shown under a section result: where its words matched, else its start. */
export function sectionSnippet(record: SearchRecord, section: Pick<ScoredSection, 'index' | 'match'>): Snippet | undefined {
  const text = sectionText(record, section.index);
  if (!text) return undefined;
  return snippet(text, Object.keys(section.match)) ?? { text: text.length > 180 ? text.slice(0, text.lastIndexOf(' ', 180)) + '…' : text, highlights: [] };
}

/** The URL parameter that carries a query to the page a result opens, whose words the page then marks. */
export const HIGHLIGHT_PARAM = 'highlight';

/** `path` (maybe with a `#heading`) with the query carried along, as a result opens it. */
export function highlightUrl(path: string, query: string): string {
  const q = query.trim();
  if (!q) return path;
  const hash = path.indexOf('#');
  const [base, anchor] = hash >= 0 ? [path.slice(0, hash), path.slice(hash)] : [path, ''];
  return `${base}${base.includes('?') ? '&' : '?'}${HIGHLIGHT_PARAM}=${encodeURIComponent(q).replace(/%20/g, '+')}${anchor}`;
}

/**
 * Where a query's words stand in a page's text, as search matched them: the
 * word itself, another word of its stem, or for the last word (maybe still
 * being typed) a word it starts.
 */
export function highlightRanges(text: string, query: string): Range[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const exact = new Set(terms);
  const stems = new Set(terms.map(stemOf));
  const last = terms[terms.length - 1];
  const ranges: Range[] = [];
  for (const { word, start, end } of wordsOf(text)) {
    const w = normalizeTerm(word);
    if (exact.has(w) || w.startsWith(last) || stems.has(stemOf(w))) ranges.push([start, end]);
  }
  return ranges;
}
