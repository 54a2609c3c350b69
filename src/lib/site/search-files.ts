/**
 * The search files of the site being built: the manifest, the term shards and
 * one record per result, as paths and bytes. Written as plain files after the
 * build and served from memory by the dev server (src/integrations/search-files.ts),
 * not as Astro routes: thousands of small JSON files are a file write, not a page.
 */
import type { Corpus } from '../corpus';
import { manifestPath, parseSearchId, resultPath, shardPath } from '../search/wire/options';
import { searchFiles } from '../search/writer';

/** Every search file of a corpus: site path → JSON text. */
export function searchFileContents(corpus: Corpus): Map<string, string> {
  const { manifest, shards, records } = searchFiles(corpus);
  const files = new Map<string, string>([[manifestPath(), JSON.stringify(manifest)]]);
  for (const [key, shard] of shards) files.set(shardPath(key), JSON.stringify(shard));
  for (const record of records) files.set(resultPath(parseSearchId(record.id).n), JSON.stringify(record));
  return files;
}
