/**
 * Writes the search files (manifest, term shards, result records) as plain
 * files once the pages are built, from the corpus the pages were built from,
 * and serves the same files from memory in `astro dev`. At 3,000 notes these
 * are 5,700 small files: as Astro endpoints each went through the page
 * machinery; written here they take well under a second.
 *
 * In a build the index is made in a worker thread (./search-worker.mjs) from
 * the moment the corpus is loaded, beside the page rendering; where a worker
 * cannot run, it is made here once the pages are built.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { mapBounded } from '../lib/content/files';
import { siteCorpus, whenCorpusLoaded } from '../lib/site/corpus';
import type { Corpus } from '../lib/corpus';
import type { SearchDocument } from '../lib/search/wire/options';
import { searchFileContents, searchFileContentsBeside } from '../lib/site/search-files';

const computed = new WeakMap<Corpus, Map<string, string>>();
/** The search files of a corpus, computed once per corpus (a changed note in dev makes a new corpus). */
const filesOf = (corpus: Corpus) => computed.get(corpus) ?? computed.set(corpus, searchFileContents(corpus)).get(corpus)!;

/** Writes `files` (site path → text) under `outDir`, a bounded number at a time. */
export async function writeSiteFiles(outDir: string, files: Map<string, string>): Promise<void> {
  const folders = new Set([...files.keys()].map((p) => path.dirname(path.join(outDir, p))));
  for (const dir of folders) await mkdir(dir, { recursive: true });
  await mapBounded([...files], ([p, text]) => writeFile(path.join(outDir, p), text));
}

/** The manifest and shards of `documents`, made by a worker thread. */
function indexInWorker(documents: SearchDocument[]): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./search-worker.mjs', import.meta.url), { workerData: documents });
    worker.once('message', (entries: [string, string][]) => {
      resolve(new Map(entries));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the search worker stopped (exit code ${code})`)));
  });
}

/** Search files being made beside the page rendering, by corpus. */
const background = new WeakMap<Corpus, Promise<Map<string, string>>>();

export default function searchFiles(): AstroIntegration {
  return {
    name: 'search-files',
    hooks: {
      'astro:build:start': () => {
        whenCorpusLoaded((corpus) => {
          if (background.has(corpus)) return;
          const files = searchFileContentsBeside(corpus, indexInWorker);
          // Handled when the build is done; until then a failure must not count as unhandled (it would end the process).
          files.catch(() => undefined);
          background.set(corpus, files);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const corpus = await siteCorpus();
        let files: Map<string, string> | undefined;
        let how = 'made after the pages';
        try {
          files = await background.get(corpus);
          if (files) how = 'made beside the pages';
        } catch (err) {
          how = `made after the pages: the worker failed (${(err as Error).message})`;
        }
        files ??= filesOf(corpus);
        await writeSiteFiles(fileURLToPath(dir), files);
        logger.info(`${files.size} search files written to /search/ (index ${how})`);
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
