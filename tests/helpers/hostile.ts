/**
 * The hostile corpus: `tests/fixtures/hostile/` plus what is too big or too
 * binary to commit (a 5 MB note, a file that is not UTF-8), written into a
 * temporary copy at test time.
 */
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const HOSTILE_FIXTURE = 'tests/fixtures/hostile';

/** A note of at least 5 MB of ordinary prose and links. */
export function hugeNote(bytes = 5 * 1024 * 1024): string {
  const paragraph = 'Warm models erred more, as [[Cycle A]] argues, and the [[Cycle B|second note]] agrees. '.repeat(12) + '\n\n';
  return `---\ntitle: A five megabyte note\n---\n${paragraph.repeat(Math.ceil(bytes / paragraph.length))}`;
}

/** A note saved as Latin-1: valid until line 4, where `é` is the single byte 0xE9. */
export function latin1Note(): Uint8Array {
  const before = Buffer.from('---\ntitle: Saved in the wrong encoding\n---\n', 'utf8');
  const bad = Buffer.from('Caf\xe9 au lait.\n', 'latin1');
  return Buffer.concat([before, bad]);
}

/** Copies the fixture into `dir` (a fresh temporary folder by default) and adds the generated files. */
export async function hostileCorpus(folder?: string): Promise<string> {
  const dir = folder ?? (await mkdtemp(path.join(tmpdir(), 'hostile-')));
  await cp(HOSTILE_FIXTURE, dir, { recursive: true });
  await writeFile(path.join(dir, 'notes/huge.md'), hugeNote());
  await writeFile(path.join(dir, 'notes/latin1.md'), latin1Note());
  return dir;
}
