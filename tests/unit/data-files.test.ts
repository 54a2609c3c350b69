/** The site's data files under hashed names: a name never comes back with other bytes, and an edit changes few files. */
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus';
import { dataFileContents, publishDataFiles } from '../../src/lib/site/data-publishing';
import { MAX_FILE_BYTES, takeAwayFiles, takeAwayPath, takeAwayText } from '../../src/lib/site/take-away';
import { BUCKET_FILES, bucketCount, bucketOf, DATA_MANIFEST_PATH, DataFiles, hashedPath, type DataManifest } from '../../src/lib/site/data-manifest';

/** The data files of a content folder: by the names code asks for, and as published. */
async function dataFilesOf(dir: string) {
  const logical = await dataFileContents(await loadCorpus(dir));
  return { logical, published: publishDataFiles(logical) };
}

describe('data files named by their content', () => {
  let dir: string;
  let before: Awaited<ReturnType<typeof dataFilesOf>>;
  let after: Awaited<ReturnType<typeof dataFilesOf>>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'data-files-'));
    await cp('tests/fixtures/basic', dir, { recursive: true });
    before = await dataFilesOf(dir);
    await appendFile(path.join(dir, 'notes/warmth.md'), '\nOne more sentence, written between two builds.\n');
    after = await dataFilesOf(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('across two builds, no data file name is reused for different bytes', () => {
    const shared = [...after.published.keys()].filter((p) => before.published.has(p) && p !== DATA_MANIFEST_PATH);
    expect(shared.length).toBeGreaterThan(10);
    for (const p of shared) expect(after.published.get(p), p).toBe(before.published.get(p));
    // The one file at a fixed address is the manifest, which says where the others are.
    expect(after.published.get(DATA_MANIFEST_PATH)).not.toBe(before.published.get(DATA_MANIFEST_PATH));
  });

  it('editing one note changes its own files, their buckets and the manifests, and no other preview or record', () => {
    const changed = [...after.logical.keys()].filter((p) => after.logical.get(p) !== before.logical.get(p));
    const perItem = changed.filter((p) => /^\/(previews|explorer|search\/doc)\//.test(p));
    expect(perItem).toEqual(['/search/doc/6.json', '/previews/notes/warmth.json']);
  });

  it('a file unchanged between two builds keeps its published name and bytes', async () => {
    const reader = (published: Map<string, string>) => new DataFiles(async (p) => JSON.parse(published.get(p)!));
    const [first, second] = [reader(before.published), reader(after.published)];
    const unchanged = [...after.logical].filter(([p, text]) => before.logical.get(p) === text).map(([p]) => p);
    expect(unchanged).toContain('/graph/data.json');
    for (const p of unchanged) {
      const at = await second.locate(p);
      expect(at, p).toBe(await first.locate(p));
      expect(after.published.get(at!)).toBe(before.published.get(at!));
    }
  });

  it('the browser finds every data file through the manifest, under a name that carries its hash', async () => {
    const fetched: string[] = [];
    const files = new DataFiles(async (p, fresh) => {
      fetched.push(`${p}${fresh ? ' (fresh)' : ''}`);
      const text = after.published.get(p);
      if (text === undefined) throw new Error(`404 ${p}`);
      return JSON.parse(text);
    });
    for (const [p, text] of after.logical) {
      const at = await files.locate(p);
      expect(at === p ? p.startsWith('/search/terms/') : at).toBeTruthy();
      expect(await files.json(p), p).toEqual(JSON.parse(text));
    }
    expect(await files.locate('/previews/notes/no-such-note.json')).toBeUndefined();
    // The manifest is read once per page, revalidated; the rest are immutable.
    expect(fetched.filter((f) => f.endsWith('(fresh)'))).toEqual([`${DATA_MANIFEST_PATH} (fresh)`]);
  });

  it('a file is published under its name with its hash before the extension', () => {
    expect(hashedPath('/search/terms/ab.json', '3f9c2e1a')).toBe('/search/terms/ab.3f9c2e1a.json');
    expect(hashedPath('/previews/notes/python.fixtures.json', '00ff00ff')).toBe('/previews/notes/python.fixtures.00ff00ff.json');
  });
});

describe('the graph to take away', () => {
  it('keeps its address while a host allows its size, and is published gzipped past it, in parts past four times it', async () => {
    const corpus = await loadCorpus('tests/fixtures/basic');
    expect(takeAwayPath(corpus, '/graph.json')).toBe('/graph.json');
    const bytes = Buffer.byteLength(takeAwayText(corpus, '/graph.json'));
    expect(takeAwayFiles('/graph.json', bytes, bytes)).toEqual(['/graph.json']);
    expect(takeAwayFiles('/graph.json', bytes, bytes - 1)).toEqual(['/graph.json.gz']);
    // At 10,000 notes graph.graphml is about 68 MB, at 50,000 about five times that.
    expect(takeAwayFiles('/graph.graphml', 68e6)).toEqual(['/graph.graphml.gz']);
    expect(takeAwayFiles('/graph.graphml', 340e6)).toEqual(['/graph.graphml.gz.part1', '/graph.graphml.gz.part2', '/graph.graphml.gz.part3', '/graph.graphml.gz.part4']);
    expect(takeAwayFiles('/graph.json', MAX_FILE_BYTES)).toEqual(['/graph.json']);
  });
});

describe('buckets', () => {
  it('hold at most BUCKET_FILES files on average, in a power of two of them', () => {
    expect(bucketCount(0)).toBe(1);
    expect(bucketCount(BUCKET_FILES)).toBe(1);
    expect(bucketCount(BUCKET_FILES + 1)).toBe(2);
    expect(bucketCount(10_000)).toBe(128);
  });

  it("spread a folder's files, and a file added changes one bucket of them", () => {
    const previews = new Map(Array.from({ length: 300 }, (_, i): [string, string] => [`/previews/notes/n${i}.json`, `{"n":${i}}`]));
    const buckets = (files: Map<string, string>) => (JSON.parse(publishDataFiles(files).get(DATA_MANIFEST_PATH)!) as DataManifest).folders['/previews/'];
    const first = buckets(previews);
    expect(first).toHaveLength(4);
    expect(new Set([...previews.keys()].map((p) => bucketOf(p.slice('/previews/'.length), 4))).size).toBe(4);
    const second = buckets(new Map([...previews, ['/previews/notes/new.json', '{}']]));
    expect(second.filter((hash, i) => hash !== first[i])).toHaveLength(1);
  });
});
