/**
 * Headless Chromium for browser tests: Debian's chromium driven by
 * playwright-core. Every page fails its test on a dialog (an injected
 * script ran), an uncaught error, a console error or a Content-Security-Policy violation.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { withBase } from '../../src/lib/site/urls';

/** A site path as the served sites address it: under `/base-test/` in the `browser-base` run. */
export const atBase = (path: string): string => withBase(path, inject('siteBase'));

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Chromium's address-bar popup, a WebUI page each new window loads (about 400 modules), competes with the page tested for the CPU. */
const BROWSER_NOISE_OFF = '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` (.ci/run does this) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', BROWSER_NOISE_OFF],
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
