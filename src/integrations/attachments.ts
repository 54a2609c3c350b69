/**
 * Publishes a vault's attachments (images, PDFs, any file a page links to)
 * under `/attachments/`: copied byte for byte after the build, and served from
 * the content folder by the dev server, so pages link to them the same way in
 * both. Only files a published page links to or embeds are published: a file
 * only a private note uses stays private.
 */
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { mapBounded } from '../lib/content/files';
import { isIgnoredPath } from '../lib/content/vault';
import { withBase } from '../lib/site/urls';
import type { SessionOf } from '../lib/site/session';

const TYPES: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif',
  svg: 'image/svg+xml', bmp: 'image/bmp', ico: 'image/x-icon', pdf: 'application/pdf', mp3: 'audio/mpeg', wav: 'audio/wav',
  ogg: 'audio/ogg', m4a: 'audio/mp4', flac: 'audio/flac', mp4: 'video/mp4', webm: 'video/webm', mov: 'video/quicktime',
  csv: 'text/csv; charset=utf-8', txt: 'text/plain; charset=utf-8', json: 'application/json', zip: 'application/zip',
};

/** Copies `files` (attachments, relative to the content folder `root`) into `<outDir>/attachments/`, keeping their paths. */
export async function copyAttachments(root: string, outDir: string, files: string[]): Promise<number> {
  const folders = new Set(files.map((f) => path.dirname(path.join(outDir, 'attachments', f))));
  await mapBounded([...folders], (dir) => mkdir(dir, { recursive: true }));
  await mapBounded(files, (f) => copyFile(path.join(root, f), path.join(outDir, 'attachments', f)));
  return files.length;
}

export default function attachments(sessionOf: SessionOf): AstroIntegration {
  return {
    name: 'vault-attachments',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const session = sessionOf();
        const corpus = await session.corpus();
        const siteDir = path.join(fileURLToPath(dir), session.options.prefix);
        const count = await copyAttachments(session.contentRoot, siteDir, corpus.linkedAttachments);
        if (count) logger.info(`${count} attachment(s) copied to /attachments/`);
        // Everything that could be published was; the build fails only when that was nothing at all.
        if (corpus.documents.size === 0) {
          // Astro exits 0 after a build whatever its hooks set: failing the build is the way to say so.
          const failure = new Error(`nothing could be published: no file of ${session.options.content} became a page (the problems above say why each was left out; run npm run check)`);
          failure.stack = failure.message;
          throw failure;
        }
      },
      'astro:server:setup': ({ server }) => {
        const session = sessionOf();
        server.middlewares.use(withBase('/attachments/', session.options.prefix), (req, res, next) => {
          const root = session.contentRoot;
          let relative: string;
          try {
            relative = decodeURIComponent((req.url ?? '').split('?')[0]).replace(/^\/+/, '');
          } catch {
            return next();
          }
          const file = path.resolve(root, relative);
          // Only files inside the content folder that a published page links to; never `..` or dot-folders.
          if (!file.startsWith(root + path.sep) || isIgnoredPath(relative)) return next();
          session
            .corpus()
            .then((corpus) => (corpus.linkedAttachments.includes(relative) ? stat(file) : Promise.reject(new Error('not linked'))))
            .then(
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
