/**
 * The explorer added to an Astro site of its own (tests/fixtures/host-site): `researchGraph({ prefix:
 * '/research/' })` in the host's config. The host keeps its own home page; the explorer's pages, search,
 * previews and graph live under /research/, and nothing the explorer writes points outside it.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server';
import { openPage, useBrowser } from '../helpers/browser';

const run = promisify(execFile);
const HOST = path.resolve('tests/fixtures/host-site');
const browser = useBrowser();
let outDir: string;
let server: StaticServer;

beforeAll(async () => {
  // The host is its own Astro project, run from its own folder, with its output inside that folder: Astro
  // puts the server chunks of a build whose output lies outside the working folder in that folder's `.astro/`,
  // and copies the rest of that folder into the output. So the host's build needs no turn with this project's.
  await mkdir(path.join(HOST, '.out'), { recursive: true });
  outDir = await mkdtemp(path.join(HOST, '.out', 'site-'));
  await run(process.execPath, ['--expose-gc', path.resolve('node_modules/astro/astro.js'), 'build', '--root', HOST, '--outDir', outDir], {
    cwd: HOST,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: '', SITE_URL: '', BASE_PATH: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  server = await serveDirectory(outDir);
}, 600_000);

afterAll(async () => {
  await server?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('a host site that mounts the explorer under /research/', () => {
  it('keeps its own home page and puts every file of the explorer under the prefix', async () => {
    const top = (await readdir(outDir)).sort();
    // The host's page, Astro's assets, and the explorer's folder: no explorer file at the top.
    expect(top).toEqual(['_astro', 'index.html', 'research']);
    expect(await readFile(path.join(outDir, 'index.html'), 'utf8')).toContain("The lab's own home page");
    const research = await readdir(path.join(outDir, 'research'));
    expect(research).toEqual(expect.arrayContaining(['notes', 'papers', 'search', 'previews', 'graph', 'favicon.svg', 'index.html']));
    // The host has its own 404 and robots.txt: the explorer adds neither under a prefix.
    expect(research).not.toContain('404.html');
    expect(research).not.toContain('robots.txt');
  });

  it('is reached from the host page, speaks the options given, and searches, links and draws under the prefix', async () => {
    const { page, incidents } = await openPage(browser());
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(server.url + '/');
    await page.click('#to-research');
    await page.waitForURL((u) => u.pathname === '/research/');
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
    expect(await page.locator('header .brand').textContent()).toBe('Lab notebook');
    expect(await page.title()).toBe('Lab notebook');

    const box = page.locator('input[type=search]').first();
    await box.focus();
    await box.pressSequentially('warmth');
    const first = page.locator('[role="listbox"]:visible [role="option"]').first();
    await first.waitFor();
    const target = await first.getAttribute('data-href');
    expect(target).toMatch(/^\/research\/(notes|papers|lines)\//);
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL((u) => u.pathname === target?.split('#')[0]);

    // Every address the page writes stays inside the explorer, or is one of Astro's shared assets.
    const addresses = await page.$$eval('a[href], link[href], script[src], img[src]', (els) => els.map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? ''));
    const rooted = addresses.filter((a) => a.startsWith('/'));
    expect(rooted.length).toBeGreaterThan(5);
    expect(rooted.filter((a) => !a.startsWith('/research/') && !a.startsWith('/_astro/'))).toEqual([]);

    await page.goto(server.url + '/research/graph/');
    await page.locator('[data-graph-ready]').waitFor({ timeout: 60_000 });
    expect(failed).toEqual([]);
    expect(incidents).toEqual([]);
  });
});
