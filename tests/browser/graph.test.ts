import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { atBase, launchBrowser, openPage } from '../helpers/browser';

const site = inject('siteUrl');
const GRANULARITY = '/notes/does-training-granularity-change-how-ai-empathy-affects-reliability/';
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openGraph(path = '/graph/') {
  const watched = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  await watched.page.goto(site + path);
  await watched.page.waitForSelector('[data-graph][data-graph-ready]');
  return watched;
}

/** Counts of what cytoscape draws: all nodes, and those not hidden by a filter. */
const counts = (page: Page) =>
  page.evaluate(() => {
    const cy = window.__graph!;
    return { nodes: cy.nodes().length, visible: cy.nodes(':visible').length, edges: cy.edges(':visible').length, stubs: cy.nodes('[?stub]:visible').length, papers: cy.nodes('[kind = "paper"]:visible').length, cites: cy.edges('[type = "cites"]:visible').length };
  });

describe('the global graph', () => {
  it('draws every node of the seed corpus', async () => {
    const { page, incidents } = await openGraph();
    const graph = await (await fetch(site + '/graph.json')).json();
    const drawn = await counts(page);
    expect(drawn.nodes).toBe(graph.nodes.length);
    expect(drawn.visible).toBe(graph.nodes.length);
    expect(await page.evaluate(() => window.__graph!.getElementById('papers/training-language-models-to-be-warm-and-empathetic-makes-them-less-reliable-and-more-sycophantic').nonempty())).toBe(true);
    expect(incidents).toEqual([]);
  });

  it('opens an item’s page when its node is clicked', async () => {
    const { page, incidents } = await openGraph();
    const id = 'notes/does-training-granularity-change-how-ai-empathy-affects-reliability';
    const point = await page.evaluate((nodeId) => {
      const cy = window.__graph!;
      const node = cy.getElementById(nodeId);
      cy.zoom(2);
      cy.center(node);
      const box = cy.container()!.getBoundingClientRect();
      const p = node.renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    }, id);
    await page.mouse.click(point.x, point.y);
    await page.waitForURL((u) => u.pathname === atBase(`/${id}/`));
    expect(incidents).toEqual([]);
  });

  it('hides the kinds, link types and stubs the filters leave out', async () => {
    const { page, incidents } = await openGraph();
    const before = await counts(page);
    expect(before.stubs).toBeGreaterThan(0);
    // Cytoscape may settle styles on its next frame, so each check waits for the drawing to agree.
    const settles = (key: keyof Awaited<ReturnType<typeof counts>>) =>
      page.waitForFunction((k) => {
        const cy = window.__graph!;
        const selectors: Record<string, string> = { stubs: 'node[?stub]:visible', papers: 'node[kind = "paper"]:visible', cites: 'edge[type = "cites"]:visible' };
        return cy.elements(selectors[k]).length === 0;
      }, key);
    await page.getByRole('checkbox', { name: 'Hide stubs' }).check();
    await settles('stubs');
    await page.getByRole('checkbox', { name: 'Papers', exact: true }).uncheck();
    await settles('papers');
    await page.getByRole('checkbox', { name: 'Cites (a link in the text)' }).uncheck();
    await settles('cites');
    expect(await counts(page)).toMatchObject({ stubs: 0, papers: 0, cites: 0 });
    await expect(page.locator('[data-graph-status]').textContent()).resolves.toMatch(/^Showing \d+ of \d+ items/);
    expect(incidents).toEqual([]);
  });

  it('finds an item by title, centres it, and puts it in the address to share', async () => {
    const { page, incidents } = await openGraph();
    await page.getByRole('combobox', { name: 'Find an item', exact: true }).fill('training granularity');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('focus')?.startsWith('notes/does-training-granularity'));
    await expect(page.locator('[data-graph-focus] a').first().textContent()).resolves.toBe('Does training granularity change how AI empathy affects reliability?');
    const shared = page.url();
    const again = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await again.page.goto(shared);
    await again.page.waitForSelector('[data-graph][data-graph-ready]');
    const focused = await again.page.evaluate(() => window.__graph!.nodes('.focused').map((n) => n.id()));
    expect(focused).toEqual(['notes/does-training-granularity-change-how-ai-empathy-affects-reliability']);
    expect(incidents).toEqual([]);
    expect(again.incidents).toEqual([]);
  });

  it('lights up a node’s neighbourhood on hover', async () => {
    const { page, incidents } = await openGraph();
    const id = 'notes/does-training-granularity-change-how-ai-empathy-affects-reliability';
    const lit = await page.evaluate((nodeId) => {
      const cy = window.__graph!;
      cy.getElementById(nodeId).emit('mouseover');
      return { lit: cy.nodes('.lit').length, faded: cy.nodes('.faded').length, neighbours: cy.getElementById(nodeId).closedNeighborhood('node').length };
    }, id);
    expect(lit.lit).toBe(lit.neighbours);
    expect(lit.faded).toBeGreaterThan(0);
    expect(incidents).toEqual([]);
  });
});

