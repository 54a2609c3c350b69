/**
 * The search layer, in two halves: the wire format (`wire/`: options shared
 * by build and browser, file shapes, decoding, scoring, the browser client)
 * and the writer (`writer/`: the inverted index and its shards, at build time).
 *
 * May import: `content/` and `corpus/` (the writer reads the corpus). The
 * wire half imports only `content/ids`; browser code imports from `wire/`.
 */
export * from './wire';
export * from './writer';
