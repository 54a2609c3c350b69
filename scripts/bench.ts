/**
 * npm run bench [-- --notes 1000,10000] [--seed 1] [--skip-build] [--no-md] [--queries 1000]
 * npm run bench -- --notes 50000 --builds-only
 *
 * --skip-build reuses sites built by an earlier run (for working on the
 * browser measurements); build figures are then left out.
 *
 * --builds-only builds our site and the bare one and nothing else: for the
 * 50,000-note row, whose other steps would take hours. Its figures go to
 * bench/results-large.json and a table of their own in BENCHMARKS.md, so the
 * main table stays as the last full run left it.
 *
 * --queries adds that many Dataview queries to each generated corpus (gen-corpus's option of the same name),
 * so a run with and a run without show what evaluating them adds to the build.
 *
 * For each corpus size: generate the synthetic corpus, build our site and a
 * bare Astro site from the same files (wall time, peak RSS of the process
 * tree), build the graph with the engine, measure search (ours and Pagefind's)
 * and page weight in headless Chromium. Prints a table, writes
 * bench/results.json and refreshes the table in BENCHMARKS.md. Every step
 * that fails says why and the others go on.
 */
import { cp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { slugify } from '../src/lib/content/ids';
import { DEFAULT_SEED } from './bench/synthetic-corpus';
import { launchBrowser, measureGraphPage, measureOurSearch, measurePage, measurePagefind, type SearchFigures } from './bench/browser';
import { writeCorpus } from './bench/corpus';
import { runMeasured } from './bench/measure';
import { checkLargeTargets, checkTargets, failed, largeReport, markdownReport, textReport, type BuildFigures, type GraphFigures, type IndexFigures, type Results, type SizeRun, type Step } from './bench/report';
import { serveStatic, type StaticServer } from './bench/serve';
import { changedFiles, largestFile, snapshotSite } from './bench/site-files';

const ROOT = resolve(import.meta.dirname, '..');
const ASTRO = join(ROOT, 'node_modules/astro/astro.js');
const PAGEFIND = join(ROOT, 'node_modules/.bin/pagefind');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const TMP = join(ROOT, 'bench/tmp');

const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '1000,10000' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    queries: { type: 'string', default: '0' },
    'node-options': { type: 'string', default: '--max-old-space-size=8192 --expose-gc' },
    'graph-repeats': { type: 'string', default: '3' },
    'skip-build': { type: 'boolean', default: false },
    'no-md': { type: 'boolean', default: false },
    'builds-only': { type: 'boolean', default: false },
  },
});
const sizes = values.notes.split(',').map((s) => Number(s.replace(/[_k]/g, (m) => (m === 'k' ? '000' : ''))));
const seed = Number(values.seed);
const nodeOptions = values['node-options'];
const buildsOnly = values['builds-only'];
const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

