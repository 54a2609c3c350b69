/**
 * The graph to take away, `/graph.json` and `/graph.graphml`, at fixed addresses for people and tools to fetch.
 * Static hosts limit a file's size (Cloudflare Pages refuses a file over 25 MiB), and at some thousands of items
 * these files pass it; a file that would is published gzipped instead (`/graph.json.gz`, about a tenth of the
 * bytes, which Gephi, Python and `gunzip` read), and every page links to the form published.
 */
import type { Corpus } from '../corpus';
import { toGraphJson } from '../graph';
import { toGraphml } from './graphml';

/** The largest file a site may publish: Cloudflare Pages' limit per file, the strictest of the common static hosts. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

export const TAKE_AWAY = ['/graph.json', '/graph.graphml'] as const;
export type TakeAway = (typeof TAKE_AWAY)[number];

/** A take-away file's text. */
export function takeAwayText(corpus: Corpus, path: TakeAway): string {
  return path === '/graph.json' ? JSON.stringify(toGraphJson(corpus.graph)) : toGraphml(corpus.graph);
}

/** Each take-away file's size in bytes, measured once per corpus (the texts themselves are let go). */
const sizes = new WeakMap<Corpus, Map<TakeAway, number>>();

/** Where a take-away file is published: its own address, or the gzipped copy's when the file would pass `MAX_FILE_BYTES`. */
export function takeAwayPath(corpus: Corpus, path: TakeAway, limit = MAX_FILE_BYTES): string {
  let known = sizes.get(corpus);
  if (!known) sizes.set(corpus, (known = new Map()));
  let bytes = known.get(path);
  if (bytes === undefined) known.set(path, (bytes = Buffer.byteLength(takeAwayText(corpus, path))));
  return bytes > limit ? `${path}.gz` : path;
}
