/**
 * Publishes a vault's attachments (images, PDFs…) under `/attachments/`:
 * copied byte for byte after the build, and served from the content folder
 * by the dev server, so pages link to them the same way in both.
 */
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listAttachments } from '../lib/content/files';
import { contentDir } from '../lib/site/config';
import { isAttachmentPath, isIgnoredPath } from '../lib/content/vault';

const TYPES: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif',
  svg: 'image/svg+xml', bmp: 'image/bmp', ico: 'image/x-icon', pdf: 'application/pdf', mp3: 'audio/mpeg', wav: 'audio/wav',
  ogg: 'audio/ogg', m4a: 'audio/mp4', flac: 'audio/flac', mp4: 'video/mp4', webm: 'video/webm', mov: 'video/quicktime',
  csv: 'text/csv; charset=utf-8', txt: 'text/plain; charset=utf-8', json: 'application/json', zip: 'application/zip',
};

/** Copies every attachment of the content folder into `<outDir>/attachments/`, keeping its path. */
export async function copyAttachments(root: string, outDir: string): Promise<number> {
  const files = await listAttachments(root);
  const folders = new Set(files.map((f) => path.dirname(path.join(outDir, 'attachments', f))));
  await Promise.all([...folders].map((dir) => mkdir(dir, { recursive: true })));
  await Promise.all(files.map((f) => copyFile(path.join(root, f), path.join(outDir, 'attachments', f))));
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
          stat(file).then(
            (info) => {
              if (!info.isFile()) return next();
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
