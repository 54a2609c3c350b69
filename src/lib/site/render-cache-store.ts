/**
 * The render cache on disk, in `CACHE_DIR`: one file per content folder, named
 * for the pipeline that wrote it. Bodies hold no base path (their site paths are
 * marked, src/lib/site/urls.ts), so every base and prefix shares it. The
 * pipeline's fingerprint (cache-fingerprint.ts) covers the lock file (every dependency's version)
 * and the sources of the Markdown and content layers, so a changed plugin,
 * dependency or rule starts a fresh cache. The option `renderCache: false` (`RENDER_CACHE=0`) turns it off.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CachedBody, RenderCache } from '../corpus';
import { CACHE_DIR, sourceFingerprint } from './cache-fingerprint';

/** Everything a rendered body depends on besides its own text and links. */
export const pipelineFingerprint = (projectRoot = process.cwd()): string => sourceFingerprint(['src/lib/markdown', 'src/lib/content'], projectRoot);

/** A render cache read from disk; `save` writes back only the bodies this build used, so deleted notes leave it. */
export class DiskRenderCache implements RenderCache {
  private readonly used = new Map<string, CachedBody>();

  private constructor(
    private readonly file: string,
    private readonly entries: Map<string, CachedBody>,
  ) {}

  static async open(contentRoot: string, projectRoot = process.cwd()): Promise<DiskRenderCache> {
    const dir = path.join(projectRoot, CACHE_DIR);
    const folder = createHash('sha1').update(path.resolve(contentRoot)).digest('base64url').slice(0, 10);
    const file = path.join(dir, `markdown-${folder}-${pipelineFingerprint(projectRoot)}.bin`);
    let entries = new Map<string, CachedBody>();
    try {
      entries = deserialize(await readFile(file)) as Map<string, CachedBody>;
    } catch {
      // No cache yet, or one this Node cannot read: start empty.
    }
    // Caches of this folder written by another pipeline will never be read again.
    if (existsSync(dir)) {
      for (const old of readdirSync(dir).filter((f) => f.startsWith(`markdown-${folder}-`) && path.join(dir, f) !== file)) await rm(path.join(dir, old), { force: true });
    }
    return new DiskRenderCache(file, entries);
  }

  get(key: string): CachedBody | undefined {
    const hit = this.entries.get(key);
    if (hit) this.used.set(key, hit);
    return hit;
  }

  set(key: string, value: CachedBody): void {
    this.used.set(key, value);
  }

  get size(): number {
    return this.used.size;
  }

  async save(): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    await writeFile(this.file, serialize(this.used));
  }
}
