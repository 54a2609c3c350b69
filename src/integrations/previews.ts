/**
 * Splits the one file of link previews the build renders (`/previews.json`)
 * into a small file per item (`/previews/notes/x.json`), written as plain
 * files after the build: one route, however many items, so the build does not
 * pay Astro's cost per page for thousands of tiny JSON files.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ALL_PREVIEWS_PATH, previewPath } from '../lib/site/previews';

export async function splitPreviews(outDir: string): Promise<number> {
  const all = path.join(outDir, ALL_PREVIEWS_PATH);
  const previews = JSON.parse(await readFile(all, 'utf8')) as Record<string, unknown>;
  const files = Object.entries(previews).map(([id, preview]) => [path.join(outDir, previewPath(id)), JSON.stringify(preview)] as const);
  await Promise.all([...new Set(files.map(([file]) => path.dirname(file)))].map((dir) => mkdir(dir, { recursive: true })));
  // In batches: thousands of writes at once would exhaust file handles.
  for (let i = 0; i < files.length; i += 256) await Promise.all(files.slice(i, i + 256).map(([file, json]) => writeFile(file, json)));
  await rm(all);
  return files.length;
}

export default function previews(): AstroIntegration {
  return {
    name: 'link-previews',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const count = await splitPreviews(fileURLToPath(dir));
        logger.info(`${count} link preview(s) written to /previews/`);
      },
    },
  };
}