describe('the global graph on a phone and in the dark theme', () => {
  it('fits a phone without sideways scrolling and recolours its nodes with the theme', async () => {
    const { page, incidents } = await openPage(browser, { viewport: { width: 375, height: 740 }, isMobile: true, colorScheme: 'light' });
    await page.goto(site + '/graph/');
    await page.waitForSelector('[data-graph][data-graph-ready]');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const noteColour = () => page.evaluate(() => window.__graph!.nodes('[kind = "note"]').first().style('background-color'));
    const light = await noteColour();
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.waitForFunction((before) => window.__graph!.nodes('[kind = "note"]').first().style('background-color') !== before, light);
    expect(incidents).toEqual([]);
  });
});

describe('a note page', () => {
  it('shows the evidence trail of its claim, with the sentence at each step', async () => {
    const { page, incidents } = await openPage(browser);
    await page.goto(site + GRANULARITY);
    const trail = page.locator('[data-evidence-trail]');
    await expect(trail.locator('h2').textContent()).resolves.toBe('Evidence trail');
    const warmth = trail.locator('[data-trail-node="notes/does-warmth-training-make-language-models-less-reliable"]').first();
    await expect(warmth.locator('.via').first().textContent()).resolves.toBe('cites');
    await expect(warmth.locator('.context').first().textContent()).resolves.toContain('Trait-level warmth training corrupts');
    const papers = await trail.locator('[data-trail-paper]').allTextContents();
    expect(papers.some((t) => t.includes('Training language models to be warm and empathetic'))).toBe(true);
    expect(papers.some((t) => t.includes('RLVER'))).toBe(true);
    expect(incidents).toEqual([]);
  });

  it('opens its local graph on demand, with the trail highlighted, and switches to depth 2', async () => {
    const { page, incidents } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await page.goto(site + GRANULARITY);
    const before = scripts.length;
    expect(await page.evaluate(() => window.__localGraph === undefined)).toBe(true);
    await page.getByText('Local graph', { exact: true }).click();
    await page.waitForSelector('[data-local-canvas][data-graph-ready]');
    expect(scripts.length).toBeGreaterThan(before);
    const one = await page.evaluate(() => ({ nodes: window.__localGraph!.nodes().length, trail: window.__localGraph!.edges('.trail').length }));
    expect(one.nodes).toBeGreaterThan(1);
    expect(one.trail).toBeGreaterThan(0);
    await page.getByRole('radio', { name: 'Two steps out' }).check();
    await page.waitForFunction((n) => window.__localGraph!.nodes().length > n, one.nodes);
    expect(incidents).toEqual([]);
  });

  it('shows where its figures come from', async () => {
    const { page, incidents } = await openPage(browser);
    await page.goto(site + '/notes/does-empathy-training-make-ai-systems-less-reliable/');
    const figure = page.locator('[data-figures] li[data-figure="+8.6pp"]');
    await expect(figure.getAttribute('data-found')).resolves.toBe('true');
    await expect(figure.locator('.verdict').first().textContent()).resolves.toContain('Warm models show systematic reliability degradation');
    await expect(figure.locator('blockquote mark').first().textContent()).resolves.toBe('8.6 percentage points');
    expect(incidents).toEqual([]);
  });
});

describe('the path finder', () => {
  it('shows the typed path between two items, and says when a title names nothing', async () => {
    const { page, incidents } = await openPage(browser);
    await page.goto(site + '/path/');
    await page.getByRole('combobox', { name: 'From', exact: true }).fill('Does training granularity change how AI empathy affects reliability?');
    await page.getByRole('combobox', { name: 'To', exact: true }).fill('Does persona training for warmth actually make language models more clinically dangerous?');
    await page.getByRole('button', { name: 'Find the path' }).click();
    const steps = page.locator('[data-path-steps]');
    await steps.waitFor();
    const nodes = await steps.locator('li.step-node').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.nodeId));
    expect(nodes[0]).toBe('notes/does-training-granularity-change-how-ai-empathy-affects-reliability');
    expect(nodes.at(-1)).toBe('lines/does-persona-training-for-warmth-actually-make-language-models-more-clinically-dangerous');
    expect(await steps.locator('li.step-edge').count()).toBe(nodes.length - 1);
    expect(new URL(page.url()).searchParams.get('from')).toBe(nodes[0]);

    await page.getByRole('combobox', { name: 'To', exact: true }).fill('zzz no such item');
    await page.getByRole('button', { name: 'Find the path' }).click();
    await page.getByText('No item is called “zzz no such item”').waitFor();
    expect(incidents).toEqual([]);
  });

  it('keeps the "avoid items not written yet" checkbox right beside its words, on a desktop and on a phone', async () => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      const { page, incidents, context } = await openPage(browser, { viewport });
      await page.goto(site + '/path/');
      const box = page.getByRole('checkbox', { name: 'Avoid passing through items not written yet' });
      const { gap, sameLine } = await box.evaluate((input) => {
        const words = input.closest('label')!.querySelector('span')!.getBoundingClientRect();
        const own = input.getBoundingClientRect();
        return { gap: words.left - own.right, sameLine: Math.abs(words.top + words.height / 2 - (own.top + own.height / 2)) < own.height };
      });
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThan(16);
      expect(sameLine).toBe(true);
      // A click on the words ticks the box.
      await page.getByText('Avoid passing through items not written yet').click();
      expect(await box.isChecked()).toBe(true);
      expect(incidents).toEqual([]);
      await context.close();
    }
  });
});
