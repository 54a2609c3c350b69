/**
 * Scoring a query over decoded shards, built for speed at tens of thousands
 * of documents: scores add up in typed arrays indexed by document number,
 * with no object per posting, and only the results shown become objects. A
 * word found in every document costs a pass over its postings, well under a
 * millisecond.
 *
 * The score is BM25+ with per-field boosts, the term-frequency factor read
 * from the postings' impacts (length-normalised at build time), the idf of
 * each field's postings, and weights for words derived from the one typed
 * (same stem, completed, a typo away): every weight is in `RANKING`. Pages
 * and their sections are scored as documents of their own, then each
 * section's score is folded into its page's (`select`).
 */
import { KINDS, type Kind } from '../../content/ids';
import type { DecodedShard, FieldPostings, SearchManifest } from './types';
import { IMPACT_LEVELS, MAX_SECTIONS, RANKING, SEARCH_FIELDS, SHARD_PREFIX_MIN, stemOf, type SearchField } from './index-rules';

/** One word of a query: matched as typed, by stem, maybe as a prefix and within a typo distance. */
export interface TermSpec {
  term: string;
  /** Weight of the words the term starts (0: none). */
  prefix: number;
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

export interface ScoredSection {
  /** The section's place among its page's sections (an index into the record's `sections`). */
  index: number;
  score: number;
  /** Index terms matched in the section, each with the fields it matched in. */
  match: Record<string, string[]>;
}

export interface ScoredHit {
  /** The page's number (its record's). */
  n: number;
  kind: Kind;
  stub: boolean;
  score: number;
  /** Index terms matched anywhere on the page, each with the fields it matched in. */
  match: Record<string, string[]>;
  /** The page's best sections, best first (at most `RANKING.sectionsShown`). */
  sections: ScoredSection[];
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

const { k, d } = RANKING;

/** Stems of the index's words, worked out once per word however many queries meet it. */
const stems = new Map<string, string>();
const stemCached = (term: string) => stems.get(term) ?? (stems.set(term, stemOf(term)), stems.get(term)!);

/**
 * Per-page accumulators for one index (one manifest), reused by every query,
 * and per-section ones made as sections are met (a section is named by its
 * page and place, so nothing about sections is loaded up front). Not
 * reentrant: one query at a time, which JavaScript guarantees as long as
 * scoring never awaits.
 */
export class Scorer {
  private readonly kindOf: Uint8Array;
  private readonly stubOf: Uint8Array;
  /** A page's own score (its title, claim… and the text before its first heading). */
  private readonly score: Float64Array;
  /** Which query words each page matched, on itself or in a section, one bit per word. */
  private readonly mask: Uint32Array;
  /** The query a slot was last written by; older slots count as empty, so nothing is cleared between queries. */
  private readonly stamp: Uint32Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  /**
   * Sections met by this query: a page whose sections are met gets `MAX_SECTIONS` slots in a row from
   * `slotBase` (section at place p in slot base + p − 1), each with its score and words.
   */
  private readonly slotBase: Int32Array;
  private readonly slotStamp: Uint32Array;
  private slotCount = 0;
  private slotScore = new Float64Array(MAX_SECTIONS * 256);
  private slotMask = new Uint32Array(MAX_SECTIONS * 256);
  /** Per page once folded: its score with its sections'. */
  private readonly pageScore: Float64Array;
  private folded = false;
  private epoch = 0;
  private derived: Derived[] = [];
  private specs: TermSpec[] = [];
  /** Per query word, the index words already counted for it (so a word is never counted twice). */
  private seen: Set<string>[] = [];
  private fields: [fieldId: number, name: SearchField, boost: number][] = [];

  constructor(private readonly manifest: Pick<SearchManifest, 'documentCount' | 'pages' | 'fieldIds' | 'kinds'>) {
    const size = manifest.pages;
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
    this.pageScore = new Float64Array(size);
    this.slotBase = new Int32Array(size);
    this.slotStamp = new Uint32Array(size);
  }

