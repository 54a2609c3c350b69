/**
 * Writes the search files (manifest, term shards, result records) as plain
 * files once the pages are built, from the corpus the pages were built from,
 * and serves the same files from memory in `astro dev`. At 3,000 notes these
 * are 5,700 small files: as Astro endpoints each went through the page
 * machinery; written here they take well under a second.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { siteCorpus } from '../lib/site/corpus';
import type { Corpus } from '../lib/corpus';
import { searchFileContents } from '../lib/site/search-files';

const computed = new WeakMap<Corpus, Map<string, string>>();
/** The search files of a corpus, computed once per corpus (a changed note in dev makes a new corpus). */
const filesOf = (corpus: Corpus) => computed.get(corpus) ?? computed.set(corpus, searchFileContents(corpus)).get(corpus)!;

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

export default function searchFiles(): AstroIntegration {
  return {
    name: 'search-files',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const files = filesOf(await siteCorpus());
        await writeSiteFiles(fileURLToPath(dir), files);
        logger.info(`${files.size} search files written to /search/`);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use('/search/', (req, res, next) => {
          const wanted = `/search${(req.url ?? '').split('?')[0]}`;
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
