/**
 * The search files of the site being built: the manifest, the term shards and
 * one record per result, as paths and bytes. Written as plain files after the
 * build and served from memory by the dev server (src/integrations/search-files.ts),
 * not as Astro routes: thousands of small JSON files are a file write, not a page.
 */
import type { Corpus } from '../corpus';
import { manifestPath, parseSearchId, resultPath, shardPath, type SearchDocument } from '../search/wire/index-rules';
import type { SearchRecord } from '../search/wire/types';
import { indexFiles, searchCorpus, type SearchFiles } from '../search/writer';

/** Every search file of a corpus: site path → JSON text. */
export function searchFileContents(corpus: Corpus): Map<string, string> {
  const { documents, records } = searchCorpus(corpus);
  return new Map([...indexFileContents(indexFiles(documents)), ...recordFileContents(records)]);
}

/** The manifest and the term shards as site path → JSON text. */
export function indexFileContents({ manifest, shards }: Omit<SearchFiles, 'records'>): Map<string, string> {
  const files = new Map<string, string>([[manifestPath(), JSON.stringify(manifest)]]);
  for (const [key, shard] of shards) files.set(shardPath(key), JSON.stringify(shard));
  return files;
}

/** One file per result record. */
export function recordFileContents(records: SearchRecord[]): Map<string, string> {
  return new Map(records.map((record) => [resultPath(parseSearchId(record.id).n), JSON.stringify(record)]));
}

/** The search files of a corpus, with the index built by `indexInBackground` (a worker thread, while Astro renders pages) and the records here. */
export async function searchFileContentsBeside(corpus: Corpus, indexInBackground: (documents: SearchDocument[]) => Promise<Map<string, string>>): Promise<Map<string, string>> {
  const { documents, records } = searchCorpus(corpus);
  return new Map([...(await indexInBackground(documents)), ...recordFileContents(records)]);
}
