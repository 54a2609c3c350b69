/**
 * The files of a built site as a deploy sees them: how many, the largest, and which of them a rebuild added,
 * removed or changed (by bytes): what a sync-style deploy uploads.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Site path → a hash of its bytes, and each file's size. */
export interface SiteSnapshot {
  hashes: Map<string, string>;
  sizes: Map<string, number>;
}

export async function snapshotSite(dir: string): Promise<SiteSnapshot> {
  const hashes = new Map<string, string>();
  const sizes = new Map<string, number>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    const bytes = await readFile(full);
    const path = full.slice(dir.length).split('\\').join('/');
    hashes.set(path, createHash('sha256').update(bytes).digest('hex'));
    sizes.set(path, bytes.length);
  }
  return { hashes, sizes };
}

/** The largest file of a site. */
export function largestFile({ sizes }: SiteSnapshot): { path: string; bytes: number } {
  let largest = { path: '', bytes: 0 };
  for (const [path, bytes] of sizes) if (bytes > largest.bytes) largest = { path, bytes };
  return largest;
}

/** Files added, removed or changed between two builds. */
export function changedFiles(before: SiteSnapshot, after: SiteSnapshot): { added: string[]; removed: string[]; changed: string[] } {
  const added = [...after.hashes.keys()].filter((p) => !before.hashes.has(p));
  const removed = [...before.hashes.keys()].filter((p) => !after.hashes.has(p));
  const changed = [...after.hashes].filter(([p, h]) => before.hashes.has(p) && before.hashes.get(p) !== h).map(([p]) => p);
  return { added, removed, changed };
}

/** `npx tsx scripts/bench/site-files.ts <site before> <site after>`: the files a deploy would upload or delete. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const [a, b] = process.argv.slice(2);
  const [before, after] = await Promise.all([snapshotSite(a), snapshotSite(b)]);
  const { added, removed, changed } = changedFiles(before, after);
  for (const [label, list] of [['added', added], ['removed', removed], ['changed', changed]] as const) for (const p of list.sort()) console.log(`${label} ${p}`);
  const n = added.length + removed.length + changed.length;
  console.log(`${n} of ${after.hashes.size} files (${((100 * n) / after.hashes.size).toFixed(2)} %); largest ${JSON.stringify(largestFile(after))}`);
}
