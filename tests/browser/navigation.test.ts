import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { atBase, launchBrowser, openPage, itOnce } from '../helpers/browser';
import { useServedSite } from '../helpers/served-site';

const site = useServedSite('content');
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
    await page.goto(site.url + '/');
    await expect(page.locator('h1').textContent()).resolves.toBeTruthy();
    for (const folder of ['notes', 'papers', 'lines']) {
      expect(await page.locator(`.counts a[href="${atBase(`/${folder}/`)}"]`).count()).toBe(1);
    }
    expect(incidents).toEqual([]);
  });

  it('follows a link from a note and finds the backlink, with its sentence, on the other side', async () => {
    const { page, incidents } = await openPage(browser);
    await page.goto(site.url + '/notes/');
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

  itOnce('switches to the dark theme and remembers it on the next page', async () => {
    const { page, incidents } = await openPage(browser, { colorScheme: 'light' });
    await page.goto(site.url + '/');
    const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await bg();
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await bg()).not.toBe(light);
    await page.goto(site.url + '/papers/');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.getByRole('button', { name: 'Light theme' }).getAttribute('aria-pressed')).toBe('true');
    expect(incidents).toEqual([]);
  });

  itOnce('reads on a phone without sideways scrolling', async () => {
    const { page, incidents } = await openPage(browser, { viewport: { width: 375, height: 740 }, isMobile: true });
    await page.goto(site.url + '/notes/');
    await page.locator('.card-grid a').first().click();
    await page.waitForSelector('article[data-node-id]');
    const overflow = await sidewaysOverflow(page);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(incidents).toEqual([]);
  });
});

/** How far the page is wider than the screen, in pixels; 0 or less reads without sideways scrolling. */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

describe('journeys through the fixture site', () => {
  const fixture = useServedSite('basic');
  const hostile = useServedSite('hostile');

  it('searches from the landing page and opens a result', async () => {
    const { page, incidents, context } = await openPage(browser);
    await page.goto(fixture.url + '/');
    await page.locator('main input[type=search]').first().fill('warmth training');
    // The page itself, not one of its sections ("… › Open questions") listed under it.
    const result = page.locator('[role="listbox"]:visible [role="option"] .search-title', { hasText: /^Does warmth training make language models less reliable\?$/ });
    await result.click();
    await page.waitForURL((u) => u.pathname === atBase('/notes/warmth/'));
    await expect(page.locator('h1').textContent()).resolves.toBe('Does warmth training make language models less reliable?');
    expect(incidents).toEqual([]);
    await context.close();
  });

  it('follows a link to a stub and lands on a page that says it is not written yet and who references it', async () => {
    const { page, incidents, context } = await openPage(browser);
    await page.goto(fixture.url + '/notes/warmth/');
    await page.locator('[data-body] a.wikilink.stub').first().click();
    await page.waitForSelector('article[data-stub="true"]');
    await expect(page.locator('.stub-notice').textContent()).resolves.toMatch(/is not written yet/);
    const referrer = page.locator(`[data-backlinks] a.node-link[href="${atBase('/notes/warmth/')}"]`);
    expect(await referrer.count()).toBeGreaterThan(0);
    expect(incidents).toEqual([]);
    await context.close();
  });

  it('follows a tag from a note to the tag page that lists the note', async () => {
    const { page, incidents, context } = await openPage(browser);
    await page.goto(fixture.url + '/notes/warmth/');
    await page.locator('.tag-list a').first().click();
    await page.waitForURL((u) => u.pathname.startsWith(atBase('/tags/')));
    expect(await page.locator(`a.node-link[href="${atBase('/notes/warmth/')}"]`).count()).toBe(1);
    expect(incidents).toEqual([]);
    await context.close();
  });

  it.each(['/', '/notes/warmth/', '/papers/warm-and-empathetic/', '/lines/clinically-dangerous/', '/papers/', '/tags/'])(
    'reads %s on a phone without sideways scrolling, in both themes',
    async (address) => {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page, incidents, context } = await openPage(browser, { ...PHONE, colorScheme });
        await page.goto(fixture.url + address);
        const overflow = await sidewaysOverflow(page);
        expect(overflow).toBeLessThanOrEqual(0);
        expect(incidents).toEqual([]);
        await context.close();
      }
    },
  );

  itOnce('keeps hostile pages (long unbroken titles, right-to-left text) within a phone screen', async () => {
    for (const address of ['/notes/100-sure/', '/notes/xss/', '/notes/هل-الدفء-يضر/', '/notes/huge/']) {
      const { page, context } = await openPage(browser, PHONE);
      await page.goto(hostile.url + encodeURI(address));
      expect(await sidewaysOverflow(page), address).toBeLessThanOrEqual(0);
      await context.close();
    }
  });
});
