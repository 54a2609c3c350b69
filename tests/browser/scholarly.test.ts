/**
 * A researcher's note as a reader meets it: in-text citations that lead to
 * their papers, math typeset without a script, code coloured for the theme,
 * and a paper page with its reference and BibTeX. Builds the scholarly
 * fixture itself. Screenshots of the note (light and dark) are written to
 * `SCREENSHOT_DIR` when it is set, to look at.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { atBase, openPage } from '../helpers/browser';
import { useFixtureSite } from '../helpers/fixture-site';

const site = useFixtureSite('tests/fixtures/scholarly');

const NOTE = '/notes/scaling-argument/';

async function screenshot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** The colour a code token is drawn in. */
const keywordColour = (page: Page) => page.locator('[data-body] pre.shiki .line > span', { hasText: /^def$/ }).first().evaluate((el) => getComputedStyle(el).color);

describe('a note with citations, math and code', () => {
  it('cites author and year, and a citation leads to its paper page, which shows the reference and BibTeX', async () => {
    const { page, incidents } = await openPage(site.browser);
    await page.goto(site.url + NOTE);
    const citation = page.locator('[data-body] .citation').first();
    await expect(citation.textContent()).resolves.toBe('(Vaswani et al., 2017)');
    await expect(page.locator('[data-body] .citation', { hasText: 'p. 4' }).textContent()).resolves.toBe('(Doe & Roe, 2020, p. 4)');
    await expect(page.locator('[data-body] .citation.unknown').textContent()).resolves.toBe('[@nobody1999?]');
    await screenshot(page, 'scholarly-note-light');
    await citation.locator('a').click();
    await page.waitForURL((u) => u.pathname === atBase('/papers/attention-is-all-you-need/'));
    const reference = page.locator('section.reference .csl-entry');
    await expect(reference.textContent()).resolves.toContain('Vaswani, A., Shazeer, N., Parmar, N., & Uszkoreit, J. (2017). Attention is all you need.');
    await expect(page.locator('[data-bibtex]').textContent()).resolves.toMatch(/^@inproceedings\{vaswani2017,/);
    await expect(page.locator('[data-bibtex]').textContent()).resolves.toContain('booktitle = {Advances in Neural Information Processing Systems}');
    await screenshot(page, 'scholarly-paper-light');
    expect(incidents).toEqual([]);
  });

  it('typesets math at build time with no script, and marks bad TeX as an error showing its source', async () => {
    const { page, incidents } = await openPage(site.browser);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(site.url + NOTE);
    await expect(page.locator('[data-body] .katex-display').count()).resolves.toBe(1);
    // KaTeX's stylesheet applies: its fonts lay the fraction out, and the MathML copy is hidden from sight.
    await expect(page.locator('[data-body] .katex .katex-mathml').first().evaluate((el) => getComputedStyle(el).position)).resolves.toBe('absolute');
    const error = page.locator('[data-body] .katex-error');
    await expect(error.textContent()).resolves.toBe('\\frac{1}{');
    expect(scripts.filter((s) => /katex/i.test(s))).toEqual([]);
    // A page without math does not load KaTeX's stylesheet.
    await page.goto(site.url + '/notes/plain/');
    await expect(page.locator('link[rel="stylesheet"][href*="katex"]').count()).resolves.toBe(0);
    expect(incidents).toEqual([]);
  });

  it('colours code for the light theme, and for the dark one when the reader switches', async () => {
    const { page, incidents } = await openPage(site.browser, { colorScheme: 'light' });
    await page.goto(site.url + NOTE);
    const light = await keywordColour(page);
    expect(light).toBe('rgb(215, 58, 73)');
    await page.locator('[data-theme-toggle]').click();
    const dark = await keywordColour(page);
    expect(dark).toBe('rgb(249, 117, 131)');
    await expect(page.locator('[data-body] pre.shiki').evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe('rgb(36, 41, 46)');
    await screenshot(page, 'scholarly-note-dark');
    await page.goto(site.url + '/papers/attention-is-all-you-need/');
    await screenshot(page, 'scholarly-paper-dark');
    expect(incidents).toEqual([]);
  });

  it('draws a Mermaid diagram in the theme, fetching the library only on a page that has one', async () => {
    const { page, incidents } = await openPage(site.browser, { colorScheme: 'light' });
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(site.url + NOTE);
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((s) => s.includes('mermaid'))).toEqual([]);
    await page.goto(site.url + '/notes/diagram/');
    const diagram = page.locator('[data-body] pre.mermaid[data-drawn] svg');
    await diagram.waitFor();
    await expect(diagram.locator('.node').count()).resolves.toBe(4);
    await expect(diagram.textContent()).resolves.toContain('Retriever');
    expect(scripts.filter((s) => s.includes('mermaid'))).toHaveLength(1);
    const lightFill = await diagram.locator('.node rect').first().evaluate((el) => getComputedStyle(el).fill);
    await screenshot(page, 'mermaid-light');
    await page.locator('[data-theme-toggle]').click();
    await page.waitForFunction((before) => {
      const rect = document.querySelector('[data-body] pre.mermaid[data-drawn] svg .node rect');
      return rect && getComputedStyle(rect).fill !== before;
    }, lightFill);
    await screenshot(page, 'mermaid-dark');
    expect(incidents).toEqual([]);
  });

  it('lists the bibliography on /papers/, formatted, each entry leading to its paper', async () => {
    const { page, incidents } = await openPage(site.browser, { viewport: { width: 390, height: 844 } });
    await page.goto(site.url + '/papers/');
    const entries = page.locator('[data-bibliography] li');
    await expect(entries.count()).resolves.toBe(5);
    await expect(entries.first().textContent()).resolves.toContain('Doe, J., & Roe, R. (2020)');
    await screenshot(page, 'scholarly-papers-phone');
    await entries.first().locator('a').last().click();
    await page.waitForURL((u) => u.pathname === atBase('/papers/sparse-experts-at-scale/'));
    expect(incidents).toEqual([]);
  });
});
