/**
 * Listing and reading a content folder: which files are Markdown, which are
 * attachments, which are the editor's own (left out), and which kind a file
 * is from its top folder.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { kindOfFolder, type Kind } from './ids';
import { isIgnoredPath, isMarkdownPath, isOtherFilePath, SETTINGS_FILES } from './vault';

export interface SourceFile {
  /** Path relative to the content folder, with `/` separators. */
  path: string;
  bytes: Uint8Array;
}

/** Which kind a file is, from its top folder, or undefined for files outside the kind folders. */
export function kindOfPath(relativePath: string): Kind | undefined {
  return kindOfFolder(relativePath.split('/')[0]);
}

/** Paths of every file below `root`, relative, sorted, leaving out dot-folders (`.obsidian`, `.trash`, `.git`). */
export async function listContentFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
    .filter((p) => !isIgnoredPath(p))
    .sort();
}

/**
 * Files opened at once. Opening all of a large vault's files at once fails with EMFILE, past the system's
 * limit of open files; a few hundred at a time read as fast.
 */
export const OPEN_FILES_AT_ONCE = 256;

/** `fn` over `items`, at most `limit` running at once; results in the order of `items`. */
export async function mapBounded<T, R>(items: readonly T[], fn: (item: T) => Promise<R>, limit = OPEN_FILES_AT_ONCE): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Reads every Markdown file below `root` (or every file `which` accepts). */
export async function readContentFolder(root: string, which: (path: string) => boolean = isMarkdownPath): Promise<SourceFile[]> {
  const files = (await listContentFiles(root)).filter(which);
  return mapBounded(files, async (p) => ({ path: p, bytes: await readFile(path.join(root, p)) }));
}

/**
 * The attachments below `root`: every file that is not Markdown, whatever its extension, which a page may
 * show or link to. Only those a published page links to are copied into the site.
 */
export async function listAttachments(root: string): Promise<string[]> {
  return (await listContentFiles(root)).filter(isOtherFilePath);
}

/** The vault's settings files that exist (`.obsidian/templates.json`, `dendron.yml`…), read as they are named in `SETTINGS_FILES`. */
export async function readSettingsFiles(root: string): Promise<SourceFile[]> {
  const found = await mapBounded(SETTINGS_FILES, async (name): Promise<SourceFile | undefined> => {
    const bytes = await readFile(path.join(root, name)).catch(() => undefined);
    return bytes ? { path: name, bytes } : undefined;
  });
  return found.filter((f): f is SourceFile => f !== undefined);
}

