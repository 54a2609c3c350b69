/**
 * The site's data files (search index, link previews, explorer branches, the graph's data) are published under
 * names that carry a hash of their bytes (`/previews/notes/x.3f9c2e1a.json`), so a browser never combines a file
 * cached from one build with another build's files, and a deploy that uploads only changed files uploads only
 * what changed. One small file at a fixed address, `/files.json` (`DATA_MANIFEST_PATH`), says where each one is:
 * the browser fetches it first, revalidated, and every other data file through it. Pages name only that
 * address, never a hash, so an edit to one note does not change every page.
 *
 * The manifest (`DataManifest`) lists:
 * - `files`: the few single files by the name code asks for (`/graph/data.json`) → their hashes;
 * - `folders`: each folder of many small files (one per item, `BUCKETED_FOLDERS`) as a list of bucket files'
 *   hashes; a file's bucket is `bucketOf(its name, count)`, and a bucket (`bucketPath`) maps each of its files'
 *   names to their hashes. An edit to one note changes its file, that file's bucket and the manifest.
 * Files a published file names by hash itself (the search shards, named in the search manifest) are in neither.
 *
 * Browser-safe: read by the build, which writes the files (data-files.ts), and by the browser.
 */
import { href } from './urls';

/** The one fixed address: fetched first, revalidated every time. */
export const DATA_MANIFEST_PATH = '/files.json';

/** Folders of one small file per item or branch: reached through buckets, not listed one by one. */
export const BUCKETED_FOLDERS = ['/previews/', '/explorer/', '/search/doc/'] as const;

/** A bucket holds about this many files at most: a bucket file of a few kilobytes, a manifest of a few hundred hashes at 10,000 notes. */
export const BUCKET_FILES = 128;

/** The graph's data files, read by the global graph, the path finder and every local graph. */
export const GRAPH_DATA_PATH = '/graph/data.json';
export const GRAPH_OVERVIEW_PATH = '/graph/communities.json';

export interface DataManifest {
  /** A single file's name → its hash (published as `hashedPath(name, hash)`). */
  files: Record<string, string>;
  /** A bucketed folder → the hash of each of its buckets, by bucket number. */
  folders: Record<string, string[]>;
}

/** A bucket file: the name of each file in it, inside its folder (`notes/x.json`) → that file's hash. */
export type DataBucket = Record<string, string>;

/** `/a/b.json` published with `hash`: `/a/b.<hash>.json`. */
export const hashedPath = (path: string, hash: string): string => path.replace(/(\.[a-z]+)?$/, (ext) => `.${hash}${ext}`);

/** Where bucket `n` of `folder` is published: `/files/previews-3.<hash>.json`. */
export const bucketPath = (folder: string, n: number, hash: string): string => `/files/${folder.replace(/^\/|\/$/g, '').replaceAll('/', '-')}-${n}.${hash}.json`;

/** The bucketed folder a file lives in, if any. */
export const bucketedFolder = (path: string): string | undefined => BUCKETED_FOLDERS.find((folder) => path.startsWith(folder));

/** Buckets for a folder of `files` files: a power of two, so that the bucket of a file moves only when the count doubles. */
export function bucketCount(files: number): number {
  let count = 1;
  while (files / count > BUCKET_FILES) count *= 2;
  return count;
}

/** The bucket of a file, by its name inside its folder (FNV-1a): the same in the build and the browser, and stable as files come and go. */
export function bucketOf(name: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % count;
}

/** Fetches the JSON at a site path; `fresh` asks the server again rather than trusting a cached copy. */
export type GetJson = (path: string, fresh: boolean) => Promise<unknown>;

export const getJsonOverHttp: GetJson = async (path, fresh) => {
  const response = await fetch(href(path), fresh ? { cache: 'no-cache' } : undefined);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${response.statusText}`);
  return response.json();
};

/**
 * The data files as one build published them. The manifest is read once and kept for the page's life, so
 * everything a page fetches comes from the build the manifest names, even if the site is deployed again meanwhile.
 */
export class DataFiles {
  private manifest?: Promise<DataManifest>;
  private readonly buckets = new Map<string, Promise<DataBucket>>();

  constructor(private readonly get: GetJson = getJsonOverHttp) {}

  private read(): Promise<DataManifest> {
    if (!this.manifest) {
      this.manifest = this.get(DATA_MANIFEST_PATH, true).then((m) => m as DataManifest);
      this.manifest.catch(() => (this.manifest = undefined));
    }
    return this.manifest;
  }

  /** Where the file code calls `path` is published, or undefined when this build has none. A name already hashed is its own. */
  async locate(path: string): Promise<string | undefined> {
    const manifest = await this.read();
    if (manifest.files[path]) return hashedPath(path, manifest.files[path]);
    const folder = bucketedFolder(path);
    if (!folder) return path;
    const hashes = manifest.folders[folder];
    if (!hashes?.length) return undefined;
    const name = path.slice(folder.length);
    const n = bucketOf(name, hashes.length);
    const key = bucketPath(folder, n, hashes[n]);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = this.get(key, false).then((b) => b as DataBucket);
      bucket.catch(() => this.buckets.delete(key));
      this.buckets.set(key, bucket);
    }
    const hash = (await bucket)[name];
    return hash ? hashedPath(path, hash) : undefined;
  }

  /** The JSON of the file code calls `path`. */
  async json<T>(path: string): Promise<T> {
    const published = await this.locate(path);
    if (!published) throw new Error(`${path}: not published`);
    return (await this.get(published, false)) as T;
  }
}
