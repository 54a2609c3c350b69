/**
 * The browser's side of the index: fetch the manifest, then for each query
 * only the term shards its words need, and a result's record only when it
 * is shown. Runs unchanged in tests with a fetch that reads built files.
 */
import MiniSearch from 'minisearch';
import type { SearchRecord } from './documents';
import { decodeShard, mergeShards, shardsForTerm, type DecodedShard, type SearchManifest, type SearchShard } from './index';
import { INDEX_OPTIONS, manifestPath, resultPath, shardPath, type SearchDocument } from './options';
import { queryTerms, runQuery, type KindFilter, type SearchOutcome } from './query';

/** Indexes kept for recent queries; each costs little next to the shards, which are kept. */
const INDEX_CACHE_SIZE = 12;

export type FetchJson = (path: string) => Promise<unknown>;

export const fetchJsonOverHttp: FetchJson = async (path) => {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${response.statusText}`);
  return response.json();
};

export class SearchClient {
  private manifest?: Promise<SearchManifest>;
  private readonly shards = new Map<string, Promise<DecodedShard>>();
  private readonly records = new Map<number, Promise<SearchRecord>>();
  /**
   * Indexes by the set of shards they were built from. A query searches
   * exactly the shards its words need, never others loaded earlier, so its
   * results do not depend on what was searched before.
   */
  private readonly indexes = new Map<string, MiniSearch<SearchDocument>>();

  constructor(private readonly fetchJson: FetchJson = fetchJsonOverHttp) {}

  /** Loads the manifest (a few kB): call when the reader shows intent to search. */
  prepare(): Promise<SearchManifest> {
    this.manifest ??= this.fetchJson(manifestPath()).then((m) => m as SearchManifest);
    this.manifest.catch(() => (this.manifest = undefined));
    return this.manifest;
  }

  /** Would this query fetch anything not loaded yet? (For a loading state.) */
  async needsFetch(query: string): Promise<boolean> {
    const keys = this.keysFor(queryTerms(query), await this.prepare());
    return keys.some((k) => !this.loaded.has(k));
  }

  async search(query: string, kind: KindFilter = 'all'): Promise<SearchOutcome> {
    const manifest = await this.prepare();
    const keys = this.keysFor(queryTerms(query), manifest).sort();
    const cacheKey = keys.join('\u0000');
    let index = this.indexes.get(cacheKey);
    if (index) {
      this.indexes.delete(cacheKey); // Re-inserted below as the most recently used.
    } else {
      const shards = await Promise.all(keys.map((k) => this.shard(k)));
      index = MiniSearch.loadJS(mergeShards(manifest, shards), INDEX_OPTIONS);
    }
    this.indexes.set(cacheKey, index);
    if (this.indexes.size > INDEX_CACHE_SIZE) this.indexes.delete(this.indexes.keys().next().value!);
    return runQuery(index, query, kind);
  }

  /** The record a result shows (title, kind, snippet text), fetched once. */
  record(n: number): Promise<SearchRecord> {
    let record = this.records.get(n);
    if (!record) {
      record = this.fetchJson(resultPath(n)).then((r) => r as SearchRecord);
      record.catch(() => this.records.delete(n));
      this.records.set(n, record);
    }
    return record;
  }

  private keysFor(terms: string[], manifest: SearchManifest): string[] {
    // The last word is the one being typed (the prefix rule in options.ts).
    return [...new Set(terms.flatMap((t, i) => shardsForTerm(t, manifest.shards, i === terms.length - 1)))];
  }

  private readonly loaded = new Set<string>();

  private shard(key: string): Promise<DecodedShard> {
    let shard = this.shards.get(key);
    if (!shard) {
      shard = this.fetchJson(shardPath(key)).then((s) => {
        this.loaded.add(key);
        return decodeShard(s as SearchShard);
      });
      shard.catch(() => this.shards.delete(key));
      this.shards.set(key, shard);
    }
    return shard;
  }
}
