/**
 * Publishes a vault's attachments (images, PDFs…) under `/attachments/`:
 * copied byte for byte after the build, and served from the content folder
 * by the dev server, so pages link to them the same way in both.
 */
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listAttachments, mapBounded } from '../lib/content/files';
import { isCslBibliography } from '../lib/corpus/bibliography';
import { contentDir } from '../lib/site/config';
import { isAttachmentPath, isIgnoredPath } from '../lib/content/vault';

const TYPES: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif',
  svg: 'image/svg+xml', bmp: 'image/bmp', ico: 'image/x-icon', pdf: 'application/pdf', mp3: 'audio/mpeg', wav: 'audio/wav',
  ogg: 'audio/ogg', m4a: 'audio/mp4', flac: 'audio/flac', mp4: 'video/mp4', webm: 'video/webm', mov: 'video/quicktime',
  csv: 'text/csv; charset=utf-8', txt: 'text/plain; charset=utf-8', json: 'application/json', zip: 'application/zip',
};

/** A CSL-JSON bibliography is a reader's library, read for its entries and never published as it is. */
async function isBibliography(root: string, file: string): Promise<boolean> {
  return /\.json$/i.test(file) && isCslBibliography(await readFile(path.join(root, file), 'utf8').catch(() => ''));
}

/** Copies every attachment of the content folder into `<outDir>/attachments/`, keeping its path; bibliographies stay out. */
export async function copyAttachments(root: string, outDir: string): Promise<number> {
  const listed = await listAttachments(root);
  const bibliographies = new Set((await mapBounded(listed, async (f) => ((await isBibliography(root, f)) ? f : ''))).filter(Boolean));
  const files = listed.filter((f) => !bibliographies.has(f));
  const folders = new Set(files.map((f) => path.dirname(path.join(outDir, 'attachments', f))));
  await mapBounded([...folders], (dir) => mkdir(dir, { recursive: true }));
  await mapBounded(files, (f) => copyFile(path.join(root, f), path.join(outDir, 'attachments', f)));
  return files.length;
}

export default function attachments(): AstroIntegration {
  return {
    name: 'vault-attachments',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const count = await copyAttachments(path.resolve(contentDir()), fileURLToPath(dir));
        if (count) logger.info(`${count} attachment(s) copied to /attachments/`);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use('/attachments/', (req, res, next) => {
          const root = path.resolve(contentDir());
          let relative: string;
          try {
            relative = decodeURIComponent((req.url ?? '').split('?')[0]).replace(/^\/+/, '');
          } catch {
            return next();
          }
          const file = path.resolve(root, relative);
          // Only attachments inside the content folder; never `..`, dot-folders or Markdown sources.
          if (!file.startsWith(root + path.sep) || isIgnoredPath(relative) || !isAttachmentPath(relative)) return next();
          Promise.all([stat(file), isBibliography(root, relative)]).then(
            ([info, bibliography]) => {
              if (!info.isFile() || bibliography) return next();
              res.setHeader('Content-Type', TYPES[path.extname(file).slice(1).toLowerCase()] ?? 'application/octet-stream');
              res.setHeader('Content-Length', info.size);
              createReadStream(file).pipe(res);
            },
            () => next(),
          );
        });
      },
    },
  };
}
