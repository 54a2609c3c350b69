/**
 * The search wire format: what the build writes and the browser reads.
 * Options shared by both sides (options.ts), the file shapes (types.ts),
 * shard decoding (decode.ts), the scorer and query (scorer.ts, query.ts),
 * and the client that fetches shards as a query needs them (loader.ts). The
 * search box's markup is the site's (src/lib/site/search-box.ts).
 *
 * May import: `content/ids` and `content/stance` only. This is the part of `src/lib` browser code
 * may import; it never imports the writer, MiniSearch's runtime or Node.
 */
export * from './types';
export * from './index-rules';
export * from './decode';
export * from './query';
export * from './scorer';
export * from './loader';
