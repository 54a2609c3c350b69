/**
 * Files computed from the corpus (search files, link previews), written as
 * plain files once the pages are built, from the corpus the pages were built
 * from, and served from memory in `astro dev`. The search files alone are thousands of small files: as Astro
 * endpoints each went through the page machinery (docs/benchmarks.md, "search files are written, not rendered").
 *
 * Files whose making is costly can start in a build as soon as the corpus is
 * loaded (`beside`: the search index is made in a worker thread while Astro
 * renders the pages) and are awaited once the pages are built; if that
 * fails, they are made then, in this thread, and the log says why.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { mapBounded } from '../lib/content/files';
import type { Corpus } from '../lib/corpus';
import type { BuildSession, SessionOf } from '../lib/site/session';
import { withBase } from '../lib/site/urls';

/** Writes `files` (site path → text) under `outDir`, a bounded number at a time. */
export async function writeSiteFiles(outDir: string, files: Map<string, string>): Promise<void> {
  const folders = new Set([...files.keys()].map((p) => path.dirname(path.join(outDir, p))));
  for (const dir of folders) await mkdir(dir, { recursive: true });
  await mapBounded([...files], ([p, text]) => writeFile(path.join(outDir, p), text));
}

export interface CorpusFiles {
  name: string;
  /** The site folder the files live in (`/search/`), for the build's log and the dev server. */
  folder: string;
  /** Every file of a corpus: site path (inside `folder`) → JSON text. */
  contents: (corpus: Corpus) => Map<string, string>;
  /** The same files, made beside the page rendering of a build (in a worker thread). */
  beside?: (corpus: Corpus, session: BuildSession) => Promise<Map<string, string>>;
}

/** Site paths of the explorer as paths in the Astro site: under the option `prefix`. */
export const underPrefix = (files: Map<string, string>, prefix: string): Map<string, string> =>
  prefix === '/' ? files : new Map([...files].map(([p, text]) => [withBase(p, prefix), text]));

export function corpusFiles(sessionOf: SessionOf, { name, folder, contents, beside }: CorpusFiles): AstroIntegration {
  const computed = new WeakMap<Corpus, Map<string, string>>();
  /** The files of a corpus, computed once per corpus (a changed note in dev makes a new corpus). */
  const filesOf = (corpus: Corpus) => computed.get(corpus) ?? computed.set(corpus, contents(corpus)).get(corpus)!;
  const background = new WeakMap<Corpus, Promise<Map<string, string>>>();
  return {
    name,
    hooks: {
      'astro:build:start': () => {
        if (!beside) return;
        const session = sessionOf();
        session.whenCorpusLoaded((corpus) => {
          if (background.has(corpus)) return;
          const files = beside(corpus, session);
          // Handled once the pages are built; until then a failure must not count as unhandled (it would end the process).
          files.catch(() => undefined);
          background.set(corpus, files);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const session = sessionOf();
        const corpus = await session.corpus();
        let files: Map<string, string> | undefined;
        let how = '';
        try {
          files = await background.get(corpus);
          if (files) how = ' (made beside the pages)';
        } catch (err) {
          how = ` (made after the pages: the work beside them failed: ${(err as Error).message})`;
        }
        files ??= filesOf(corpus);
        await writeSiteFiles(fileURLToPath(dir), underPrefix(files, session.options.prefix));
        logger.info(`${files.size} file(s) written to ${withBase(folder, session.options.prefix)}${how}`);
      },
      'astro:server:setup': ({ server }) => {
        // Astro's dev server takes the base path off every request before this sees it.
        const session = sessionOf();
        server.middlewares.use(withBase(folder, session.options.prefix), (req, res, next) => {
          const wanted = `${folder}${(req.url ?? '').split('?')[0].replace(/^\//, '')}`;
          session.corpus().then(
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
