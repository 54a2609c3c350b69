/**
 * The build's worker threads run as plain JavaScript: each entry of this folder is bundled once per process
 * with esbuild (the engine's TypeScript and all) into the project's cache folder, where Node resolves the
 * packages it imports from the project's `node_modules`. Nothing compiles TypeScript while a worker runs.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { CACHE_DIR } from '../../lib/site/cache-fingerprint';

export type WorkerName = 'render' | 'search' | 'graph-shape';

const built = new Map<string, URL>();

/** The script of worker `name`, bundled for `projectRoot` on first use and reused after. */
export function workerScript(name: WorkerName, projectRoot: string): URL {
  const key = `${name}\u0000${projectRoot}`;
  let url = built.get(key);
  if (!url) {
    url = bundle(name, path.join(projectRoot, CACHE_DIR, 'workers'));
    built.set(key, url);
  }
  return url;
}

function bundle(name: WorkerName, outDir: string): URL {
  const entry = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  const result = buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', write: false, logLevel: 'silent' });
  const code = result.outputFiles[0].contents;
  // Named by content: two builds at once never write the same file differently, and a changed engine gets a new file.
  const file = path.join(outDir, `${name}-${createHash('sha1').update(code).digest('base64url').slice(0, 12)}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(outDir, { recursive: true });
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, code);
    renameSync(partial, file);
  }
  return pathToFileURL(file);
}
