/**
 * npm run bench:graph -- [--corpus bench/corpus-10000] [--runs 7] [--out bench/tmp/graph-paint]
 *                        [--reuse] [--prepare-only] [--site label=dir …] [--json file]
 *
 * First paint of the global graph page on a big graph, measured on its own
 * and repeatably. Building the whole site from a 10,000-note corpus takes
 * minutes, and only the graph page matters here, so the harness builds the
 * real site from the small fixture corpus (seconds) and then writes the
 * graph endpoints (`src/routes/graph/*.ts`) computed from the big corpus over
 * the fixture's: the page, its scripts and its data are exactly what a full
 * build would serve.
 *
 * Each run opens /graph/ in a fresh browser context and times, from
 * navigation start, `[data-graph-ready]` (first paint),
 * `[data-graph-interactive]` (the graph pans, zooms and answers hover) and
 * `[data-graph-complete]`, with the longest main-thread task after the first
 * paint (PerformanceObserver `longtask`) and the page's performance marks. With several `--site label=dir` (each prepared with
 * `--prepare-only --out dir` from its own checkout), runs alternate between
 * the sites so that load on the machine falls on both alike. Prints medians
 * and the load average.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { GRAPH_PAGE_PROBE, launchBrowser, percentile, readGraphProbe } from './browser';
import { runMeasured } from './measure';
import { serveStatic } from './serve';
import { resolveOptions } from '../../src/integrations/options-schema';
import { openSession } from '../../src/lib/site/session';

const ROOT = resolve(import.meta.dirname, '../..');
const log = (msg: string) => process.stderr.write(`[graph-paint] ${msg}\n`);

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: join(ROOT, 'bench/corpus-10000') },
    runs: { type: 'string', default: '7' },
    out: { type: 'string', default: join(ROOT, 'bench/tmp/graph-paint') },
    reuse: { type: 'boolean', default: false },
    'prepare-only': { type: 'boolean', default: false },
    site: { type: 'string', multiple: true },
    json: { type: 'string' },
    timeout: { type: 'string', default: '60000' },
  },
});

/** Builds the site from the fixture corpus, then overwrites the graph endpoints with the big corpus's. */
async function prepare(outDir: string, corpus: string): Promise<void> {
  if (!existsSync(corpus)) throw new Error(`no corpus at ${corpus}: run npm run gen-corpus (or pass --corpus)`);
  const site = join(outDir, 'site');
  if (values.reuse && existsSync(join(site, 'graph/index.html'))) {
    log(`reusing ${site}`);
    return;
  }
  await rm(outDir, { recursive: true, force: true });
  log('building the page from the fixture corpus…');
  const build = await runMeasured(process.execPath, [join(ROOT, 'node_modules/astro/astro.js'), 'build', '--outDir', site], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: join(ROOT, 'tests/fixtures/basic'), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (!build.ok) throw new Error(`astro build failed: ${build.tail}`);
  log(`computing the graph files from ${corpus}…`);
  // The endpoints read the corpus from a build session, as in a build.
  openSession(resolveOptions({ content: resolve(corpus) }), ROOT);
  const t0 = performance.now();
  const endpoints = (await readdir(join(ROOT, 'src/routes/graph'))).filter((f) => /\.[a-z]+\.ts$/.test(f));
  for (const file of endpoints) {
    const mod = (await import(join(ROOT, 'src/routes/graph', file))) as { GET: (ctx: unknown) => Promise<Response> };
    const body = Buffer.from(await (await mod.GET({})).arrayBuffer());
    await writeFile(join(site, 'graph', file.replace(/\.ts$/, '')), body);
    log(`  /graph/${file.replace(/\.ts$/, '')}: ${(body.length / 1024).toFixed(0)} KB`);
  }
  log(`graph files in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await writeFile(join(outDir, 'corpus.txt'), resolve(corpus) + '\n');
}

interface Run {
  readyMs?: number;
  interactiveMs?: number;
  longestTaskMs?: number;
  completeMs?: number;
  marks: Record<string, number>;
}

/**
 * One cold load of /graph/: when the graph is on screen, when it answers,
 * when it is complete, and the longest task after the first paint. A browser
 * of its own for each run: a closed page's renderer can go on drawing a big
 * graph and would slow the next run.
 */
async function measureOnce(url: string, timeout: number): Promise<Run> {
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(GRAPH_PAGE_PROBE);
    await page.goto(url, { waitUntil: 'commit' });
    const probe = await readGraphProbe(page, timeout);
    const markList = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const));
    const marks = Object.fromEntries(markList.filter(([name]) => name.startsWith('graph:')).map(([name, t]) => [name, Math.round(t)]));
    return { ...probe, marks };
  } finally {
    await browser.close();
  }
}

/** Fetches every file the page needs once, so the server's gzip cache (a static host serves compressed files ready-made) is warm before timing. */
async function warm(url: string): Promise<void> {
  const headers = { 'accept-encoding': 'gzip' };
  const html = await (await fetch(url + '/graph/', { headers })).text();
  const paths = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]);
  await Promise.all(paths.map((p) => fetch(url + p, { headers }).then((r) => r.arrayBuffer())));
}

const median = (xs: (number | undefined)[]) => {
  const ok = xs.filter((x): x is number => x !== undefined);
  return ok.length ? Math.round(percentile(ok, 50)) : NaN;
};
const fmt = (ms: number) => (Number.isNaN(ms) ? '—' : `${(ms / 1000).toFixed(2)} s`);

async function main() {
  const runs = Number(values.runs);
  const sites = (values.site ?? []).map((s) => {
    const [label, dir] = s.includes('=') ? s.split(/=(.*)/s) : [basename(s), s];
    return { label, dir: existsSync(join(dir, 'site')) ? join(dir, 'site') : dir };
  });
  if (sites.length === 0) {
    await prepare(values.out, values.corpus);
    if (values['prepare-only']) {
      log(`prepared ${values.out}`);
      return;
    }
    sites.push({ label: 'this checkout', dir: join(values.out, 'site') });
  }
  const servers = await Promise.all(sites.map((s) => serveStatic(s.dir)));
  for (const server of servers) await warm(server.url);
  const results = sites.map(() => [] as Run[]);
  const loadBefore = loadavg();
  try {
    // Runs alternate between sites, so a burst of load elsewhere on the machine does not favour one of them.
    for (let r = 0; r < runs; r++) {
      for (const [i, server] of servers.entries()) {
        const run = await measureOnce(server.url + '/graph/', Number(values.timeout));
        results[i].push(run);
        log(`${sites[i].label} #${r + 1}: ready ${fmt(run.readyMs ?? NaN)}, interactive ${fmt(run.interactiveMs ?? NaN)}, longest task ${run.longestTaskMs ?? '—'} ms, complete ${fmt(run.completeMs ?? NaN)} (load ${loadavg()[0].toFixed(1)})`);
      }
    }
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
  const loadAfter = loadavg();
  const summary = sites.map((s, i) => {
    const markNames = [...new Set(results[i].flatMap((r) => Object.keys(r.marks)))];
    return {
      label: s.label,
      runs: results[i].length,
      readyMs: median(results[i].map((r) => r.readyMs)),
      interactiveMs: median(results[i].map((r) => r.interactiveMs)),
      longestTaskMs: median(results[i].map((r) => r.longestTaskMs)),
      completeMs: median(results[i].map((r) => r.completeMs)),
      marks: Object.fromEntries(markNames.map((m) => [m, median(results[i].map((r) => r.marks[m]))])),
      all: results[i],
    };
  });
  console.log(`\nGlobal graph, medians of ${runs} cold loads (1280×800, headless Chromium)`);
  console.log(`load average: ${loadBefore.map((l) => l.toFixed(1)).join(' ')} before, ${loadAfter.map((l) => l.toFixed(1)).join(' ')} after\n`);
  for (const s of summary) {
    console.log(`${s.label}: first paint ${fmt(s.readyMs)}, interactive ${fmt(s.interactiveMs)}, longest task after first paint ${s.longestTaskMs} ms, complete ${fmt(s.completeMs)}`);
    console.log(`  marks: ${Object.entries(s.marks).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`);
    console.log(`  every run (first paint): ${s.all.map((r) => fmt(r.readyMs ?? NaN)).join(', ')}`);
  }
  if (values.json) {
    await mkdir(resolve(values.json, '..'), { recursive: true });
    await writeFile(values.json, JSON.stringify({ measuredAt: new Date().toISOString(), load: { before: loadBefore, after: loadAfter }, sites: summary }, null, 2));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
