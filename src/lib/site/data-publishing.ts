/**
 * Publishing the site's data files under names that carry their hashes, with the buckets and the one manifest
 * that find them (the format is in data-manifest.ts, which the browser reads). A file's name depends on its bytes
 * alone, so a file unchanged between two builds keeps its name and bytes, and a name never comes back with other bytes.
 */
import type { Corpus } from '../corpus';
import { SHARD_FOLDER } from '../search/wire/index-rules';
import { bucketCount, bucketedFolder, bucketOf, bucketPath, DATA_MANIFEST_PATH, GRAPH_DATA_PATH, GRAPH_OVERVIEW_PATH, hashedPath, type DataBucket, type DataManifest } from './data-manifest';
import { contentHash } from './content-hash';
import { explorerFileContents } from './explorer';
import { globalGraphData, graphOverviewData, type GraphShapeSource } from './graph-data';
import { previewFileContents } from './previews';
import { interfaceFor, type Interface } from './interface-text';
import { searchFileContents } from './search-file-set';

/** Files whose names already carry their hashes, given by another data file (the search manifest names its shards). */
const isContentNamed = (path: string) => path.startsWith(SHARD_FOLDER);

/**
 * Every data file as published, site path → text: each file of `files` (by the name code asks for) under its hashed
 * name, the buckets of the bucketed folders, and the manifest at its fixed address.
 */
export function publishDataFiles(files: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const manifest: DataManifest = { files: {}, folders: {} };
  const folders = new Map<string, [name: string, hash: string][]>();
  for (const [path, text] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (isContentNamed(path)) {
      out.set(path, text);
      continue;
    }
    const hash = contentHash(text);
    out.set(hashedPath(path, hash), text);
    const folder = bucketedFolder(path);
    if (!folder) manifest.files[path] = hash;
    else folders.set(folder, [...(folders.get(folder) ?? []), [path.slice(folder.length), hash]]);
  }
  for (const [folder, entries] of [...folders].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const count = bucketCount(entries.length);
    const buckets: DataBucket[] = Array.from({ length: count }, () => ({}));
    for (const [name, hash] of entries) buckets[bucketOf(name, count)][name] = hash;
    manifest.folders[folder] = buckets.map((bucket, n) => {
      const text = JSON.stringify(bucket);
      const hash = contentHash(text);
      out.set(bucketPath(folder, n, hash), text);
      return hash;
    });
  }
  out.set(DATA_MANIFEST_PATH, JSON.stringify(manifest));
  return out;
}

/** The graph's data files by the names code asks for. */
export async function graphFileContents(corpus: Corpus, source?: GraphShapeSource): Promise<Map<string, string>> {
  return new Map([
    [GRAPH_DATA_PATH, JSON.stringify(await globalGraphData(corpus, source))],
    [GRAPH_OVERVIEW_PATH, JSON.stringify(await graphOverviewData(corpus, source))],
  ]);
}

/**
 * Every data file of a corpus by the name code asks for: search (made by `search` when given: the build makes the
 * index in a worker thread), link previews (worded in `words`, the site's interface text), explorer branches and the
 * graph's data.
 */
export async function dataFileContents(
  corpus: Corpus,
  { search, graph, words = interfaceFor('en') }: { search?: Promise<Map<string, string>>; graph?: GraphShapeSource; words?: Interface } = {},
): Promise<Map<string, string>> {
  const [searchFiles, graphFiles] = await Promise.all([search ?? searchFileContents(corpus), graphFileContents(corpus, graph)]);
  return new Map([...searchFiles, ...previewFileContents(corpus, words), ...explorerFileContents(corpus), ...graphFiles]);
}
