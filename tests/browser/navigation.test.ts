import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from '../helpers/browser';

const site = inject('siteUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('browsing the site', () => {
  it('the landing page says what the collection holds and links into each kind', async () => {
    const { page, incidents } = await openPage(browser);
    await page.goto(site + '/');
    await expect(page.locator('h1').textContent()).resolves.toBeTruthy();
    for (const folder of ['notes', 'papers', 'lines']) {
      expect(await page.locator(`.counts a[href="/${folder}/"]`).count()).toBe(1);
    }
    expect(incidents).toEqual([]);
  });

  it('follows a link from a note and finds the backlink, with its sentence, on the other side', async () => {
    const { page, incidents } = await openPage(browser);
    await page.goto(site + '/notes/');
    const first = page.locator('.card-grid a').first();
    const fromTitle = (await first.textContent())!.trim();
    await first.click();
    await page.waitForSelector('article[data-node-id]');
    const fromUrl = new URL(page.url()).pathname;
    const link = page.locator('[data-body] a.wikilink').first();
    await link.click();
    await page.waitForURL((u) => u.pathname !== fromUrl);
    const backlink = page.locator(`[data-backlinks] a.node-link[href="${fromUrl}"]`).first();
    await expect(backlink.textContent()).resolves.toBe(fromTitle);
    const sentence = await backlink.locator('xpath=..').locator('.context').first().textContent();
    expect(sentence?.length).toBeGreaterThan(10);
    await backlink.click();
    await page.waitForURL((u) => u.pathname === fromUrl);
    expect(incidents).toEqual([]);
  });

  it('switches to the dark theme and remembers it on the next page', async () => {
    const { page, incidents } = await openPage(browser, { colorScheme: 'light' });
    await page.goto(site + '/');
    const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await bg();
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await bg()).not.toBe(light);
    await page.goto(site + '/papers/');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.getByRole('button', { name: 'Light theme' }).getAttribute('aria-pressed')).toBe('true');
    expect(incidents).toEqual([]);
  });

  it('reads on a phone without sideways scrolling', async () => {
    const { page, incidents } = await openPage(browser, { viewport: { width: 375, height: 740 }, isMobile: true });
    await page.goto(site + '/notes/');
    await page.locator('.card-grid a').first().click();
    await page.waitForSelector('article[data-node-id]');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(incidents).toEqual([]);
  });
});
