/**
 * Listing and reading a content folder: which files are Markdown, which are
 * attachments, which are the editor's own (left out), and which kind a file
 * is from its top folder.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { KIND_FOLDER, KINDS, type Kind } from './ids';
import { isAttachmentPath, isIgnoredPath, isMarkdownPath } from './vault';

export interface SourceFile {
  /** Path relative to the content folder, with `/` separators. */
  path: string;
  bytes: Uint8Array;
}

const FOLDER_KIND = new Map(KINDS.map((k) => [KIND_FOLDER[k], k] as const));

/** Which kind a file is, from its top folder, or undefined for files outside the kind folders. */
export function kindOfPath(relativePath: string): Kind | undefined {
  return FOLDER_KIND.get(relativePath.split('/')[0]);
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

/** Reads every Markdown file below `root` (or every file `which` accepts). */
export async function readContentFolder(root: string, which: (path: string) => boolean = isMarkdownPath): Promise<SourceFile[]> {
  const files = (await listContentFiles(root)).filter(which);
  return Promise.all(files.map(async (p) => ({ path: p, bytes: await readFile(path.join(root, p)) })));
}

/** The attachments below `root`: the files a page may show or link to, copied into the site as they are. */
export async function listAttachments(root: string): Promise<string[]> {
  return (await listContentFiles(root)).filter(isAttachmentPath);
}

