/**
 * Builds the site once from the default content and serves it for every
 * browser test file; the URL reaches tests through `inject('siteUrl')`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveDirectory } from '../../scripts/lib/static-server';
import { buildSite } from '../helpers/build-site';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    siteDir: string;
  }
}

export default async function setup(project: TestProject) {
  const outDir = await mkdtemp(path.join(tmpdir(), 'browser-site-'));
  await buildSite(process.env.BROWSER_CONTENT_DIR ?? 'content', outDir);
  const server = await serveDirectory(outDir);
  project.provide('siteUrl', server.url);
  project.provide('siteDir', outDir);
  return async () => {
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  };
}
