/**
 * Set up once for the whole test run, before any project: a folder where the
 * run's site builds are kept, so a fixture built with the same settings by
 * several test files is built once (tests/helpers/build-site.ts). Removed
 * when the run ends.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default async function setup() {
  // Every project inherits this setup; the first one makes the folder, the others share it.
  if (process.env.SITE_BUILDS_OF_RUN) return;
  const folder = await mkdtemp(path.join(tmpdir(), 'site-builds-'));
  process.env.SITE_BUILDS_OF_RUN = folder;
  return () => rm(folder, { recursive: true, force: true });
}
