import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('astro.config.mjs with a bad SITE_URL', () => {
  it('stops the build with one line saying what to write, and no stack trace', async () => {
    const astro = path.resolve('node_modules/astro/astro.js');
    const failed = await run(process.execPath, [astro, 'build', '--outDir', path.join('/tmp', 'never-built')], {
      env: { ...process.env, SITE_URL: 'user.github.io/notes', ASTRO_TELEMETRY_DISABLED: '1' },
    }).then(
      () => undefined,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    const lines = (failed!.stdout + failed!.stderr).split('\n').filter((l) => l.trim());
    expect(lines).toEqual([
      'error: SITE_URL "user.github.io/notes" is not an absolute http(s) URL: write the address readers open, like SITE_URL=https://user.github.io (and BASE_PATH=/notes/ for a sub-folder).',
    ]);
  });
});
