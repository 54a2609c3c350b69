import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { atBase, launchBrowser, openPage, itOnce } from '../helpers/browser';
import type { CompactGraph } from '../../src/lib/graph/compact';
import { useServedSite } from '../helpers/served-site';

const site = useServedSite('content');
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
  await watched.page.goto(site.url + path);
  await watched.page.waitForSelector('[data-graph][data-graph-ready]');
  return watched;
}

/** Counts of what cytoscape draws: all nodes, and those not hidden by a filter. */
const counts = (page: Page) =>
  page.evaluate(() => {
    const cy = window.graphView!;
    return { nodes: cy.nodes().length, visible: cy.nodes(':visible').length, edges: cy.edges(':visible').length, stubs: cy.nodes('[?stub]:visible').length, papers: cy.nodes('[kind = "paper"]:visible').length, cites: cy.edges('[type = "cites"]:visible').length };
  });

describe('the global graph', () => {
  it('draws every node of the seed corpus', async () => {
    const { page, incidents } = await openGraph();
    const graph = await (await fetch(site.url + '/graph.json')).json();
    const drawn = await counts(page);
    expect(drawn.nodes).toBe(graph.nodes.length);
    expect(drawn.visible).toBe(graph.nodes.length);
    expect(await page.evaluate(() => window.graphView!.getElementById('papers/training-language-models-to-be-warm-and-empathetic-makes-them-less-reliable-and-more-sycophantic').nonempty())).toBe(true);
    expect(incidents).toEqual([]);
  });

  it('selects an item on click and opens a side panel on it; a double-click opens its page', async () => {
    const { page, incidents } = await openGraph();
    const id = 'notes/does-training-granularity-change-how-ai-empathy-affects-reliability';
    const point = await page.evaluate((nodeId) => {
      const cy = window.graphView!;
      const p = cy.getElementById(nodeId).renderedPosition();
      const box = cy.container()!.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, id);
    await page.mouse.click(point.x, point.y);
    const panel = page.locator('[data-graph-panel]');
    await expect(panel.locator('h2').textContent()).resolves.toBe('Does training granularity change how AI empathy affects reliability?');
    await panel.getByText('Claim:').waitFor();
    await expect(panel.locator('.graph-panel-text').textContent()).resolves.toContain('trait-level warmth training corrupts reliability');
    await expect(panel.locator('.badge').textContent()).resolves.toBe('Note');
    await expect(panel.getByRole('link', { name: 'Open page' }).getAttribute('href')).resolves.toBe(atBase(`/${id}/`));
    await expect(panel.getByRole('link', { name: 'Show local graph' }).getAttribute('href')).resolves.toBe(atBase(`/${id}/#local-graph`));
    await expect(panel.locator('.graph-panel-counts').textContent()).resolves.toMatch(/\d+ related papers/);
    expect(new URL(page.url()).searchParams.get('focus')).toBe(id);
    expect(page.url()).toContain('/graph/');
    // A linked item in the panel selects that item, and centres it.
    const first = panel.locator('.graph-panel-links button').first();
    const firstTitle = await first.textContent();
    await first.click();
    await page.waitForFunction((t) => document.querySelector('[data-graph-panel] h2')?.textContent === t, firstTitle);
    // A double-click opens the item's page.
    const selected = new URL(page.url()).searchParams.get('focus')!;
    await page.waitForTimeout(500);
    const again = await page.evaluate((nodeId) => {
      const cy = window.graphView!;
      const p = cy.getElementById(nodeId).renderedPosition();
      const box = cy.container()!.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, selected);
    await page.mouse.dblclick(again.x, again.y);
    await page.waitForURL((u) => u.pathname === atBase(`/${selected}/`));
    expect(incidents).toEqual([]);
  });

  itOnce('opens on a view where no two labels overlap and the graph spans most of the canvas', async () => {
    const { page, incidents } = await openGraph();
    const view = await page.evaluate(() => {
      const cy = window.graphView!;
      const labels = cy
        .nodes('.labelled')
        .filter((n) => n.visible() && n.style('label') !== '')
        .map((n) => n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }));
      const drawn = cy.elements(':visible').renderedBoundingBox();
      return { labels, drawn, width: cy.width(), height: cy.height(), top: cy.container()!.getBoundingClientRect().top };
    });
    expect(view.labels.length).toBeGreaterThan(5);
    for (const [i, a] of view.labels.entries()) {
      for (const b of view.labels.slice(i + 1)) {
        const overlap = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 0.5 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 0.5;
        expect(overlap, `labels at ${JSON.stringify(a)} and ${JSON.stringify(b)} overlap`).toBe(false);
      }
      expect(a.x1 >= 0 && a.x2 <= view.width && a.y1 >= 0 && a.y2 <= view.height).toBe(true);
    }
    expect(Math.max(view.drawn.w / view.width, view.drawn.h / view.height)).toBeGreaterThanOrEqual(0.6);
    // The canvas starts right under the header, and fills the window below it.
    expect(view.top).toBeLessThan(80);
    expect(view.height).toBeGreaterThan(900 - 80);
    expect(incidents).toEqual([]);
  });

  it('walks from item to linked item with the arrow keys; Escape clears, Enter opens', async () => {
    const { page, incidents } = await openGraph();
    for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.hasAttribute('data-graph'))); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-graph'))).toBe(true);
    const focus = () => page.evaluate(() => new URL(location.href).searchParams.get('focus'));
    await page.keyboard.press('ArrowRight');
    const start = await focus();
    expect(start).toBeTruthy();
    await expect(page.locator('[data-graph-panel] h2').textContent()).resolves.toBeTruthy();
    // Step along links: each arrow either moves to a linked item or says there is none that way.
    const visited = [start!];
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown']) {
      const before = (await focus())!;
      await page.keyboard.press(key);
      const after = (await focus())!;
      if (after === before) {
        await expect(page.locator('[data-graph-status]').textContent()).resolves.toContain('No linked item that way');
        continue;
      }
      const linked = await page.evaluate(([a, b]) => window.graphView!.getElementById(a).neighborhood('node').some((n) => (n as unknown as { id(): string }).id() === b), [before, after]);
      expect(linked, `${after} is linked to ${before}`).toBe(true);
      visited.push(after);
    }
    expect(visited.length).toBeGreaterThan(1);
    await page.keyboard.press('Escape');
    expect(await focus()).toBeNull();
    expect(await page.locator('[data-graph-panel]').isHidden()).toBe(true);
    await page.keyboard.press('ArrowDown');
    const chosen = (await focus())!;
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === atBase(`/${chosen}/`));
    expect(incidents).toEqual([]);
  });

  itOnce('offers presets: claims and their evidence only, written items only, one community', async () => {
    const { page, incidents } = await openGraph();
    const preset = page.getByRole('combobox', { name: 'View' });
    const visible = () => page.evaluate(() => window.graphView!.nodes(':visible').map((n) => ({ id: n.id(), stub: n.data('stub'), community: n.data('community') })));
    await preset.selectOption('claims');
    await page.waitForFunction(() => window.graphView!.nodes(':visible').length < window.graphView!.nodes().length);
    const claims = await visible();
    const graph = (await (await fetch(site.url + '/graph.json')).json()) as { nodes: { id: string; claim?: string }[]; edges: { source: string; target: string; type: string }[] };
    const withClaim = graph.nodes.filter((n) => n.claim).map((n) => n.id);
    const evidence = new Set([...withClaim, ...graph.edges.filter((e) => withClaim.includes(e.source) && (e.type === 'cites' || e.type === 'related')).flatMap((e) => [e.source, e.target])]);
    expect(new Set(claims.map((n) => n.id))).toEqual(evidence);
    await preset.selectOption('written');
    await page.waitForFunction(() => window.graphView!.nodes('[?stub]:visible').length === 0);
    expect((await visible()).every((n) => !n.stub)).toBe(true);
    await preset.selectOption('community:1');
    await page.waitForFunction(() => window.graphView!.nodes(':visible').every((n) => n.data('community') === 1));
    // The legend names each community by its most central item, and a click shows that community.
    const legend = page.locator('[data-community-legend] button');
    expect(await legend.count()).toBeGreaterThanOrEqual(2);
    await expect(legend.first().textContent()).resolves.toContain('Does empathy training make AI systems less reliable?');
    await legend.first().click();
    await page.waitForFunction(() => window.graphView!.nodes(':visible').every((n) => n.data('community') === 0));
    await expect(page.locator('[data-graph-status]').textContent()).resolves.toMatch(/^Showing \d+ of \d+ items/);
    expect(incidents).toEqual([]);
  });

  itOnce('hides the kinds, link types and stubs the filters leave out', async () => {
    const { page, incidents } = await openGraph();
    const before = await counts(page);
    expect(before.stubs).toBeGreaterThan(0);
    await page.getByText('Filters', { exact: true }).click();
    // Cytoscape may settle styles on its next frame, so each check waits for the drawing to agree.
    const settles = (key: keyof Awaited<ReturnType<typeof counts>>) =>
      page.waitForFunction((k) => {
        const cy = window.graphView!;
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
    await expect(page.locator('[data-graph-panel] h2').textContent()).resolves.toBe('Does training granularity change how AI empathy affects reliability?');
    const shared = page.url();
    const again = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await again.page.goto(shared);
    await again.page.waitForSelector('[data-graph][data-graph-ready]');
    const focused = await again.page.evaluate(() => window.graphView!.nodes('.focused').map((n) => n.id()));
    expect(focused).toEqual(['notes/does-training-granularity-change-how-ai-empathy-affects-reliability']);
    expect(incidents).toEqual([]);
    expect(again.incidents).toEqual([]);
  });

  itOnce('lights up a node’s neighbourhood on hover', async () => {
    const { page, incidents } = await openGraph();
    const id = 'notes/does-training-granularity-change-how-ai-empathy-affects-reliability';
    const lit = await page.evaluate((nodeId) => {
      const cy = window.graphView!;
      cy.getElementById(nodeId).emit('mouseover');
      return { lit: cy.nodes('.lit').length, faded: cy.nodes('.faded').length, neighbours: cy.getElementById(nodeId).closedNeighborhood('node').length, labelled: cy.getElementById(nodeId).hasClass('labelled'), others: cy.nodes('.labelled').not('.lit').length };
    }, id);
    expect(lit.lit).toBe(lit.neighbours);
    expect(lit.faded).toBeGreaterThan(0);
    // Its label shows, and only its neighbourhood's labels compete for the space.
    expect(lit.labelled).toBe(true);
    expect(lit.others).toBe(0);
    expect(incidents).toEqual([]);
  });
});

