/**
 * The graph to take away, `/graph.json` and `/graph.graphml`, at fixed addresses for people and tools to fetch.
 * Static hosts limit a file's size (Cloudflare Pages refuses a file over 25 MiB), and from some thousands of items
 * these files pass it. A file that would is published gzipped instead (`/graph.json.gz`, which Gephi, Python and
 * `gunzip` read); one whose gzipped form could pass the limit too is cut into parts, each gzipped on its own
 * (`/graph.json.gz.part1`, `.part2`…), which `cat` joins into one gzip file. Every page links to the first.
 */
import type { Corpus } from '../corpus';
import { toGraphJson } from '../graph';
import { toGraphml } from './graphml';

/** The largest file a site may publish: Cloudflare Pages' limit per file, the strictest of the common static hosts. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

/**
 * Text a gzipped part holds at most. The exports compress 7–10 times (docs/data-files.md); at 4 times, a part
 * is still within the limit.
 */
export const PART_TEXT_BYTES = 4 * MAX_FILE_BYTES;

export const TAKE_AWAY = ['/graph.json', '/graph.graphml'] as const;
export type TakeAway = (typeof TAKE_AWAY)[number];

/** A take-away file's text. */
export function takeAwayText(corpus: Corpus, path: TakeAway): string {
  return path === '/graph.json' ? JSON.stringify(toGraphJson(corpus.graph)) : toGraphml(corpus.graph);
}

/** Each take-away file's size in bytes, measured once per corpus (the texts themselves are let go). */
const sizes = new WeakMap<Corpus, Map<TakeAway, number>>();

function sizeOf(corpus: Corpus, path: TakeAway): number {
  let known = sizes.get(corpus);
  if (!known) sizes.set(corpus, (known = new Map()));
  let bytes = known.get(path);
  if (bytes === undefined) known.set(path, (bytes = Buffer.byteLength(takeAwayText(corpus, path))));
  return bytes;
}

/**
 * How a take-away file of `bytes` is published: its own address while it fits `limit`; else gzipped, in one file
 * or, past `partBytes` of text, in parts of that much text each.
 */
export function takeAwayFiles(path: TakeAway, bytes: number, limit = MAX_FILE_BYTES, partBytes = PART_TEXT_BYTES): string[] {
  if (bytes <= limit) return [path];
  const parts = Math.ceil(bytes / partBytes);
  return parts === 1 ? [`${path}.gz`] : Array.from({ length: parts }, (_, i) => `${path}.gz.part${i + 1}`);
}

/** The files a take-away file of this corpus is published as (the first is the one pages link to). */
export const takeAwayPaths = (corpus: Corpus, path: TakeAway): string[] => takeAwayFiles(path, sizeOf(corpus, path));

/** Where pages link for a take-away file. */
export const takeAwayPath = (corpus: Corpus, path: TakeAway): string => takeAwayPaths(corpus, path)[0];
