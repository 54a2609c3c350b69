/**
 * An Obsidian-style vault as a reader meets it: block links land on their
 * block, embedded images load, embedded notes link back to their source.
 * Builds the vault fixture itself, as the shared site is built from content/.
 */
import { describe, expect, it } from 'vitest';
import { atBase, openPage } from '../helpers/browser';
import { useFixtureSite } from '../helpers/fixture-site';

const site = useFixtureSite('tests/fixtures/vault');

describe('reading a vault', () => {
  it('a block link lands on the block, which is shown as the target', async () => {
    const { page, incidents } = await openPage(site.browser);
    await page.goto(site.url + '/notes/welcome/');
    await page.locator('[data-body] a.wikilink', { hasText: 'the second point' }).click();
    await page.waitForURL((u) => u.pathname === atBase('/notes/research/warmth-and-reliability/'));
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#^second-point');
    const target = page.locator('[id="^second-point"]');
    await expect(target.evaluate((el) => el.matches(':target'))).resolves.toBe(true);
    await expect(target.textContent()).resolves.toBe('The second point is about sadness.');
    expect(incidents).toEqual([]);
  });

  it('embedded images load, at the size the vault asked for, with their alt text', async () => {
    const { page, incidents } = await openPage(site.browser);
    await page.goto(site.url + '/notes/welcome/');
    const image = page.locator('[data-body] img[alt="A diagram of the argument"]');
    await image.scrollIntoViewIfNeeded();
    await expect(image.evaluate((img: HTMLImageElement) => img.decode().then(() => [img.naturalWidth, img.width]))).resolves.toEqual([4, 120]);
    expect(incidents).toEqual([]);
  });

  it('an embedded section is readable in place and its title leads, by keyboard, to the source', async () => {
    const { page, incidents } = await openPage(site.browser, { viewport: { width: 390, height: 800 }, colorScheme: 'dark' });
    await page.goto(site.url + '/notes/projects/plan/');
    const embed = page.locator('[data-body] .embed').first();
    await expect(embed.isVisible()).resolves.toBe(true);
    await expect(embed.textContent()).resolves.toContain('Errors rise by ten to thirty points');
    const title = embed.locator('a.embed-title');
    await title.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === atBase('/notes/research/warmth-and-reliability/') && u.hash === '#findings');
    expect(incidents).toEqual([]);
  });

  it('an inline tag opens its tag page, which a parent tag page lists too', async () => {
    const { page, incidents } = await openPage(site.browser);
    await page.goto(site.url + '/notes/daily/2024-05-01/');
    await page.locator('[data-body] a.tag', { hasText: '#research/warmth' }).click();
    await page.waitForURL((u) => u.pathname === atBase('/tags/research/warmth/'));
    await expect(page.locator(`main a[href="${atBase('/notes/daily/2024-05-01/')}"]`).count()).resolves.toBeGreaterThan(0);
    await page.goto(site.url + '/tags/research/');
    await expect(page.locator(`main a[href="${atBase('/notes/daily/2024-05-01/')}"]`).count()).resolves.toBeGreaterThan(0);
    expect(incidents).toEqual([]);
  });
});
