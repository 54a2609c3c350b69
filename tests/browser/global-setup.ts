/**
 * Builds each site the browser tests visit once, and serves it: the default
 * content, the basic fixture (every page template) and the hostile corpus;
 * in the `browser-base` project, built with BASE_PATH=/base-test/ and served under it.
 * Tests get the URLs (and the folders, and the hostile build's log) through
 * `inject(...)`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server';
import { buildSite } from '../helpers/build-site';
import { hostileCorpus } from '../helpers/hostile';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    siteDir: string;
    fixtureUrl: string;
    fixtureDir: string;
    hostileUrl: string;
    hostileDir: string;
    /** The hostile corpus as built (a temporary copy with the generated files). */
    hostileContentDir: string;
    /** Everything the hostile build printed. */
    hostileLog: string;
    /** The base path the sites are built and served under: `/`, or `/base-test/` in the `browser-base` run. */
    siteBase: string;
  }
}

/** The `browser-base` project runs the same suite on sites built and served under this base path. */
export const TEST_BASE = '/base-test/';

export default async function setup(project: TestProject) {
  const base = project.name === 'browser-base' ? TEST_BASE : '/';
  const temps: string[] = [];
  const servers: StaticServer[] = [];
  const build = async (contentDir: string) => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'browser-site-'));
    temps.push(outDir);
    const { log } = await buildSite(contentDir, { outDir, base });
    const server = await serveDirectory(outDir, 0, base);
    servers.push(server);
    return { outDir, log, url: server.url };
  };
  const hostileContentDir = await hostileCorpus();
  temps.push(hostileContentDir);
  // One after another: Astro builds share the project's .astro/ scratch folder.
  const site = await build(process.env.BROWSER_CONTENT_DIR ?? 'content');
  const fixture = await build('tests/fixtures/basic');
  const hostile = await build(hostileContentDir);
  project.provide('siteUrl', site.url);
  project.provide('siteDir', site.outDir);
  project.provide('fixtureUrl', fixture.url);
  project.provide('fixtureDir', fixture.outDir);
  project.provide('hostileUrl', hostile.url);
  project.provide('hostileDir', hostile.outDir);
  project.provide('hostileContentDir', hostileContentDir);
  project.provide('hostileLog', hostile.log);
  project.provide('siteBase', base);
  return async () => {
    await Promise.all(servers.map((s) => s.close()));
    await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
  };
}
