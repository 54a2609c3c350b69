/**
 * The previous build's output is taken out of the way at once and deleted
 * beside the new build, not before it. Astro empties the output folder file by
 * file before it builds, with nothing else done meanwhile (docs/benchmarks.md has the profile). Here the folder is renamed
 * aside (one system call), a new one takes its place, and a worker thread
 * deletes the old one while the pages render; the build ends once it is gone.
 *
 * As Astro does, a `.git` folder in the output is kept. Where the folder cannot
 * be renamed (a mount point, a folder another program holds open), it is
 * emptied in place, as Astro would have.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';

/** Kept in the output folder across builds, as Astro keeps it. */
const KEPT = '.git';

/** The name an old output folder has while it is deleted, beside the new one: `.dist-removing-<process id>`. */
export const removingName = (outDir: string, pid = process.pid) => `.${path.basename(outDir)}-removing-${pid}`;
const REMOVING = /^\.(.+)-removing-\d+$/;

/** Deletes folders in a worker thread; resolves once they are gone (or could not be: a leftover is not worth failing a build for). */
function removeBeside(folders: string[]): Promise<void> {
  if (folders.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const worker = new Worker(
      `const { rmSync } = require('node:fs');
       for (const folder of require('node:worker_threads').workerData) rmSync(folder, { recursive: true, force: true, maxRetries: 3 });`,
      { eval: true, workerData: folders },
    );
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
  });
}

/**
 * Moves the output folder's contents out of the way and returns the folders to delete: the old output
 * under its new name, and any a build that was stopped before its end left behind.
 */
export function setAside(outDir: string): string[] {
  const parent = path.dirname(outDir);
  const leftovers = existsSync(parent) ? readdirSync(parent).filter((name) => REMOVING.exec(name)?.[1] === path.basename(outDir)).map((name) => path.join(parent, name)) : [];
  if (!existsSync(outDir)) return leftovers;
  const aside = path.join(parent, removingName(outDir));
  try {
    renameSync(outDir, aside);
  } catch {
    for (const name of readdirSync(outDir)) if (name !== KEPT) rmSync(path.join(outDir, name), { recursive: true, force: true });
    return leftovers;
  }
  mkdirSync(outDir, { recursive: true });
  if (existsSync(path.join(aside, KEPT))) renameSync(path.join(aside, KEPT), path.join(outDir, KEPT));
  return [...leftovers.filter((f) => f !== aside), aside];
}

export default function outDir(): AstroIntegration {
  let folder: string | undefined;
  let removing: Promise<void> | undefined;
  return {
    name: 'out-dir',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        // Astro's own emptying is turned off only where this integration does it instead.
        if (command === 'build') updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        folder = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        if (!folder) return;
        try {
          removing = removeBeside(setAside(folder));
        } catch (err) {
          // Old pages left in the output could be those of notes since made private: no build on top of them.
          throw new Error(`could not empty the output folder ${folder} (${(err as Error).message}); delete it and build again`);
        }
      },
      'astro:build:done': async () => {
        await removing;
      },
    },
  };
}
