/**
 * Headless Chromium for browser tests: Debian's chromium driven by
 * playwright-core. Every page fails its test on a dialog (an injected
 * script ran), an uncaught error, a console error or a Content-Security-Policy violation.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, inject, it, type TestFunction } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { withBase } from '../../src/lib/site/urls';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/lib/chromium';

/** A site path as the served sites address it: under `/base-test/` in the `browser-base` run. */
export const atBase = (path: string): string => withBase(path, inject('siteBase'));

/**
 * A test whose subject does not change with the base path the site is published under (layout, theme, keyboard
 * handling, timing, accessibility, reproducibility): it runs in the `browser` project and is skipped in
 * `browser-base`, which reruns a base-sensitive file for what does change (addresses, fetched files, links).
 */
export function itOnce(name: string, fn: TestFunction, timeout?: number): void {
  it.skipIf(inject('siteBase') !== '/')(name, fn, timeout);
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` (.ci/run does this) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, '--disable-sync'],
  });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Dialogs opened and uncaught errors thrown so far: both must stay empty. */
  incidents: string[];
}

export async function openPage(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<WatchedPage> {
  const context = await browser.newContext(options);
  // Every Content-Security-Policy violation is an incident, whatever the browser prints for it.
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'} (${e.sourceFile}:${e.lineNumber})`)),
  );
  const page = await context.newPage();
  const incidents: string[] = [];
  page.on('dialog', (dialog) => {
    incidents.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => incidents.push(`page error: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') incidents.push(`console error: ${msg.text()}`);
  });
  return { page, context, incidents };
}

/** One Chromium for a test file: launched before its tests, closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched yet');
    return browser;
  };
}
