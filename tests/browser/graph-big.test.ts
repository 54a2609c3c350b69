/**
 * The global graph on a big graph: the page is served a synthetic graph file
 * above the size where the first frame is painted from the positions before
 * cytoscape takes over.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CompactGraph } from '../../src/lib/compact-graph';
import { launchBrowser, openPage } from '../helpers/browser';

const site = inject('siteUrl');
const SIDE = 50;
const SPACING = 100;
/** Three items drawn large (a high degree), side by side in a corner of the grid, one of each kind. */
const SAMPLES = [
  { index: 0, kind: 'note' },
  { index: 1, kind: 'paper' },
  { index: 2, kind: 'line' },
] as const;

/** A 50 × 50 grid of items, each linked to its right and lower neighbours. */
function bigGraph(): CompactGraph {
  const kinds = ['note', 'paper', 'line'] as const;
  const n: CompactGraph['n'] = [];
  const e: CompactGraph['e'] = [];
  for (let i = 0; i < SIDE * SIDE; i++) {
    const [col, row] = [i % SIDE, Math.floor(i / SIDE)];
    const sample = SAMPLES.find((s) => s.index === i);
    n.push([`notes/item-${i}`, `Grid item ${i}`, sample ? kinds.indexOf(sample.kind) : i % 3, !sample && i % 7 === 0 ? 1 : 0, col * SPACING, row * SPACING, sample ? 400 : 2]);
    if (col + 1 < SIDE) e.push([i, i + 1, 0]);
    if (row + 1 < SIDE) e.push([i, i + SIDE, 1]);
  }
  return { kinds, types: ['cites', 'related', 'source', 'next', 'similar'], n, e };
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
async function openBigGraph(query = '', options: { colorScheme?: 'light' | 'dark'; findAtOnce?: string } = {}) {
  const watched = await openPage(browser, { viewport: { width: 1280, height: 900 }, colorScheme: options.colorScheme ?? 'light' });
  await watched.context.route('**/graph/data.json', (route) => route.fulfill({ json: graph }));
  const points = SAMPLES.map((s) => ({ x: graph.n[s.index][4], y: graph.n[s.index][5] }));
  await watched.page.addInitScript(
    ({ points, kinds, find }) => {
      const w = window as unknown as { __firstFrame?: FirstFrame };
      const record = () => {
        const container = document.querySelector('[data-graph-ready]');
        if (!container || w.__firstFrame) return;
        const canvas = container.querySelector<HTMLCanvasElement>('.graph-snapshot')!;
        const ctx = canvas.getContext('2d')!;
        const m = ctx.getTransform();
        const at = (p: { x: number; y: number }) => ({ x: m.a * p.x + m.e, y: m.d * p.y + m.f });
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
  await watched.page.goto(site + '/graph/' + query);
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

  it('hands over to cytoscape with every item and link, in the same colours, and takes the first frame away', async () => {
    const { page, frame, incidents } = await openBigGraph();
    await complete(page);
    const drawn = await page.evaluate(
      (ids) => ({
        nodes: window.graphView!.nodes().length,
        edges: window.graphView!.edges().length,
        colours: ids.map((id) => window.graphView!.getElementById(id).style('background-color')),
        snapshot: document.querySelectorAll('.graph-snapshot').length,
      }),
      SAMPLES.map((s) => graph.n[s.index][0]),
    );
    expect(drawn).toEqual({ nodes: graph.n.length, edges: graph.e.length, colours: frame.colours.map((c) => `rgb(${rgb(c).join(',')})`), snapshot: 0 });
    await expect(page.locator('[data-graph-status]').textContent()).resolves.toBe(`Showing all ${graph.n.length} items and ${graph.e.length} links.`);
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
    await expect(page.locator('[data-graph-focus] a').first().textContent()).resolves.toBe('Grid item 1234');
    expect(page.url()).toContain('/graph/');
    expect(incidents).toEqual([]);
  });
});
