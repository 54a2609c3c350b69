/**
 * Files computed from the corpus (search files, link previews), written as
 * plain files once the pages are built, from the corpus the pages were built
 * from, and served from memory in `astro dev`. At 3,000 notes the search files
 * alone are 5,700 small files: as Astro endpoints each went through the page
 * machinery; written here they take well under a second.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { siteCorpus } from '../lib/site/corpus';
import type { Corpus } from '../lib/corpus';

/** Writes `files` (site path → text) under `outDir`, a bounded number at a time. */
export async function writeSiteFiles(outDir: string, files: Map<string, string>): Promise<void> {
  const folders = new Set([...files.keys()].map((p) => path.dirname(path.join(outDir, p))));
  for (const dir of folders) await mkdir(dir, { recursive: true });
  const entries = [...files];
  const BATCH = 256;
  for (let i = 0; i < entries.length; i += BATCH) {
    await Promise.all(entries.slice(i, i + BATCH).map(([p, text]) => writeFile(path.join(outDir, p), text)));
  }
}

export interface CorpusFiles {
  name: string;
  /** The site folder the files live in (`/search/`), for the build's log and the dev server. */
  folder: string;
  /** Every file of a corpus: site path (inside `folder`) → JSON text. */
  contents: (corpus: Corpus) => Map<string, string>;
}

export function corpusFiles({ name, folder, contents }: CorpusFiles): AstroIntegration {
  const computed = new WeakMap<Corpus, Map<string, string>>();
  /** The files of a corpus, computed once per corpus (a changed note in dev makes a new corpus). */
  const filesOf = (corpus: Corpus) => computed.get(corpus) ?? computed.set(corpus, contents(corpus)).get(corpus)!;
  return {
    name,
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const files = filesOf(await siteCorpus());
        await writeSiteFiles(fileURLToPath(dir), files);
        logger.info(`${files.size} file(s) written to ${folder}`);
      },
      'astro:server:setup': ({ server }) => {
        // Astro's dev server takes the base path off every request before this sees it.
        server.middlewares.use(folder, (req, res, next) => {
          const wanted = `${folder}${(req.url ?? '').split('?')[0].replace(/^\//, '')}`;
          siteCorpus().then(
            (corpus) => {
              const text = filesOf(corpus).get(wanted);
              if (text === undefined) return next();
              res.setHeader('Content-Type', 'application/json');
              res.end(text);
            },
            (err: unknown) => next(err),
          );
        });
      },
    },
  };
}
