/**
 * Building the search index and splitting it for the web. The inverted index
 * (`inverted.ts`) is cut into term shards: each shard holds the postings of
 * the terms whose stems start with its key. The corpus-wide figures scoring
 * needs (document count, field averages) and each page's kind go in the
 * manifest, so any set of shards loaded together scores exactly as the full
 * index would (see `wire/scorer.ts`).
 */
import type { Checkpoint } from '../../content/checkpoint';
import type { Corpus } from '../../corpus';
import { impactOf, postingValue, RANKING, SEARCH_FIELDS, SHARD_PREFIX_MIN, stemOf, type SearchDocument } from '../wire/index-rules';
import { byTerm, frontCode } from '../wire/decode';
import type { Postings, SearchManifest, SearchRecord, SearchShard } from '../wire/types';
import { searchCorpus } from './documents';
import { invertedIndex, type InvertedIndex } from './inverted';

export interface SearchFiles {
  manifest: SearchManifest;
  shards: Map<string, SearchShard>;
  records: SearchRecord[];
}

export interface ShardingOptions {
  /** A shard whose JSON is larger than this is split by one more letter (unless its key is a whole term). */
  targetBytes: number;
  /** Keys never grow longer than this. */
  maxKeyLength: number;
}

/** Smaller targets split more groups, and every key lengthens the manifest; larger ones send more words a query does not need. */
export const DEFAULT_SHARDING: ShardingOptions = { targetBytes: 32_000, maxKeyLength: 4 };

/** The files a site publishes for search. */
export function searchFiles(corpus: Corpus, sharding: ShardingOptions = DEFAULT_SHARDING): SearchFiles {
  const { documents, records } = searchCorpus(corpus);
  return { ...indexFiles(documents, sharding), records };
}

/** Where a caller may step in while an index is made (the build's search worker, src/integrations/workers/search.ts). */
export interface IndexingHooks {
  /**
   * Runs when what a step made is garbage: once the texts are indexed, and once every term's postings are
   * encoded. The worker collects there, and lets its documents go at the first call.
   */
  afterStep?: () => void;
  /**
   * Runs every few hundred documents indexed, every few thousand terms encoded and every shard made, where
   * the worker checks its heap.
   */
  checkpoint?: Checkpoint;
}

/** Terms encoded between two checkpoints. */
const TERMS_PER_CHECKPOINT = 5000;

/** A term, its postings as the files write them, and the length of that JSON. */
type Entry = [term: string, postings: Postings, bytes: number];

/** The manifest and term shards of a set of documents: the costly part (indexing every text), which needs no corpus. */
export function indexFiles(documents: SearchDocument[], sharding: ShardingOptions = DEFAULT_SHARDING, { afterStep, checkpoint }: IndexingHooks = {}): Omit<SearchFiles, 'records'> {
  const index = invertedIndex(documents, checkpoint);
  afterStep?.();
  const impact = impacts(index);
  const entries: Entry[] = [];
  // Each term's raw postings are let go as soon as they are encoded, so the two forms are never whole together.
  for (const [term, fields] of index.terms) {
    const postings = encodePostings(fields, impact, index);
    entries.push([term, postings, JSON.stringify([term, postings]).length + 1]);
    index.terms.delete(term);
    if (entries.length % TERMS_PER_CHECKPOINT === 0) checkpoint?.();
  }
  afterStep?.();
  const shards = new Map<string, SearchShard>();
  for (const [key, group] of groupTerms(entries, SHARD_PREFIX_MIN, sharding)) {
    shards.set(key, { terms: group.map(([term, postings]): [string, Postings] => [term, postings]).sort(byTerm) });
    checkpoint?.();
  }
  const keys = [...shards.keys()].sort();
  const manifest: SearchManifest = {
    version: '',
    documentCount: index.documentCount,
    pages: index.kinds.length,
    fieldIds: Object.fromEntries(SEARCH_FIELDS.map((field, id) => [field, id])),
    averageFieldLength: index.averageFieldLength,
    kinds: index.kinds,
    shards: frontCode(keys),
  };
  manifest.version = fingerprint(JSON.stringify(manifest) + keys.map((k) => JSON.stringify(shards.get(k))).join(''));
  return { manifest, shards };
}

/** A posting's impact from its term frequency, by field and document (field lengths are known only here). */
type Impact = (field: number, doc: number, tf: number) => number;

function impacts({ fieldLength, averageFieldLength }: InvertedIndex): Impact {
  const b = SEARCH_FIELDS.map((field) => RANKING.b[field]);
  return (field, doc, tf) => impactOf(tf, fieldLength[doc * SEARCH_FIELDS.length + field], averageFieldLength[field], b[field]);
}

/** Postings by page and place on it: page gaps, and a character a posting for its step in place and its impact (see `Postings`). */
function encodePostings(fields: number[][], impact: Impact, { pageOf, placeOf }: InvertedIndex): Postings {
  const out: Postings = {};
  fields.forEach((postings, field) => {
    const gaps: number[] = [];
    let values = '';
    let previous = 0;
    for (let i = 0; i < postings.length; i += 2) {
      const doc = postings[i];
      const gap = pageOf[doc] - previous;
      // A page's first posting (gap > 0, or the list's first) steps from place 0.
      const step = gap > 0 || i === 0 ? placeOf[doc] : placeOf[doc] - placeOf[postings[i - 2]];
      gaps.push(gap);
      values += postingValue(step, impact(field, doc, postings[i + 1]));
      previous = pageOf[doc];
    }
    out[field] = [gaps, values];
  });
  return out;
}

/**
 * Groups entries by the first `depth` letters of their stems, splitting a group
 * that is too large by one more, so that a word and the others of its stem
 * always share a shard (see `shardsForTerm`).
 */
function groupTerms(entries: Entry[], depth: number, sharding: ShardingOptions, stems = new Map<string, string[]>()): Map<string, Entry[]> {
  // Each term's stem, as characters, worked out once however deep the groups split.
  const stem = (term: string) => stems.get(term) ?? (stems.set(term, [...stemOf(term)]), stems.get(term)!);
  const byKey = new Map<string, Entry[]>();
  for (const entry of entries) {
    const key = stem(entry[0]).slice(0, depth).join('');
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = []));
    group.push(entry);
  }
  const out = new Map<string, Entry[]>();
  const longer = ([term]: Entry) => stem(term).length > depth;
  for (const [key, group] of byKey) {
    const splittable = depth < sharding.maxKeyLength && group.some(longer);
    if (splittable && group.reduce((bytes, entry) => bytes + entry[2], 0) > sharding.targetBytes) {
      // Words whose stem is the key (e.g. "war" in the "war" group) stay under the key; longer stems move down a level.
      const exact = group.filter((e) => !longer(e));
      if (exact.length) out.set(key, exact);
      for (const [k, g] of groupTerms(group.filter(longer), depth + 1, sharding, stems)) out.set(k, g);
    } else {
      out.set(key, group);
    }
  }
  return out;
}

/** FNV-1a, 32 bits: enough to tell two builds apart. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
export * from './documents';
export * from './inverted';
