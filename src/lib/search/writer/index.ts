/**
 * Building the search index and splitting it for the web. The full index
 * (MiniSearch's own JSON) is cut into term shards: each shard holds the
 * postings of the terms that start with its key. The corpus-wide figures
 * scoring needs (document count, field averages) and each document's kind
 * go in the manifest, so any set of shards loaded together scores exactly as
 * the full index would (see `wire/scorer.ts`).
 */
import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { Checkpoint } from '../../content/checkpoint';
import type { Corpus } from '../../corpus';
import { impactOf, INDEX_OPTIONS, PLACE_FACTOR, RANKING, SECTION_CODE, SHARD_PREFIX_MIN, stemOf, type SearchDocument, type SearchField } from '../wire/options';
import { byTerm } from '../wire/decode';
import type { Postings, SearchManifest, SearchRecord, SearchShard } from '../wire/types';
import { searchCorpus } from './documents';

type IndexEntry = AsPlainObject['index'][number];

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

export const DEFAULT_SHARDING: ShardingOptions = { targetBytes: 48_000, maxKeyLength: 4 };

/** How many documents are indexed between two checkpoints. */
const DOCUMENTS_PER_CHECKPOINT = 500;

/** The index of `documents`; `checkpoint` runs after every `DOCUMENTS_PER_CHECKPOINT` of them (see `IndexingHooks`). */
export function buildIndex(documents: SearchDocument[], checkpoint?: Checkpoint): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  // What addAll does, a document at a time.
  documents.forEach((document, i) => {
    index.add(document);
    if ((i + 1) % DOCUMENTS_PER_CHECKPOINT === 0) checkpoint?.();
  });
  return index;
}

/** The files a site publishes for search. */
export function searchFiles(corpus: Corpus, sharding: ShardingOptions = DEFAULT_SHARDING): SearchFiles {
  const { documents, records } = searchCorpus(corpus);
  return { ...indexFiles(documents, sharding), records };
}

/** Where a caller may step in while an index is made (the build's search worker, src/integrations/search-worker.mjs). */
export interface IndexingHooks {
  /**
   * Runs when what a step made is garbage: once the texts are indexed, and once the index has been copied out
   * as a plain object. The worker collects there, and lets its documents go at the first call, so that their
   * texts are not held beside the index they were indexed into.
   */
  afterStep?: () => void;
  /**
   * Runs every few hundred documents indexed and every shard made, where the worker checks its heap: making
   * the shards leaves garbage that V8, with memory to spare, lets grow well past what is live.
   */
  checkpoint?: Checkpoint;
}

/** The manifest and term shards of a set of documents: the costly part (MiniSearch indexing every text), which needs no corpus. */
export function indexFiles(documents: SearchDocument[], sharding: ShardingOptions = DEFAULT_SHARDING, { afterStep, checkpoint }: IndexingHooks = {}): Omit<SearchFiles, 'records'> {
  const full = plainIndex(documents, afterStep, checkpoint);
  afterStep?.();
  return splitIndex(full, sharding, { consume: true, checkpoint });
}

/**
 * The index of `documents` as a plain object. The index lives in this frame only, so it is garbage once this
 * returns (held by a caller's temporary, it stayed alive while the shards were made).
 */
function plainIndex(documents: SearchDocument[], beforeCopy?: () => void, checkpoint?: Checkpoint): AsPlainObject {
  const index = buildIndex(documents, checkpoint);
  // Indexing leaves garbage: collected first, the copy does not grow the heap past it.
  beforeCopy?.();
  return index.toJSON();
}

/**
 * The manifest and shards of a whole index. `consume`: the index's postings are let go group by group as their
 * shards are made, so the two, each a large part of the heap, are never whole in memory together; `full` is
 * left without its postings. `checkpoint` runs after each shard.
 */
