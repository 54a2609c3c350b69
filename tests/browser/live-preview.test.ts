/**
 * `astro dev` on a copy of the basic fixture: a saved note shows its new
 * text on the next load within 2 s without a restart, and a new file gets its page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { atBase, launchBrowser, openPage } from '../helpers/browser';

let browser: Browser;
let dev: ChildProcess;
let content: string;
let base: string;

beforeAll(async () => {
  content = await mkdtemp(path.join(tmpdir(), 'live-content-'));
  await cp('tests/fixtures/basic', content, { recursive: true });
  const port = 4400 + Math.floor(Math.random() * 400);
  // Served under the base path of the run, as a built site is.
  base = `http://127.0.0.1:${port}${atBase('/').slice(0, -1)}`;
  dev = spawn(process.execPath, ['node_modules/astro/astro.js', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    env: { ...process.env, CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: inject('siteBase') },
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
  dev?.kill();
  if (content) await rm(content, { recursive: true, force: true });
});

describe('live preview under npm run dev', () => {
  it('shows a saved change on the next load within 2 seconds, without a restart', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${base}/notes/warmth/`);
    await page.waitForSelector('[data-body]');
    const file = path.join(content, 'notes/warmth.md');
    const text = await readFile(file, 'utf8');
    const saved = Date.now();
    await writeFile(file, `${text}\n\nA sentence added while the server runs.\n`);
    // The watcher needs a moment to see the write; then the page, loaded again, shows it.
    await page.waitForTimeout(300);
    await page.reload();
    await expect(page.locator('[data-body]').textContent()).resolves.toContain('A sentence added while the server runs.');
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
