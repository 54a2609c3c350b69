/**
 * A Dataview dashboard as a reader meets it (tests/fixtures/dataview-vault):
 * its queries are results, not code — a table with headers whose links
 * preview like any link, a task list whose boxes cannot be ticked, the
 * DataviewJS block folded and labelled, the calendar it cannot draw shown
 * with the reason — and the page fits a phone. Screenshots of the dashboard
 * (light and dark, desktop and phone) go to $SCREENSHOT_DIR when it is set,
 * to be looked at.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser';
import { useFixtureSite } from '../helpers/fixture-site';

const site = useFixtureSite('tests/fixtures/dataview-vault');

describe('a Dataview dashboard', () => {
  it('shows each query as its result: a table with headers, links that preview, tasks that cannot be ticked', async () => {
    const { page, incidents } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(site.url + '/notes/home/');
    const body = page.locator('[data-body]');
    const games = body.locator('.dataview-table').nth(1);
    expect(await games.locator('th').allTextContents()).toEqual(['File', 'Time Played', 'Length', 'Rating']);
    expect(await games.locator('tbody tr td:first-child').allTextContents()).toEqual(['Minecraft', 'Outer Wilds', 'Pillars of Eternity 2', 'Dota 2']);
    expect(await games.locator('tbody tr').first().locator('td').allTextContents()).toEqual(['Minecraft', 'All the time.', '2 months, 3 weeks, 2 days, 8 hours', '9.5']);

    // A result's link is a link like any other: it previews the note, and leads to it.
    const link = games.locator('a.wikilink', { hasText: 'Outer Wilds' });
    await link.hover();
    const card = page.locator('[role="tooltip"][data-preview-card]');
    await card.waitFor({ state: 'visible' });
    expect(await card.locator('.preview-title').textContent()).toBe('Outer Wilds');
    await page.mouse.move(5, 5);

    const tasks = body.locator('.dataview-tasks input[type="checkbox"]');
    expect(await tasks.count()).toBe(2);
    for (const box of await tasks.all()) expect(await box.isDisabled()).toBe(true);
    expect(await body.locator('.dataview-tasks .dataview-group').allTextContents()).toEqual(['Garden', 'Website']);

    const contested = body.locator('h2#contested-claims + .dataview-table');
    expect(await contested.locator('tbody td').allTextContents()).toEqual(['Warm drinks', 'contested', 'inferred']);
    expect(await body.locator('p', { hasText: 'Owner:' }).textContent()).toMatch(/^Owner: Ada\. Built on \d{4}-\d{2}-\d{2}\.$/);

    await link.click();
    await page.waitForURL(/\/notes\/games\/outer-wilds\/$/);
    expect(incidents).toEqual([]);
  });

  it('folds the DataviewJS block, labelled, and shows the calendar it cannot draw with the reason', async () => {
    const { page, incidents } = await openPage(site.browser);
    await page.goto(site.url + '/notes/home/');
    const dynamic = page.locator('[data-body] details.dataview-dynamic');
    expect(await dynamic.locator('summary').textContent()).toBe('Dynamic view: not available in the published site');
    expect(await dynamic.locator('pre').isVisible()).toBe(false);
    await dynamic.locator('summary').click();
    expect(await dynamic.locator('pre').textContent()).toContain('dv.table(["File", "Rating"]');
    const unsupported = page.locator('[data-body] .dataview-unsupported');
    expect(await unsupported.locator('figcaption').textContent()).toBe('Query not evaluated: CALENDAR views are not supported; use LIST or TABLE');
    expect(await unsupported.locator('pre').textContent()).toBe('CALENDAR file.day FROM "Daily"');
    expect(incidents).toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const [width, height, name] of [[1280, 900, 'desktop'], [390, 844, 'phone']] as const) {
      it(`fits a ${name} in the ${scheme} theme, its tables scrolling within the text`, async () => {
        const { page, incidents } = await openPage(site.browser, { colorScheme: scheme, viewport: { width, height } });
        await page.goto(site.url + '/notes/home/');
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        // The table's header row is set apart from its rows.
        const [head, cell] = await page.locator('[data-body] .dataview-table').first().evaluate((t) => [getComputedStyle(t.querySelector('th')!).backgroundColor, getComputedStyle(t.querySelector('td')!).backgroundColor]);
        expect(head).not.toBe(cell);
        if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, `dataview-${name}-${scheme}.png`), fullPage: true });
        expect(incidents).toEqual([]);
      });
    }
  }
});
