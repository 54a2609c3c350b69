/**
 * A claim traced to its sources, as a researcher reads it on the seeds: the
 * granularity claim's parts, each with its grounding and the chain through
 * the unwritten note down to the paper passage; /claims/ by grounding and its
 * gaps; a verified figure in the body that shows its passage.
 */
import { describe, expect, it } from 'vitest';
import { atBase, openPage, useBrowser } from '../helpers/browser';
import { useServedSite } from '../helpers/served-site';

const site = useServedSite('content');
const GRANULARITY = '/notes/does-training-granularity-change-how-ai-empathy-affects-reliability/';
const WARMTH_TRAP = '/notes/does-empathy-training-make-ai-systems-less-reliable/';
const WARMTH_PAPER = '/papers/training-language-models-to-be-warm-and-empathetic-makes-them-less-reliable-and-more-sycophantic/';
const browser = useBrowser();

describe('the granularity claim', () => {
  it('says its grounding beside its status, at the top and in the evidence section', async () => {
    const { page, incidents } = await openPage(browser());
    await page.goto(site.url + GRANULARITY);
    await expect(page.locator('article header [data-status]').getAttribute('data-status')).resolves.toBe('supported');
    await expect(page.locator('article header [data-grounding]').textContent()).resolves.toBe(' · verified in 1 paper');
    await expect(page.locator('[data-evidence]').getAttribute('data-grounding')).resolves.toBe('verified');
    expect(incidents).toEqual([]);
  });

  it('shows a verified trait-level part whose chain passes the unwritten warmth note and ends at the MedQA passage', async () => {
    const { page, incidents } = await openPage(browser(), { viewport: { width: 1280, height: 800 } });
    await page.goto(site.url + GRANULARITY);
    const trait = page.locator('[data-parts] > li', { hasText: 'trait-level warmth training corrupts reliability' });
    await expect(trait.getAttribute('data-grounding')).resolves.toBe('verified');
    await expect(trait.locator('.part-text [data-grounding]').textContent()).resolves.toBe(' · verified in 1 paper');
    const trail = trait.locator('[data-trail="notes/does-warmth-training-make-language-models-less-reliable"]');
    await expect(trail.locator('.stance-from').textContent()).resolves.toContain('by its paragraph');
    const chain = trail.locator('[data-chain]');
    // The hop: which note speaks for the unwritten one, and in which sentence.
    await expect(chain.locator('[data-hop]').first().textContent()).resolves.toMatch(/Does empathy training make AI systems less reliable\?.*Layer 2: Warmth training degrades reliability/s);
    const end = chain.locator('[data-chain-end="passage"]');
    await expect(end.textContent()).resolves.toContain('8.6 percentage points (pp) on MedQA');
    const fragment = end.locator('a[data-text-fragment]');
    await expect(fragment.getAttribute('href')).resolves.toMatch(new RegExp(`^${atBase(WARMTH_PAPER).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#:~:text=`));
    await fragment.click();
    await page.waitForURL((u) => u.pathname === atBase(WARMTH_PAPER));
    await page.waitForFunction(() => window.scrollY > 0);
    const visible = await page.evaluate(() => {
      const p = [...document.querySelectorAll('[data-body] p')].find((el) => el.textContent?.includes('8.6 percentage points (pp) on MedQA'));
      const box = p?.getBoundingClientRect();
      return !!box && box.top < window.innerHeight && box.bottom > 0;
    });
    expect(visible).toBe(true);
    expect(incidents).toEqual([]);
  });

  it('shows a cited behavior-level part whose chain ends at RLVER, and lists the open question', async () => {
    const { page, incidents } = await openPage(browser());
    await page.goto(site.url + GRANULARITY);
    const behavior = page.locator('[data-parts] > li', { hasText: 'behavior-level emotion rewards preserve it' });
    await expect(behavior.getAttribute('data-grounding')).resolves.toBe('cited');
    await expect(behavior.locator('.part-text [data-grounding]').textContent()).resolves.toBe(' · cited only');
    const chain = behavior.locator('[data-trail="notes/can-emotion-rewards-make-language-models-genuinely-empathic"] [data-chain]');
    await expect(chain.locator('[data-chain-end="paper"] a').getAttribute('href')).resolves.toBe(atBase('/papers/rlver-reinforcement-learning-with-verifiable-emotion-rewards-for-empathetic-agents/'));
    await expect(page.locator('[data-open-questions] li').allTextContents()).resolves.toEqual([expect.stringMatching(/^Does RLVER preserve factual reliability/)]);
    expect(incidents).toEqual([]);
  });
});

describe('a verified figure in the body', () => {
  it('links to its passage and shows it on focus', async () => {
    const { page, incidents } = await openPage(browser());
    await page.goto(site.url + WARMTH_TRAP);
    const figure = page.locator('[data-body] [data-figure-link]').filter({ hasText: '+8.6pp' });
    const link = figure.locator('a');
    await expect(link.getAttribute('href')).resolves.toContain(`${atBase(WARMTH_PAPER)}#:~:text=`);
    const tip = figure.locator('[role="tooltip"]');
    await expect(tip.isVisible()).resolves.toBe(false);
    await link.focus();
    await expect(tip.isVisible()).resolves.toBe(true);
    await expect(tip.textContent()).resolves.toContain('8.6 percentage points (pp) on MedQA');
    expect(incidents).toEqual([]);
  });
});

describe('/claims/ by grounding', () => {
  it('filters by grounding, sorts by it, and lists the parts no passage grounds and the open questions', async () => {
    const { page, incidents } = await openPage(browser());
    await page.goto(site.url + '/claims/');
    const rows = page.locator('[data-claims] tbody tr');
    await expect(rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.grounding))).resolves.toEqual(['verified', 'verified']);
    await page.getByRole('radio', { name: /^cited/ }).check();
    await expect(page.locator('[data-claims] tbody tr:not([hidden])').count()).resolves.toBe(0);
    await page.getByRole('radio', { name: /^verified/ }).check();
    await expect(page.locator('[data-claims] tbody tr:not([hidden])').count()).resolves.toBe(2);
    await page.locator('[data-claims-sort]').selectOption('title');
    await expect(rows.first().getAttribute('data-claim')).resolves.toBe('notes/does-empathy-training-make-ai-systems-less-reliable');
    const gaps = page.locator('[data-gaps-ungrounded] li');
    await expect(gaps.evaluateAll((lis) => lis.map((li) => [(li as HTMLElement).dataset.grounding, li.querySelector('a')?.textContent]))).resolves.toEqual(
      expect.arrayContaining([['cited', '“behavior-level emotion rewards preserve it”']]),
    );
    await expect(gaps.allTextContents()).resolves.not.toContainEqual(expect.stringContaining('trait-level warmth'));
    const question = page.locator('[data-gaps-open-questions] li', { hasText: 'Does RLVER preserve factual reliability' });
    await expect(question.locator('a').getAttribute('href')).resolves.toBe(atBase(GRANULARITY));
    expect(incidents).toEqual([]);
  });
});