  /**
   * Starts a query: scores each word as typed, the words of its stem, and
   * for a prefix word every word it starts. `fields` limits the fields
   * searched (all by default).
   */
  begin(shards: readonly DecodedShard[], specs: TermSpec[], fields: readonly SearchField[] = SEARCH_FIELDS): void {
    this.epoch = (this.epoch + 1) >>> 0 || 1;
    this.touchedCount = 0;
    this.slotCount = 0;
    this.folded = false;
    this.derived = [];
    this.specs = specs.slice(0, MAX_QUERY_WORDS);
    this.seen = this.specs.map(() => new Set<string>());
    this.fields = fields.map((name) => [this.manifest.fieldIds[name], name, RANKING.boost[name] ?? 1]);
    this.specs.forEach((spec, i) => {
      for (const shard of shards) {
        const at = lowerBound(shard.terms, spec.term);
        if (shard.terms[at] === spec.term) this.add(i, spec.term, 1, shard.postings[at]);
      }
      const stem = stemOf(spec.term);
      if (/^[a-z]+$/.test(spec.term)) {
        // The words of a stem start with all of it but its last letter ("happi": "happy", "happiness").
        const start = stem.slice(0, Math.max(1, stem.length - 1));
        for (const shard of shards) {
          for (let at = lowerBound(shard.terms, start); at < shard.terms.length && shard.terms[at].startsWith(start); at++) {
            const term = shard.terms[at];
            if (term !== spec.term && stemCached(term) === stem) this.add(i, term, RANKING.stem, shard.postings[at]);
          }
        }
      }
      if (!spec.prefix) return;
      for (const shard of shards) {
        for (let at = lowerBound(shard.terms, spec.term); at < shard.terms.length && shard.terms[at].startsWith(spec.term); at++) {
          const term = shard.terms[at];
          const distance = term.length - spec.term.length;
          if (distance) this.add(i, term, (spec.prefix * term.length) / (term.length + 0.3 * distance), shard.postings[at]);
        }
      }
    });
  }

  /**
   * Adds the words within each word's typo distance (words already counted
   * for it are not counted again). A typo in the first two letters is not
   * forgiven: those letters choose the shards (see `SHARD_PREFIX_MIN`).
   */
  addFuzzy(shards: readonly DecodedShard[]): void {
    this.folded = false;
    this.specs.forEach((spec, i) => {
      if (!spec.fuzzy) return;
      for (const shard of shards) {
        const start = spec.term.slice(0, SHARD_PREFIX_MIN);
        fuzzyMatches(shard.terms, spec.term, spec.fuzzy, (at, distance) => {
          const term = shard.terms[at];
          if (!term.startsWith(start)) return;
          this.add(i, term, (RANKING.fuzzy * term.length) / (term.length + distance), shard.postings[at]);
        });
      }
    });
  }

  /** Pages that matched every word (`and`) or any (`or`), on the page or in its sections. */
  count(combine: 'and' | 'or'): number {
    if (combine === 'or') return this.touchedCount;
    const full = this.fullMask();
    let count = 0;
    for (let i = 0; i < this.touchedCount; i++) if (this.mask[this.touched[i]] === full) count++;
    return count;
  }

