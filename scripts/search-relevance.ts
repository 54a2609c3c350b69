/**
 * How well search answers real reader questions: builds the relevance set's
 * site (tests/fixtures/search-relevance, pages of the Astro documentation),
 * asks our search and Pagefind each question on that same build, and prints
 * hit@1, hit@3 and MRR@10 for both, with each question's rank.
 *
 *   npm run search-relevance                 # build, index with Pagefind, score both
 *   npm run search-relevance -- --site DIR   # score an existing build of the set (ours, and Pagefind if DIR/pagefind exists)
 *   npm run search-relevance -- --ours-only  # skip Pagefind (no browser needed)
 *
 * Both rank the same items: Pagefind's results are kept to item pages
 * (/notes/, /papers/, /lines/), as it also indexes lists and the landing page.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { SearchClient } from '../src/lib/search/wire/loader';
import { DataFiles } from '../src/lib/site/data-manifest';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/chromium';
import { serveDirectory } from './lib/static-server';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
const SET = join(ROOT, 'tests/fixtures/search-relevance');
const { values } = parseArgs({ options: { site: { type: 'string' }, 'ours-only': { type: 'boolean', default: false } } });

interface Question {
  question: string;
  /** The answering page's file name, without `.md`. */
  answer: string;
}
const questions = JSON.parse(await readFile(join(SET, 'questions.json'), 'utf8')) as Question[];
const RANKS = 10;

const site = values.site ? resolve(values.site) : join(tmpdir(), 'search-relevance-site');
if (!values.site) {
  await rm(site, { recursive: true, force: true });
  const started = performance.now();
  await run(process.execPath, [join(ROOT, 'node_modules/astro/astro.js'), 'build', '--outDir', site], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: SET, ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: '/' },
    maxBuffer: 64 * 1024 * 1024,
  });
  console.log(`built ${SET} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (!values['ours-only']) await run(join(ROOT, 'node_modules/.bin/pagefind'), ['--site', site], { cwd: ROOT });
}

/** The answer a result URL names: its last path segment (/notes/missing-sharp/ → missing-sharp). */
const pageOf = (url: string) => new URL(url, 'http://x').pathname.replace(/\/$/, '').split('/').pop() ?? '';
const isItem = (url: string) => /^\/(notes|papers|lines)\//.test(new URL(url, 'http://x').pathname);

async function ours(): Promise<string[][]> {
  // Through the site's manifest, as a browser finds the files (their names carry their hashes).
  const files = new DataFiles(async (path) => JSON.parse(await readFile(join(site, path), 'utf8')));
  const client = new SearchClient((path) => files.json(path));
  const out: string[][] = [];
  for (const { question } of questions) {
    const outcome = await client.search(question, 'all', RANKS);
    const hits = outcome.hits.length ? outcome.hits : outcome.suggestions;
    out.push(await Promise.all(hits.map(async (h) => pageOf((await client.record(h.n)).url))));
  }
  return out;
}

async function pagefind(): Promise<string[][] | undefined> {
  if (values['ours-only'] || !existsSync(join(site, 'pagefind'))) return undefined;
  await mkdir(join(site, '__relevance'), { recursive: true });
  await writeFile(join(site, '__relevance', 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>relevance</title></head><body></body></html>');
  const server = await serveDirectory(site);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/__relevance/`);
    const out: string[][] = [];
    for (const { question } of questions) {
      const urls = await page.evaluate(async (q) => {
        const w = window as unknown as { __pf?: { search(q: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }> } };
        w.__pf ??= await import(/* @vite-ignore */ '/pagefind/pagefind.js' as string);
        const r = await w.__pf!.search(q);
        return Promise.all(r.results.slice(0, 40).map(async (x) => (await x.data()).url));
      }, question);
      out.push(urls.filter(isItem).slice(0, RANKS).map(pageOf));
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

interface Figures {
  hit1: number;
  hit3: number;
  mrr: number;
  ranks: (number | undefined)[];
}

function score(results: string[][]): Figures {
  const ranks = questions.map(({ answer }, i) => {
    const at = results[i].slice(0, RANKS).indexOf(answer);
    return at >= 0 ? at + 1 : undefined;
  });
  return {
    hit1: ranks.filter((r) => r === 1).length,
    hit3: ranks.filter((r) => r !== undefined && r <= 3).length,
    mrr: ranks.reduce<number>((sum, r) => sum + (r ? 1 / r : 0), 0) / questions.length,
    ranks,
  };
}

const mine = score(await ours());
const theirs = await pagefind().then((r) => r && score(r));
const rank = (r: number | undefined) => (r === undefined ? '–' : String(r));
console.log(`\nquestion${' '.repeat(62)}ours  Pagefind`);
questions.forEach(({ question }, i) => console.log(`${question.slice(0, 68).padEnd(70)}${rank(mine.ranks[i]).padStart(4)}  ${theirs ? rank(theirs.ranks[i]).padStart(8) : ''}`));
const line = (name: string, f: Figures) => `${name.padEnd(9)} hit@1 ${f.hit1}/${questions.length}  hit@3 ${f.hit3}/${questions.length}  MRR@10 ${f.mrr.toFixed(3)}`;
console.log(`\n${line('ours', mine)}`);
if (theirs) console.log(line('Pagefind', theirs));
