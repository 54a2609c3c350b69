/**
 * What search downloads and how fast it answers, without a browser: builds
 * the search files of a content folder, then runs queries from frequent to
 * rare words (taken from the index itself) as a fresh reader would.
 *
 *   npm run search-size -- content
 *
 * Bytes are gzip-compressed file sizes; latency is the query alone on
 * shards already loaded (the browser adds fetching and drawing).
 */
import { gzipSync } from 'node:zlib';
import { loadCorpus } from '../src/lib/corpus';
import type { SearchFiles } from '../src/lib/search';
import { searchFiles } from '../src/lib/search';
import { SearchClient } from '../src/lib/search/wire/loader';
import { manifestPath, parseSearchId, resultPath, shardPath } from '../src/lib/search/wire/index-rules';

const dir = process.argv[2] ?? 'content';
/** Results a page of search shows at first, as the interface asks for them. */
const PAGE = 10;
const loaded = await loadCorpus(dir);
const started = performance.now();
const files = searchFiles(loaded);
console.log(`${dir}: ${files.records.length} items, ${files.manifest.documentCount} search documents; search files built in ${((performance.now() - started) / 1000).toFixed(1)} s (the corpus loaded before)`);

const served = servedFiles(files);
const gz = new Map<string, number>();
const gzipped = (path: string) => gz.get(path) ?? gz.set(path, gzipSync(served.get(path)!).length).get(path)!;

const shardBytes = [...files.shards.keys()].map((k) => served.get(shardPath(k))!.length).sort((a, b) => a - b);
console.log(`manifest: ${served.get(manifestPath())!.length} B, ${gzipped(manifestPath())} B gzip`);
console.log(`term shards: ${shardBytes.length}, ${mb(sum(shardBytes))} MB in all; median ${shardBytes[shardBytes.length >> 1]} B, largest ${shardBytes.at(-1)} B`);

const queries = sampleQueries(files);
const firstBytes: number[] = [];
const shardPart: number[] = [];
const recordPart: number[] = [];
for (const q of queries) {
  const fetched: string[] = [];
  const client = new SearchClient(async (path) => {
    fetched.push(path);
    return JSON.parse(served.get(path)!);
  });
  const outcome = await client.search(q, 'all', PAGE);
  const searched = fetched.length;
  await Promise.all(outcome.hits.map((h) => client.record(h.n)));
  firstBytes.push(sum(fetched.map(gzipped)));
  shardPart.push(sum(fetched.slice(0, searched).filter((p) => p !== manifestPath()).map(gzipped)));
  recordPart.push(sum(fetched.slice(searched).map(gzipped)));
}
console.log(`first query (manifest + shards + 10 result records), gzip: median ${percentile(firstBytes, 50)} B, p95 ${percentile(firstBytes, 95)} B, max ${Math.max(...firstBytes)} B over ${queries.length} queries`);
console.log(`  of which term shards: median ${percentile(shardPart, 50)} B, p95 ${percentile(shardPart, 95)} B; result records: median ${percentile(recordPart, 50)} B, p95 ${percentile(recordPart, 95)} B`);

const warm = new SearchClient(async (path) => JSON.parse(served.get(path)!));
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
  const out = new Map<string, string>([[manifestPath(), JSON.stringify(f.manifest)]]);
  for (const [key, shard] of f.shards) out.set(shardPath(key), JSON.stringify(shard));
  for (const record of f.records) out.set(resultPath(parseSearchId(record.id).n), JSON.stringify(record));
  return out;
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
