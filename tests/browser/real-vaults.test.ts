/**
 * A vault shaped like public Obsidian vaults, as a reader meets it: titles are
 * the file names (a first heading that says something else stays in the text),
 * the menu offers only what the vault holds, drawings show their exported
 * picture or a placeholder with their name, and properties sit in a table.
 */
import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser';
import { useFixtureSite } from '../helpers/fixture-site';

const site = useFixtureSite('tests/fixtures/obsidian-vault');

describe('a real-shaped vault', () => {
  it('titles a note by its file name and keeps its different first heading as a heading of the text', async () => {
    const { page, incidents } = await openPage(site.browser);
    await page.goto(site.url + '/notes/math/category-theory/');
    await expect(page.locator('article > header h1').textContent()).resolves.toBe('Category Theory');
    await expect(page.locator('[data-body] h1').first().textContent()).resolves.toBe('1 Isomorphism');
    await expect(page.title()).resolves.toMatch(/^Category Theory · /);
    expect(incidents).toEqual([]);
  });

  it('offers in its menu only the sections the vault has', async () => {
    const { page, incidents } = await openPage(site.browser, { viewport: { width: 390, height: 800 } });
    await page.goto(site.url + '/');
    const menu = await page.locator('nav[aria-label="Sections"] a').allTextContents();
    expect(menu).toEqual(['Notes', 'Tags', 'Graph', 'Find a path']);
    await expect(page.locator('main').innerText()).resolves.not.toMatch(/Inquiry lines|Papers/);
    await page.locator('[data-search-input]').fill('markov');
    await page.locator('[data-search-kinds]:not([hidden])').waitFor();
    await expect(page.locator('[data-search-kinds] button:visible').allTextContents()).resolves.toEqual([expect.stringMatching(/^All/), expect.stringMatching(/^Notes/)]);
    expect(incidents).toEqual([]);
  });

  it('shows a drawing’s exported picture, a named placeholder for one without, and never the drawing’s data', async () => {
    const { page, incidents } = await openPage(site.browser, { colorScheme: 'dark' });
    await page.goto(site.url + '/notes/system-design/');
    const picture = page.locator('[data-body] img[alt="Architecture"]');
    await expect(picture.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).resolves.toBe(120);
    const placeholder = page.locator('[data-body] .embed-placeholder');
    await expect(placeholder.isVisible()).resolves.toBe(true);
    await expect(placeholder.textContent()).resolves.toBe('Sketch');
    await expect(page.locator('main').textContent()).resolves.not.toMatch(/EXCALIDRAW VIEW|"elements"/);
    expect(incidents).toEqual([]);
  });

  it('shows properties in a table, lists as chips and links as links', async () => {
    const { page, incidents } = await openPage(site.browser);
    await page.goto(site.url + '/notes/properties/');
    const rows = page.locator('.properties tr');
    await expect(rows.count()).resolves.toBe(6);
    await expect(page.locator('.properties tr', { hasText: 'author' }).locator('li').allTextContents()).resolves.toEqual(['Ada Lovelace', 'Charles Babbage']);
    await expect(page.locator('.properties a').getAttribute('href')).resolves.toBe('https://example.org/paper');
    expect(incidents).toEqual([]);
  });

  it('a note named like a file opens as a note, and a file of any extension downloads as it is', async () => {
    const { page, incidents } = await openPage(site.browser);
    await page.goto(site.url + '/notes/code/build-notes/');
    await page.locator('[data-body] a', { hasText: 'package.json' }).click();
    await expect(page.locator('article > header h1').textContent()).resolves.toBe('package.json');
    await page.goBack();
    const source = await page.locator('[data-body] a', { hasText: 'afl-compiler-rt.o.c' }).getAttribute('href');
    const response = await page.request.get(new URL(source!, page.url()).href);
    expect(response.status()).toBe(200);
    await expect(response.text()).resolves.toContain('int main');
    expect(incidents).toEqual([]);
  });

  it('a note shows its folders as breadcrumbs that lead to the folder’s page, listing its notes', async () => {
    const { page, incidents } = await openPage(site.browser, { viewport: { width: 390, height: 800 } });
    await page.goto(site.url + '/notes/math/category-theory/');
    await expect(page.locator('nav.breadcrumbs a').allTextContents()).resolves.toEqual(['Notes', 'Math']);
    await page.locator('nav.breadcrumbs a', { hasText: 'Math' }).click();
    await expect(page.locator('main h1').textContent()).resolves.toContain('Math');
    await expect(page.locator('main li a.node-link').allTextContents()).resolves.toEqual(['Category Theory', 'Discrete-time Markov chains', 'Markov Chain']);
    await page.goto(site.url + '/notes/');
    await expect(page.locator('.folder-index a').first().textContent()).resolves.toContain('A');
    expect(incidents).toEqual([]);
  });
});
