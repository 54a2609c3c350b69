/**
 * Building the search index and splitting it for the web. The full index
 * (MiniSearch's own JSON) is cut into term shards: each shard holds the
 * postings of the terms that start with its key. The corpus-wide figures
 * scoring needs (document count, field averages) and each document's kind
 * go in the manifest, so any set of shards loaded together scores exactly as
 * the full index would (see `scorer.ts`).
 */
import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { Corpus } from '../corpus';
import { searchCorpus, type SearchRecord } from './documents';
import { INDEX_OPTIONS, SHARD_PREFIX_MIN, type SearchDocument } from './options';
import type { LoadedIndex } from './query';
import { Scorer } from './scorer';

type IndexEntry = AsPlainObject['index'][number];

export interface SearchManifest {
  /** Changes whenever the index does, so a reader never mixes shards of two builds. */
  version: string;
  documentCount: number;
  nextId: number;
  fieldIds: AsPlainObject['fieldIds'];
  averageFieldLength: AsPlainObject['averageFieldLength'];
  serializationVersion: number;
  /**
   * One letter per document, by its number: its kind, upper case for a stub
   * (see `searchId`). Documents are numbered in id order, so the letters come
   * in long runs and cost a few bytes compressed.
   */
  kinds: string;
  /** Shard keys, sorted; every indexed term starts with exactly one of them. */
  shards: string[];
}

/**
 * A term's postings per field, as a flat list `[gap, frequency, gap,
 * frequency, …]` where each gap is the distance from the previous document
 * number. Small numbers in one list compress far better than MiniSearch's
 * `{"document": frequency}` objects.
 */
export type Postings = Record<string, number[]>;

export interface SearchShard {
  /** In code-unit order of the terms. */
  terms: [term: string, postings: Postings][];
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
  let kinds = '';
  for (let n = 0; n < full.nextId; n++) {
    const id = String(full.documentIds[n] ?? '');
    // Numbers are both MiniSearch's short ids and the ids' own numbers; the format relies on it.
    if (id.slice(1) !== String(n)) throw new Error(`search document ${n} has id ${id}`);
    kinds += id[0];
  }
  const groups = groupTerms(full.index, SHARD_PREFIX_MIN, sharding);
  const shards = new Map<string, SearchShard>();
  for (const [key, entries] of groups) {
    shards.set(key, { terms: entries.map(([term, fields]): [string, Postings] => [term, encodePostings(fields)]).sort(byTerm) });
  }
  const keys = [...shards.keys()].sort();
  const manifest: SearchManifest = {
    version: '',
    documentCount: full.documentCount,
    nextId: full.nextId,
    fieldIds: full.fieldIds,
    averageFieldLength: full.averageFieldLength,
    serializationVersion: full.serializationVersion,
    kinds,
    shards: keys,
  };
  manifest.version = fingerprint(JSON.stringify(manifest) + keys.map((k) => JSON.stringify(shards.get(k))).join(''));
  return { manifest, shards };
}

function encodePostings(fields: IndexEntry[1]): Postings {
  const out: Postings = {};
  for (const [fieldId, postings] of Object.entries(fields)) {
    const docs = Object.keys(postings).map(Number).sort((a, b) => a - b);
    const list: number[] = [];
    let previous = 0;
    for (const doc of docs) {
      list.push(doc - previous, postings[doc]);
      previous = doc;
    }
    out[fieldId] = list;
  }
  return out;
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

/**
 * A word being typed is completed from at most this many shards. A short
 * prefix of a common start ("co", "pr") spans dozens of shards; until more
 * letters narrow it, the word is matched as it stands.
 */
export const MAX_COMPLETION_SHARDS = 3;

/**
 * Which shards a query term needs: the one holding the term itself, and for
 * the word being typed (`complete`) the shards of the words it starts, if
 * they are few (see `MAX_COMPLETION_SHARDS`).
 */
export function shardsForTerm(term: string, keys: readonly string[], complete = false): string[] {
  if ([...term].length < SHARD_PREFIX_MIN) return [];
  // A term lives under the longest key it starts with (shorter terms stay above a split).
  const holder = keys.filter((key) => term.startsWith(key)).reduce<string | undefined>((a, k) => (!a || k.length > a.length ? k : a), undefined);
  const own = holder ? [holder] : [];
  if (!complete) return own;
  const completions = keys.filter((key) => key.startsWith(term) && !own.includes(key));
  return completions.length <= MAX_COMPLETION_SHARDS ? [...own, ...completions] : own;
}

/** One field's postings of a term: document numbers ascending, and how often the term occurs in each. */
export interface FieldPostings {
  field: number;
  docs: Int32Array;
  freqs: Int32Array;
}

/**
 * A shard as the scorer reads it, decoded once however many queries use it:
 * terms in code-unit order (so a prefix is one contiguous run, found by
 * binary search), each with its postings per field as typed arrays.
 */
export interface DecodedShard {
  terms: string[];
  postings: FieldPostings[][];
}

export function decodeShard(shard: SearchShard): DecodedShard {
  const entries = isSorted(shard.terms) ? shard.terms : [...shard.terms].sort(byTerm);
  const terms: string[] = [];
  const postings: FieldPostings[][] = [];
  for (const [term, encoded] of entries) {
    terms.push(term);
    const fields: FieldPostings[] = [];
    for (const [fieldId, list] of Object.entries(encoded)) {
      const docs = new Int32Array(list.length >> 1);
      const freqs = new Int32Array(list.length >> 1);
      let doc = 0;
      for (let i = 0, j = 0; i < list.length; i += 2, j++) {
        doc += list[i];
        docs[j] = doc;
        freqs[j] = list[i + 1];
      }
      fields.push({ field: Number(fieldId), docs, freqs });
    }
    postings.push(fields);
  }
  return { terms, postings };
}

/** Every shard of a split index, decoded and ready to search: the whole index at once, as tests and scripts search it. */
export function loadWhole(files: Pick<SearchFiles, 'manifest' | 'shards'>): LoadedIndex {
  return { scorer: new Scorer(files.manifest), shards: [...files.shards.values()].map(decodeShard) };
}

const byTerm = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
const isSorted = (entries: [string, unknown][]) => entries.every((e, i) => i === 0 || entries[i - 1][0] < e[0]);

/** FNV-1a, 32 bits: enough to tell two builds apart. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
