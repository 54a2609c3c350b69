/**
 * `astro dev` on a copy of the basic fixture: the open page of a saved note
 * reloads itself with the new text within 2 s, without a restart, and a new
 * file gets its page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { atBase, launchBrowser, openPage } from '../helpers/browser';
import { takeAstroLock } from '../helpers/build-site';

let browser: Browser;
/** Gives back the lock on `.astro/`, where the dev server writes its data store: a build beside it would ship those files. */
let releaseLock: (() => Promise<void>) | undefined;
let dev: ChildProcess;
let content: string;
let base: string;

beforeAll(async () => {
  content = await mkdtemp(path.join(tmpdir(), 'live-content-'));
  await cp('tests/fixtures/basic', content, { recursive: true });
  releaseLock = await takeAstroLock();
  const port = 4400 + Math.floor(Math.random() * 400);
  // Served under the base path of the run, as a built site is.
  base = `http://127.0.0.1:${port}${atBase('/').slice(0, -1)}`;
  dev = spawn(process.execPath, ['node_modules/astro/astro.js', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    // As `npm run dev` runs: the test runner's NODE_ENV=test would turn off the dev server's reloads.
    env: { ...process.env, NODE_ENV: 'development', CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: inject('siteBase') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro dev did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`${port}`) && /ready|Local/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    dev.stdout!.on('data', read);
    dev.stderr!.on('data', read);
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (dev && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev.once('exit', resolve));
    dev.kill();
    await exited;
  }
  await releaseLock?.();
  if (content) await rm(content, { recursive: true, force: true });
});

describe('live preview under npm run dev', () => {
  it('shows a saved change in the open page within 2 seconds, without a reload by hand or a restart', async () => {
    const { page } = await openPage(browser);
    // The dev client connects to the server after the page loads; a save before that reaches no page.
    const connected = page.waitForEvent('console', (m) => m.text().includes('[vite] connected'));
    await page.goto(`${base}/notes/warmth/`);
    await page.waitForSelector('[data-body]');
    await connected;
    const file = path.join(content, 'notes/warmth.md');
    const text = await readFile(file, 'utf8');
    const saved = Date.now();
    await writeFile(file, `${text}\n\nA sentence added while the server runs.\n`);
    // Nobody reloads: the server tells the open page to, and it shows the new text.
    await page.waitForFunction(() => document.querySelector('[data-body]')?.textContent?.includes('A sentence added while the server runs.'), undefined, { timeout: 2_000 });
    expect(Date.now() - saved).toBeLessThan(2_000);
  });

  it('publishes a new file: its page opens and its title is linked from the note that names it', async () => {
    const { page } = await openPage(browser);
    await writeFile(path.join(content, 'notes/a-new-note.md'), '---\ntitle: A note written just now\n---\nIt cites [[Does warmth training make language models less reliable?]].\n');
    const written = Date.now();
    // Until the watcher has seen the new file its address is a 404; it must answer within 2 s.
    let status = 0;
    while (Date.now() - written < 2_000 && status !== 200) {
      await page.waitForTimeout(200);
      status = (await page.goto(`${base}/notes/a-new-note/`))?.status() ?? 0;
    }
    expect(status).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('A note written just now');
    await page.goto(`${base}/notes/warmth/`);
    await expect(page.locator(`[data-backlinks] a[href="${atBase('/notes/a-new-note/')}"]`).count()).resolves.toBe(1);
  });
});
