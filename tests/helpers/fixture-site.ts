/** A browser test file's own site: a fixture folder built, served and opened in Chromium for the file's tests. */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { useServedFolder } from './served-site';

export interface FixtureSite {
  browser: Browser;
  /** The server's address, without a trailing slash. */
  url: string;
}

/**
 * Builds `contentDir` (with `env`, settings such as `SITE_LANG`, in the build's environment), serves it and opens
 * Chromium before the file's tests (tests/helpers/served-site.ts); the returned object is filled in `beforeAll`.
 * Built and served under the base path of the run (`/base-test/` in the `browser-base` project).
 */
export function useFixtureSite(contentDir: string, env?: Record<string, string>): FixtureSite {
  const served = useServedFolder(() => contentDir, env);
  const site = {} as FixtureSite;
  beforeAll(async () => {
    site.url = served.url;
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
  });
  return site;
}
