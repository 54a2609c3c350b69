import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileDates, gitHistory, itemDates } from '../../src/lib/corpus/dates';
import { corpusOf, idOf, md } from '../helpers/corpus';

const run = promisify(execFile);

describe('created and updated dates', () => {
  let repo: string;
  const commit = async (date: string, message: string) => {
    const env = { ...process.env, GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` };
    await run('git', ['-C', repo, 'add', '-A'], { env });
    await run('git', ['-C', repo, '-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-qm', message], { env });
  };

  beforeAll(async () => {
    repo = await mkdtemp(path.join(tmpdir(), 'dates-'));
    await run('git', ['-C', repo, 'init', '-q']);
    await mkdir(path.join(repo, 'vault/notes'), { recursive: true });
    await writeFile(path.join(repo, 'vault/notes/a.md'), md('title: A'));
    await writeFile(path.join(repo, 'vault/notes/b.md'), md('title: B'));
    await commit('2024-01-05', 'first');
    await writeFile(path.join(repo, 'vault/notes/a.md'), md('title: A', 'More.'));
    await commit('2024-03-09', 'second');
  });
  afterAll(() => rm(repo, { recursive: true, force: true }));

  it('come from the git history of the content folder, by path inside it', async () => {
    const history = await gitHistory(path.join(repo, 'vault'));
    expect(history.get('notes/a.md')).toEqual({ created: '2024-01-05', updated: '2024-03-09' });
    expect(history.get('notes/b.md')).toEqual({ created: '2024-01-05', updated: '2024-01-05' });
  });

  it('are nothing for a folder outside any repository', async () => {
    const bare = await mkdtemp(path.join(tmpdir(), 'no-git-'));
    try {
      expect((await gitHistory(bare)).size).toBe(0);
    } finally {
      await rm(bare, { recursive: true, force: true });
    }
  });

  it('frontmatter date and updated win over the history; without either there are none', async () => {
    const corpus = corpusOf({
      'notes/a.md': md('title: A\ndate: 2023-02-01\nupdated: 2024-06-30'),
      'notes/b.md': md('title: B'),
      'papers/p.md': md('title: P\ndate: 2025-07-29'),
    });
    const history = new Map([
      ['notes/a.md', { created: '2024-01-05', updated: '2024-03-09' }],
      ['papers/p.md', { created: '2025-08-01', updated: '2025-09-01' }],
    ]);
    expect(itemDates(corpus.documents.get(idOf('note', 'A')), history)).toEqual({ created: '2023-02-01', updated: '2024-06-30' });
    expect(itemDates(corpus.documents.get(idOf('note', 'B')), history)).toEqual({ created: undefined, updated: undefined });
    expect(itemDates(corpus.documents.get(idOf('paper', 'P')), history)).toEqual({ created: '2025-07-29', updated: '2025-09-01' });
    expect(itemDates(undefined, history)).toEqual({});
  });
});

describe("a file's dates for Dataview (file.ctime, file.mtime)", () => {
  it('come from the git history where it names the file, else from the file system, else there are none', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'file-dates-'));
    try {
      await writeFile(path.join(dir, 'Loose.md'), 'Not committed.');
      const dates = fileDates(dir, new Map([['Kept.md', { created: '2024-01-05', updated: '2024-03-01' }]]));
      expect(dates('Kept.md')).toEqual({ created: '2024-01-05', updated: '2024-03-01' });
      const loose = dates('Loose.md')!;
      expect(Math.abs(Date.parse(loose.updated) - Date.now())).toBeLessThan(60_000);
      expect(Date.parse(loose.created)).toBeLessThanOrEqual(Date.parse(loose.updated) + 1000);
      expect(dates('Missing.md')).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
