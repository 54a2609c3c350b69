/**
 * Building the search index and splitting it for the web. The full index
 * (MiniSearch's own JSON) is cut into term shards: each shard holds the
 * postings of the terms that start with its key, plus the document lengths
 * of the documents those postings name. The corpus-wide figures BM25 needs
 * (document count, average field lengths) go in the manifest, so any set of
 * shards loaded together scores exactly as the full index would.
 */
import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { Corpus } from '../corpus';
import { searchCorpus, type SearchRecord } from './documents';
import { INDEX_OPTIONS, SHARD_PREFIX_MIN, type SearchDocument } from './options';

type IndexEntry = AsPlainObject['index'][number];

export interface SearchManifest {
  /** Changes whenever the index does, so a reader never mixes shards of two builds. */
  version: string;
  documentCount: number;
  nextId: number;
  fieldIds: AsPlainObject['fieldIds'];
  averageFieldLength: AsPlainObject['averageFieldLength'];
  serializationVersion: number;
  /** Shard keys, sorted; every indexed term starts with exactly one of them. */
  shards: string[];
}

export interface SearchShard {
  index: IndexEntry[];
  documentIds: Record<string, string>;
  fieldLength: Record<string, number[]>;
}

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

export function buildIndex(documents: SearchDocument[]): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  index.addAll(documents);
  return index;
}

/** The files a site publishes for search. */
export function searchFiles(corpus: Corpus, sharding: ShardingOptions = DEFAULT_SHARDING): SearchFiles {
  const { documents, records } = searchCorpus(corpus);
  return { ...splitIndex(buildIndex(documents).toJSON(), sharding), records };
}

export function splitIndex(full: AsPlainObject, sharding: ShardingOptions = DEFAULT_SHARDING): Omit<SearchFiles, 'records'> {
  const groups = groupTerms(full.index, SHARD_PREFIX_MIN, sharding);
  const shards = new Map<string, SearchShard>();
  for (const [key, entries] of groups) shards.set(key, shardOf(entries, full));
  const keys = [...shards.keys()].sort();
  const manifest: SearchManifest = {
    version: '',
    documentCount: full.documentCount,
    nextId: full.nextId,
    fieldIds: full.fieldIds,
    averageFieldLength: full.averageFieldLength,
    serializationVersion: full.serializationVersion,
    shards: keys,
  };
  manifest.version = fingerprint(JSON.stringify(manifest) + keys.map((k) => JSON.stringify(shards.get(k))).join(''));
  return { manifest, shards };
}

/** Groups entries by their first `depth` letters, splitting a group that is too large by one more. */
function groupTerms(entries: IndexEntry[], depth: number, sharding: ShardingOptions): Map<string, IndexEntry[]> {
  const byKey = new Map<string, IndexEntry[]>();
  for (const entry of entries) {
    const key = [...entry[0]].slice(0, depth).join('');
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = []));
    group.push(entry);
  }
  const out = new Map<string, IndexEntry[]>();
  for (const [key, group] of byKey) {
    const splittable = depth < sharding.maxKeyLength && group.some(([term]) => [...term].length > depth);
    if (splittable && JSON.stringify(group).length > sharding.targetBytes) {
      // The key's own term (e.g. "war" in the "war" group) stays under the key; longer terms move down a level.
      const exact = group.filter(([term]) => [...term].length <= depth);
      const longer = group.filter(([term]) => [...term].length > depth);
      if (exact.length) out.set(key, exact);
      for (const [k, g] of groupTerms(longer, depth + 1, sharding)) out.set(k, g);
    } else {
      out.set(key, group);
    }
  }
  return out;
}

function shardOf(entries: IndexEntry[], full: AsPlainObject): SearchShard {
  const docs = new Set<string>();
  for (const [, fields] of entries) for (const postings of Object.values(fields)) for (const shortId of Object.keys(postings)) docs.add(shortId);
  const documentIds: Record<string, string> = {};
  const fieldLength: Record<string, number[]> = {};
  for (const shortId of [...docs].sort((a, b) => Number(a) - Number(b))) {
    documentIds[shortId] = full.documentIds[shortId];
    fieldLength[shortId] = full.fieldLength[shortId];
  }
  return { index: entries, documentIds, fieldLength };
}

/** Which shards a query term needs: those its matches can live in (see `SHARD_PREFIX_MIN`). */
export function shardsForTerm(term: string, keys: readonly string[]): string[] {
  const letters = [...term];
  if (letters.length < SHARD_PREFIX_MIN) return [];
  return keys.filter((key) => key.startsWith(term) || term.startsWith(key));
}

/** Merges loaded shards with the manifest into one MiniSearch index object. */
export function mergeShards(manifest: SearchManifest, shards: Iterable<SearchShard>): AsPlainObject {
  const merged: AsPlainObject = {
    documentCount: manifest.documentCount,
    nextId: manifest.nextId,
    fieldIds: manifest.fieldIds,
    averageFieldLength: manifest.averageFieldLength,
    serializationVersion: manifest.serializationVersion,
    dirtCount: 0,
    documentIds: {},
    fieldLength: {},
    storedFields: {},
    index: [],
  };
  for (const shard of shards) {
    Object.assign(merged.documentIds, shard.documentIds);
    Object.assign(merged.fieldLength, shard.fieldLength);
    for (const entry of shard.index) merged.index.push(entry);
  }
  return merged;
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
