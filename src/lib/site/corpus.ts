/**
 * The corpus of the site being built: loaded once per process however many
 * pages ask, with its problems printed once. The cache lives on `globalThis`
 * because Astro renders pages from its own bundle of this module while the
 * site's integrations (search files, dev server) import another copy: both
 * must see the one corpus, read and rendered once.
 */
import path from 'node:path';
import { formatProblem, type Problem } from '../content/problems';
import { loadCorpus, type Corpus, type RenderHelper, type RenderSources } from '../corpus';
import { gitHistory, type FileHistory } from '../corpus/dates';
import { bibliographyFiles, bibliographyOptions, contentDialect, contentDir } from './config';
import { DiskRenderCache } from './render-cache';
import { BASE, href } from './urls';

const STORE = Symbol.for('research-graph.corpora');
const loaded: Map<string, Promise<Corpus>> = ((globalThis as { [STORE]?: Map<string, Promise<Corpus>> })[STORE] ??= new Map());
const LISTENERS = Symbol.for('research-graph.corpus-listeners');
const listeners: ((corpus: Corpus) => void)[] = ((globalThis as { [LISTENERS]?: ((corpus: Corpus) => void)[] })[LISTENERS] ??= []);

const HOUSEKEEPING = Symbol.for('research-graph.housekeeping');
const housekeeping: Set<() => void> = ((globalThis as { [HOUSEKEEPING]?: Set<() => void> })[HOUSEKEEPING] ??= new Set());

/**
 * Runs `task` now and then while a corpus renders its bodies, one long synchronous stretch in which timers
 * wait (the build's heap check, src/integrations/heap-bound.ts). Returns a function that stops it.
 */
export function duringRendering(task: () => void): () => void {
  housekeeping.add(task);
  return () => housekeeping.delete(task);
}

const HELPER = Symbol.for('research-graph.render-helper');
/** Starts a thread that renders bodies under `base` (src/integrations/render-helper.ts). */
export type StartSiteRenderHelper = (sources: RenderSources, list: string[], base: string) => RenderHelper;
const helperStore = globalThis as { [HELPER]?: { start: StartSiteRenderHelper; from: number } };

/**
 * Has corpora render their bodies on a second thread too, from `from` bodies to render on
 * (src/lib/corpus/render-helper.ts). Set by an integration: the worker's script is the integration's file,
 * outside the bundle pages are rendered from.
 */
export function renderBodiesWith(start: StartSiteRenderHelper, from: number): void {
  helperStore[HELPER] = { start, from };
}

/** Calls `listener` with each corpus as soon as it is loaded: work that needs the corpus but not the pages starts there. */
export function whenCorpusLoaded(listener: (corpus: Corpus) => void): void {
  listeners.push(listener);
}

/**
 * The corpus of a folder, loaded once per process however many pages ask,
 * with its problems printed once.
 */
export function corpusOnce(root: string): Promise<Corpus> {
  const key = path.resolve(root);
  let corpus = loaded.get(key);
  if (!corpus) {
    corpus = loadWithCache(key).then((c) => {
      reportProblems(c.problems, key);
      for (const listener of listeners) listener(c);
      return c;
    });
    loaded.set(key, corpus);
  }
  return corpus;
}

/** Loads a folder, reusing the bodies a previous build rendered (unless `RENDER_CACHE=0`), and keeps this build's for the next. */
async function loadWithCache(root: string): Promise<Corpus> {
  // Bodies link to other pages under the base the site is published at.
  const helper = helperStore[HELPER];
  const options = {
    bibliographies: bibliographyFiles(),
    dialect: contentDialect(),
    bibliography: bibliographyOptions(),
    siteAddress: href,
    checkpoint: () => housekeeping.forEach((task) => task()),
    // The helper writes links under the base this module writes them under, whatever the integration was told.
    renderHelper: helper && ((sources: RenderSources, list: string[]) => helper.start(sources, list, BASE)),
    helperFrom: helper?.from,
  };
  if (process.env.RENDER_CACHE === '0') return loadCorpus(root, options);
  const cache = await DiskRenderCache.open(root, process.cwd(), BASE).catch(() => undefined);
  const corpus = await loadCorpus(root, { ...options, cache });
  // A cache that cannot be written (a read-only checkout) costs the next build time, nothing else.
  await cache?.save().catch(() => undefined);
  return corpus;
}

/** Forgets a folder's corpus, so the next page that asks reads it again (the dev server, after a file changed). */
export function forgetCorpus(root: string): void {
  loaded.delete(path.resolve(root));
}

export function reportProblems(problems: Problem[], root: string, log: (line: string) => void = (l) => console.warn(l)): void {
  if (problems.length === 0) return;
  const errors = problems.filter((p) => p.severity === 'error').length;
  log(`\n${errors} error(s), ${problems.length - errors} warning(s) in ${root}:`);
  for (const p of problems) log(`  ${formatProblem(p)}`);
  if (errors) log(`Files with errors are left out of the site until they are fixed.\n`);
}

export const siteCorpus = (): Promise<Corpus> => corpusOnce(contentDir());

let history: Promise<FileHistory> | undefined;

/** The content folder's git history (first and last commit of each file), read once per build. */
export const siteHistory = (): Promise<FileHistory> => (history ??= gitHistory(contentDir()));
