/**
 * The global graph's overview of communities. A real corpus of 10,000 items is too slow to build for every
 * run, so the test site (the seed corpus) is opened with `?overview-from=1`: the threshold lowered, the page
 * and its data those of a big build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from '../helpers/browser';
import { readOverview, type CompactOverview } from '../../src/lib/graph/compact';
import { useServedSite } from '../helpers/served-site';

const site = useServedSite('content');
let browser: Browser;
let overview: ReturnType<typeof readOverview>;
beforeAll(async () => {
  browser = await launchBrowser();
  overview = readOverview((await (await fetch(site.url + '/graph/communities.json')).json()) as CompactOverview);
});
afterAll(async () => {
  await browser?.close();
});

async function openOverview(query = '?overview-from=1', viewport = { width: 1280, height: 900 }) {
  const watched = await openPage(browser, { viewport });
  await watched.page.goto(site.url + '/graph/' + query);
  await watched.page.waitForSelector('[data-graph-overview][data-overview-ready]', { state: 'attached' });
  return watched;
}

/** Where community `index`'s disc is on the page. */
const discAt = (page: Page, index: number) =>
  page.evaluate((i) => {
    const cy = window.graphOverview!;
    const p = cy.getElementById(`c${i}`).renderedPosition();
    const box = cy.container()!.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, index);

/** The communities of the items the whole graph shows (not hidden), and how many. */
const shownCommunities = (page: Page) =>
  page.evaluate(() => {
    const nodes = window.graphView!.nodes().filter((n) => !n.hasClass('hidden'));
    return { count: nodes.length, communities: [...new Set(nodes.map((n) => n.data('community') as number))] };
  });

const onOverview = async (page: Page) => ({
  overview: await page.locator('[data-graph-overview]').isVisible(),
  graph: await page.locator('[data-graph]').isVisible(),
  back: await page.locator('[data-graph-back]').isVisible(),
  community: new URL(page.url()).searchParams.get('community'),
});

describe('the overview of communities', () => {
  it('opens on one node per community, sized by its items and named by its most linked item, each name once', async () => {
    expect(overview.communities.length).toBeGreaterThan(2);
    const { page, incidents } = await openOverview();
    expect(await onOverview(page)).toEqual({ overview: true, graph: false, back: false, community: null });
    const drawn = await page.evaluate(() =>
      window.graphOverview!.nodes().map((n) => ({ index: n.data('index') as number, label: n.data('label') as string, size: n.data('size') as number })),
    );
    expect(drawn.map((n) => n.label)).toEqual(overview.communities.map((c) => c.name));
    expect(new Set(drawn.map((n) => n.label.toLowerCase())).size).toBe(drawn.length);
    // A larger community is never drawn smaller.
    for (let i = 1; i < drawn.length; i++) if (overview.communities[i].size < overview.communities[i - 1].size) expect(drawn[i].size).toBeLessThanOrEqual(drawn[i - 1].size);
    // One line per pair of linked communities, the most linked pair drawn thickest.
    const lines = await page.evaluate(() => window.graphOverview!.edges().map((e) => ({ links: e.data('links') as number, width: e.data('width') as number })));
    expect(lines.length).toBe(overview.between.length);
    const thickest = lines.reduce((a, b) => (b.width > a.width ? b : a));
    expect(thickest.links).toBe(Math.max(...overview.between.map((p) => p.links)));
    // The largest community is labelled, and the status line says what the overview shows.
    expect(await page.evaluate(() => window.graphOverview!.getElementById('c0').hasClass('labelled'))).toBe(true);
    await expect(page.locator('[data-graph-status]').textContent()).resolves.toContain(`${overview.communities.length} communities of ${overview.items} items`);
    // Neither the whole graph nor its file is loaded until a community opens.
    expect(await page.evaluate(() => window.graphView)).toBeUndefined();
    expect(incidents).toEqual([]);
  });

  it('opens a community on a click, showing its items alone, and returns to the overview', async () => {
    const { page, incidents } = await openOverview();
    const at = await discAt(page, 1);
    await page.mouse.click(at.x, at.y);
    await page.waitForSelector('[data-graph][data-graph-complete]');
    expect(await onOverview(page)).toEqual({ overview: false, graph: true, back: true, community: '1' });
    expect(await shownCommunities(page)).toEqual({ count: overview.communities[1].size, communities: [1] });
    await expect(page.locator('[data-graph-status]').textContent()).resolves.toContain(`Showing ${overview.communities[1].size} of ${overview.items} items`);

    await page.getByRole('button', { name: 'All communities' }).click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('community'));
    expect(await onOverview(page)).toEqual({ overview: true, graph: false, back: false, community: null });
    // The community left keeps the keyboard focus on the overview.
    expect(await page.evaluate(() => window.graphOverview!.nodes('.focused').map((n) => n.id()))).toEqual(['c1']);

    // Another community opens in the graph already loaded; the browser's Back returns too.
    const second = await discAt(page, 0);
    await page.mouse.click(second.x, second.y);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('community') === '0');
    await page.waitForFunction((n) => window.graphView!.nodes().filter((x) => !x.hasClass('hidden')).length === n, overview.communities[0].size);
    expect((await shownCommunities(page)).communities).toEqual([0]);
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('community'));
    expect(await onOverview(page)).toEqual({ overview: true, graph: false, back: false, community: null });
    expect(incidents).toEqual([]);
  });

  it('opens the community with keyboard focus on Enter, and Escape returns', async () => {
    const { page, incidents } = await openOverview();
    await page.locator('[data-graph-overview]').focus();
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => window.graphOverview!.nodes('.focused').map((n) => n.data('index') as number));
    expect(focused).toEqual([0]);
    await expect(page.locator('[data-graph-status]').textContent()).resolves.toContain(`“${overview.communities[0].name}”: ${overview.communities[0].size} items`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const [chosen] = await page.evaluate(() => window.graphOverview!.nodes('.focused').map((n) => n.data('index') as number));
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-graph][data-graph-complete]');
    expect((await shownCommunities(page)).communities).toEqual([chosen]);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-graph'))).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('community'));
    expect(await onOverview(page)).toEqual({ overview: true, graph: false, back: false, community: null });
    expect(incidents).toEqual([]);
  });

  it('opens a shared address on its community: ?community= and ?focus=', async () => {
    const { page, incidents } = await openOverview('?overview-from=1&community=2');
    await page.waitForSelector('[data-graph][data-graph-complete]');
    expect((await shownCommunities(page)).communities).toEqual([2]);
    const graph = (await (await fetch(site.url + '/graph/data.json')).json()) as { n: [string, string, number, number, number, number, number, number][] };
    const item = graph.n.find((row) => row[7] === 1)!;
    const shared = await openOverview(`?overview-from=1&focus=${encodeURIComponent(item[0])}`);
    await shared.page.waitForSelector('[data-graph][data-graph-complete]');
    expect((await shownCommunities(shared.page)).communities).toEqual([1]);
    await shared.page.waitForFunction(() => new URL(location.href).searchParams.get('community') === '1');
    await expect(shared.page.locator('[data-graph-panel] h2').textContent()).resolves.toBe(item[1]);
    expect([...incidents, ...shared.incidents].filter((i) => !i.includes('404'))).toEqual([]);
  });

  it('is not shown below the threshold: the page opens on every item', async () => {
    const watched = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await watched.page.goto(site.url + '/graph/');
    await watched.page.waitForSelector('[data-graph][data-graph-complete]');
    expect(await watched.page.locator('[data-graph-overview]').isVisible()).toBe(false);
    expect(await watched.page.evaluate(() => window.graphOverview)).toBeUndefined();
    expect((await shownCommunities(watched.page)).count).toBe(overview.items);
    expect(watched.incidents).toEqual([]);
  });
});
