/**
 * Finding one's way around the research fixture: the tag index as a tree,
 * "On this page" folded at the top of a phone's page, the header's random
 * note, and a page printed (or saved as PDF) without what only a screen can use.
 */
import { describe, expect, it } from 'vitest';
import { atBase, openPage, useBrowser, itOnce } from '../helpers/browser';
import { useServedSite } from '../helpers/served-site';

const fixture = useServedSite('basic');
const browser = useBrowser();
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 } };

describe('the tag index', () => {
  it('shows nested tags as a tree under their parents, each with its count', async () => {
    const { page, context, incidents } = await openPage(browser(), DESKTOP);
    await page.goto(fixture.url + '/tags/');
    const top = page.locator('main ul.tag-tree > li');
    expect(await page.locator('main > ul.tag-tree > li > a').allTextContents()).toEqual(['#reliability', '#warmth']);
    const reliability = top.filter({ has: page.locator(`:scope > a[href="${atBase('/tags/reliability/')}"]`) });
    expect(await reliability.locator(':scope > .rank').textContent()).toBe('1');
    const child = reliability.locator(':scope > ul.tag-tree > li > a');
    expect(await child.allTextContents()).toEqual(['factual']);
    expect(await child.getAttribute('href')).toBe(atBase('/tags/reliability/factual/'));
    expect(await top.filter({ hasText: '#warmth' }).locator(':scope > .rank').textContent()).toBe('2');
    expect(incidents).toEqual([]);
    await context.close();
  });
});

describe('On this page', () => {
  itOnce('on a phone sits folded above the text, and its links lead to the sections', async () => {
    const { page, context, incidents } = await openPage(browser(), { ...PHONE, colorScheme: 'dark' });
    await page.goto(fixture.url + '/notes/warmth/');
    const toc = page.locator('details.toc-top');
    expect(await toc.isVisible()).toBe(true);
    expect(await toc.getAttribute('open')).toBeNull();
    expect((await toc.boundingBox())!.y).toBeLessThan((await page.locator('[data-body]').boundingBox())!.y);
    expect(await page.locator('aside nav[aria-labelledby="toc-heading"]').isVisible()).toBe(false);
    await toc.locator('summary').click();
    await toc.getByRole('link', { name: 'Findings' }).click();
    await page.waitForURL((u) => u.hash === '#findings');
    expect(incidents).toEqual([]);
    await context.close();
  });

  itOnce('on a wide screen stays beside the text, with no folded copy', async () => {
    const { page, context, incidents } = await openPage(browser(), DESKTOP);
    await page.goto(fixture.url + '/notes/warmth/');
    expect(await page.locator('details.toc-top').isVisible()).toBe(false);
    expect(await page.locator('aside nav[aria-labelledby="toc-heading"]').isVisible()).toBe(true);
    expect(incidents).toEqual([]);
    await context.close();
  });
});

describe('a random note', () => {
  it('the header’s button goes to a written note, reading only files search already ships', async () => {
    const { page, context, incidents } = await openPage(browser(), PHONE);
    const fetched: string[] = [];
    page.on('request', (r) => r.resourceType() === 'fetch' && fetched.push(new URL(r.url()).pathname));
    await page.goto(fixture.url + '/papers/warm-and-empathetic/');
    await page.locator('[data-random-note]').click();
    await page.waitForURL((u) => u.pathname !== atBase('/papers/warm-and-empathetic/'));
    expect(['/notes/warmth/', '/notes/granularity/', '/notes/emotion-rewards/'].map(atBase)).toContain(new URL(page.url()).pathname);
    expect(await page.locator('article').getAttribute('data-stub')).toBe('false');
    expect(fetched[0]).toBe(atBase('/search/manifest.json'));
    expect(fetched.slice(1).every((p) => p.startsWith(atBase('/search/doc/')))).toBe(true);
    expect(incidents).toEqual([]);
    await context.close();
  });

  itOnce('is no button at all without JavaScript', async () => {
    const { page, context } = await openPage(browser(), { ...PHONE, javaScriptEnabled: false });
    await page.goto(fixture.url + '/notes/warmth/');
    expect(await page.locator('[data-random-note]').isVisible()).toBe(false);
    await context.close();
  });
});

describe('printing', () => {
  itOnce('prints the text, its evidence and references without header, panels, graph or search, and each external address', async () => {
    const { page, context, incidents } = await openPage(browser(), { ...DESKTOP, colorScheme: 'dark' });
    await page.goto(fixture.url + '/notes/warmth/');
    await page.emulateMedia({ media: 'print' });
    for (const gone of ['header.site-header', 'aside', 'details.local-graph', '[data-search-open]', 'footer.site-footer', '[data-random-note]']) {
      expect(await page.locator(gone).first().isVisible(), gone).toBe(false);
    }
    for (const kept of ['article h1', '[data-body]', '[data-evidence]', '[data-backlinks]']) expect(await page.locator(kept).isVisible(), kept).toBe(true);
    // Black on white whatever the screen's theme; a heading stays with what follows it.
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
    expect(await page.locator('[data-body] h2').first().evaluate((h) => getComputedStyle(h).breakAfter)).toBe('avoid');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(incidents).toEqual([]);
    await context.close();
  });

  it('follows a link that leaves the site with its address, and one that shows its address with nothing', async () => {
    const { page, context, incidents } = await openPage(browser(), DESKTOP);
    await page.goto(fixture.url + '/notes/warmth/');
    await page.evaluate(() => {
      // Links as a note's Markdown writes them: the fixture's notes link only inside the site.
      const body = document.querySelector('[data-body]')!;
      body.insertAdjacentHTML('beforeend', '<p><a id="out" href="https://example.org/study">the study</a> <a id="shown" data-shows-address href="https://example.org/x">https://example.org/x</a> <a id="in" href="/notes/granularity/">inside</a></p>');
    });
    await page.emulateMedia({ media: 'print' });
    const after = (id: string) => page.locator(`#${id}`).evaluate((a) => getComputedStyle(a, '::after').content);
    expect(await after('out')).toContain('https://example.org/study');
    expect(await after('shown')).toBe('none');
    expect(await after('in')).toBe('none');
    expect(incidents).toEqual([]);
    await context.close();
  });
});
