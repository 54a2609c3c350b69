/**
 * What the caches a build keeps on disk share (the render cache,
 * render-cache.ts, and the graph shape cache, shape-cache.ts): the folder they
 * live in, and the fingerprint of what their contents were computed by, so a
 * changed dependency or a changed source starts them afresh.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const CACHE_DIR = 'node_modules/.cache/research-graph';

/** A fingerprint of every dependency's version and of the sources in `folders`: what cached results were computed by. */
export function sourceFingerprint(folders: string[], projectRoot = process.cwd()): string {
  const hash = createHash('sha1');
  for (const file of ['package-lock.json', 'package.json']) {
    const full = path.join(projectRoot, file);
    if (existsSync(full)) hash.update(readFileSync(full));
  }
  for (const folder of folders) {
    const dir = path.join(projectRoot, folder);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).sort((a, b) => path.join(a.parentPath, a.name).localeCompare(path.join(b.parentPath, b.name)))) {
      hash.update(entry.name).update(readFileSync(path.join(entry.parentPath, entry.name)));
    }
  }
  return hash.digest('base64url').slice(0, 16);
}
