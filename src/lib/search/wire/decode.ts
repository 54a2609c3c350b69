/** Which shards a term needs, and a shard decoded into the typed arrays the scorer reads. */
import { PLACE_FACTOR, shortestTerm, stemOf, VALUE_ZERO } from './index-rules';
import type { LoadedIndex } from './query';
import { Scorer } from './scorer';
import type { DecodedShard, FieldPostings, SearchManifest, SearchShard } from './types';

/**
 * A word being typed is completed from at most this many shards. A short
 * prefix of a common start ("co", "pr") spans dozens of shards; until more
 * letters narrow it, the word is matched as it stands.
 */
export const MAX_COMPLETION_SHARDS = 3;

/** The longest of `keys` that `word` starts with. */
const holderOf = (word: string, keys: readonly string[]) => keys.filter((key) => word.startsWith(key)).reduce<string | undefined>((a, k) => (!a || k.length > a.length ? k : a), undefined);

/**
 * Which shards a query term needs. A word is filed under the longest key its
 * stem starts with, so the term and every word of its stem ("model",
 * "models", "modelling") share a shard. For the word being typed
 * (`complete`), also the shards of the words it may become: those whose stems
 * are shorter than it (keys it starts with, small once split) and those of
 * the words it starts, if they are few (see `MAX_COMPLETION_SHARDS`).
 */
export function shardsForTerm(term: string, keys: readonly string[], complete = false): string[] {
  if ([...term].length < shortestTerm(term)) return [];
  const holder = holderOf(stemOf(term), keys);
  const own = holder ? [holder] : [];
  if (!complete) return own;
  const starts = keys.filter((key) => term.startsWith(key) && !own.includes(key));
  const completions = keys.filter((key) => key.startsWith(term) && key !== term && !own.includes(key));
  return [...own, ...starts, ...(completions.length <= MAX_COMPLETION_SHARDS ? completions : [])];
}

/**
 * Sorted keys as one string: each key as the number of leading characters it
 * shares with the key before it (one character, `0` + the number) and the
 * rest of it, keys separated by spaces (never in a key: words are split at
 * spaces). ["ab", "abc", "abd", "ac"] is "0ab 2c 2d 1c": what neighbouring
 * keys share is written once, where a JSON list repeats it.
 */
export function frontCode(keys: readonly string[]): string {
  let previous: string[] = [];
  return keys
    .map((key) => {
      const chars = [...key];
      let shared = 0;
      while (shared < previous.length && shared < chars.length - 1 && chars[shared] === previous[shared]) shared++;
      previous = chars;
      return String.fromCharCode(FRONT_CODE_ZERO + shared) + chars.slice(shared).join('');
    })
    .join(' ');
}

/** The keys of a front-coded list (see `frontCode`). */
export function shardKeys(coded: string): string[] {
  let previous: string[] = [];
  return coded
    .split(' ')
    .filter(Boolean)
    .map((entry) => {
      previous = [...previous.slice(0, entry.charCodeAt(0) - FRONT_CODE_ZERO), ...entry.slice(1)];
      return previous.join('');
    });
}

const FRONT_CODE_ZERO = 0x30;

export function decodeShard(shard: SearchShard): DecodedShard {
  const entries = isSorted(shard.terms) ? shard.terms : [...shard.terms].sort(byTerm);
  const terms: string[] = [];
  const postings: FieldPostings[][] = [];
  for (const [term, encoded] of entries) {
    terms.push(term);
    const fields: FieldPostings[] = [];
    for (const [fieldId, [gaps, values]] of Object.entries(encoded)) {
      const count = gaps.length;
      const docs = new Int32Array(count);
      const places = new Uint8Array(count);
      const impacts = new Uint8Array(count);
      let doc = 0;
      let place = 0;
      for (let j = 0; j < count; j++) {
        const value = values.charCodeAt(j) - VALUE_ZERO;
        doc += gaps[j];
        place = (gaps[j] ? 0 : place) + Math.floor(value / PLACE_FACTOR);
        docs[j] = doc;
        places[j] = place;
        impacts[j] = value % PLACE_FACTOR;
      }
      fields.push({ field: Number(fieldId), docs, places, impacts });
    }
    postings.push(fields);
  }
  return { terms, postings };
}

/** Every shard of a split index, decoded and ready to search: the whole index at once, as tests and scripts search it. */
export function loadWhole(files: { manifest: SearchManifest; shards: Map<string, SearchShard> }): LoadedIndex {
  return { scorer: new Scorer(files.manifest), shards: [...files.shards.values()].map(decodeShard) };
}

export const byTerm = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
const isSorted = (entries: [string, unknown][]) => entries.every((e, i) => i === 0 || entries[i - 1][0] < e[0]);