  /** The counts per kind and the best `limit` results of `kind`. */
  select(combine: 'and' | 'or', kind: Kind | 'all', limit: number): Selection {
    this.fold();
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
      const score = this.pageScore[n] * quality(m);
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
    const hits = top.map((n, i) => {
      const match = this.matchOf(n, 0);
      for (const place of this.sectionPlaces(n)) {
        for (const [term, fields] of Object.entries(this.matchOf(n, place))) match[term] = [...new Set([...(match[term] ?? []), ...fields])];
      }
      return { n, kind: KINDS[this.kindOf[n]], stub: this.stubOf[n] === 1, score: topScore[i], match, sections: this.bestSections(n) };
    });
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
   * A section's worth to its page: its score, times the share of the query's
   * words it holds, so a section with every word outweighs two with one each.
   */
  private sectionValue(slot: number): number {
    return (this.slotScore[slot] * popcount(this.slotMask[slot])) / Math.max(1, this.specs.length);
  }

  /**
   * Folds sections into their pages: a page scores its own score, plus its
   * best section's, plus `RANKING.otherSections` of each other one's. (Its
   * words, on it or in any section, are already in `mask`.)
   */
  private fold(): void {
    if (this.folded) return;
    this.folded = true;
    const { pageScore, slotMask } = this;
    for (let i = 0; i < this.touchedCount; i++) {
      const page = this.touched[i];
      let total = this.score[page];
      if (this.slotStamp[page] === this.epoch) {
        let best = 0;
        let sum = 0;
        const base = this.slotBase[page];
        for (let slot = base; slot < base + MAX_SECTIONS; slot++) {
          if (!slotMask[slot]) continue;
          const value = this.sectionValue(slot);
          sum += value;
          if (value > best) best = value;
        }
        total += best + RANKING.otherSections * (sum - best);
      }
      pageScore[page] = total;
    }
  }

  /** The places of the page's sections this query matched. */
  private sectionPlaces(page: number): number[] {
    if (this.slotStamp[page] !== this.epoch) return [];
    const base = this.slotBase[page];
    const out: number[] = [];
    for (let place = 1; place <= MAX_SECTIONS; place++) if (this.slotMask[base + place - 1]) out.push(place);
    return out;
  }

  /** The sections shown under a page: the best, and the next if close to it. */
  private bestSections(page: number): ScoredSection[] {
    const base = this.slotBase[page];
    const scored = this.sectionPlaces(page)
      .map((place) => ({ place, value: this.sectionValue(base + place - 1) }))
      .sort((a, b) => b.value - a.value || a.place - b.place);
    const best = scored[0]?.value ?? 0;
    return scored
      .filter(({ value }) => value >= best * RANKING.sectionShown)
      .slice(0, RANKING.sectionsShown)
      .map(({ place, value }) => ({ index: place - 1, score: value, match: this.matchOf(page, place) }));
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

  /** The slot of a page's section; a page's slots are made the first time this query meets one of its sections. */
  private slotOf(page: number, place: number): number {
    if (this.slotStamp[page] !== this.epoch) {
      const base = this.slotCount;
      this.slotCount += MAX_SECTIONS;
      if (this.slotCount > this.slotScore.length) this.grow();
      this.slotScore.fill(0, base, this.slotCount);
      this.slotMask.fill(0, base, this.slotCount);
      this.slotStamp[page] = this.epoch;
      this.slotBase[page] = base;
    }
    return this.slotBase[page] + Math.min(place, MAX_SECTIONS) - 1;
  }

  private grow(): void {
    const size = Math.max(this.slotScore.length * 2, this.slotCount);
    const score = new Float64Array(size);
    score.set(this.slotScore);
    const mask = new Uint32Array(size);
    mask.set(this.slotMask);
    this.slotScore = score;
    this.slotMask = mask;
  }

  private add(spec: number, term: string, termWeight: number, postings: FieldPostings[]): void {
    if (this.seen[spec].has(term)) return;
    this.seen[spec].add(term);
    this.derived.push({ spec, term, weight: termWeight, postings });
    const bit = 1 << spec;
    const N = this.manifest.documentCount;
    const { score, mask, stamp, touched, epoch } = this;
    for (const [fieldId, , boost] of this.fields) {
      const field = postings.find((p) => p.field === fieldId);
      if (!field) continue;
      const { docs, places, impacts } = field;
      const df = docs.length;
      const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
      const weight = termWeight * boost * idf;
      for (let j = 0; j < df; j++) {
        const n = docs[j];
        // BM25+: the term-frequency factor, length-normalised at build time, comes as an impact digit.
        const s = weight * (d + (impacts[j] * (k + 1)) / IMPACT_LEVELS);
        if (stamp[n] !== epoch) {
          stamp[n] = epoch;
          score[n] = 0;
          mask[n] = 0;
          touched[this.touchedCount++] = n;
        }
        mask[n] |= bit;
        if (places[j] === 0) {
          score[n] += s;
        } else {
          const slot = this.slotOf(n, places[j]);
          this.slotScore[slot] += s;
          this.slotMask[slot] |= bit;
        }
      }
    }
  }

  /** Which index terms matched a page (place 0) or one of its sections, in which fields: worked out only for the results shown. */
  private matchOf(n: number, place: number): Record<string, string[]> {
    const match: Record<string, string[]> = {};
    for (const { term, postings } of this.derived) {
      if (match[term]) continue;
      const fields: string[] = [];
      for (const [fieldId, name] of this.fields) {
        const field = postings.find((p) => p.field === fieldId);
        if (field && includes(field, n, place)) fields.push(name);
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

/** Whether postings hold page `n` at `place`. */
function includes({ docs, places }: FieldPostings, n: number, place: number): boolean {
  for (let j = lowerBound(docs as ArrayLike<number>, n); j < docs.length && docs[j] === n; j++) if (places[j] === place) return true;
  return false;
}

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
