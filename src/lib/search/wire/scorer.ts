/**
 * Scoring a query over decoded shards, as MiniSearch would score it over the
 * whole index (same BM25, boosts, prefix and typo weights, same results and
 * scores: a unit test holds the two side by side), but built for speed at
 * tens of thousands of documents: scores add up in typed arrays indexed by
 * document number, with no object per posting, and only the results shown
 * become objects. A word found in every document costs a pass over its
 * postings, well under a millisecond.
 */
import { KINDS, type Kind } from '../../content/ids';
import type { DecodedShard, FieldPostings, SearchManifest } from './types';
import { SEARCH_FIELDS, SEARCH_OPTIONS, type SearchField } from './options';

/** One word of a query, as MiniSearch's query spec: matched as typed, and maybe as a prefix and within a typo distance. */
export interface TermSpec {
  term: string;
  prefix: boolean;
  /** Largest edit distance forgiven; 0 for none. */
  fuzzy: number;
}

/** A word of the index that a query word matched, and how much it counts. */
interface Derived {
  spec: number;
  term: string;
  weight: number;
  postings: FieldPostings[];
}

export interface ScoredHit {
  n: number;
  kind: Kind;
  stub: boolean;
  score: number;
  /** Index terms matched, each with the fields it matched in. */
  match: Record<string, string[]>;
}

export interface Selection {
  /** Results per kind, and `all`. */
  counts: Record<Kind | 'all', number>;
  /** The best `limit` results of the chosen kind: written items first, by score, then by number. */
  hits: ScoredHit[];
}

/** Up to this many results asked for, they are picked in one pass without sorting them all. */
const PARTIAL_SORT_LIMIT = 200;

/** A query can have at most this many words (one bit each in a 32-bit mask); later words are ignored. */
export const MAX_QUERY_WORDS = 32;

const { k, d } = { k: 1.2, d: 0.5, ...SEARCH_OPTIONS.bm25 };
const { prefix: PREFIX_WEIGHT, fuzzy: FUZZY_WEIGHT } = { prefix: 0.375, fuzzy: 0.45, ...SEARCH_OPTIONS.weights };

/**
 * Per-document accumulators for one index (one manifest), reused by every
 * query. Not reentrant: one query at a time, which JavaScript guarantees as
 * long as scoring never awaits.
 */
export class Scorer {
  private readonly kindOf: Uint8Array;
  private readonly stubOf: Uint8Array;
  private readonly score: Float64Array;
  /** Which query words each document matched, one bit per word. */
  private readonly mask: Uint32Array;
  /** The query a slot was last written by; older slots count as empty, so nothing is cleared between queries. */
  private readonly stamp: Uint32Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private epoch = 0;
  private derived: Derived[] = [];
  private specs: TermSpec[] = [];
  private fields: [fieldId: number, name: SearchField, boost: number][] = [];

  constructor(private readonly manifest: Pick<SearchManifest, 'documentCount' | 'nextId' | 'fieldIds' | 'kinds'>) {
    const size = manifest.nextId;
    this.kindOf = new Uint8Array(size);
    this.stubOf = new Uint8Array(size);
    for (let n = 0; n < size; n++) {
      const code = manifest.kinds[n] ?? 'n';
      const lower = code.toLowerCase();
      this.kindOf[n] = lower === 'p' ? 1 : lower === 'l' ? 2 : 0;
      this.stubOf[n] = code === lower ? 0 : 1;
    }
    this.score = new Float64Array(size);
    this.mask = new Uint32Array(size);
    this.stamp = new Uint32Array(size);
    this.touched = new Int32Array(size);
  }

