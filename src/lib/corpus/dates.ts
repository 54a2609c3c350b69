/**
 * When each item was created and last updated: its frontmatter (`date`,
 * `updated`) when it says, else the git history of the content folder when
 * that folder is in a repository, else nothing. One `git log` reads the
 * dates of every file at once.
 */
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Document } from '../content/document';

const run = promisify(execFile);

/** Dates as `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` when frontmatter says no more). */
export interface ItemDates {
  created?: string;
  updated?: string;
}

/** First and last commit dates of each file, by path relative to the content folder. */
export type FileHistory = Map<string, { created: string; updated: string }>;

/**
 * Reads the history of every file below `root`, following the folder's own
 * repository. A folder outside any repository (or without git) has none.
 * A shallow clone knows only its last commits: deploys should fetch the whole history.
 */
export async function gitHistory(root: string): Promise<FileHistory> {
  const history: FileHistory = new Map();
  let out: string;
  try {
    ({ stdout: out } = await run('git', ['-C', root, 'log', '--format=%x00%cI', '--name-only', '--no-renames', '--relative', '--', '.'], { maxBuffer: 512 * 1024 * 1024 }));
  } catch {
    return history;
  }
  // Newest commit first: the first date seen for a file is its last update, the last one its creation.
  for (const entry of out.split('\0')) {
    const [dateLine, ...files] = entry.split('\n');
    const date = dateLine.trim().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
    for (const file of files) {
      if (!file.trim()) continue;
      const seen = history.get(file);
      if (seen) seen.created = date;
      else history.set(file, { created: date, updated: date });
    }
  }
  return history;
}

/**
 * An item's dates. A paper's `date` is when it was published, which is when
 * it was created as far as the collection is concerned; a note's or a
 * line's is when it was written.
 */
export function itemDates(doc: Document | undefined, history: FileHistory): ItemDates {
  if (!doc) return {};
  const data = doc.data as { date?: string; updated?: string };
  const fromGit = history.get(doc.file);
  const created = data.date ?? fromGit?.created;
  let updated = data.updated ?? fromGit?.updated;
  // A publication date after the file's last commit is the later of the two facts.
  if (created && updated && updated < created) updated = created;
  return { created, updated };
}

/** When a file was created and last changed, by its path in the content folder; undefined when nothing says. */
export type FileDates = (file: string) => { created: string; updated: string } | undefined;

/**
 * A file's dates from the git history where it has one, else from the file system (creation, else change
 * time, and modification time), read only for the files asked about.
 */
export function fileDates(root: string, history: FileHistory): FileDates {
  return (file) => {
    const known = history.get(file);
    if (known) return known;
    try {
      const stat = statSync(path.join(root, file));
      const created = stat.birthtimeMs > 0 ? stat.birthtime : stat.ctime;
      return { created: created.toISOString(), updated: stat.mtime.toISOString() };
    } catch {
      return undefined;
    }
  };
}
