/**
 * The sites most browser test files visit, built when a file first asks for one and shared by every file of the
 * run that asks for the same site under the same base (tests/helpers/build-site.ts): the default content, the
 * basic fixture (every page template) and the hostile corpus. Each file serves its site itself, under the base
 * path of its project (`/base-test/` in `browser-base`).
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server';
import { buildSite, takeLock } from './build-site';
import { hostileCorpus } from './hostile';

export type SiteName = 'content' | 'basic' | 'hostile';

export interface ServedSite {
  /** The server's address, without a trailing slash; pages are under the run's base path below it. */
  url: string;
  /** The built site: the run's shared copy, to read and never to change. */
  dir: string;
  /** Everything the build printed. */
  log: string;
  /** The content folder the site was built from. */
  contentDir: string;
}

/**
 * The hostile corpus with its generated files, written once for the run: a second copy would have other
 * modification times, and so a build of its own.
 */
async function hostileContent(): Promise<string> {
  const run = process.env.SITE_BUILDS_OF_RUN;
  if (!run) return hostileCorpus();
  const dir = path.join(run, 'hostile-content');
  const release = await takeLock(`${dir}.lock`);
  try {
    if (!(await stat(dir).catch(() => undefined))) {
      await mkdir(run, { recursive: true });
      await hostileCorpus(dir);
    }
    return dir;
  } finally {
    await release();
  }
}

async function contentOf(name: SiteName): Promise<string> {
  if (name === 'hostile') return hostileContent();
  if (name === 'basic') return 'tests/fixtures/basic';
  return process.env.BROWSER_CONTENT_DIR ?? 'content';
}

/** Builds (or finds built) and serves `name` before the tests of the file or `describe` block; fills the returned object then. */
export function useServedSite(name: SiteName): ServedSite {
  const site = {} as ServedSite;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    const base = inject('siteBase');
    site.contentDir = await contentOf(name);
    const { outDir, log } = await buildSite(site.contentDir, { base, readOnly: true });
    server = await serveDirectory(outDir, 0, base);
    Object.assign(site, { url: server.url, dir: outDir, log });
  });
  afterAll(async () => {
    await server?.close();
  });
  return site;
}
