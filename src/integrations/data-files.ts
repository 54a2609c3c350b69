/**
 * The site's data files (search files, link previews, explorer branches, the graph's data), published under
 * hashed names with their manifest (src/lib/site/data-publishing.ts): written as plain files once the pages are built,
 * from the corpus the pages were built from, and served from memory in `astro dev`. The search files alone are
 * thousands of small files: as Astro endpoints each went through the page machinery (docs/benchmarks.md, "search
 * files are written, not rendered").
 *
 * The search index, whose making is costly, starts in a worker thread as soon as the corpus is loaded, while
 * Astro renders the pages, and is awaited once they are built; if that fails, it is made then, in this thread,
 * and the log says why.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { mapBounded } from '../lib/content/files';
import type { Corpus } from '../lib/corpus';
import type { SearchDocument } from '../lib/search/wire/index-rules';
import { dataFileContents, publishDataFiles } from '../lib/site/data-publishing';
import { DATA_MANIFEST_PATH } from '../lib/site/data-manifest';
import { PART_TEXT_BYTES, TAKE_AWAY, takeAwayPaths } from '../lib/site/take-away';
import { searchFileContentsBeside } from '../lib/site/search-file-set';
import type { BuildSession, SessionOf } from '../lib/site/session';
import { withBase } from '../lib/site/urls';
import { inWorker } from './worker';
import { workerScript } from './workers/built';

/** Writes `files` (site path → text) under `outDir`, a bounded number at a time. */
export async function writeSiteFiles(outDir: string, files: Map<string, string>): Promise<void> {
  const folders = new Set([...files.keys()].map((p) => path.dirname(path.join(outDir, p))));
  for (const dir of folders) await mkdir(dir, { recursive: true });
  await mapBounded([...files], ([p, text]) => writeFile(path.join(outDir, p), text));
}

/** Site paths as paths in the Astro site: under the option `prefix`. */
export const underPrefix = (files: Map<string, string>, prefix: string): Map<string, string> =>
  prefix === '/' ? files : new Map([...files].map(([p, text]) => [withBase(p, prefix), text]));

/** The search manifest and shards of `documents`, made by a worker thread. */
const indexInWorker = (session: BuildSession) => async (documents: SearchDocument[]) => {
  const workerData = { documents, heapGrowth: session.options.heapGrowth };
  return new Map(await inWorker<[string, string][]>(workerScript('search', session.projectRoot), workerData, 'search', session.options.parallelism));
};

/** Where data files live, besides the manifest: what the dev server looks for among them. */
const DATA_FOLDERS = ['/files/', '/search/', '/previews/', '/explorer/', '/graph/'];

/** Every data file of a corpus as published. */
const published = async (corpus: Corpus, session: BuildSession, search?: Promise<Map<string, string>>) =>
  publishDataFiles(await dataFileContents(corpus, { search, graph: session.graphShapeSource(corpus.graph), words: session.interface }));

export default function dataFiles(sessionOf: SessionOf): AstroIntegration {
  /** The files of a corpus in dev, computed once per corpus (a changed note makes a new corpus). */
  const served = new WeakMap<Corpus, Promise<Map<string, string>>>();
  const search = new WeakMap<Corpus, Promise<Map<string, string>>>();
  return {
    name: 'data-files',
    hooks: {
      'astro:build:start': () => {
        const session = sessionOf();
        session.whenCorpusLoaded((corpus) => {
          if (search.has(corpus)) return;
          const files = searchFileContentsBeside(corpus, indexInWorker(session));
          // Handled once the pages are built; until then a failure must not count as unhandled (it would end the process).
          files.catch(() => undefined);
          search.set(corpus, files);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const session = sessionOf();
        const corpus = await session.corpus();
        let how = '';
        let beside = search.get(corpus);
        try {
          await beside;
          if (beside) how = ' (the search index made beside the pages)';
        } catch (err) {
          how = ` (the search index made after the pages: the work beside them failed: ${(err as Error).message})`;
          beside = undefined;
        }
        const files = await published(corpus, session, beside);
        await writeSiteFiles(fileURLToPath(dir), underPrefix(files, session.options.prefix));
        logger.info(`${files.size} data file(s) written, found through ${withBase(DATA_MANIFEST_PATH, session.options.prefix)}${how}`);
        // A take-away file too large for a static host is published gzipped (in parts past a size), as pages link to it.
        for (const file of TAKE_AWAY) {
          const published = takeAwayPaths(corpus, file);
          if (published[0] === file) continue;
          const at = (p: string) => path.join(fileURLToPath(dir), withBase(p, session.options.prefix));
          const text = await readFile(at(file));
          for (const [i, part] of published.entries()) await writeFile(at(part), gzipSync(text.subarray(i * PART_TEXT_BYTES, (i + 1) * PART_TEXT_BYTES)));
          await rm(at(file));
          logger.info(`${file} is over the 25 MiB a file may weigh on Cloudflare Pages: published as ${published.join(', ')}`);
        }
      },
      'astro:server:setup': ({ server }) => {
        // Astro's dev server takes the base path off every request before this sees it.
        const session = sessionOf();
        server.middlewares.use(withBase('/', session.options.prefix), (req, res, next) => {
          const wanted = `/${(req.url ?? '').split('?')[0].replace(/^\//, '')}`;
          if (!wanted.endsWith('.json') || !DATA_FOLDERS.some((f) => wanted === DATA_MANIFEST_PATH || wanted.startsWith(f))) return next();
          session
            .corpus()
            .then((corpus) => served.get(corpus) ?? served.set(corpus, published(corpus, session)).get(corpus)!)
            .then(
              (files) => {
                const text = files.get(wanted);
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
