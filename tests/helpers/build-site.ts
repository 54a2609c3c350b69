/** Builds the site from a content folder into a fresh output folder, as `npm run build` does. */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function buildSite(contentDir: string, outDir?: string): Promise<{ outDir: string; log: string }> {
  const out = outDir ?? (await mkdtemp(path.join(tmpdir(), 'site-')));
  const astro = path.resolve('node_modules/astro/astro.js');
  const { stdout, stderr } = await run(process.execPath, [astro, 'build', '--outDir', out], {
    env: { ...process.env, CONTENT_DIR: path.resolve(contentDir), ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { outDir: out, log: stdout + stderr };
}
