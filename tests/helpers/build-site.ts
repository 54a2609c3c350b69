/** Builds the site from a content folder into a fresh output folder, as `npm run build` does. */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
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
export const takeAstroLock = (): Promise<() => Promise<void>> => takeLock(path.resolve('.astro-build.lock'));

/** Takes the lock folder `lock` (across processes), waiting while another live process holds it. */
export async function takeLock(lock: string): Promise<() => Promise<void>> {
  for (;;) {
    try {
      await mkdir(lock, { recursive: false });
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
  /**
   * Hand back the run's kept copy itself instead of a copy of it, for callers that only read and serve it
   * (it stays until the run ends). Without a run folder this is an ordinary fresh build.
   */
  readOnly?: boolean;
}

/**
 * A fresh output folder inside the project (`.out/test-builds/`, ignored by git). Astro keeps the server chunks
 * of a build whose output lies outside the working folder in the project's `.astro/`, then copies the rest of
 * that folder into the output and removes it; inside the project, the chunks stay in the output and are cleaned
 * from it, as in `npm run build`.
 */
export async function testOutputFolder(): Promise<string> {
  const parent = path.resolve('.out/test-builds');
  await mkdir(parent, { recursive: true });
  return mkdtemp(path.join(parent, 'site-'));
}

/**
 * Builds of one test run are shared: a folder built with the same settings and the same files (by path, size
 * and modification time) is built once, and every later caller gets a copy of that output and its log. The
 * run's folder is `SITE_BUILDS_OF_RUN`, set by tests/global-run.ts; without it (one file run by hand) every
 * call builds. A caller that names its own `outDir` is testing the build itself and always gets a fresh one.
 */
async function sharedBuild(contentDir: string, options: BuildOptions, build: (out: string) => Promise<string>): Promise<{ outDir: string; log: string }> {
  const out = options.outDir ?? (await testOutputFolder());
  const runFolder = process.env.SITE_BUILDS_OF_RUN;
  if (!runFolder || options.outDir) return { outDir: out, log: await build(out) };
  const { readOnly, ...settings } = options;
  const key = createHash('sha1')
    .update(JSON.stringify([path.resolve(contentDir), await folderFingerprint(contentDir), settings.base ?? '/', settings.site ?? '', settings.env ?? {}]))
    .digest('hex');
  const kept = path.join(runFolder, key);
  const release = await takeLock(`${kept}.lock`);
  try {
    let log = await readFile(path.join(kept, 'build.log'), 'utf8').catch(() => undefined);
    if (log === undefined) {
      log = await build(out);
      await cp(out, path.join(kept, 'site'), { recursive: true });
      await writeFile(path.join(kept, 'build.log'), log);
    } else if (!readOnly) {
      await cp(path.join(kept, 'site'), out, { recursive: true });
    }
    if (!readOnly) return { outDir: out, log };
    await rm(out, { recursive: true, force: true });
    return { outDir: path.join(kept, 'site'), log };
  } finally {
    await release();
  }
}

/** Paths, sizes and modification times of every file below `dir`: a change to any file changes it. */
async function folderFingerprint(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
  const stats = await Promise.all(files.map((f) => stat(f).then((s) => `${f}:${s.size}:${s.mtimeMs}`)));
  return createHash('sha1').update(stats.join('\n')).digest('hex');
}

export async function buildSite(contentDir: string, options: BuildOptions = {}): Promise<{ outDir: string; log: string }> {
  return sharedBuild(contentDir, options, (out) => buildInto(contentDir, out, options));
}

async function buildInto(contentDir: string, out: string, options: BuildOptions): Promise<string> {
  const astro = path.resolve('node_modules/astro/astro.js');
  const env: NodeJS.ProcessEnv = { ...process.env, CONTENT_DIR: path.resolve(contentDir), ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: options.base ?? '/' };
  Object.assign(env, options.env);
  if (options.site) env.SITE_URL = options.site;
  else delete env.SITE_URL;
  const { stdout, stderr } = await oneBuildAtATime(() =>
    run(process.execPath, ['--expose-gc', astro, 'build', '--outDir', out], {
      env,
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
  return stdout + stderr;
}
