import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { atBase, launchBrowser, openPage } from '../helpers/browser';
import { useServedSite } from '../helpers/served-site';

const site = useServedSite('content');
const WARMTH_TRAP = '/notes/does-empathy-training-make-ai-systems-less-reliable/';
const RLVER_NOTE = 'notes/can-emotion-rewards-make-language-models-genuinely-empathic';
const WARMTH_PAPER = 'papers/training-language-models-to-be-warm-and-empathetic-makes-them-less-reliable-and-more-sycophantic';
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a contested claim', () => {
  it('shows its status at the top and its evidence in groups: supports, challenges, qualifies, then related reading apart', async () => {
    const { page, incidents } = await openPage(browser);
    await page.goto(site.url + WARMTH_TRAP);
    await expect(page.locator('article header [data-status]').getAttribute('data-status')).resolves.toBe('contested');
    const evidence = page.locator('[data-evidence]');
    const group = (stance: string) => evidence.locator(`[data-stance="${stance}"] > ul > li`);
    // Each item as a reader sees it: where its link leads, and where its stance comes from.
    const listed = (stance: string) => group(stance).evaluateAll((lis) => lis.map((li) => [li.querySelector('a.node-link')?.getAttribute('href'), li.querySelector('.stance-from')?.textContent]));
    const supports = await listed('supports');
    expect(supports[0]).toEqual([atBase(`/${WARMTH_PAPER}/`), 'verified']);
    expect(supports.filter(([, from]) => from === 'inferred')).toHaveLength(4);
    expect(await listed('challenges')).toEqual([[atBase(`/${RLVER_NOTE}/`), 'by section']]);
    await expect(group('qualifies').count()).resolves.toBe(0);
    // The seven other similarity papers are not evidence: only a count that points to the related-reading list.
    await expect(evidence.textContent()).resolves.toMatch(/7 papers are listed as related reading/);
    await expect(evidence.locator(`a.node-link[href*="rlver-reinforcement"]`).count()).resolves.toBe(0);
    expect(incidents).toEqual([]);
  });

  it('links a verified passage to the paper with a text fragment that scrolls to it and highlights it', async () => {
    const { page, incidents } = await openPage(browser, { viewport: { width: 1280, height: 700 } });
    await page.goto(site.url + WARMTH_TRAP);
    const item = page.locator('[data-evidence] li', { has: page.locator(`a.node-link[href="${atBase(`/${WARMTH_PAPER}/`)}"]`) });
    const link = item.locator('a[data-text-fragment]').nth(1);
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^${atBase(`/${WARMTH_PAPER}/`)}#:~:text=`));
    await link.click();
    await page.waitForURL((u) => u.pathname === atBase(`/${WARMTH_PAPER}/`));
    // The browser scrolled down to the passage: the body's paragraph that states 8.6 pp is on screen.
    await page.waitForFunction(() => window.scrollY > 0);
    const visible = await page.evaluate(() => {
      const p = [...document.querySelectorAll('[data-body] p')].find((el) => el.textContent?.includes('8.6 percentage points'));
      const box = p?.getBoundingClientRect();
      return !!box && box.top < window.innerHeight && box.bottom > 0;
    });
    expect(visible).toBe(true);
    expect(incidents).toEqual([]);
  });

  it('says where each figure comes from, and its stance', async () => {
    const { page, incidents } = await openPage(browser);
    await page.goto(site.url + WARMTH_TRAP);
    const figure = page.locator('[data-figures] li[data-figure="+8.6pp"]');
    await expect(figure.getAttribute('data-stance')).resolves.toBe('supports');
    await expect(figure.locator('a[data-text-fragment]').first().getAttribute('href')).resolves.toContain('#:~:text=');
    expect(incidents).toEqual([]);
  });
});

describe('/claims/', () => {
  it('lists every claim with its status and filters them by status', async () => {
    const { page, incidents } = await openPage(browser);
    await page.goto(site.url + '/claims/');
    const rows = page.locator('[data-claims] tbody tr');
    await expect(rows.count()).resolves.toBe(2);
    const statuses = await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.status));
    expect(statuses.sort()).toEqual(['contested', 'supported']);
    await page.getByRole('radio', { name: /^Contested/ }).check();
    await expect(page.locator('[data-claims] tbody tr:not([hidden])').count()).resolves.toBe(1);
    await expect(page.locator('[data-claims] tbody tr:not([hidden])').getAttribute('data-status')).resolves.toBe('contested');
    await expect(page.locator('[data-gaps-unanswered]').textContent()).resolves.toContain('Can emotion rewards make language models genuinely empathic?');
    expect(incidents).toEqual([]);
  });
});

describe('the path finder', () => {
  it('names a step by its stance, and never says a similarity link is evidence', async () => {
    const { page, incidents } = await openPage(browser);
    await page.goto(site.url + `/path/?from=${encodeURIComponent(WARMTH_TRAP.slice(1, -1))}&to=${RLVER_NOTE}`);
    const step = page.locator('[data-path-steps] li.step-edge').first();
    await step.waitFor();
    await expect(step.getAttribute('data-stance')).resolves.toBe('challenges');
    await expect(step.textContent()).resolves.toContain('challenges');
    await expect(page.locator('[data-path-steps]').textContent()).resolves.not.toContain('rests on');
    expect(incidents).toEqual([]);
  });
});