describe('links that take a stance', () => {
  /** A small graph whose links carry stances, as claims will: one supports, one challenges, one qualifies, one has none. */
  const graph: CompactGraph = {
    kinds: ['note', 'paper', 'line'],
    types: ['cites', 'source', 'related', 'next', 'similar'],
    stances: ['supports', 'challenges', 'qualifies'],
    statuses: ['supported', 'contested', 'challenged', 'open'],
    n: [
      ['notes/claim', 'A claim', 0, 0, 0, 0, 4, 0, 1, 1],
      ['notes/for', 'Evidence for', 0, 0, 200, 0, 1, 0, 0],
      ['notes/against', 'Evidence against', 0, 0, -200, 0, 1, 0, 0],
      ['papers/nuance', 'A nuance', 1, 0, 0, 200, 1, 0, 0],
      ['papers/plain', 'A plain link', 1, 0, 0, -200, 1, 0, 0],
    ],
    // Four links from the claim: cites (supports), cites (challenges), related (qualifies), related (no stance).
    e: { out: [4, 0, 0, 0, 0], target: [1, 2, 3, 4], type: [0, 0, 2, 2], stance: [1, 2, 3, 0] },
    communities: [[0, 5]],
  };

  itOnce('colours links by stance, filters them, and shows the claim’s status in the panel', async () => {
    const { page, context, incidents } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await context.route('**/graph/data.json', (route) => route.fulfill({ json: graph }));
    await page.goto(site.url + '/graph/');
    await page.waitForSelector('[data-graph][data-graph-complete]');
    const colours = await page.evaluate(() => {
      const css = (v: string) => getComputedStyle(document.documentElement).getPropertyValue(v).trim();
      const cy = window.graphView!;
      const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',')})`;
      return {
        supports: [cy.edges('[stance = "supports"]').style('line-color'), rgb(css('--stance-supports'))],
        challenges: [cy.edges('[stance = "challenges"]').style('line-color'), rgb(css('--stance-challenges'))],
        plain: [cy.edges('[^stance]').style('line-color'), rgb(css('--edge-related'))],
      };
    });
    for (const [drawn, expected] of Object.values(colours)) expect(drawn).toBe(expected);
    await page.getByText('Filters', { exact: true }).click();
    await page.getByRole('checkbox', { name: 'Challenges' }).uncheck();
    await page.waitForFunction(() => window.graphView!.edges('[stance = "challenges"]:visible').length === 0);
    expect(await page.evaluate(() => window.graphView!.edges(':visible').length)).toBe(3);
    await page.getByRole('combobox', { name: 'Find an item' }).fill('A claim');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await expect(page.locator('[data-graph-panel] .status').textContent()).resolves.toBe('Contested');
    expect(incidents.filter((i) => !i.includes('404'))).toEqual([]);
  });
});

describe('the global graph on a phone and in the dark theme', () => {
  itOnce('fits a phone without sideways scrolling and recolours its nodes with the theme', async () => {
    const { page, incidents } = await openPage(browser, { viewport: { width: 375, height: 740 }, isMobile: true, colorScheme: 'light' });
    await page.goto(site.url + '/graph/');
    await page.waitForSelector('[data-graph][data-graph-ready]');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const noteColour = () => page.evaluate(() => window.graphView!.nodes('[kind = "note"]').first().style('background-color'));
    const light = await noteColour();
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.waitForFunction((before) => window.graphView!.nodes('[kind = "note"]').first().style('background-color') !== before, light);
    expect(incidents).toEqual([]);
  });
});

describe('a note page', () => {
  it('opens its local graph on demand, with the evidence highlighted, and switches to depth 2', async () => {
    const { page, incidents } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await page.goto(site.url + GRANULARITY);
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

  itOnce('groups a hub’s links: at most 25 items, its cited notes labelled, its inquiry lines one group that unfolds', async () => {
    const { page, incidents } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    const hub = 'notes/does-empathy-training-make-ai-systems-less-reliable';
    await page.goto(`${site.url}/${hub}/#local-graph`);
    await page.waitForSelector('[data-local-canvas][data-graph-ready]');
    const drawn = await page.evaluate((center) => {
      const cy = window.__localGraph!;
      const labelled = (n: { hasClass(c: string): boolean; visible(): boolean }) => n.hasClass('labelled') && n.visible();
      const cited = cy.getElementById(center).outgoers('edge[type = "cites"]').targets();
      const boxes = cy.nodes('.labelled').map((n) => n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }));
      return {
        nodes: cy.nodes().length,
        cited: cited.map((n) => ({ id: n.id(), labelled: labelled(n) })),
        groups: cy.nodes('.group').map((n) => ({ id: n.id(), label: n.data('label') as string, members: n.data('members') as number })),
        boxes,
      };
    }, hub);
    expect(drawn.nodes).toBeLessThanOrEqual(25);
    expect(drawn.cited.length).toBeGreaterThanOrEqual(5);
    expect(drawn.cited.every((c) => c.labelled)).toBe(true);
    for (const [i, a] of drawn.boxes.entries()) {
      for (const b of drawn.boxes.slice(i + 1)) expect(Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 0.5 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 0.5).toBe(false);
    }
    const lines = drawn.groups.find((g) => /^\d+ (more )?inquiry lines/.test(g.label))!;
    expect(lines.members).toBeGreaterThan(100);
    // A click on the group unfolds it into its inquiry lines.
    const point = await page.evaluate((id) => {
      const cy = window.__localGraph!;
      const p = cy.getElementById(id).renderedPosition();
      const box = cy.container()!.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, lines.id);
    await page.mouse.click(point.x, point.y);
    await page.waitForFunction((n) => window.__localGraph!.nodes('[kind = "line"]').length >= n, lines.members);
    expect(await page.evaluate((id) => window.__localGraph!.getElementById(id).empty(), lines.id)).toBe(true);
    expect(incidents).toEqual([]);
  });

  it('shows where its figures come from', async () => {
    const { page, incidents } = await openPage(browser);
    await page.goto(site.url + '/notes/does-empathy-training-make-ai-systems-less-reliable/');
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
    await page.goto(site.url + '/path/');
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

  itOnce('keeps the "avoid items not written yet" checkbox right beside its words, on a desktop and on a phone', async () => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      const { page, incidents, context } = await openPage(browser, { viewport });
      await page.goto(site.url + '/path/');
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
