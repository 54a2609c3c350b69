/**
 * Search as a reader meets it on a small site of its own (tests/fixtures/search: a Chinese note, a long page
 * with sections): a word inside a run of Chinese is found, a heading result opens at its heading, and the
 * page a result opens marks the query's words until the reader clears them.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { atBase, openPage } from '../helpers/browser';
import { useFixtureSite } from '../helpers/fixture-site';

const site = useFixtureSite('tests/fixtures/search');
const options = (page: Page) => page.locator('[role="listbox"]:visible [role="option"]');

async function search(page: Page, query: string) {
  await page.goto(site.url + '/');
  const box = page.locator('input[type=search]').first();
  await box.focus();
  await box.pressSequentially(query);
  await options(page).first().waitFor();
  return box;
}

describe('search that finds the section, in any language', () => {
  it('finds a Chinese word typed from the middle of a run', async () => {
    const { page, incidents } = await openPage(site.browser);
    await search(page, '模型');
    await expect(options(page).first().locator('.search-title').textContent()).resolves.toContain('温暖训练使语言模型不那么可靠');
    await expect(options(page).first().locator('mark').first().textContent()).resolves.toBe('模型');
    expect(incidents).toEqual([]);
  });

  it('opens a heading result with the keyboard and lands on the heading, with the words marked', async () => {
    const { page, incidents } = await openPage(site.browser, { viewport: { width: 1200, height: 700 } });
    const box = await search(page, 'environment variables');
    const section = options(page).filter({ hasText: 'Deployment › Set environment variables' });
    await expect(section.count()).resolves.toBe(1);
    await expect(options(page).filter({ hasText: /^Note\s*Deployment/ }).count()).resolves.toBe(1);
    const id = await section.getAttribute('id');
    for (let i = 0; i < 10 && (await box.getAttribute('aria-activedescendant')) !== id; i++) await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL((u) => u.pathname === atBase('/notes/deployment/'));
    const url = new URL(page.url());
    expect(url.hash).toBe('#set-environment-variables');
    expect(url.searchParams.get('highlight')).toBe('environment variables');
    const heading = page.locator('#set-environment-variables');
    await page.locator('mark.search-mark').first().waitFor();
    const box2 = await heading.boundingBox();
    expect(box2!.y).toBeGreaterThanOrEqual(-1);
    expect(box2!.y).toBeLessThan(700 / 2);
    expect(incidents).toEqual([]);
  });

  it('opens a result by click; the page marks the matched words and a button clears them', async () => {
    const { page, incidents } = await openPage(site.browser);
    await search(page, 'secrets');
    await options(page).filter({ hasText: 'Deployment' }).first().click();
    await page.waitForURL((u) => u.pathname === atBase('/notes/deployment/'));
    const marks = page.locator('main mark.search-mark');
    await marks.first().waitFor();
    await expect(marks.allTextContents()).resolves.toEqual(['Secrets']);
    await expect(marks.first().isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Clear highlights' }).click();
    await expect(marks.count()).resolves.toBe(0);
    expect(new URL(page.url()).searchParams.has('highlight')).toBe(false);
    await expect(page.locator('main').textContent()).resolves.toContain('Secrets go in environment variables');
    expect(incidents).toEqual([]);
  });
});
