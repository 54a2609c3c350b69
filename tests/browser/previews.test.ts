/**
 * Link previews as a reader meets them: hover or keyboard focus on a link to
 * another item shows its kind, title, claim or summary and the claim's status; stubs say they are
 * not written yet; Esc and leaving close it; touch screens follow the link.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { atBase, openPage, useBrowser, itOnce } from '../helpers/browser';
import { useServedSite } from '../helpers/served-site';

const fixture = useServedSite('basic');
const browser = useBrowser();
const card = (page: Page) => page.locator('[role="tooltip"][data-preview-card]');

async function boxes(page: Page, link: Locator) {
  const [a, c] = await Promise.all([link.boundingBox(), card(page).boundingBox()]);
  return { a: a!, c: c! };
}
const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('link previews', () => {
  it('hovering a link for a moment shows the item’s kind, title, claim and status beside it, without moving the page; leaving closes it', async () => {
    const { page, incidents } = await openPage(browser(), { viewport: { width: 1280, height: 900 } });
    await page.goto(fixture.url + '/notes/emotion-rewards/');
    const link = page.locator('[data-body] a.wikilink', { hasText: 'Does warmth training make language models less reliable?' });
    const before = await page.evaluate(() => [document.documentElement.scrollHeight, document.querySelector('main')!.getBoundingClientRect().top]);
    await link.hover();
    // Not at once: a pointer passing over a link does not open a card.
    await page.waitForTimeout(100);
    expect(await card(page).isVisible()).toBe(false);
    await card(page).waitFor({ state: 'visible' });
    expect(await card(page).locator('.badge.note').textContent()).toBe('Note');
    expect(await card(page).locator('.preview-title').textContent()).toBe('Does warmth training make language models less reliable?');
    expect(await card(page).locator('.preview-claim').textContent()).toBe('Warmth training raises error rates on safety-critical tasks.');
    // The claim's standing on its evidence, as the item's page shows it.
    expect(await card(page).locator('.badge[class*="status-"]').textContent()).toBe('Supported');
    expect(await card(page).locator('.preview-excerpt').textContent()).toMatch(/^Warm models erred 8\.6 percentage points more/);
    expect(await link.getAttribute('aria-describedby')).toBe(await card(page).getAttribute('id'));
    const { a, c } = await boxes(page, link);
    expect(overlaps(a, c)).toBe(false);
    expect(await page.evaluate(() => [document.documentElement.scrollHeight, document.querySelector('main')!.getBoundingClientRect().top])).toEqual(before);

    await page.mouse.move(5, 5);
    await card(page).waitFor({ state: 'hidden' });
    expect(incidents).toEqual([]);
  });

  it('fetches an item’s preview once, on first use', async () => {
    const { page, incidents } = await openPage(browser());
    const fetched: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/previews/')) fetched.push(new URL(r.url()).pathname);
    });
    await page.goto(fixture.url + '/notes/emotion-rewards/');
    expect(fetched).toEqual([]);
    const link = page.locator('[data-body] a.wikilink').first();
    for (let i = 0; i < 2; i++) {
      await link.hover();
      await card(page).waitFor({ state: 'visible' });
      await page.mouse.move(5, 5);
      await card(page).waitFor({ state: 'hidden' });
    }
    expect(fetched).toEqual([atBase('/previews/notes/warmth.json')]);
    expect(incidents).toEqual([]);
  });

  it('reaching a link with the keyboard shows the card; a stub’s says it is not written yet; Esc closes it', async () => {
    const { page, incidents } = await openPage(browser(), { viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    await page.goto(fixture.url + '/notes/warmth/');
    const stub = page.locator('[data-body] a.wikilink.stub').first();
    await page.keyboard.press('Tab');
    await stub.focus();
    await card(page).waitFor({ state: 'visible' });
    expect(await card(page).locator('.badge.stub').textContent()).toBe('not written yet');
    expect(await card(page).locator('.preview-excerpt').textContent()).toMatch(/Referenced by \d+ items?; not written yet\./);
    const { a, c } = await boxes(page, stub);
    expect(overlaps(a, c)).toBe(false);
    expect(c.x).toBeGreaterThanOrEqual(0);
    expect(c.x + c.width).toBeLessThanOrEqual(390);
    await page.keyboard.press('Escape');
    await card(page).waitFor({ state: 'hidden' });
    expect(await stub.getAttribute('aria-describedby')).toBeNull();
    expect(incidents).toEqual([]);
  });

  it('a link into a section previews that section’s first lines; a heading the item lacks previews the item', async () => {
    const { page, incidents } = await openPage(browser(), { viewport: { width: 1280, height: 900 } });
    await page.goto(fixture.url + '/notes/granularity/');
    const section = page.locator(`[data-body] a.wikilink[href="${atBase('/notes/warmth/#findings')}"]`);
    await section.hover();
    await card(page).waitFor({ state: 'visible' });
    expect(await card(page).locator('.preview-title').textContent()).toBe('Does warmth training make language models less reliable? › Findings');
    expect(await card(page).locator('.preview-excerpt').textContent()).toBe('Warm models erred 8.6 percentage points more on MedQA. This is what Can emotion rewards make language models genuinely empathic? argues against.');
    expect(await card(page).locator('.preview-claim').count()).toBe(0);
    await page.mouse.move(5, 5);
    await card(page).waitFor({ state: 'hidden' });
    await page.locator('[data-body] a.wikilink', { hasText: 'No Such Heading' }).hover();
    await card(page).locator('.preview-claim').waitFor();
    expect(await card(page).locator('.preview-title').textContent()).toBe('Does warmth training make language models less reliable?');
    expect(incidents).toEqual([]);
  });

  itOnce('a footnote’s number shows the footnote on hover and on keyboard focus; Esc closes it; a click goes to it', async () => {
    const { page, incidents } = await openPage(browser(), { viewport: { width: 1280, height: 900 } });
    await page.goto(fixture.url + '/lines/clinically-dangerous/');
    const ref = page.locator('[data-body] a[data-footnote-ref]');
    const label = await ref.getAttribute('aria-describedby');
    await ref.hover();
    await card(page).waitFor({ state: 'visible' });
    expect((await card(page).textContent())!.replace(/\s+/g, ' ').trim()).toBe('Footnote 1 MedQA: medical licensing questions, in English only.');
    expect(await card(page).locator('em').textContent()).toBe('MedQA');
    expect(await card(page).locator('[id]').count()).toBe(0);
    await page.mouse.move(5, 5);
    await card(page).waitFor({ state: 'hidden' });
    expect(await ref.getAttribute('aria-describedby')).toBe(label);

    await page.keyboard.press('Tab');
    await ref.focus();
    await card(page).waitFor({ state: 'visible' });
    expect(await ref.getAttribute('aria-describedby')).toBe(await card(page).getAttribute('id'));
    await page.keyboard.press('Escape');
    await card(page).waitFor({ state: 'hidden' });
    expect(await ref.getAttribute('aria-describedby')).toBe(label);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.hash.startsWith('#user-content-fn-'));
    expect(await page.locator('section[data-footnotes] li:target').count()).toBe(1);
    // The footnotes' heading is there for screen readers only, as on GitHub: no visible "Footnotes" line.
    const heading = await page.locator('section[data-footnotes] h2').boundingBox();
    expect(heading!.width * heading!.height).toBeLessThanOrEqual(1);
    expect(incidents).toEqual([]);
  });

  itOnce('on a phone, a link wrapped over two lines keeps both lines clear of its card', async () => {
    const { page, incidents } = await openPage(browser(), { viewport: { width: 390, height: 844 } });
    await page.goto(fixture.url + '/notes/emotion-rewards/');
    const link = page.locator('[data-body] a.wikilink').first();
    expect(await link.evaluate((a) => a.getClientRects().length)).toBeGreaterThan(1);
    await link.hover();
    await card(page).waitFor({ state: 'visible' });
    const lines = await link.evaluate((a) => [...a.getClientRects()].map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })));
    const c = (await card(page).boundingBox())!;
    for (const line of lines) expect(overlaps(line, c)).toBe(false);
    expect(incidents).toEqual([]);
  });

  itOnce('is off on touch screens: a tap follows the link', async () => {
    const { page, incidents } = await openPage(browser(), { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await page.goto(fixture.url + '/notes/emotion-rewards/');
    expect(await page.evaluate(() => matchMedia('(hover: none)').matches)).toBe(true);
    const link = page.locator('[data-body] a.wikilink').first();
    await link.tap();
    await page.waitForURL((u) => u.pathname === atBase('/notes/warmth/'));
    expect(await card(page).count()).toBe(0);
    expect(incidents).toEqual([]);
  });

  itOnce('ships under 5 KB of script for previews', async () => {
    const { page, incidents } = await openPage(browser());
    const scripts = new Map<string, number>();
    page.on('response', async (r) => {
      if (r.request().resourceType() === 'script') scripts.set(r.url(), (await r.body()).length);
    });
    await page.goto(fixture.url + '/notes/emotion-rewards/');
    await page.waitForLoadState('networkidle');
    const withPreviews = await page.evaluate(async (urls) => {
      const found: string[] = [];
      for (const url of urls) if ((await (await fetch(url)).text()).includes('preview-card')) found.push(url);
      return found;
    }, [...scripts.keys()]);
    expect(withPreviews).toHaveLength(1);
    expect(scripts.get(withPreviews[0])).toBeLessThan(5_000);
    expect(incidents).toEqual([]);
  });
});
