/**
 * The explorer as a reader meets it: a vault's folders beside the page on a
 * wide screen, the way to the page open and the page marked; other folders
 * fetched when opened; a drawer on a phone that the header's button opens and
 * Escape, Close or a tap beside it close, with focus taken in and given back;
 * plain links and `<details>` without JavaScript; Dendron's dotted hierarchy in
 * the same tree.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../helpers/axe';
import { atBase, openPage, itOnce, unhashed } from '../helpers/browser';
import { useFixtureSite } from '../helpers/fixture-site';

const vault = useFixtureSite('tests/fixtures/vault');
const dendron = useFixtureSite('tests/fixtures/dendron-vault');
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true };

const explorer = (page: Page) => page.locator('nav[data-explorer]');
const branch = (page: Page, key: string) => page.locator(`nav[data-explorer] details[data-branch="${key}"]`);
/** A branch's name: a link to its page, beside the triangle that opens it. */
const branchLink = (page: Page, key: string) => page.locator(`nav[data-explorer] li:has(> details[data-branch="${key}"]) > a`);
const openBranch = (page: Page, key: string) => branch(page, key).locator(':scope > summary').click();
const topBranches = (page: Page) => page.locator('nav[data-explorer] > ul > li.branch > a').allTextContents();

describe('the explorer of a vault', () => {
  it('stands beside a note’s page, its folders open down to the note, which it marks', async () => {
    const { page, incidents } = await openPage(vault.browser, DESKTOP);
    await page.goto(vault.url + '/notes/research/methods/index/');
    const [nav, main] = [await explorer(page).boundingBox(), await page.locator('main').boundingBox()];
    expect(nav!.x + nav!.width).toBeLessThanOrEqual(main!.x);
    expect(await topBranches(page)).toEqual(['Daily', 'Projects', 'Research']);
    expect(await branch(page, 'folders/research').getAttribute('open')).not.toBeNull();
    expect(await branch(page, 'folders/research/methods').getAttribute('open')).not.toBeNull();
    expect(await branch(page, 'folders/daily').getAttribute('open')).toBeNull();
    const current = explorer(page).locator('a[aria-current="page"]');
    expect(await current.allTextContents()).toEqual(['Methods index']);
    expect(await current.getAttribute('href')).toBe(atBase('/notes/research/methods/index/'));
    // Each folder's name leads to its folder's page.
    await branchLink(page, 'folders/research').click();
    await page.waitForURL((u) => u.pathname === atBase('/notes/research/'));
    expect(await explorer(page).locator('a[aria-current="page"]').allTextContents()).toEqual(['Research']);
    expect(incidents).toEqual([]);
  });

  it('carries only the top and the way to the page; the open folders’ other notes, and any folder opened, come as small files', async () => {
    const { page, incidents } = await openPage(vault.browser, DESKTOP);
    const fetched: string[] = [];
    page.on('request', (r) => r.url().includes('/explorer/') && fetched.push(new URL(r.url()).pathname));
    const html = await (await page.request.get(vault.url + '/notes/research/methods/index/')).text();
    const inline = html.slice(html.indexOf('<nav class="explorer"'), html.indexOf('</nav>', html.indexOf('<nav class="explorer"')));
    expect(inline).toContain('>Methods index</a>');
    expect(inline).not.toContain('Warmth and reliability');
    expect(inline).not.toContain('2024-05-01');

    await page.goto(vault.url + '/notes/research/methods/index/');
    const sibling = explorer(page).locator(`a[href="${atBase('/notes/research/warmth-and-reliability/')}"]`);
    await sibling.waitFor();
    expect(fetched.map(unhashed).sort()).toEqual([atBase('/explorer/folders/research.json'), atBase('/explorer/folders/research/methods.json')]);
    expect(await explorer(page).locator('a[aria-current="page"]').allTextContents()).toEqual(['Methods index']);
    expect(await branch(page, 'folders/research/methods').getAttribute('open')).not.toBeNull();

    const daily = explorer(page).locator(`a[href="${atBase('/notes/daily/2024-05-01/')}"]`);
    expect(await daily.count()).toBe(0);
    await openBranch(page, 'folders/daily');
    await daily.waitFor();
    expect(fetched.map(unhashed)).toContain(atBase('/explorer/folders/daily.json'));
    await daily.click();
    await page.waitForURL((u) => u.pathname === atBase('/notes/daily/2024-05-01/'));
    expect(await explorer(page).locator('a[aria-current="page"]').allTextContents()).toEqual(['2024-05-01']);
    expect(incidents).toEqual([]);
  });

  itOnce('on a phone is a drawer: the header’s button opens it, Escape, Close and a tap beside it close it, focus goes in and comes back', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context, incidents } = await openPage(vault.browser, { ...PHONE, colorScheme });
      await page.goto(vault.url + '/notes/research/methods/index/');
      const button = page.locator('[data-explorer-open]');
      // Until its script runs, the explorer follows the page (as without JavaScript); the script shows the button.
      await button.waitFor({ state: 'visible' });
      expect(await explorer(page).isVisible()).toBe(false);
      expect(await button.getAttribute('aria-expanded')).toBe('false');

      await button.click();
      await explorer(page).waitFor({ state: 'visible' });
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.matches('[data-explorer-close]'))).toBe(true);
      // The page behind it does not answer while it is open.
      expect(await page.evaluate(() => document.querySelector('main')!.inert && document.querySelector('header')!.inert)).toBe(true);
      expect(await explorer(page).locator('a[aria-current="page"]').isVisible()).toBe(true);
      await page.keyboard.press('Escape');
      await explorer(page).waitFor({ state: 'hidden' });
      expect(await page.evaluate(() => document.activeElement?.matches('[data-explorer-open]'))).toBe(true);
      expect(await page.evaluate(() => document.querySelector('main')!.inert)).toBe(false);

      await button.click();
      await page.locator('[data-explorer-close]').click();
      await explorer(page).waitFor({ state: 'hidden' });
      await button.click();
      await explorer(page).waitFor({ state: 'visible' });
      await page.mouse.click(380, 600);
      await explorer(page).waitFor({ state: 'hidden' });
      expect(incidents).toEqual([]);
      await context.close();
    }
  });

  itOnce('has no serious or critical axe violation beside the page or as an open drawer, in either theme', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const options of [DESKTOP, PHONE]) {
        const { page, context, incidents } = await openPage(vault.browser, { ...options, colorScheme });
        await page.goto(vault.url + '/notes/research/methods/index/');
        if (options === PHONE) await page.locator('[data-explorer-open]').click();
        await openBranch(page, 'folders/daily');
        await branch(page, 'folders/daily').locator('ul a').first().waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        expect(incidents).toEqual([]);
        await context.close();
      }
    }
  });

  itOnce('is reached by Tab, folder by folder, each with a visible focus ring, and a folder opens with Enter', async () => {
    const { page, incidents } = await openPage(vault.browser, DESKTOP);
    await page.goto(vault.url + '/notes/research/methods/index/');
    const summary = branch(page, 'folders/daily').locator(':scope > summary');
    for (let i = 0; i < 20 && !(await summary.evaluate((s) => s === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await summary.evaluate((s) => getComputedStyle(s).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    await branch(page, 'folders/daily').locator('ul a').first().waitFor();
    expect(incidents).toEqual([]);
  });

  it('works without JavaScript: on a phone it follows the page, its folders open as details and lead to their pages', async () => {
    const { page, incidents } = await openPage(vault.browser, { ...PHONE, javaScriptEnabled: false });
    await page.goto(vault.url + '/notes/research/methods/index/');
    const [nav, main] = [await explorer(page).boundingBox(), await page.locator('main').boundingBox()];
    expect(nav!.y).toBeGreaterThanOrEqual(main!.y + main!.height);
    expect(await explorer(page).locator('a[aria-current="page"]').isVisible()).toBe(true);
    // An open folder shows the way on, and how many more notes its page lists.
    const more = branch(page, 'folders/research').locator(':scope > ul > .explorer-more a');
    expect(await more.textContent()).toBe('1 more');
    expect(await more.getAttribute('href')).toBe(atBase('/notes/research/'));
    await openBranch(page, 'folders/projects');
    const folderPage = branch(page, 'folders/projects').locator('.explorer-pending a');
    expect(await folderPage.isVisible()).toBe(true);
    expect(await folderPage.getAttribute('href')).toBe(atBase('/notes/projects/'));
    expect(incidents).toEqual([]);
  });
});

describe('the explorer of a Dendron vault', () => {
  it('shows the dotted hierarchy as the same tree: the notes above the page open, the page marked, other branches fetched', async () => {
    const { page, incidents } = await openPage(dendron.browser, DESKTOP);
    await page.goto(dendron.url + '/notes/python.fixtures.scope/');
    expect(await topBranches(page)).toEqual(['Lang', 'Python']);
    expect(await branch(page, 'notes/python').getAttribute('open')).not.toBeNull();
    expect(await branch(page, 'notes/python.fixtures').getAttribute('open')).not.toBeNull();
    expect(await explorer(page).locator('a[aria-current="page"]').allTextContents()).toEqual(['Scope']);
    // The root note's children are the top of the tree; the root is not a branch of its own.
    expect(await branch(page, 'notes/root').count()).toBe(0);
    await openBranch(page, 'notes/lang');
    await branch(page, 'notes/lang').locator(`a[href="${atBase('/notes/lang.rust.traits/')}"]`).waitFor();
    expect(incidents).toEqual([]);
  });
});
