/**
 * In-browser measurements with headless Chromium (Debian's, driven by
 * playwright-core): search download and latency (ours and Pagefind's), the
 * bytes a note page loads, and the first paint of the global graph page.
 * Bytes are counted by the static server (body bytes sent, gzip where the
 * browser accepts it), between a reset and the moment measured.
 */
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Sent, StaticServer } from './serve';
import { CHROMIUM, CHROMIUM_ARGS } from '../lib/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
}

export interface SearchFigures {
  /** Body bytes downloaded after the page settled, up to the first query's results. */
  firstQueryBytes: number;
  firstQueryRequests: number;
  /** From the first keystroke (or call) to results on screen (or in hand). */
  firstQueryMs: number;
  /** Bytes the page itself loaded before the reader touched search. */
  pageBytes: number;
  p50Ms: number;
  p95Ms: number;
  queries: number;
  /** How latency was taken. */
  method: string;
  /** Data files fetched for the first query (the index as a browser sees it). */
  fetched: Sent[];
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const sum = (log: Sent[]) => log.reduce((s, e) => s + e.bytes, 0);
const isData = (e: Sent) => !/javascript|css|html|font|image/.test(e.contentType);

async function withPage<T>(browser: Browser, fn: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    return await fn(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

/**
 * Counts visible search results: links, options or list items inside any
 * element that names itself a result list (an attribute name, id or class with
 * "result"), a listbox or a live region. Runs in the page.
 */
const RESULTS_PROBE = `
  window.__benchResults = () => {
    const isContainer = (el) =>
      el.getAttribute('role') === 'listbox' || el.hasAttribute('aria-live') ||
      [...el.attributes].some((a) => /result/i.test(a.name) || ((a.name === 'id' || a.name === 'class') && /result/i.test(a.value)));
    let n = 0;
    for (const box of document.querySelectorAll('body *')) {
      if (!isContainer(box)) continue;
      n += [...box.querySelectorAll('a, [role="option"], li')].filter((e) => e.getClientRects().length > 0).length;
    }
    return n;
  };
`;

/**
 * Times queries in the page. Prefers a hook the site may expose for
 * benchmarks, `window.__benchSearch(q)` (a promise of results); else sets the
 * box's value, fires `input`, and takes the last DOM change before 300 ms of
 * quiet (a render may clear the list first, then fill it). Kept as a string so
 * the bundler adds no helpers the page lacks.
 */
const QUERY_TIMER = `
  window.__benchTimeQueries = async (qs) => {
    const hook = window.__benchSearch;
    const box = document.querySelector('input[type=search]');
    const out = [];
    for (const q of qs) {
      const t = performance.now();
      if (hook) {
        await hook(q);
        out.push(performance.now() - t);
        continue;
      }
      const last = await new Promise((done) => {
        let at = NaN;
        let quiet;
        const mo = new MutationObserver(() => {
          at = performance.now();
          clearTimeout(quiet);
          quiet = setTimeout(finish, 300);
        });
        const cap = setTimeout(finish, 3000);
        function finish() { mo.disconnect(); clearTimeout(cap); clearTimeout(quiet); done(at); }
        mo.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
        box.value = q;
        box.dispatchEvent(new Event('input', { bubbles: true }));
      });
      out.push((Number.isNaN(last) ? performance.now() : last) - t);
    }
    return { out, method: hook ? 'window.__benchSearch(q)' : 'input event → last DOM change before 300 ms of quiet (includes any debounce)' };
  };
`;

/** Our search: the landing page's first `input[type=search]`, driven as a reader would. */
export async function measureOurSearch(browser: Browser, server: StaticServer, queries: string[]): Promise<SearchFigures> {
  return withPage(browser, async (page) => {
    await page.addInitScript(RESULTS_PROBE + QUERY_TIMER);
    server.reset();
    const response = await page.goto(`${server.url}/`, { waitUntil: 'networkidle', timeout: 60_000 });
    if (!response || response.status() >= 400) throw new Error(`landing page answered ${response?.status() ?? 'nothing'}`);
    const pageBytes = sum(server.log);
    const input = page.locator('input[type=search]').first();
    if ((await input.count()) === 0) throw new Error('no input[type=search] on the landing page');
    const baseline = await page.evaluate(() => (window as unknown as { __benchResults(): number }).__benchResults());

    server.reset();
    const [first, ...rest] = queries;
    const t0 = Date.now();
    await input.focus();
    await input.pressSequentially(first, { delay: 30 });
    await page
      .waitForFunction((b) => (window as unknown as { __benchResults(): number }).__benchResults() > b, baseline, { timeout: 15_000, polling: 'raf' })
      .catch(() => {
        throw new Error(`no search results appeared for "${first}" within 15 s`);
      });
    const firstQueryMs = Date.now() - t0;
    const firstLog = [...server.log];

    // Latency: prefer a hook the site may expose for benchmarks; else time input → first DOM change.
    const latencies = await page.evaluate((qs) => (window as unknown as { __benchTimeQueries(q: string[]): Promise<{ out: number[]; method: string }> }).__benchTimeQueries(qs), rest);
    return {
      firstQueryBytes: sum(firstLog),
      firstQueryRequests: firstLog.length,
      firstQueryMs,
      pageBytes,
      p50Ms: percentile(latencies.out, 50),
      p95Ms: percentile(latencies.out, 95),
      queries: latencies.out.length,
      method: latencies.method,
      fetched: firstLog.filter(isData),
    };
  });
}

const PAGEFIND_HARNESS = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pagefind bench</title></head><body><p>Pagefind bench</p></body></html>`;

/** Pagefind on a copy of the same site: its JS API in a blank page; results = top 5 `.data()` loaded. */
export async function measurePagefind(browser: Browser, server: StaticServer, siteDir: string, queries: string[]): Promise<SearchFigures> {
  await mkdir(join(siteDir, '__bench'), { recursive: true });
  await writeFile(join(siteDir, '__bench', 'pagefind.html'), PAGEFIND_HARNESS);
  return withPage(browser, async (page) => {
    server.reset();
    await page.goto(`${server.url}/__bench/pagefind.html`, { waitUntil: 'networkidle' });
    const pageBytes = sum(server.log);
    const run = (q: string) =>
      page.evaluate(async (query) => {
        const w = window as unknown as { __pf?: { search(q: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }> } };
        const t = performance.now();
        w.__pf ??= await import(/* @vite-ignore */ '/pagefind/pagefind.js' as string);
        const r = await w.__pf!.search(query);
        const top = await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
        return { ms: performance.now() - t, count: r.results.length, top: top.length };
      }, q);
    server.reset();
    const [first, ...rest] = queries;
    const firstResult = await run(first);
    if (firstResult.count === 0) throw new Error(`Pagefind found nothing for "${first}"`);
    const firstLog = [...server.log];
    const latencies: number[] = [];
    for (const q of rest) latencies.push((await run(q)).ms);
    return {
      firstQueryBytes: sum(firstLog),
      firstQueryRequests: firstLog.length,
      firstQueryMs: firstResult.ms,
      pageBytes,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      queries: latencies.length,
      method: 'pagefind.search(q) + data() of top 5',
      fetched: firstLog.filter(isData),
    };
  });
}

export interface PageFigures {
  path: string;
  jsBytes: number;
  /** Inline <script> text, gzip-compressed; included in jsBytes. */
  inlineJsBytes: number;
  totalBytes: number;
  requests: number;
}

/** What a note page downloads before the reader opens the graph or search. */
export async function measurePage(browser: Browser, server: StaticServer, path: string): Promise<PageFigures> {
  return withPage(browser, async (page) => {
    server.reset();
    const response = await page.goto(server.url + path, { waitUntil: 'networkidle', timeout: 60_000 });
    if (!response || response.status() >= 400) throw new Error(`${path} answered ${response?.status() ?? 'nothing'}`);
    await page.waitForTimeout(500);
    const log = [...server.log];
    const inline = await page.evaluate(() => [...document.scripts].filter((s) => !s.src && (!s.type || /module|javascript/.test(s.type))).map((s) => s.textContent ?? '').join('\n'));
    const inlineJsBytes = inline.trim() ? gzipSync(inline, { level: 9 }).length : 0;
    const external = log.filter((e) => /javascript|wasm/.test(e.contentType)).reduce((s, e) => s + e.bytes, 0);
    return { path, jsBytes: external + inlineJsBytes, inlineJsBytes, totalBytes: sum(log), requests: log.length };
  });
}

export interface GraphPageFigures {
  /** Time from navigation start to `[data-graph-ready]`, if the page sets it. */
  readyMs?: number;
  /** Time from navigation start to `[data-graph-interactive]`: every item in, hover, clicks and keys answered. */
  interactiveMs?: number;
  /** The longest main-thread task (PerformanceObserver `longtask`, over 50 ms) from the first paint until a second after the graph is complete; 0 when none ran over 50 ms. */
  longestTaskMs?: number;
  fcpMs?: number;
  note?: string;
}

/**
 * Watches a graph page from its first byte: when it paints, when it answers,
 * when it is complete, and every long task. Kept as a string so the bundler
 * adds no helpers the page lacks.
 */
export const GRAPH_PAGE_PROBE = `
  (() => {
    const w = window;
    w.__graphTimes = {};
    w.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    } catch {}
    const check = () => {
      for (const name of ['ready', 'interactive', 'complete']) {
        if (w.__graphTimes[name] === undefined && document.querySelector('[data-graph-' + name + ']')) w.__graphTimes[name] = performance.now();
      }
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-graph-ready', 'data-graph-interactive', 'data-graph-complete'] });
  })();
`;

/** Reads the probe once the graph is complete (plus a second): ready, interactive, the longest task after the first paint. */
export async function readGraphProbe(page: Page, timeout: number): Promise<Pick<GraphPageFigures, 'readyMs' | 'interactiveMs' | 'longestTaskMs'> & { completeMs?: number }> {
  const times = await page
    .waitForFunction(() => {
      const t = (window as unknown as { __graphTimes: Record<string, number> }).__graphTimes;
      return t.complete !== undefined ? t : undefined;
    }, undefined, { timeout, polling: 100 })
    .then((h) => h.jsonValue() as Promise<Record<string, number>>)
    .catch(() => page.evaluate(() => (window as unknown as { __graphTimes: Record<string, number> }).__graphTimes));
  await page.waitForTimeout(1000);
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: [number, number][] }).__longTasks);
  const after = times.ready ?? 0;
  const longest = tasks.filter(([start, duration]) => start + duration > after).reduce((m, [, d]) => Math.max(m, d), 0);
  return { readyMs: times.ready, interactiveMs: times.interactive, completeMs: times.complete, longestTaskMs: times.ready === undefined ? undefined : Math.round(longest) };
}

export async function measureGraphPage(browser: Browser, server: StaticServer, path = '/graph/'): Promise<GraphPageFigures | 'n/a'> {
  return withPage(browser, async (page) => {
    await page.addInitScript(GRAPH_PAGE_PROBE);
    const response = await page.goto(server.url + path, { waitUntil: 'commit', timeout: 60_000 });
    if (!response || response.status() === 404) return 'n/a';
    if (response.status() >= 400) throw new Error(`${path} answered ${response.status()}`);
    const probe = await readGraphProbe(page, 60_000);
    const fcpMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
    return {
      readyMs: probe.readyMs,
      interactiveMs: probe.interactiveMs,
      longestTaskMs: probe.longestTaskMs,
      fcpMs,
      note: probe.readyMs === undefined ? 'no [data-graph-ready] within 60 s; first-contentful-paint shown' : undefined,
    };
  });
}
