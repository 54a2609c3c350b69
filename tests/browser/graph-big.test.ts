/**
 * The global graph on a big graph: the page is served a synthetic graph file
 * above the size where the painter draws every node and link and cytoscape
 * holds only what is labelled or looked at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CompactGraph } from '../../src/lib/graph/compact';
import { launchBrowser, openPage } from '../helpers/browser';
import { useServedSite } from '../helpers/served-site';

const site = useServedSite('content');
const SIDE = 50;
const SPACING = 100;
/** Three items drawn large (a high degree), side by side in a corner of the grid, one of each kind. */
const SAMPLES = [
  { index: 0, kind: 'note' },
  { index: 1, kind: 'paper' },
  { index: 2, kind: 'line' },
] as const;

/** A 50 × 50 grid of items, each linked to its right and lower neighbours (or, with `linked` false, to none). */
function bigGraph(linked = true): CompactGraph {
  const kinds = ['note', 'paper', 'line'] as const;
  const n: CompactGraph['n'] = [];
  const e: CompactGraph['e'] = { out: [], target: [], type: [], stance: [] };
  const link = (target: number, type: number) => (e.out[e.out.length - 1]++, e.target.push(target), e.type.push(type), e.stance.push(0));
  for (let i = 0; i < SIDE * SIDE; i++) {
    const [col, row] = [i % SIDE, Math.floor(i / SIDE)];
    const sample = SAMPLES.find((s) => s.index === i);
    n.push([`notes/item-${i}`, `Grid item ${i}`, sample ? kinds.indexOf(sample.kind) : i % 3, !sample && i % 7 === 0 ? 1 : 0, col * SPACING, row * SPACING, sample ? 400 : 2]);
    e.out.push(0);
    if (linked && col + 1 < SIDE) link(i + 1, 0);
    if (linked && row + 1 < SIDE) link(i + SIDE, 1);
  }
  return { kinds, types: ['cites', 'related', 'source', 'next', 'similar'], stances: ['supports', 'challenges', 'qualifies'], n, e };
}

const graph = bigGraph();
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface FirstFrame {
  cytoscapeUp: boolean;
  /** [r, g, b, a] of the first frame at each sample's position. */
  pixels: number[][];
  /** Where the focused sample (if any) lands on the canvas, and the canvas size. */
  focusedAt: { x: number; y: number };
  size: { width: number; height: number };
  colours: string[];
}

/**
 * Opens the graph page on the big graph and records, at the moment
 * `data-graph-ready` appears, what the first frame shows. With `findAtOnce`,
 * the Find form is submitted at that same moment.
 */
