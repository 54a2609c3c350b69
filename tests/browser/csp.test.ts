/**
 * The Content-Security-Policy every page carries: Astro's bundled scripts and
 * the theme script run, a script that reached the page any other way does not.
 * (Every other browser test fails on any violation: see tests/helpers/browser.ts.)
 */
import { describe, expect, it } from 'vitest';
import { openPage, useBrowser } from '../helpers/browser';
import { useServedSite } from '../helpers/served-site';

const site = useServedSite('content');
const browser = useBrowser();

describe('the Content-Security-Policy', () => {
  it('allows no inline script without a hash, and no unsafe-inline', async () => {
    const { page, incidents } = await openPage(browser());
    await page.goto(site.url + '/notes/');
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("object-src 'none'");

    // A script added to the page by anything but our bundles (an injection) is refused and reported.
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as unknown as { __injected?: boolean }).__injected ?? false;
    });
    expect(ran).toBe(false);
    expect(incidents.some((i) => i.includes('CSP violation: script-src'))).toBe(true);
  });

  it('leaves the theme script and the bundled scripts running', async () => {
    const { page, incidents } = await openPage(browser(), { colorScheme: 'light' });
    await page.goto(site.url + '/');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.reload();
    // Set before first paint by the inline script, allowed by its hash.
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(incidents).toEqual([]);
  });
});
