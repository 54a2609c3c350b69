/**
 * What search downloads and how fast it answers, without a browser: builds
 * the search files of a content folder, then runs queries from frequent to
 * rare words (taken from the index itself) as a fresh reader would.
 *
 *   npm run search-size -- content
 *
 * Bytes are gzip-compressed file sizes of what a fresh reader's browser
 * fetches, as the build publishes it: the site's data manifest (/files.json),
 * the search manifest, the term shards, the buckets that say where each
 * result's record is, and the records. Latency is the query alone on shards
 * already loaded (the browser adds fetching and drawing).
 */
import { gzipSync } from 'node:zlib';
import { loadCorpus } from '../src/lib/corpus';
import type { SearchFiles } from '../src/lib/search';
import { searchFiles } from '../src/lib/search';
import { SearchClient } from '../src/lib/search/wire/loader';
import { manifestPath, SHARD_FOLDER } from '../src/lib/search/wire/index-rules';
import { indexFileContents, recordFileContents } from '../src/lib/site/search-file-set';
import { DataFiles, DATA_MANIFEST_PATH, GRAPH_DATA_PATH, GRAPH_OVERVIEW_PATH } from '../src/lib/site/data-manifest';
import { publishDataFiles } from '../src/lib/site/data-publishing';
import { explorerFileContents } from '../src/lib/site/explorer';
import { previewFileContents } from '../src/lib/site/previews';
import { interfaceFor } from '../src/lib/site/interface-text';

const dir = process.argv[2] ?? 'content';
/** Results a page of search shows at first, as the interface asks for them. */
const PAGE = 10;
const loaded = await loadCorpus(dir);
const started = performance.now();
const files = searchFiles(loaded);
console.log(`${dir}: ${files.records.length} items, ${files.manifest.documentCount} search documents; search files built in ${((performance.now() - started) / 1000).toFixed(1)} s (the corpus loaded before)`);

// Every data file the build publishes, so that /files.json lists as much as it does on the site (the graph's two
// files are named by a hash of their bytes like any other; their bytes do not matter here).
const published = publishDataFiles(
  new Map([
    ...servedFiles(files),
    ...previewFileContents(loaded, interfaceFor('en')),
    ...explorerFileContents(loaded),
    [GRAPH_DATA_PATH, '{}'],
    [GRAPH_OVERVIEW_PATH, '{}'],
  ]),
);
const served = new Map([...published].map(([path, text]) => [path, Buffer.from(text)]));
const gz = new Map<string, number>();
const gzipped = (path: string) => gz.get(path) ?? gz.set(path, gzipSync(served.get(path)!).length).get(path)!;

const reader = (fetched: string[]) =>
  new DataFiles(async (path) => {
    fetched.push(path);
    return JSON.parse(served.get(path)!.toString());
  });
const searchManifestPath = (await reader([]).locate(manifestPath()))!;
const shardBytes = [...served].filter(([p]) => p.startsWith(SHARD_FOLDER)).map(([, text]) => text.length).sort((a, b) => a - b);
console.log(`data manifest (${DATA_MANIFEST_PATH}): ${served.get(DATA_MANIFEST_PATH)!.length} B, ${gzipped(DATA_MANIFEST_PATH)} B gzip`);
console.log(`search manifest: ${served.get(searchManifestPath)!.length} B, ${gzipped(searchManifestPath)} B gzip`);
console.log(`term shards: ${shardBytes.length}, ${mb(sum(shardBytes))} MB in all; median ${shardBytes[shardBytes.length >> 1]} B, largest ${shardBytes.at(-1)} B`);

const queries = sampleQueries(files);
const firstBytes: number[] = [];
const parts = { manifests: [] as number[], shards: [] as number[], buckets: [] as number[], records: [] as number[] };
for (const q of queries) {
  // A fresh reader: the search code fetches through the data manifest, as src/client/search-ui.ts does.
  const fetched: string[] = [];
  const dataFiles = reader(fetched);
  const client = new SearchClient((path) => dataFiles.json(path));
  const outcome = await client.search(q, 'all', PAGE);
  await Promise.all(outcome.hits.map((h) => client.record(h.n)));
  const bytes = (test: (path: string) => boolean) => sum(fetched.filter(test).map(gzipped));
  firstBytes.push(sum(fetched.map(gzipped)));
  parts.manifests.push(bytes((p) => p === DATA_MANIFEST_PATH || p === searchManifestPath));
  parts.shards.push(bytes((p) => p.startsWith(SHARD_FOLDER)));
  parts.buckets.push(bytes((p) => p.startsWith('/files/')));
  parts.records.push(bytes((p) => p.startsWith('/search/doc/')));
}
console.log(`first query (both manifests, shards, and 10 result records with the buckets that locate them), gzip: median ${percentile(firstBytes, 50)} B, p95 ${percentile(firstBytes, 95)} B, max ${Math.max(...firstBytes)} B over ${queries.length} queries`);
console.log(
  `  of which manifests ${percentile(parts.manifests, 50)} B; term shards median ${percentile(parts.shards, 50)} B, p95 ${percentile(parts.shards, 95)} B; ` +
    `buckets median ${percentile(parts.buckets, 50)} B, p95 ${percentile(parts.buckets, 95)} B; records median ${percentile(parts.records, 50)} B, p95 ${percentile(parts.records, 95)} B`,
);

const warmFiles = reader([]);
const warm = new SearchClient((path) => warmFiles.json(path));
for (const q of queries) await warm.search(q, 'all', PAGE);
const latencies: number[] = [];
const cpuTimes: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const q of queries) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    await warm.search(q, 'all', PAGE);
    latencies.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
}
// CPU time is the steadier figure on a busy machine; wall time includes waiting for a core.
console.log(
  `query on loaded shards (first ${PAGE} results and counts): wall p50 ${percentile(latencies, 50).toFixed(2)} ms, p95 ${percentile(latencies, 95).toFixed(2)} ms; ` +
    `CPU p50 ${percentile(cpuTimes, 50).toFixed(2)} ms, p95 ${percentile(cpuTimes, 95).toFixed(2)} ms`,
);

function servedFiles(f: SearchFiles): Map<string, string> {
  return new Map([...indexFileContents(f), ...recordFileContents(f.records)]);
}

/** Single words from frequent to rare, then pairs of them. */
function sampleQueries(f: SearchFiles): string[] {
  const df: [string, number][] = [];
  for (const shard of f.shards.values()) {
    for (const [term, postings] of shard.terms) df.push([term, Math.max(...Object.values(postings).map(([gaps]) => gaps.length))]);
  }
  df.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const at = (r: number) => df[Math.min(r, df.length - 1)][0];
  const ranks = [12, 20, 30, 45, 50, 70, 100, 140, 200, 280, 400, 550, 750, 1000, 1400, 1900, 2600, 3500];
  return [...ranks.map(at), ...ranks.slice(0, 10).map((r, i) => `${at(r + 1)} ${at(ranks[(i + 5) % ranks.length])}`)];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}