async function openBigGraph(query = '', options: { colorScheme?: 'light' | 'dark'; findAtOnce?: string; beforeLoad?: (page: Page) => Promise<void>; served?: CompactGraph } = {}) {
  const watched = await openPage(browser, { viewport: { width: 1280, height: 900 }, colorScheme: options.colorScheme ?? 'light' });
  await watched.context.route('**/graph/data.json', (route) => route.fulfill({ json: options.served ?? graph }));
  const points = SAMPLES.map((s) => ({ x: graph.n[s.index][4], y: graph.n[s.index][5] }));
  await watched.page.addInitScript(
    ({ points, kinds, find }) => {
      const w = window as unknown as { __firstFrame?: FirstFrame };
      const record = () => {
        const container = document.querySelector('[data-graph-ready]');
        if (!container || w.__firstFrame) return;
        const canvas = container.querySelector<HTMLCanvasElement>('.graph-snapshot')!;
        const ctx = canvas.getContext('2d')!;
        const view = JSON.parse(canvas.dataset.view!) as { zoom: number; pan: { x: number; y: number } };
        const at = (p: { x: number; y: number }) => ({ x: view.zoom * p.x + view.pan.x, y: view.zoom * p.y + view.pan.y });
        const colour = (kind: string) => getComputedStyle(document.documentElement).getPropertyValue(`--${kind}`).trim();
        w.__firstFrame = {
          cytoscapeUp: (window as unknown as { graphView?: unknown }).graphView !== undefined,
          pixels: points.map((p) => [...ctx.getImageData(Math.round(at(p).x), Math.round(at(p).y), 1, 1).data]),
          focusedAt: at(points[1]),
          size: { width: canvas.width, height: canvas.height },
          colours: kinds.map(colour),
        };
        if (find) {
          document.querySelector<HTMLInputElement>('#graph-find-input')!.value = find;
          document.querySelector<HTMLFormElement>('[data-graph-find]')!.requestSubmit();
        }
      };
      new MutationObserver(record).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-graph-ready'] });
    },
    { points, kinds: SAMPLES.map((s) => s.kind), find: options.findAtOnce },
  );
  await options.beforeLoad?.(watched.page);
  await watched.page.goto(site.url + '/graph/' + query);
  await watched.page.waitForSelector('[data-graph][data-graph-ready]');
  const frame = (await watched.page.evaluate(() => (window as unknown as { __firstFrame: FirstFrame }).__firstFrame)) as FirstFrame;
  return { ...watched, frame };
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const complete = (page: Page) => page.waitForSelector('[data-graph][data-graph-complete]', { timeout: 60_000 });

describe('the global graph on a big graph', () => {
  it('shows the real graph before cytoscape is up: each kind in its colour at its position', async () => {
    const { page, frame, incidents } = await openBigGraph();
    expect(frame.cytoscapeUp).toBe(false);
    SAMPLES.forEach((_, i) => expect(frame.pixels[i]).toEqual([...rgb(frame.colours[i]), 255]));
    await complete(page);
    expect(incidents).toEqual([]);
  });

  it('shows a big graph without links too: its nodes are the first frame, then cytoscape comes up', async () => {
    const { page, frame, incidents } = await openBigGraph('', { served: bigGraph(false) });
    expect(frame.cytoscapeUp).toBe(false);
    SAMPLES.forEach((_, i) => expect(frame.pixels[i]).toEqual([...rgb(frame.colours[i]), 255]));
    await complete(page);
    await expect(page.locator('[data-graph-status]').textContent()).resolves.toBe(`Showing all ${graph.n.length} items and 0 links.`);
    expect(incidents).toEqual([]);
  });

  it('labels the first view a few labels a frame, keeping the first frame\'s labels until cytoscape holds them all', async () => {
    // Every frame from the start until complete: labels cytoscape holds, and whether the first frame's label canvas is up.
    type Seen = { labelled: number; labelCanvas: boolean };
    const { page, incidents } = await openBigGraph('', {
      beforeLoad: async (page) => {
        await page.addInitScript(() => {
          const seen: Seen[] = ((window as unknown as { __labelFrames: Seen[] }).__labelFrames = []);
          const tick = () => {
            const container = document.querySelector('[data-graph]');
            if (container?.hasAttribute('data-graph-interactive')) {
              seen.push({ labelled: window.graphView?.nodes('.labelled').length ?? 0, labelCanvas: container.querySelectorAll('canvas.graph-snapshot').length > 1 });
            }
            if (!container?.hasAttribute('data-graph-complete')) requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        });
      },
    });
    await complete(page);
    const frames = await page.evaluate(() => (window as unknown as { __labelFrames: Seen[] }).__labelFrames);
    const last = frames[frames.length - 1];
    expect(last.labelCanvas).toBe(false);
    expect(last.labelled).toBeGreaterThan(14);
    // Cytoscape's labels came in more than one step, and while they did, the first frame's labels stayed.
    const counts = [...new Set(frames.map((f) => f.labelled).filter((n) => n > 0))];
    expect(counts.length).toBeGreaterThan(1);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    for (const f of frames) if (f.labelled > 0 && f.labelled < last.labelled) expect(f.labelCanvas).toBe(true);
    expect(incidents).toEqual([]);
  });

  it('answers hover and clicks at once, with cytoscape holding only what is shown in detail', async () => {
    const { page, incidents } = await openBigGraph();
    await page.waitForSelector('[data-graph][data-graph-interactive]');
    await complete(page);
    const held = await page.evaluate(() => ({ nodes: window.graphView!.nodes().length, labelled: window.graphView!.nodes('.labelled').length, edges: window.graphView!.edges().length }));
    expect(held.nodes).toBe(held.labelled);
    expect(held.nodes).toBeGreaterThan(0);
    expect(held.nodes).toBeLessThan(100);
    expect(held.edges).toBe(0);
    await expect(page.locator('[data-graph-status]').textContent()).resolves.toBe(`Showing all ${graph.n.length} items and ${graph.e.target.length} links.`);
    // The item in the middle of the grid, found under the pointer without cytoscape holding it.
    const middle = 25 * SIDE + 25;
    const at = await page.evaluate(
      ([x, y]) => {
        const cy = window.graphView!;
        const box = cy.container()!.getBoundingClientRect();
        return { x: box.left + x * cy.zoom() + cy.pan().x, y: box.top + y * cy.zoom() + cy.pan().y };
      },
      [graph.n[middle][4], graph.n[middle][5]],
    );
    await page.mouse.move(at.x, at.y);
    const id = graph.n[middle][0];
    await page.waitForFunction((nodeId) => window.graphView!.getElementById(nodeId).hasClass('lit'), id);
    const links = graph.e.out[middle] + graph.e.target.filter((t) => t === middle).length;
    expect(await page.evaluate(() => window.graphView!.edges('.lit').length)).toBe(links);
    await page.mouse.click(at.x, at.y);
    await expect(page.locator('[data-graph-panel] h2').textContent()).resolves.toBe(`Grid item ${middle}`);
    expect(new URL(page.url()).searchParams.get('focus')).toBe(id);
    expect(incidents.filter((i) => !i.includes('404'))).toEqual([]);
  });

  it('offers every title in the find box, sorted, added while the page is idle', async () => {
    const { page, incidents } = await openBigGraph();
    await complete(page);
    await page.waitForFunction((n) => document.querySelectorAll('#graph-titles option').length === n, graph.n.length, { timeout: 30_000 });
    const titles = await page.$$eval('#graph-titles option', (options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(titles).toEqual(graph.n.map((row) => row[1]).sort(new Intl.Collator().compare));
    expect(incidents).toEqual([]);
  });

  it('opens a shared ?focus= view centred on the item from the first frame, in the dark theme too', async () => {
    const focused = graph.n[SAMPLES[1].index][0];
    const { page, frame, incidents } = await openBigGraph(`?focus=${focused}`, { colorScheme: 'dark' });
    expect(frame.focusedAt.x).toBeCloseTo(frame.size.width / 2, 0);
    expect(frame.focusedAt.y).toBeCloseTo(frame.size.height / 2, 0);
    // The dark theme's paper colour, at the centre of the first frame.
    expect(frame.pixels[1]).toEqual([...rgb(frame.colours[1]), 255]);
    await complete(page);
    expect(await page.evaluate(() => window.graphView!.nodes('.focused').map((n) => n.id()))).toEqual([focused]);
    expect(incidents).toEqual([]);
  });

  it('keeps a Find pressed while cytoscape is still loading and finds the item once it is up', async () => {
    const { page, frame, incidents } = await openBigGraph('', { findAtOnce: 'Grid item 1234' });
    expect(frame.cytoscapeUp).toBe(false);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('focus') === 'notes/item-1234');
    await expect(page.locator('[data-graph-panel] h2').textContent()).resolves.toBe('Grid item 1234');
    expect(page.url()).toContain('/graph/');
    // The synthetic graph has no search records for the panel to fetch a summary from.
    expect(incidents.filter((i) => !i.includes('404'))).toEqual([]);
  });
});