  /**
   * Starts a query: scores the words as typed and, for a prefix word, every
   * word it starts. `fields` limits the fields searched (all by default).
   */
  begin(shards: readonly DecodedShard[], specs: TermSpec[], fields: readonly SearchField[] = SEARCH_FIELDS): void {
    this.epoch = (this.epoch + 1) >>> 0 || 1;
    this.touchedCount = 0;
    this.derived = [];
    this.specs = specs.slice(0, MAX_QUERY_WORDS);
    this.fields = fields.map((name) => [this.manifest.fieldIds[name], name, SEARCH_OPTIONS.boost?.[name] ?? 1]);
    this.specs.forEach((spec, i) => {
      for (const shard of shards) {
        const at = lowerBound(shard.terms, spec.term);
        if (shard.terms[at] === spec.term) this.add(i, spec.term, 1, shard.postings[at]);
      }
      if (!spec.prefix) return;
      for (const shard of shards) {
        for (let at = lowerBound(shard.terms, spec.term); at < shard.terms.length && shard.terms[at].startsWith(spec.term); at++) {
          const term = shard.terms[at];
          const distance = term.length - spec.term.length;
          if (distance) this.add(i, term, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance), shard.postings[at]);
        }
      }
    });
  }

  /** Adds the words within each word's typo distance (words it is a prefix of are already counted as such). */
  addFuzzy(shards: readonly DecodedShard[]): void {
    this.specs.forEach((spec, i) => {
      if (!spec.fuzzy) return;
      for (const shard of shards) {
        fuzzyMatches(shard.terms, spec.term, spec.fuzzy, (at, distance) => {
          const term = shard.terms[at];
          if (spec.prefix && term.startsWith(spec.term)) return;
          this.add(i, term, (FUZZY_WEIGHT * term.length) / (term.length + distance), shard.postings[at]);
        });
      }
    });
  }

  /** Documents that matched every word (`and`) or any (`or`). */
  count(combine: 'and' | 'or'): number {
    const full = this.fullMask();
    let count = 0;
    for (let i = 0; i < this.touchedCount; i++) {
      const m = this.mask[this.touched[i]];
      if (combine === 'or' || m === full) count++;
    }
    return count;
  }

  /** The counts per kind and the best `limit` results of `kind`. */
  select(combine: 'and' | 'or', kind: Kind | 'all', limit: number): Selection {
    const counts = Object.fromEntries([['all', 0], ...KINDS.map((k) => [k, 0])]) as Selection['counts'];
    const full = this.fullMask();
    const quality = this.distinctWords();
    const wanted = kind === 'all' ? -1 : KINDS.indexOf(kind);
    // Few results wanted (a page): keep the best so far in order, a document
    // entering only if it beats the last. Many: gather them all and sort once.
    const partial = limit <= PARTIAL_SORT_LIMIT;
    const top: number[] = [];
    const topScore: number[] = [];
    const scores = new Map<number, number>();
    for (let i = 0; i < this.touchedCount; i++) {
      const n = this.touched[i];
      const m = this.mask[n];
      if (combine === 'and' && m !== full) continue;
      counts.all++;
      counts[KINDS[this.kindOf[n]]]++;
      if (wanted >= 0 && this.kindOf[n] !== wanted) continue;
      const score = this.score[n] * quality(m);
      if (!partial) {
        top.push(n);
        scores.set(n, score);
        continue;
      }
      if (top.length >= limit && !this.before(n, score, top[top.length - 1], topScore[topScore.length - 1])) continue;
      let lo = 0;
      let hi = top.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.before(n, score, top[mid], topScore[mid])) hi = mid;
        else lo = mid + 1;
      }
      top.splice(lo, 0, n);
      topScore.splice(lo, 0, score);
      if (top.length > limit) {
        top.pop();
        topScore.pop();
      }
    }
    if (!partial) {
      top.sort((a, b) => (this.before(a, scores.get(a)!, b, scores.get(b)!) ? -1 : 1));
      top.length = Math.min(top.length, limit);
      for (const n of top) topScore.push(scores.get(n)!);
    }
    const hits = top.map((n, i) => ({ n, kind: KINDS[this.kindOf[n]], stub: this.stubOf[n] === 1, score: topScore[i], match: this.matchOf(n) }));
    return { counts, hits };
  }

  /** Written items before stubs, then by score, then by number (so results never shuffle). */
  private before(a: number, scoreA: number, b: number, scoreB: number): boolean {
    if (this.stubOf[a] !== this.stubOf[b]) return this.stubOf[a] < this.stubOf[b];
    if (scoreA !== scoreB) return scoreA > scoreB;
    return a < b;
  }

  private fullMask(): number {
    return 2 ** this.specs.length - 1;
  }

  /**
   * A result's score is multiplied by the number of distinct query words it
   * matched (MiniSearch's "quality"); a word typed twice counts once.
   */
  private distinctWords(): (mask: number) => number {
    const first = this.specs.map((s) => this.specs.findIndex((t) => t.term === s.term));
    if (first.every((f, i) => f === i)) return popcount;
    return (mask) => {
      let seen = 0;
      for (let i = 0; i < first.length; i++) if (mask & (1 << i)) seen |= 1 << first[i];
      return popcount(seen);
    };
  }

  private add(spec: number, term: string, termWeight: number, postings: FieldPostings[]): void {
    this.derived.push({ spec, term, weight: termWeight, postings });
    const bit = 1 << spec;
    const N = this.manifest.documentCount;
    const { score, mask, stamp, touched, epoch } = this;
    for (const [fieldId, , boost] of this.fields) {
      const field = postings.find((p) => p.field === fieldId);
      if (!field) continue;
      const { docs, freqs } = field;
      const df = docs.length;
      const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
      const weight = termWeight * boost;
      for (let j = 0; j < df; j++) {
        const n = docs[j];
        const tf = freqs[j];
        // BM25 without length normalisation (see SEARCH_OPTIONS.bm25): field lengths are not shipped.
        const s = weight * (idf * (d + (tf * (k + 1)) / (tf + k)));
        if (stamp[n] !== epoch) {
          stamp[n] = epoch;
          score[n] = s;
          mask[n] = bit;
          touched[this.touchedCount++] = n;
        } else {
          score[n] += s;
          mask[n] |= bit;
        }
      }
    }
  }

  /** Which index terms matched a document, in which fields: worked out only for the results shown. */
  private matchOf(n: number): Record<string, string[]> {
    const match: Record<string, string[]> = {};
    for (const { term, postings } of this.derived) {
      if (match[term]) continue;
      const fields: string[] = [];
      for (const [fieldId, name] of this.fields) {
        const field = postings.find((p) => p.field === fieldId);
        if (field && includes(field.docs, n)) fields.push(name);
      }
      if (fields.length) match[term] = fields;
    }
    return match;
  }
}

