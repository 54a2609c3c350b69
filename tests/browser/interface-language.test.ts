/**
 * A site whose option `lang` is Simplified Chinese (tests/fixtures/chinese-site, built with SITE_LANG=zh-Hans):
 * what the site says in its own voice, in pages and in browser code, comes from the Chinese table; a note in
 * another language marks only its content.
 */
import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser';
import { useFixtureSite } from '../helpers/fixture-site';

const site = useFixtureSite('tests/fixtures/chinese-site', { SITE_LANG: 'zh-Hans' });

describe('an interface in Simplified Chinese', () => {
  it('words the menu, badges, status, grounding and dates in Chinese, and says lang="zh-Hans"', async () => {
    const { page, incidents } = await openPage(site.browser);
    await page.goto(`${site.url}/notes/warmth/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans');
    expect(await page.locator('.site-header nav a').allTextContents()).toEqual(['笔记', '论文', '论断', '标签', '图谱', '查找路径']);
    expect(await page.locator('.site-header nav').getAttribute('aria-label')).toBe('栏目');
    expect(await page.locator('article header .badge.status-supported').textContent()).toBe('有支持');
    expect(await page.locator('article header .grounding').textContent()).toBe(' · 仅有引用');
    expect(await page.locator('time[datetime="2024-03-05"]').textContent()).toBe('2024年3月5日');
    expect(await page.locator('#backlinks-heading').textContent()).toBe('反向链接');
    expect(await page.locator('#toc-heading').textContent()).toBe('本页内容');
    // A stub listed on the page, and the stub's own page.
    expect(await page.locator('.edge-list .badge.stub').first().textContent()).toBe('待写');
    await page.goto(`${site.url}/papers/${encodeURIComponent('一篇尚未撰写的论文')}/`);
    expect(await page.locator('article header .badge.stub').textContent()).toBe('尚未撰写');
    expect(incidents).toEqual([]);
  });

  it('words what browser code writes in Chinese: the theme button, the search dialog, its hint and "no results"', async () => {
    const { page, incidents } = await openPage(site.browser);
    await page.goto(`${site.url}/notes/warmth/`);
    const theme = page.locator('[data-theme-toggle]');
    await expect.poll(() => theme.textContent()).toMatch(/^(深色主题|浅色主题)$/);
    const before = await theme.textContent();
    await theme.click();
    expect(await theme.textContent()).toBe(before === '深色主题' ? '浅色主题' : '深色主题');

    await page.locator('[data-search-open]').click();
    const dialog = page.locator('dialog[data-search-dialog]');
    await dialog.waitFor();
    expect(await dialog.locator('h2').textContent()).toBe('搜索');
    expect(await dialog.locator('[data-search-status]').textContent()).toBe('输入文字即可搜索标题、论断、摘要和全文。');
    expect(await dialog.locator('input[type=search]').getAttribute('placeholder')).toBe('一个问题、一个论断、一篇论文、一条线索…');
    await dialog.locator('input[type=search]').fill('zqxjv');
    await expect.poll(() => dialog.locator('[data-search-status]').textContent()).toBe('没有与 “zqxjv” 相关的结果。请尝试更少或不同的词语。');
    expect(incidents).toEqual([]);
  });

  it('marks a note written in English as English, and keeps the interface around it in Chinese', async () => {
    const { page, incidents } = await openPage(site.browser);
    await page.goto(`${site.url}/notes/english-note/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans');
    expect(await page.locator('h1').getAttribute('lang')).toBe('en');
    expect(await page.locator('[data-body]').getAttribute('lang')).toBe('en');
    expect(await page.locator('#backlinks-heading').textContent()).toBe('反向链接');
    expect(incidents).toEqual([]);
  });

  it('says "not found" in Chinese', async () => {
    const { page, incidents } = await openPage(site.browser);
    const response = await page.goto(`${site.url}/no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('这里什么也没有');
    expect(await page.locator('main a').allTextContents()).toEqual(['首页', '笔记', '论文', '探究线索']);
    // The browser reports the page's own 404 status; nothing else may go wrong.
    expect(incidents.filter((i) => !i.includes('404'))).toEqual([]);
  });
});
