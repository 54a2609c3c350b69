/**
 * The build session: one per `astro build` or `astro dev`, opened by the `researchGraph()` integration with
 * the site's checked options. It owns the corpus (read and rendered once, however many pages ask), the
 * content folder's git history, the work started beside the pages (the graph's layout in a worker), the
 * second Markdown thread, and the checkpoint where long work lets the build collect memory.
 *
 * Pages reach it through `siteSession()`, the one entry point. Astro renders pages from its own bundle of
 * this module while integrations run another copy, so the session is kept in one registry on `globalThis`
 * (`research-graph.session`), which holds the session and nothing else.
 */
import path from 'node:path';
import { formatProblem, type Problem } from '../content/problems';
import { loadCorpus, type Corpus, type RenderHelper, type RenderSources } from '../corpus';
import { gitHistory, type FileHistory } from '../corpus/dates';
import type { Graph } from '../graph/graph';
import { interfaceFor, type Interface } from './interface-text';
import { bibliographySettings, type SiteOptions } from './options';
import { DiskRenderCache } from './render-cache-store';
import type { GraphShapeResults } from './shape-cache';
import { siteAddress } from './urls';

/** Starts a thread that renders bodies beside the build (src/integrations/render-helper.ts). */
export type StartRenderHelper = (sources: RenderSources, list: string[]) => RenderHelper;

export class BuildSession {
  private corpusOfBuild?: Promise<Corpus>;
  private historyOfBuild?: Promise<FileHistory>;
  private readonly listeners: ((corpus: Corpus) => void)[] = [];
  private readonly checkpointTasks = new Set<() => void>();
  private readonly shapes = new WeakMap<Graph, Promise<GraphShapeResults>>();
  private renderHelper?: StartRenderHelper;
  private interfaceOfSite?: Interface;

  constructor(
    readonly options: SiteOptions,
    /** The Astro project's root, where caches are kept. */
    readonly projectRoot = process.cwd(),
  ) {}

  /** What the site says in its own voice, in the language of its option `lang` (English when there is no table for it). */
  get interface(): Interface {
    return (this.interfaceOfSite ??= interfaceFor(this.options.lang));
  }

  /** The content folder, absolute. */
  get contentRoot(): string {
    return path.resolve(this.projectRoot, this.options.content);
  }

  /** The corpus, loaded once per session (or again after `forgetCorpus`), with its problems printed once. */
  corpus(): Promise<Corpus> {
    this.corpusOfBuild ??= this.load().then((corpus) => {
      reportProblems(corpus.problems, this.contentRoot);
      for (const listener of this.listeners) listener(corpus);
      return corpus;
    });
    return this.corpusOfBuild;
  }

  /** Forgets the corpus, so the next page that asks reads the folder again (the dev server, after a file changed). */
  forgetCorpus(): void {
    this.corpusOfBuild = undefined;
  }

  /** The content folder's git history (first and last commit of each file), read once. */
  history(): Promise<FileHistory> {
    return (this.historyOfBuild ??= gitHistory(this.contentRoot));
  }

  /** Calls `listener` with each corpus as soon as it is loaded: work that needs the corpus but not the pages starts there. */
  whenCorpusLoaded(listener: (corpus: Corpus) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Runs `task` at each checkpoint of long synchronous work (the bodies' rendering), where timers wait: the
   * build's heap check. Returns a function that stops it.
   */
  atCheckpoints(task: () => void): () => void {
    this.checkpointTasks.add(task);
    return () => this.checkpointTasks.delete(task);
  }

  /** Has the corpus render its bodies on a second thread too, from `options.renderHelperFrom` bodies on. */
  renderBodiesWith(start: StartRenderHelper): void {
    this.renderHelper = start;
  }

  /** Says that `graph`'s communities and layout are being computed elsewhere (a worker), to be awaited rather than computed again. */
  graphShapeBeside(graph: Graph, results: Promise<GraphShapeResults>): void {
    // Awaited by the graph's data file; a failure there is computed again, never left unhandled.
    results.catch(() => undefined);
    this.shapes.set(graph, results);
  }

  /** The communities and layout being computed for `graph` elsewhere, if they are. */
  graphShapeOf(graph: Graph): Promise<GraphShapeResults> | undefined {
    return this.shapes.get(graph);
  }

  /** Where the graph's data file finds `graph`'s communities and layout: the worker's, else the cache (when on). */
  graphShapeSource(graph: Graph): { beside?: Promise<GraphShapeResults>; cacheRoot?: string } {
    return { beside: this.shapes.get(graph), cacheRoot: this.options.renderCache ? this.projectRoot : undefined };
  }

  /** Reads the folder, reusing the bodies an earlier build rendered (unless the cache is off), and keeps this build's for the next. */
  private async load(): Promise<Corpus> {
    const { options } = this;
    const start = this.renderHelper;
    const loadOptions = {
      bibliographies: options.bibliography,
      dialect: options.dialect,
      bibliography: bibliographySettings(options),
      // Bodies are rendered once for every base: their site paths are marked, and each page writes its base.
      siteAddress,
      checkpoint: () => this.checkpointTasks.forEach((task) => task()),
      renderHelper: start && options.parallelism > 1 ? start : undefined,
      helperFrom: options.renderHelperFrom,
      // Dataview's file.ctime and file.mtime; read beside the files.
      history: this.history(),
    };
    if (!options.renderCache) return loadCorpus(this.contentRoot, loadOptions);
    const cache = await DiskRenderCache.open(this.contentRoot, this.projectRoot).catch(() => undefined);
    const corpus = await loadCorpus(this.contentRoot, { ...loadOptions, cache });
    // A cache that cannot be written (a read-only checkout) costs the next build time, nothing else.
    await cache?.save().catch(() => undefined);
    return corpus;
  }
}

/** How an integration reaches the session of its build: opened once Astro has said where the project is. */
export type SessionOf = () => BuildSession;

const REGISTRY = Symbol.for('research-graph.session');
const registry = globalThis as { [REGISTRY]?: BuildSession };

/** Opens the session of a build (the integration does, once its options are checked); it replaces any earlier one. */
export function openSession(options: SiteOptions, projectRoot?: string): BuildSession {
  return (registry[REGISTRY] = new BuildSession(options, projectRoot));
}

/** The session of the build being rendered: what every page and endpoint reads. */
export function siteSession(): BuildSession {
  const session = registry[REGISTRY];
  if (!session) throw new Error('no research-graph build session: add researchGraph() to the integrations of astro.config.mjs');
  return session;
}

/** The corpus of the site being built. */
export const siteCorpus = (): Promise<Corpus> => siteSession().corpus();

/** The interface text of the site being built: `const { text } = siteInterface()`. */
export const siteInterface = (): Interface => siteSession().interface;

/** The content folder's git history, read once per build. */
export const siteHistory = (): Promise<FileHistory> => siteSession().history();

export function reportProblems(problems: Problem[], root: string, log: (line: string) => void = (l) => console.warn(l)): void {
  if (problems.length === 0) return;
  const errors = problems.filter((p) => p.severity === 'error').length;
  log(`\n${errors} error(s), ${problems.length - errors} warning(s) in ${root}:`);
  for (const p of problems) log(`  ${formatProblem(p)}`);
  if (errors) log(`Files with errors are left out of the site until they are fixed.\n`);
}