async function step<T>(name: string, fn: () => Promise<T>): Promise<Step<T>> {
  const t0 = performance.now();
  log(`${name}…`);
  try {
    const value = await fn();
    log(`${name}: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return value;
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    log(`${name}: FAILED: ${error}`);
    return { error };
  }
}

const buildEnv = (extra: Record<string, string>) => ({ ...process.env, NODE_OPTIONS: nodeOptions, ASTRO_TELEMETRY_DISABLED: '1', ...extra });

async function countHtml(dir: string) {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((e) => e.endsWith('.html')).length;
}

async function astroBuild(root: string, outDir: string, env: Record<string, string>, expectPages: number): Promise<BuildFigures> {
  if (values['skip-build'] && existsSync(outDir)) return { wallMs: NaN, peakRss: NaN, pages: await countHtml(outDir), reused: true };
  await rm(outDir, { recursive: true, force: true });
  // A cold build: no Markdown rendered by an earlier run.
  await rm(join(root, 'node_modules/.cache/research-graph'), { recursive: true, force: true });
  const run = await runMeasured(process.execPath, [ASTRO, 'build', '--root', root, '--outDir', outDir, '--force'], { cwd: root, env: buildEnv(env) });
  if (!run.ok) throw new Error(`astro build exited ${run.exitCode}: ${run.tail.split('\n').slice(-4).join(' | ')}`);
  const pages = await countHtml(outDir);
  // A build that skips the corpus is fast for the wrong reason: count it as failed.
  if (pages < expectPages) throw new Error(`built ${pages} pages for ${expectPages} files in ${(run.wallMs / 1000).toFixed(1)} s: the corpus was not rendered`);
  return { wallMs: run.wallMs, cpuMs: run.cpuMs, load: run.load, otherCores: run.otherCores, peakRss: run.peakRss, pages, ...(await outputFigures(outDir)) };
}

/** Bytes of the whole site, its files and the largest, and the sizes of its HTML pages. */
async function outputFigures(dir: string): Promise<Pick<BuildFigures, 'outputBytes' | 'html' | 'files' | 'largestFileBytes' | 'largestFilePath'>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  let outputBytes = 0;
  const notes: number[] = [];
  let max = { bytes: 0, path: '' };
  let over150k = 0;
  for (const e of files) {
    const full = join(e.parentPath, e.name);
    const size = statSync(full).size;
    outputBytes += size;
    if (!e.name.endsWith('.html')) continue;
    const path = full.slice(dir.length);
    if (size > max.bytes) max = { bytes: size, path };
    if (size > 150 * 1024) over150k++;
    if (/^\/notes\/[^~]/.test(path)) notes.push(size);
  }
  notes.sort((a, b) => a - b);
  const html = notes.length ? { medianNoteBytes: notes[Math.floor(notes.length / 2)], maxNoteBytes: notes[notes.length - 1], maxBytes: max.bytes, maxPath: max.path, over150k } : undefined;
  const snapshot = await snapshotSite(dir);
  const largest = largestFile(snapshot);
  return { outputBytes, html, files: snapshot.sizes.size, largestFileBytes: largest.bytes, largestFilePath: largest.path };
}

/**
 * Rebuilds our site with one note changed, as an author does between two builds: the render cache is warm. A
 * sentence is appended to one note's body, and the files the rebuild added, removed or changed are counted: what
 * a deploy that uploads only changed files uploads.
 */
async function warmRebuild(outDir: string, corpusDir: string, env: Record<string, string>): Promise<Pick<BuildFigures, 'warmMs' | 'warmCpuMs' | 'warmOtherCores' | 'changedFilesAfterEdit' | 'changedExamples'>> {
  const notes = (await readdir(join(corpusDir, 'notes'))).sort();
  const file = join(corpusDir, 'notes', notes[Math.floor(notes.length / 2)]);
  const before = await readFile(file, 'utf8');
  const first = await snapshotSite(outDir);
  await writeFile(file, `${before}\nOne more sentence, written between two builds.\n`);
  try {
    const run = await runMeasured(process.execPath, [ASTRO, 'build', '--root', ROOT, '--outDir', outDir, '--force'], { cwd: ROOT, env: buildEnv(env) });
    if (!run.ok) throw new Error(`warm rebuild exited ${run.exitCode}: ${run.tail.split('\n').slice(-4).join(' | ')}`);
    const { added, removed, changed } = changedFiles(first, await snapshotSite(outDir));
    // What changed besides data files renamed by their hashes: pages and fixed-name files, the ones to look at.
    const examples = [...changed, ...added.filter((p) => !/\.[0-9a-f]{8}\.json$/.test(p))].sort().slice(0, 12);
    log(`one note edited: ${added.length} file(s) added, ${removed.length} removed, ${changed.length} changed${examples.length ? `, among them ${examples.join(' ')}` : ''}`);
    return { warmMs: run.wallMs, warmCpuMs: run.cpuMs, warmOtherCores: run.otherCores, changedFilesAfterEdit: added.length + removed.length + changed.length, changedExamples: examples };
  } finally {
    await writeFile(file, before);
  }
}

async function graphStep(corpusDir: string): Promise<GraphFigures> {
  const run = await runMeasured(TSX, [join(ROOT, 'scripts/bench/graph-worker.ts'), corpusDir, values['graph-repeats']], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: `${nodeOptions} --expose-gc` } });
  if (!run.ok) throw new Error(run.tail.split('\n').slice(-3).join(' | ') || `exit ${run.exitCode}`);
  const out = JSON.parse(run.stdout.trim().split('\n').pop()!) as Omit<GraphFigures, 'medianMs' | 'medianCpuMs'>;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { ...out, otherCores: run.otherCores, medianMs: median(out.buildMs), medianCpuMs: median(out.cpuMs) };
}

/** Sum of raw and gzip sizes of files; already-compressed files count at their own size. */
async function sizeFiles(files: string[]): Promise<IndexFigures> {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = await readFile(f);
    raw += bytes.length;
    gzip += Math.min(bytes.length, gzipSync(bytes, { level: 9 }).length);
  }
  return { raw, gzip, files: files.length };
}

/** Our index: data files fetched for the first query, plus any file under dist named like a search index. */
async function ourIndex(site: string, search: Step<SearchFigures>): Promise<IndexFigures> {
  const all = await readdir(site, { recursive: true });
  const named = all.filter((p) => /search/i.test(p) && !p.endsWith('.html') && !/\.(js|css)$/.test(p)).map((p) => join(site, p));
  const fetched = failed(search) ? [] : search.fetched.map((e) => join(site, decodeURIComponent(e.path.split('?')[0])));
  const files = [...new Set([...named, ...fetched])].filter((f) => existsSync(f) && statSync(f).isFile());
  if (files.length === 0) throw new Error('no search index found (no data fetched for the first query, no file named *search*)');
  return sizeFiles(files);
}

/** Queries from the corpus lexicon: frequent to rare single words, then some pairs. */
function makeQueries(lexicon: string[]): string[] {
  const ranks = [50, 12, 20, 30, 45, 70, 100, 140, 200, 280, 400, 550, 750, 1000, 1400, 1900, 2600, 3500];
  const single = ranks.flatMap((r) => [lexicon[r], lexicon[r + 3]]);
  const pairs = ranks.slice(0, 12).map((r, i) => `${lexicon[r + 1]} ${lexicon[ranks[(i + 5) % ranks.length]]}`);
  return [...single, ...pairs];
}

async function withServer<T>(dir: string, fn: (s: StaticServer) => Promise<T>): Promise<T> {
  const server = await serveStatic(dir);
  try {
    return await fn(server);
  } finally {
    await server.close();
  }
}

async function benchSize(notes: number, browser: Step<Browser>): Promise<SizeRun> {
  const corpusDir = join(ROOT, `bench/corpus-${notes}`);
  log(`=== ${notes} notes ===`);
  const corpus = await writeCorpus(corpusDir, { notes, seed, queries: Number(values.queries) });
  log(`corpus: ${corpus.files} files, ${(corpus.bytes / 1e6).toFixed(1)} MB in ${corpusDir}`);
  const queries = makeQueries(corpus.lexicon);
  const site = join(TMP, `site-${notes}`);
  const bareSite = join(TMP, `bare-${notes}`);

  const built = await step('build: ours', () => astroBuild(ROOT, site, { CONTENT_DIR: corpusDir }, corpus.files));
  const warm = failed(built) || built.reused ? undefined : await step('build: ours, warm rebuild', () => warmRebuild(site, corpusDir, { CONTENT_DIR: corpusDir }));
  const ours: Step<BuildFigures> = failed(built) || !warm || failed(warm) ? built : { ...built, ...warm };
  const bare = await step('build: bare Astro', () => astroBuild(join(ROOT, 'bench/bare-astro'), bareSite, { BENCH_CONTENT_DIR: corpusDir }, corpus.files));
  const both = !failed(ours) && !failed(bare) && !ours.reused && !bare.reused;
  const ratio = both ? ours.wallMs / bare.wallMs : undefined;
  const cpuRatio = both ? ours.cpuMs! / bare.cpuMs! : undefined;
  if (buildsOnly) {
    await rm(site, { recursive: true, force: true });
    await rm(bareSite, { recursive: true, force: true });
    const skipped = { error: 'not run (--builds-only)' };
    const corpusFigures = { files: corpus.files, bytes: corpus.bytes, papers: corpus.counts.papers, lines: corpus.counts.lines };
    return { notes, corpus: corpusFigures, build: { ours, bare, ratio, cpuRatio }, graph: skipped, search: { ours: skipped, oursIndex: skipped, pagefind: skipped, pagefindIndex: skipped }, pages: { note: skipped, graph: skipped } };
  }
  const graph = await step('graph', () => graphStep(corpusDir));

  const noBrowser = async (): Promise<never> => {
    throw new Error(failed(browser) ? `no browser: ${browser.error}` : 'no browser');
  };
  const b = failed(browser) ? undefined : browser;
  /** Runs a browser measurement on our built site, or fails with the reason it cannot. */
  const onOurSite = <T>(fn: (b: Browser, s: StaticServer) => Promise<T>) => async (): Promise<T> => {
    if (failed(ours)) throw new Error('our build failed');
    return b ? withServer(site, (s) => fn(b, s)) : noBrowser();
  };

  const oursSearch = await step('search: ours', onOurSite((b, s) => measureOurSearch(b, s, queries)));
  const oursIndex = await step('search: our index size', async () => {
    if (failed(ours)) throw new Error('our build failed');
    return ourIndex(site, oursSearch);
  });

  // Pagefind on a copy of our site (or, while ours does not build, of the bare one).
  const pfSource = failed(ours) ? bareSite : site;
  const pfSite = join(TMP, `pagefind-${notes}`);
  const pagefindIndex = await step('search: Pagefind index', async () => {
    if (!existsSync(pfSource)) throw new Error('no built site to index');
    await rm(pfSite, { recursive: true, force: true });
    await cp(pfSource, pfSite, { recursive: true });
    const run = await runMeasured(PAGEFIND, ['--site', pfSite], { cwd: ROOT });
    if (!run.ok) throw new Error(`pagefind exited ${run.exitCode}: ${run.tail}`);
    const files = (await readdir(join(pfSite, 'pagefind'), { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    return { ...(await sizeFiles(files)), indexMs: run.wallMs, site: failed(ours) ? 'bare' : 'ours' };
  });
  const pagefind = await step('search: Pagefind', () =>
    failed(pagefindIndex) ? Promise.reject(new Error('no Pagefind index')) : b ? withServer(pfSite, (s) => measurePagefind(b, s, pfSite, queries)) : noBrowser(),
  );

  const notePath = `/notes/${slugify(corpus.firstNoteTitle)}/`;
  const note = await step('page: note', onOurSite((b, s) => measurePage(b, s, notePath)));
  const graphPage = await step('page: graph', onOurSite((b, s) => measureGraphPage(b, s)));

  return {
    notes,
    corpus: { files: corpus.files, bytes: corpus.bytes, papers: corpus.counts.papers, lines: corpus.counts.lines },
    build: { ours, bare, ratio, cpuRatio: Number.isNaN(cpuRatio) ? undefined : cpuRatio },
    graph,
    search: { ours: oursSearch, oursIndex, pagefind, pagefindIndex },
    pages: { note, graph: graphPage },
  };
}

async function machine(browser: Step<Browser>) {
  const pkg = async (p: string) => (JSON.parse(await readFile(join(ROOT, 'node_modules', p, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    loadAtEnd: loadavg().map((l) => l.toFixed(2)).join(' '),
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.versions.node,
    platform: `${process.platform}-${process.arch}`,
    astro: await pkg('astro'),
    pagefind: await pkg('pagefind'),
    chromium: failed(browser) ? 'unavailable' : browser.version(),
  };
}

async function main() {
  if (sizes.some((n) => !Number.isInteger(n) || n < 2)) throw new Error(`--notes: expected sizes like 1000,10000; got ${values.notes}`);
  const browser = await step('browser', launchBrowser);
  const runs: SizeRun[] = [];
  try {
    for (const n of sizes) runs.push(await benchSize(n, browser));
  } finally {
    if (!failed(browser)) await browser.close();
  }
  const results: Results = {
    measuredAt: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    machine: await machine(browser),
    options: { seed, sizes, nodeOptions },
    runs,
    targets: buildsOnly ? checkLargeTargets(runs) : checkTargets(runs),
  };
  const resultsFile = buildsOnly ? 'bench/results-large.json' : 'bench/results.json';
  await writeFile(join(ROOT, resultsFile), JSON.stringify(results, null, 2) + '\n');
  console.log(buildsOnly ? largeReport(results) : textReport(results));
  if (!values['no-md']) await updateBenchmarksMd(results, buildsOnly ? 'bench-large' : 'bench', buildsOnly ? largeReport(results) : markdownReport(results));
  log(`wrote ${resultsFile}` + (values['no-md'] ? '' : ' and BENCHMARKS.md'));
}

async function updateBenchmarksMd(results: Results, marker: string, table: string) {
  const START = `<!-- ${marker}:start -->`;
  const END = `<!-- ${marker}:end -->`;
  const file = join(ROOT, 'BENCHMARKS.md');
  const current = existsSync(file) ? await readFile(file, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const block = `${START}\n${table}\n${END}`;
  const next = current.includes(START) && current.includes(END) ? current.replace(new RegExp(`${START}[\\s\\S]*${END}`), () => block) : `${current.trimEnd()}\n\n${block}\n`;
  await writeFile(file, next);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
