/**
 * Fixed addresses, redirects and page languages in the built site (tests/fixtures/reader; the rules are tested in
 * tests/unit/addresses.test.ts): an earlier address opens the item's page, through a static page that any host
 * serves, and the sitemap lists the item once, never its redirects.
 */
import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser';
import { useFixtureSite } from '../helpers/fixture-site';

const site = useFixtureSite('tests/fixtures/reader');

describe('fixed addresses and redirects', () => {
  it('publishes an item at its permalink, and sends an earlier address and an alias on to it', async () => {
    const { page, incidents } = await openPage(site.browser);
    const fixed = await page.goto(`${site.url}/notes/warmth/`);
    expect(fixed?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('The warmth trap');

    for (const old of ['/notes/the-warmth-trap/', '/old/warmth/', '/notes/warm-models/']) {
      await page.goto(site.url + old);
      await page.waitForURL((u) => u.pathname.endsWith('/notes/warmth/'));
      expect(await page.locator('h1').textContent(), old).toBe('The warmth trap');
    }
    // The redirect page itself: a meta refresh and a canonical link, no script.
    const html = await (await page.request.get(`${site.url}/notes/the-warmth-trap/`)).text();
    expect(html).toMatch(/<meta http-equiv="refresh" content="0; url=[^"]*\/notes\/warmth\/">/);
    expect(html).toMatch(/<link rel="canonical" href="[^"]*\/notes\/warmth\/">/);
    expect(html).not.toContain('<script');
    // A redirect that would take a page's address is not written: the page stays the page.
    await page.goto(`${site.url}/notes/warmth/`);
    expect(await page.locator('h1').textContent()).toBe('The warmth trap');
    expect(incidents).toEqual([]);
  });
});

describe('languages', () => {
  it('reads a note in Arabic right to left inside an English interface, and a Hebrew paragraph inside an English note too', async () => {
    const { page, incidents } = await openPage(site.browser);
    await page.goto(`${site.url}/notes/arabic-note/`);
    // The page, and the interface around the note, stay in the site's language; the note's own text says it is Arabic.
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('html').getAttribute('dir')).toBeNull();
    expect(await page.locator('[data-body]').getAttribute('lang')).toBe('ar');
    expect(await page.locator('h1').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('[data-body] p').first().evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');
    expect(await page.locator('#backlinks-heading').evaluate((h) => getComputedStyle(h).direction)).toBe('ltr');

    await page.goto(`${site.url}/notes/mixed-scripts/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('html').getAttribute('dir')).toBeNull();
    const paragraphs = page.locator('article p[dir="auto"]');
    expect(await paragraphs.count()).toBe(1);
    // The browser lays the Hebrew paragraph out right to left: its text starts at the right edge.
    const [hebrew, english] = await Promise.all([paragraphs.first().evaluate((p) => p.matches(':dir(rtl)')), page.locator('article p', { hasText: 'An English paragraph first.' }).evaluate((p) => p.matches(':dir(rtl)'))]);
    expect(hebrew).toBe(true);
    expect(english).toBe(false);
    expect(incidents).toEqual([]);
  });
});
