/** Builds the site from a content folder into a fresh output folder, as `npm run build` does. */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Astro puts a build's server chunks in the project's `.astro/` whenever the
 * output folder lies outside the project, as these temporary ones do, so two
 * builds at once (test files run in parallel) would overwrite each other's.
 * A lock folder makes them take turns, across worker processes.
 */
/** A lock whose holder has exited (a run that was killed) is abandoned. */
async function abandoned(lock: string): Promise<boolean> {
  const pid = Number(await readFile(path.join(lock, 'pid'), 'utf8').catch(() => ''));
  if (!pid) {
    // Between mkdir and writing the pid, or a lock from an older run: judge by age.
    const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
    return age > 60_000;
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Takes the lock that Astro builds (and `astro dev`, which writes its data store to `.astro/` too) hold while
 * they run; resolves to the function that gives it back.
 */
export async function takeAstroLock(): Promise<() => Promise<void>> {
  const lock = path.resolve('.astro-build.lock');
  for (;;) {
    try {
      await mkdir(lock);
      await writeFile(path.join(lock, 'pid'), String(process.pid));
      return () => rm(lock, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (await abandoned(lock)) await rm(lock, { recursive: true, force: true });
      else await sleep(200);
    }
  }
}

async function oneBuildAtATime<T>(build: () => Promise<T>): Promise<T> {
  const release = await takeAstroLock();
  try {
    return await build();
  } finally {
    await release();
  }
}

export interface BuildOptions {
  outDir?: string;
  /** `BASE_PATH`: the folder the site is published under (`/` by default). */
  base?: string;
  /** `SITE_URL`; unset by default, so a build never depends on the caller's environment. */
  site?: string;
  /** More settings for the build's environment. */
  env?: Record<string, string>;
}

export async function buildSite(contentDir: string, options: BuildOptions = {}): Promise<{ outDir: string; log: string }> {
  const out = options.outDir ?? (await mkdtemp(path.join(tmpdir(), 'site-')));
  const astro = path.resolve('node_modules/astro/astro.js');
  const env: NodeJS.ProcessEnv = { ...process.env, CONTENT_DIR: path.resolve(contentDir), ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: options.base ?? '/' };
  Object.assign(env, options.env);
  if (options.site) env.SITE_URL = options.site;
  else delete env.SITE_URL;
  const { stdout, stderr } = await oneBuildAtATime(() =>
    run(process.execPath, [astro, 'build', '--outDir', out], {
      env,
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
  return { outDir: out, log: stdout + stderr };
}
