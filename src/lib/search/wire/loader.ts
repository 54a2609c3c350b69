/**
 * The browser's side of the index: fetch the manifest, then for each query
 * only the term shards its words need, and a result's record only when it
 * is shown. Runs unchanged in tests with a fetch that reads built files.
 */
import { decodeShard, shardKeys, shardsForTerm } from './decode';
import type { DecodedShard, SearchManifest, SearchRecord, SearchShard } from './types';
import { manifestPath, resultPath, shardPath } from './index-rules';
import { queryTerms, runQuery, type KindFilter, type SearchOutcome } from './query';
import { Scorer } from './scorer';

export type FetchJson = (path: string) => Promise<unknown>;

export const fetchJsonOverHttp: FetchJson = async (path) => {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${response.statusText}`);
  return response.json();
};

export class SearchClient {
  private manifest?: Promise<SearchManifest>;
  private scorer?: Scorer;
  /** Decoded once and kept: a reader typing on re-uses the shards of the letters before. */
  private readonly shards = new Map<string, Promise<DecodedShard>>();
  private readonly records = new Map<number, Promise<SearchRecord>>();

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

  /**
   * The first `limit` results of `kind` for `query`, with counts of all. A
   * query searches exactly the shards its words need, never others loaded
   * earlier, so its results do not depend on what was searched before.
   */
  async search(query: string, kind: KindFilter = 'all', limit = Infinity): Promise<SearchOutcome> {
    const manifest = await this.prepare();
    const keys = this.keysFor(queryTerms(query), manifest).sort();
    const shards = await Promise.all(keys.map((k) => this.shard(k)));
    this.scorer ??= new Scorer(manifest);
    return runQuery({ scorer: this.scorer, shards }, query, kind, limit);
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

  /** The manifest's shard keys, decoded once. */
  private keys?: { of: SearchManifest; keys: string[] };

  private keysFor(terms: string[], manifest: SearchManifest): string[] {
    if (this.keys?.of !== manifest) this.keys = { of: manifest, keys: shardKeys(manifest.shards) };
    const { keys } = this.keys;
    // The last word is the one being typed (the prefix rule in options.ts).
    return [...new Set(terms.flatMap((t, i) => shardsForTerm(t, keys, i === terms.length - 1)))];
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
