/**
 * axe-core on every page template, in the light and the dark theme, and a
 * keyboard walk: every control is reached by Tab and shows a focus ring.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe';
import { openPage, useBrowser } from '../helpers/browser';
import { useServedSite } from '../helpers/served-site';

const site = useServedSite('basic');
const browser = useBrowser();

/** One page of each template the basic fixture builds. */
const TEMPLATES: [string, string][] = [
  ['landing', '/'],
  ['note', '/notes/warmth/'],
  ['paper', '/papers/warm-and-empathetic/'],
  ['inquiry line', '/lines/clinically-dangerous/'],
  ['stub', '/notes/does-empathetic-ai-that-soothes-negative-emotions-help-or-harm/'],
  ['note index', '/notes/'],
  ['paper index', '/papers/'],
  ['line index', '/lines/'],
  ['tag index', '/tags/'],
  ['tag', '/tags/warmth/'],
  ['nested tag', '/tags/reliability/factual/'],
  ['not found', '/no-such-page/'],
  ['global graph', '/graph/'],
  ['path finder', '/path/'],
  ['claims', '/claims/'],
];

describe.each(['light', 'dark'] as const)('accessibility in the %s theme', (theme) => {
  it.each(TEMPLATES)('the %s page has no serious or critical axe violation', async (_, address) => {
    const { page, context, incidents } = await openPage(browser(), { colorScheme: theme });
    await page.goto(site.url + address);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(theme);
    expect(await seriousViolations(page)).toEqual([]);
    expect(incidents.filter((i) => !(address === '/no-such-page/' && i.includes('404')))).toEqual([]);
    await context.close();
  });

  it('the landing page with search results showing has no serious or critical axe violation', async () => {
    const { page, context, incidents } = await openPage(browser(), { colorScheme: theme });
    await page.goto(site.url + '/');
    await page.locator('main input[type=search]').first().fill('warm');
    await page.locator('[role="listbox"]:visible [role="option"]').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(incidents).toEqual([]);
    await context.close();
  });

  it('a note page with its local graph open has no serious or critical axe violation', async () => {
    const { page, context, incidents } = await openPage(browser(), { colorScheme: theme });
    await page.goto(site.url + '/notes/granularity/');
    await page.locator('details[data-local-graph] > summary').click();
    await page.locator('[data-local-canvas][data-graph-ready]').waitFor({ state: 'attached' });
    expect(await seriousViolations(page)).toEqual([]);
    expect(incidents).toEqual([]);
    await context.close();
  });

  it('a note page with the search dialog open, showing results, has no serious or critical axe violation', async () => {
    const { page, context, incidents } = await openPage(browser(), { colorScheme: theme });
    await page.goto(site.url + '/notes/warmth/');
    await page.keyboard.press('Control+k');
    const dialog = page.locator('dialog[data-search-dialog]');
    await dialog.waitFor({ state: 'visible' });
    await dialog.locator('input[type=search]').fill('reliab');
    await dialog.locator('[role="option"]').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(incidents).toEqual([]);
    await context.close();
  });
});

/** Tabs through the page; for each stop, what it is and whether a focus ring shows. */
async function tabThrough(page: Page, max = 80) {
  const stops: { key: string; ring: boolean; visible: boolean }[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return undefined;
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      const shadow = style.boxShadow !== 'none';
      const rect = el.getBoundingClientRect();
      const path = [];
      for (let n: Element | null = el; n && n !== document.body; n = n.parentElement) path.unshift(`${n.tagName}:${[...(n.parentElement?.children ?? [])].indexOf(n)}`);
      return { key: path.join('>'), ring: outline || shadow, visible: rect.width > 0 && rect.height > 0 };
    });
    if (!stop) continue;
    if (seen.has(stop.key)) break;
    seen.add(stop.key);
    stops.push(stop);
  }
  return stops;
}

describe('keyboard', () => {
  it.each(TEMPLATES.filter(([name]) => ['landing', 'note', 'paper', 'stub', 'paper index'].includes(name)))(
    'on the %s page every control is reached by Tab and shows a visible focus ring',
    async (_, address) => {
      for (const theme of ['light', 'dark'] as const) {
        const { page, context, incidents } = await openPage(browser(), { colorScheme: theme });
        await page.goto(site.url + address);
        const stops = await tabThrough(page);
        const controls = await page.locator('a[href]:visible, button:visible, input:visible, select:visible, textarea:visible, summary:visible').count();
        expect(stops.length).toBeGreaterThanOrEqual(Math.min(controls, 80));
        for (const stop of stops) {
          expect(stop.ring, `no focus ring on ${stop.key}`).toBe(true);
          expect(stop.visible, `focused but invisible: ${stop.key}`).toBe(true);
        }
        expect(incidents).toEqual([]);
        await context.close();
      }
    },
  );

  it('the first Tab reaches a visible "Skip to content" link that moves focus to the main content', async () => {
    const { page, context } = await openPage(browser());
    await page.goto(site.url + '/notes/warmth/');
    await page.keyboard.press('Tab');
    const skip = page.locator(':focus');
    await expect(skip.textContent()).resolves.toBe('Skip to content');
    const box = await skip.boundingBox();
    expect(box && box.x >= 0 && box.y >= 0).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await context.close();
  });
});
