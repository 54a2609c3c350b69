/**
 * The search files as they travel: the manifest, the term shards and the
 * per-result records the build writes and the browser reads, and the
 * decoded form the scorer works on.
 */
import type { Kind, SitePath } from '../../content/ids';
import type { ClaimStatus, Grounding } from '../../content/stance';

export interface SearchManifest {
  /** Documents indexed: pages and their sections (for idf). */
  documentCount: number;
  /** Pages, numbered 0 … pages − 1 (their records' numbers). */
  pages: number;
  /** Each field's number in the postings. */
  fieldIds: Record<string, number>;
  /** Each field's average length in distinct words, by field number (for BM25's length normalisation). */
  averageFieldLength: number[];
  /**
   * One letter per document, by its number: its kind, upper case for a stub
   * (see `searchId`). Documents are numbered in id order, so the letters come
   * in long runs and cost a few bytes compressed.
   */
  kinds: string;
  /**
   * Shard keys, sorted, every indexed term's stem starting with exactly one of them, front-coded (see
   * `frontCode`): neighbouring keys share their starts, and the list is the larger part of the manifest.
   */
  shards: string;
  /**
   * The hash of each shard's bytes, in the order of `shards`: a shard is published as `shardPath(key, hash)`, so a
   * manifest only ever reads the shards of its own build (the manifest's own name carries its hash in turn).
   */
  shardHashes: string[];
}

/** The manifest as the index is made, before its shards are named by their hashes. */
export type IndexManifest = Omit<SearchManifest, 'shardHashes'>;

/**
 * A term's postings per field, in two lists of one entry a posting: the
 * distance of each posting's page from the previous posting's (0 for another
 * place on the same page), and a string of one character a posting (see
 * `postingValue`): its step, how far past the previous posting's place on
 * the same page it stands (on a new page, its place: 0 the page's own
 * fields, 1, 2… its sections), and its impact, the length-normalised weight
 * (see `IMPACT_LEVELS`). A section needs no number of its own, so no table of
 * sections travels; and as a word runs through a page's sections its
 * characters repeat (step 1), which compresses well.
 */
export type Postings = Record<string, [gaps: number[], values: string]>;

export interface SearchShard {
  /** In code-unit order of the terms. */
  terms: [term: string, postings: Postings][];
}

/** What a result shows: fetched per result, so the first query never loads the corpus's text. */
export interface SearchRecord {
  id: string;
  url: SitePath;
  title: string;
  kind: Kind;
  stub: boolean;
  claim?: string;
  summary?: string;
  /** Where the item's claim stands on its evidence, for an item with a claim. */
  status?: ClaimStatus;
  /** How far down the claim's evidence goes, shown beside its status. */
  grounding?: Grounding;
  aliases: string[];
  tags: string[];
  /** The body as plain text, cut at {@link RECORD_TEXT_LIMIT} characters; snippets come from it. */
  text: string;
  /** The page's sections in order, each a search result of its own under the page. */
  sections?: RecordSection[];
}

export interface RecordSection {
  heading: string;
  /** The heading's id on the page. */
  anchor: string;
  /** Where the section's text starts in `text`; absent when `text` was cut before it. */
  at?: number;
}

/** One field's postings of a term: pages ascending (places ascending within a page), each posting's place and impact. */
export interface FieldPostings {
  field: number;
  docs: Int32Array;
  /** 0: the page's own fields; 1, 2…: its sections in order. */
  places: Uint8Array;
  impacts: Uint8Array;
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