export function splitIndex(full: AsPlainObject, sharding: ShardingOptions = DEFAULT_SHARDING, { consume = false, checkpoint }: { consume?: boolean; checkpoint?: Checkpoint } = {}): Omit<SearchFiles, 'records'> {
  let kinds = '';
  // Each document as the postings name it: its page, and its place on the page (0 the page itself, 1… its sections).
  const pageOf = new Int32Array(full.nextId);
  const placeOf = new Int32Array(full.nextId);
  const placesUsed: number[] = [];
  for (let n = 0; n < full.nextId; n++) {
    const id = String(full.documentIds[n] ?? '');
    // Numbers are both MiniSearch's short ids and the ids' own numbers; the format relies on it.
    const [number, page] = id.slice(1).split('-');
    if (number !== String(n)) throw new Error(`search document ${n} has id ${id}`);
    if (id[0] !== SECTION_CODE) {
      if (placesUsed.length) throw new Error(`search document ${n} (${id}) is a page after the first section`);
      kinds += id[0];
      pageOf[n] = n;
      continue;
    }
    const of = Number(page);
    if (!(of < kinds.length)) throw new Error(`search section ${id} names no page`);
    pageOf[n] = of;
    placeOf[n] = placesUsed[of] = (placesUsed[of] ?? 0) + 1;
  }
  const impact = impacts(full);
  const groups = groupTerms(full.index, SHARD_PREFIX_MIN, sharding);
  if (consume) full.index = [];
  const shards = new Map<string, SearchShard>();
  for (const [key, entries] of groups) {
    shards.set(key, { terms: entries.map(([term, fields]): [string, Postings] => [term, encodePostings(fields, impact, pageOf, placeOf)]).sort(byTerm) });
    if (consume) groups.delete(key);
    checkpoint?.();
  }
  const keys = [...shards.keys()].sort();
  const manifest: SearchManifest = {
    version: '',
    documentCount: full.documentCount,
    pages: kinds.length,
    fieldIds: full.fieldIds,
    averageFieldLength: full.averageFieldLength,
    serializationVersion: full.serializationVersion,
    kinds,
    shards: keys,
  };
  manifest.version = fingerprint(JSON.stringify(manifest) + keys.map((k) => JSON.stringify(shards.get(k))).join(''));
  return { manifest, shards };
}

/** A posting's impact from its term frequency, by field and document (field lengths are known only here). */
type Impact = (field: number, doc: number, tf: number) => number;

function impacts(full: AsPlainObject): Impact {
  const bById: number[] = [];
  for (const [name, id] of Object.entries(full.fieldIds)) bById[id] = RANKING.b[name as SearchField] ?? 0.75;
  return (field, doc, tf) => impactOf(tf, full.fieldLength[doc]?.[field] ?? 0, full.averageFieldLength[field], bById[field] ?? 0.75);
}

/** Postings by page and place on it: `[page gap, place × 10 + impact, …]` (see `Postings`). */
function encodePostings(fields: IndexEntry[1], impact: Impact, pageOf: Int32Array, placeOf: Int32Array): Postings {
  const out: Postings = {};
  for (const [fieldId, postings] of Object.entries(fields)) {
    const docs = Object.keys(postings)
      .map(Number)
      .sort((a, b) => pageOf[a] - pageOf[b] || placeOf[a] - placeOf[b]);
    const list: number[] = [];
    let previous = 0;
    for (const doc of docs) {
      list.push(pageOf[doc] - previous, placeOf[doc] * PLACE_FACTOR + impact(Number(fieldId), doc, postings[doc]));
      previous = pageOf[doc];
    }
    out[fieldId] = list;
  }
  return out;
}

/**
 * Groups entries by the first `depth` letters of their stems, splitting a group
 * that is too large by one more, so that a word and the others of its stem
 * always share a shard (see `shardsForTerm`).
 */
function groupTerms(entries: IndexEntry[], depth: number, sharding: ShardingOptions, stems = new Map<string, string[]>()): Map<string, IndexEntry[]> {
  // Each term's stem, as characters, worked out once however deep the groups split.
  const stem = (term: string) => stems.get(term) ?? (stems.set(term, [...stemOf(term)]), stems.get(term)!);
  const byKey = new Map<string, IndexEntry[]>();
  for (const entry of entries) {
    const key = stem(entry[0]).slice(0, depth).join('');
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = []));
    group.push(entry);
  }
  const out = new Map<string, IndexEntry[]>();
  const longer = ([term]: IndexEntry) => stem(term).length > depth;
  for (const [key, group] of byKey) {
    const splittable = depth < sharding.maxKeyLength && group.some(longer);
    if (splittable && JSON.stringify(group).length > sharding.targetBytes) {
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
