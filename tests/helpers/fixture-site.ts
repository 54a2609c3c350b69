/** A browser test file's own site: a fixture folder built, served and opened in Chromium for the file's tests. */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server';
import { launchBrowser } from './browser';
import { buildSite } from './build-site';

export interface FixtureSite {
  browser: Browser;
  /** The server's address, without a trailing slash. */
  url: string;
}

/**
 * Builds `contentDir` (with `env`, settings such as `SITE_LANG`, in the build's environment) before the file's tests and removes it after; the returned object is filled in `beforeAll`.
 * Built and served under the base path of the run (`/base-test/` in the `browser-base` project).
 */
export function useFixtureSite(contentDir: string, env?: Record<string, string>): FixtureSite {
  const site = {} as FixtureSite;
  let server: StaticServer | undefined;
  let outDir: string | undefined;
  beforeAll(async () => {
    const base = inject('siteBase');
    // Read in place: the run keeps one copy of each build, shared by the files that ask for it.
    ({ outDir } = await buildSite(contentDir, { base, env, readOnly: true }));
    server = await serveDirectory(outDir, 0, base);
    site.url = server.url;
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await server?.close();
    // A build of the run's is removed with the run's folder (tests/global-run.ts); one made without it, here.
    if (outDir && !process.env.SITE_BUILDS_OF_RUN) await rm(outDir, { recursive: true, force: true });
  });
  return site;
}