function popcount(x: number): number {
  let c = 0;
  for (; x; x &= x - 1) c++;
  return c;
}

/** The first position in sorted `items` not before `value` (terms by code unit, document numbers by value). */
function lowerBound<T extends string | number>(items: ArrayLike<T>, value: T): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const includes = (docs: Int32Array, n: number) => docs[lowerBound(docs as ArrayLike<number>, n)] === n;

/**
 * Calls `found(position, distance)` for each of the sorted `terms` within
 * `maxDistance` edits (Levenshtein) of `query`, other than the query itself.
 * As MiniSearch does on its radix tree, the rows of the edit-distance matrix
 * are shared by terms with a common start, and a start already too far from
 * the query rules out every term that begins with it.
 */
export function fuzzyMatches(terms: readonly string[], query: string, maxDistance: number, found: (position: number, distance: number) => void): void {
  const n = query.length + 1;
  const m = n + maxDistance;
  // Cells outside the diagonal band are never written and stay "too far".
  const matrix = new Uint8Array(m * n).fill(maxDistance + 1);
  for (let j = 0; j < n; j++) matrix[j] = j;
  for (let i = 1; i < m; i++) matrix[i * n] = i;
  let previous = '';
  /** Rows computed for `previous`, and from which row on it is too far (or `Infinity`). */
  let rows = 0;
  let deadFrom = Infinity;
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t];
    let common = 0;
    const limit = Math.min(rows, term.length, previous.length);
    while (common < limit && term.charCodeAt(common) === previous.charCodeAt(common)) common++;
    if (common >= deadFrom) continue; // Starts with a start already too far.
    deadFrom = Infinity;
    previous = term;
    rows = common;
    let dead = false;
    for (let i = common + 1; i <= term.length && i < m; i++) {
      const c = term.charCodeAt(i - 1);
      const row = n * i;
      const prev = row - n;
      let min = matrix[row];
      const jmin = Math.max(0, i - maxDistance - 1);
      const jmax = Math.min(n - 1, i + maxDistance);
      for (let j = jmin; j < jmax; j++) {
        const rpl = matrix[prev + j] + (c === query.charCodeAt(j) ? 0 : 1);
        const del = matrix[prev + j + 1] + 1;
        const ins = matrix[row + j] + 1;
        const dist = (matrix[row + j + 1] = Math.min(rpl, del, ins));
        if (dist < min) min = dist;
      }
      rows = i;
      if (min > maxDistance) {
        deadFrom = i;
        dead = true;
        break;
      }
    }
    // A term longer than any match still leaves its rows for the next terms.
    if (dead || term.length >= m) continue;
    const distance = matrix[n * term.length + n - 1];
    if (distance > 0 && distance <= maxDistance) found(t, distance);
  }
}
