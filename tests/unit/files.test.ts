/** Reading a content folder: bounded file handles, whatever the folder's size. */
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapBounded, readContentFolder } from '../../src/lib/content/files';

describe('mapBounded', () => {
  it('never runs more than its limit at once, and keeps the order of its items', async () => {
    let running = 0;
    let most = 0;
    const out = await mapBounded(
      Array.from({ length: 50 }, (_, i) => i),
      async (i) => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, (i * 7) % 5));
        running--;
        return i * 2;
      },
      4,
    );
    expect(most).toBe(4);
    expect(out).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
  });

  it('handles an empty list', async () => {
    await expect(mapBounded([], async () => 1)).resolves.toEqual([]);
  });
});

describe('readContentFolder', () => {
  it('reads more files than may be open at once, each with its bytes', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'many-files-'));
    try {
      await mkdir(path.join(root, 'notes'));
      for (let i = 0; i < 600; i++) await writeFile(path.join(root, 'notes', `n${String(i).padStart(3, '0')}.md`), `note ${i}`);
      const files = await readContentFolder(root);
      expect(files).toHaveLength(600);
      expect(new TextDecoder().decode(files[599].bytes)).toBe('note 599');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
