/**
 * The sites most browser test files visit, built when a file first asks for one and shared by every file of the
 * run that asks for the same site under the same base (tests/helpers/build-site.ts): the default content, the
 * basic fixture (every page template) and the hostile corpus. Each file serves its site itself, under the base
 * path of its project (`/base-test/` in `browser-base`).
 */
import { mkdir, rm, stat } from 'node:fs/promises';
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

/**
 * Builds (or finds built) `contentDir` with `env` in the build's environment, and serves it under the run's base
 * path, before the tests of the file or `describe` block; fills the returned object then.
 */
export function useServedFolder(contentDir: () => Promise<string> | string, env?: Record<string, string>): ServedSite {
  const site = {} as ServedSite;
  let server: StaticServer | undefined;
  let outDir: string | undefined;
  beforeAll(async () => {
    const base = inject('siteBase');
    site.contentDir = await contentDir();
    // Read in place: the run keeps one copy of each build, shared by the files that ask for it.
    const built = await buildSite(site.contentDir, { base, env, readOnly: true });
    outDir = built.outDir;
    server = await serveDirectory(outDir, 0, base);
    Object.assign(site, { url: server.url, dir: outDir, log: built.log });
  });
  afterAll(async () => {
    await server?.close();
    // A build of the run's is removed with the run's folder (tests/global-run.ts); one made without it, here.
    if (outDir && !process.env.SITE_BUILDS_OF_RUN) await rm(outDir, { recursive: true, force: true });
  });
  return site;
}

/** One of the shared sites, built (or found built) and served before the tests of the file or `describe` block. */
export const useServedSite = (name: SiteName): ServedSite => useServedFolder(() => contentOf(name));
