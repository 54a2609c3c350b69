/**
 * Math and callouts as a reader of an Obsidian vault meets them: a bad
 * formula in the middle of a note spoils nothing after it, math in an
 * embedded note is typeset as on its own page, and each callout type has its
 * own colour and icon in the light theme and the dark. Screenshots of the
 * callouts go to $SCREENSHOT_DIR when it is set, to be looked at.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/browser';
import { useFixtureSite } from '../helpers/fixture-site';

const site = useFixtureSite('tests/fixtures/math-vault');

describe('math in a vault note', () => {
  it('a bad formula in the middle leaves the headings, links, callouts and formulas after it rendered', async () => {
    const { page, incidents } = await openPage(site.browser);
    await page.goto(site.url + '/notes/lecture-notes/');
    const body = page.locator('[data-body]');
    const error = body.locator('.katex-error');
    await expect(error.count()).resolves.toBe(1);
    await expect(error.textContent()).resolves.toBe('\\frac{1}{');
    // Red, in the site's shade of it.
    const [red, green, blue] = (await error.evaluate((el) => getComputedStyle(el).color)).match(/\d+/g)!.map(Number);
    expect(red).toBeGreaterThan(150);
    expect(Math.max(green, blue)).toBeLessThan(red / 2);
    // Everything after the error: the heading, the link, the callout and the formulas.
    const after = await error.evaluate((el) => {
      const follows = (other: Element | null) => !!other && (el.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      const root = el.closest('[data-body]')!;
      return {
        heading: follows(root.querySelector('h2#eigenvalues')),
        link: follows(root.querySelector('a.wikilink[href$="/notes/eigenvalues/"]')),
        callout: follows(root.querySelector('.callout[data-callout="note"] .callout-title')),
        formulas: [...root.querySelectorAll('.katex')].filter(follows).length,
      };
    });
    // After it: one formula in the callout, one inline, one display, two in the embedded note.
    expect(after).toEqual({ heading: true, link: true, callout: true, formulas: 5 });
    const text = await body.innerText();
    expect(text).not.toContain('[[');
    expect(text).not.toContain('[!NOTE]');
    expect(text).toContain('$5 and $10');
    // The last display formula is typeset: KaTeX's HTML is visible and its MathML is only for assistive technology.
    const last = body.locator('.katex-display').last();
    await expect(last.locator('.katex-html').isVisible()).resolves.toBe(true);
    await expect(last.locator('.katex-mathml').evaluate((el) => el.getBoundingClientRect().width <= 1)).resolves.toBe(true);
    expect(incidents).toEqual([]);
  });

  it('math in an embedded note is typeset as on its own page, not read out twice', async () => {
    const { page, incidents } = await openPage(site.browser);
    await page.goto(site.url + '/notes/lecture-notes/');
    const embed = page.locator('[data-body] .embed');
    await expect(embed.locator('.katex').count()).resolves.toBe(2);
    const text = await embed.innerText();
    // Typeset math reads once (KaTeX's HTML); an unstyled KaTeX tree would show its MathML text beside it.
    expect(text.match(/λ/g)?.length).toBe(2);
    await expect(embed.locator('.katex-mathml').first().evaluate((el) => getComputedStyle(el).position)).resolves.toBe('absolute');
    expect(incidents).toEqual([]);
  });
});

/** Obsidian's palette: the colour each callout type is drawn in, light and dark. */
const COLOURS = {
  light: { blue: 'rgb(8, 109, 221)', cyan: 'rgb(0, 191, 188)', green: 'rgb(8, 185, 78)', orange: 'rgb(236, 117, 0)', red: 'rgb(233, 49, 71)', purple: 'rgb(120, 82, 238)', gray: 'rgb(158, 158, 158)' },
  dark: { blue: 'rgb(2, 122, 255)', cyan: 'rgb(83, 223, 221)', green: 'rgb(68, 207, 110)', orange: 'rgb(233, 151, 63)', red: 'rgb(251, 70, 76)', purple: 'rgb(168, 130, 255)', gray: 'rgb(158, 158, 158)' },
} as const;
const TYPES: Record<string, keyof (typeof COLOURS)['light']> = {
  note: 'blue', abstract: 'cyan', tldr: 'cyan', info: 'blue', todo: 'blue', tip: 'cyan', important: 'cyan', success: 'green', question: 'orange',
  warning: 'orange', failure: 'red', danger: 'red', bug: 'red', example: 'purple', quote: 'gray', recipe: 'blue', faq: 'orange',
};

describe('callouts', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`each type has Obsidian's colour and an icon, in the ${scheme} theme`, async () => {
      const { page, incidents } = await openPage(site.browser, { colorScheme: scheme, viewport: { width: 900, height: 900 } });
      await page.goto(site.url + '/notes/callouts/');
      const seen = await page.locator('[data-body] .callout').evaluateAll((els) =>
        els.map((el) => {
          const title = el.querySelector('.callout-title')!;
          const icon = getComputedStyle(title, '::before');
          return { type: el.getAttribute('data-callout')!, border: getComputedStyle(el).borderLeftColor, icon: icon.backgroundColor, mask: icon.maskImage || icon.webkitMaskImage, width: icon.width };
        }),
      );
      expect(seen.map((s) => s.type)).toEqual(Object.keys(TYPES));
      for (const { type, border, icon, mask, width } of seen) {
        expect({ type, border, icon }).toEqual({ type, border: COLOURS[scheme][TYPES[type]], icon: COLOURS[scheme][TYPES[type]] });
        expect(mask).toMatch(/^url\("data:image\/svg\+xml/);
        expect(parseFloat(width)).toBeGreaterThan(10);
      }
      // One icon per family: tip and important share the flame, warning and question differ.
      const icons = new Map(seen.map((s) => [s.type, s.mask]));
      expect(icons.get('tip')).toBe(icons.get('important'));
      expect(icons.get('tldr')).toBe(icons.get('abstract'));
      expect(icons.get('recipe')).toBe(icons.get('note'));
      expect(new Set(['note', 'abstract', 'info', 'todo', 'tip', 'success', 'question', 'warning', 'failure', 'danger', 'bug', 'example', 'quote'].map((t) => icons.get(t))).size).toBe(13);
      if (process.env.SCREENSHOT_DIR) await page.locator('[data-body]').screenshot({ path: path.join(process.env.SCREENSHOT_DIR, `callouts-${scheme}.png`) });
      expect(incidents).toEqual([]);
    });
  }
});
