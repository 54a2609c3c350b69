import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removingName, setAside } from '../../src/integrations/out-dir';
import { buildSite } from '../helpers/build-site';

describe('setting the previous output aside', () => {
  it('leaves an empty output folder but its .git, and lists the old output and the leftovers of a stopped build for deletion', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'out-dir-'));
    const out = path.join(parent, 'dist');
    await mkdir(path.join(out, 'notes/a'), { recursive: true });
    await writeFile(path.join(out, 'notes/a/index.html'), 'old');
    await mkdir(path.join(out, '.git'));
    await writeFile(path.join(out, '.git/HEAD'), 'ref: refs/heads/pages');
    const leftover = path.join(parent, removingName(out, 12345));
    await mkdir(leftover);
    // Another folder's leftovers are not this build's to delete.
    await mkdir(path.join(parent, '.other-removing-1'));

    const folders = setAside(out + path.sep);
    expect(await readdir(out)).toEqual(['.git']);
    expect(await readFile(path.join(out, '.git/HEAD'), 'utf8')).toBe('ref: refs/heads/pages');
    expect(folders.sort()).toEqual([path.join(parent, removingName(out)), leftover].sort());
    expect(await readFile(path.join(parent, removingName(out), 'notes/a/index.html'), 'utf8')).toBe('old');
    expect(setAside(path.join(parent, 'never-built'))).toEqual([]);
    await rm(parent, { recursive: true });
  });
});

/** The preview files of note `name` in a built site: published under names that carry their hashes. */
const previewsOf = async (site: string, name: string): Promise<string[]> =>
  (await readdir(path.join(site, 'previews/notes'))).filter((file) => file.startsWith(`${name}.`) && file.endsWith('.json'));

describe('building into the previous output', () => {
  it('leaves nothing of the previous build: a removed note has no page, preview or search record, and the old output is deleted', async () => {
    const content = await mkdtemp(path.join(tmpdir(), 'out-dir-content-'));
    await cp('tests/fixtures/basic', content, { recursive: true });
    const { outDir } = await buildSite(content);
    expect(existsSync(path.join(outDir, 'notes/warmth/index.html'))).toBe(true);
    expect(await previewsOf(outDir, 'warmth')).toHaveLength(1);
    await writeFile(path.join(outDir, 'left-by-hand.txt'), 'stale');

    await rm(path.join(content, 'notes/warmth.md'));
    const { log } = await buildSite(content, { outDir });
    expect(log).toMatch(/\d+ data file\(s\) written, found through \/files\.json/);
    expect(existsSync(path.join(outDir, 'left-by-hand.txt'))).toBe(false);
    expect(existsSync(path.join(outDir, 'notes/warmth/index.html'))).toBe(false);
    expect(await previewsOf(outDir, 'warmth')).toEqual([]);
    expect(existsSync(path.join(outDir, 'index.html'))).toBe(true);
    const records = await readdir(path.join(outDir, 'search'), { recursive: true });
    const texts = await Promise.all(records.filter((f) => f.endsWith('.json')).map((f) => readFile(path.join(outDir, 'search', f), 'utf8')));
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.some((t) => t.includes('notes/warmth/'))).toBe(false);
    expect((await readdir(path.dirname(outDir))).filter((name) => name.startsWith(`.${path.basename(outDir)}-removing-`))).toEqual([]);
    await rm(content, { recursive: true });
    await rm(outDir, { recursive: true });
  }, 360_000);
});
