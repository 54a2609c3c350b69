/**
 * What a query means and how its results read, shared by the browser and
 * the tests: which words are searched, the order of results, counts per
 * kind, and snippets with the matched words marked.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { KINDS, type Kind } from '../slug';
import type { SearchRecord } from './documents';
import { isStopWord, normalizeTerm, parseSearchId, SHARD_PREFIX_MIN, type SearchDocument } from './options';

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/**
 * The words a query searches for, normalised. Single letters and stop words
 * are dropped, except that the last word keeps a stop word: "the" may be the
 * start of "theory" while the reader is still typing.
 */
export function queryTerms(query: string): string[] {
  const words = tokenize(query).map(normalizeTerm).filter((w) => [...w].length >= SHARD_PREFIX_MIN);
  return words.filter((w, i) => i === words.length - 1 || !isStopWord(w));
}

export interface SearchHit {
  id: string;
  n: number;
  kind: Kind;
  stub: boolean;
  score: number;
  /** Index terms matched, each with the fields it matched in. */
  match: Record<string, string[]>;
}

export type KindFilter = Kind | 'all';

export interface SearchOutcome {
  terms: string[];
  /** `all`: every word matched; `any`: no item has every word, so items with some of them. */
  mode: 'all' | 'any';
  /** Results of the chosen kind, best first. */
  hits: SearchHit[];
  /** How many results each kind has, whatever the filter. */
  counts: Record<KindFilter, number>;
  /** When nothing matches: the titles closest to what was typed. */
  suggestions: SearchHit[];
}

const toHit = (r: SearchResult): SearchHit => {
  const { kind, stub, n } = parseSearchId(String(r.id));
  return { id: String(r.id), n, kind, stub, score: r.score, match: r.match };
};

/**
 * Written items first, stubs (referenced, not written yet) after them; by
 * score within each; equal scores keep the stable id order, so results never
 * shuffle between runs.
 */
const byScore = (a: SearchHit, b: SearchHit) => Number(a.stub) - Number(b.stub) || b.score - a.score || a.n - b.n;

/** Fewer exact results than this, and the query is run again forgiving typos. */
export const FUZZY_BELOW = 5;

export function runQuery(index: MiniSearch<SearchDocument>, query: string, kind: KindFilter = 'all'): SearchOutcome {
  const terms = queryTerms(query);
  const counts = Object.fromEntries([['all', 0], ...KINDS.map((k) => [k, 0])]) as Record<KindFilter, number>;
  if (terms.length === 0) return { terms, mode: 'all', hits: [], counts, suggestions: [] };
  const text = terms.join(' ');
  let mode: SearchOutcome['mode'] = 'all';
  // Typos are forgiven only when the words as typed find little: fuzzy
  // matching of a common word would bury its exact matches under thousands
  // of near-misses, and cost most of a query's time.
  let all = index.search(text, { fuzzy: false }).map(toHit);
  if (all.length < FUZZY_BELOW) all = index.search(text).map(toHit);
  if (all.length === 0 && terms.length > 1) {
    mode = 'any';
    all = index.search(text, { combineWith: 'OR' }).map(toHit);
  }
  all.sort(byScore);
  for (const hit of all) {
    counts.all++;
    counts[hit.kind]++;
  }
  const hits = kind === 'all' ? all : all.filter((h) => h.kind === kind);
  const suggestions = all.length === 0 ? closestTitles(index, text) : [];
  return { terms, mode, hits, counts, suggestions };
}

/** Titles that look like the query, with a looser notion of a typo than the main search. */
export function closestTitles(index: MiniSearch<SearchDocument>, text: string, limit = 5): SearchHit[] {
  return index
    .search(text, {
      fields: ['title', 'aliases'],
      combineWith: 'OR',
      prefix: true,
      fuzzy: (term) => (term.length >= 3 ? 0.4 : false),
      maxFuzzy: 3,
    })
    .map(toHit)
    .sort(byScore)
    .slice(0, limit);
}

export type Range = [start: number, end: number];

const WORD = /[\p{L}\p{N}]+/gu;

/** Where the matched terms stand in a text (compared the way the index compares words). */
export function matchRanges(text: string, terms: Iterable<string>): Range[] {
  const wanted = new Set(terms);
  const ranges: Range[] = [];
  for (const m of text.matchAll(WORD)) {
    if (wanted.has(normalizeTerm(m[0]))) ranges.push([m.index, m.index + m[0].length]);
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
