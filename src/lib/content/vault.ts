/**
 * What it takes to read an Obsidian-style vault as it stands: plain Markdown
 * in nested folders, linked by file name, with attachments beside the notes.
 * Every rule here is a pure function of paths and text; the corpus layer applies them,
 * and the Markdown layer reads the syntax (tags, block ids) itself.
 */
import path from 'node:path';
import type { Dialect } from './dialect';
import { isSafeSlug, slugify, titleKey, type Slug, type TitleKey } from './ids';

/** Files copied into the site and linkable with `[[file.ext]]` or `![[file.ext]]`. */
export const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg', 'bmp', 'ico']);
const OTHER_ATTACHMENT_EXTENSIONS = new Set(['pdf', 'mp3', 'wav', 'ogg', 'm4a', 'flac', 'mp4', 'webm', 'mov', 'csv', 'txt', 'json', 'zip']);

const extensionOf = (file: string) => path.posix.extname(file).slice(1).toLowerCase();

export const isMarkdownPath = (file: string) => extensionOf(file) === 'md';
export const isImagePath = (file: string) => IMAGE_EXTENSIONS.has(extensionOf(file));
/** A file of a type a link names as an attachment even when the vault lacks it (so the link warns as a missing attachment). */
export const isAttachmentPath = (file: string) => isImagePath(file) || OTHER_ATTACHMENT_EXTENSIONS.has(extensionOf(file));
/** Any file that is not Markdown is an attachment when it exists, whatever its extension (`afl-compiler-rt.o.c`). */
export const isOtherFilePath = (file: string) => !isMarkdownPath(file);
/** An Excalidraw drawing (`Drawing.excalidraw.md`, or the plugin's older `.excalidraw`): embedded as a picture, never a note. */
export const isDrawingPath = (file: string) => /\.excalidraw(\.md)?$/i.test(file);
/** A JSON Canvas file: not read yet, listed by `npm run check`. */
export const isCanvasPath = (file: string) => extensionOf(file) === 'canvas';

/** What a vault's own settings say about reading it. */
export interface VaultSettings {
  /** Folders of templates (Obsidian's core Templates plugin, Templater), relative to the content folder: never published. */
  templateFolders?: string[];
  /** The content folder is a Dendron vault (a `dendron.yml` beside or above it). */
  dendron?: boolean;
  /** `CONTENT_DIALECT`: one dialect for every folder instead of the evidence. */
  dialect?: Dialect;
}

/** The settings files a vault may hold, relative to its folder (the editor's dot-folder is otherwise never read). */
export const SETTINGS_FILES = ['.obsidian/templates.json', '.obsidian/plugins/templater-obsidian/data.json', 'dendron.yml', '../dendron.yml'] as const;

/** Reads the settings files found among `files` (as `SETTINGS_FILES` names them); a file that is not JSON is ignored. */
export function vaultSettings(files: readonly { path: string; bytes: Uint8Array }[]): VaultSettings {
  const text = (name: string) => {
    const file = files.find((f) => f.path === name);
    return file ? new TextDecoder().decode(file.bytes) : undefined;
  };
  const json = (name: string): Record<string, unknown> => {
    try {
      const value = JSON.parse(text(name) ?? '{}');
      return value && typeof value === 'object' ? value : {};
    } catch {
      return {};
    }
  };
  const folders = [json('.obsidian/templates.json').folder, json('.obsidian/plugins/templater-obsidian/data.json').templates_folder]
    .filter((f): f is string => typeof f === 'string' && f.trim() !== '')
    .map((f) => f.trim().replace(/^\/+|\/+$/g, ''));
  const settings: VaultSettings = {};
  if (folders.length) settings.templateFolders = [...new Set(folders)];
  if (text('dendron.yml') !== undefined || text('../dendron.yml') !== undefined) settings.dendron = true;
  return settings;
}

/**
 * Folders a vault keeps for its editor, not for readers: `.obsidian`, `.trash`,
 * `.git` and any other dot-folder or dot-file, and `node_modules`.
 */
export function isIgnoredPath(relativePath: string): boolean {
  return relativePath.split('/').some((part) => part.startsWith('.') || part === 'node_modules');
}

/** Where an attachment is published: its vault path under `/attachments/`, each segment URL-encoded. */
export function attachmentUrl(relativePath: string): string {
  return `/attachments/${relativePath.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * The slug of a note outside the kind folders: its folders and file name,
 * each slugified, so `Projects/Deep Work/Plan.md` is `projects/deep-work/plan`.
 */
export function vaultSlug(relativePath: string): Slug {
  const parts = relativePath.replace(/\.md$/i, '').split('/');
  return parts.map((part) => (isSafeSlug(part) ? part.toLowerCase() : slugify(part))).join('/') as Slug;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * The first level-1 ATX heading of a body, outside code fences, as plain text,
 * with its 0-based line. Cheaper than a full parse, which a vault of thousands
 * of files would pay twice.
 */
export function firstHeading(body: string): { text: string; line: number } | undefined {
  const lines = body.split('\n');
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const marker = FENCE.exec(line)?.[1];
    if (marker) {
      if (!fence) fence = marker[0];
      else if (marker[0] === fence) fence = undefined;
      continue;
    }
    if (fence) continue;
    const heading = /^\s{0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (heading) {
      const text = heading[1]
        .replace(/\[\[([^\]|]*\|)?([^\]]*)\]\]/g, '$2')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/[*_`~]/g, '')
        .trim();
      if (text) return { text, line: i };
    }
  }
  return undefined;
}

/**
 * Files found by name the way Obsidian finds them: `[[Name]]` by file name
 * wherever it sits (in any case), `[[folder/Name]]` by the end of its path,
 * `[[./Name]]` and `[[../Name]]` from the linking file's folder. When a name
 * is shared, the file in the linking file's folder wins, then the shortest
 * path, then the alphabetically first, and the caller is told which others
 * there were.
 */
export class PathIndex<T> {
  private readonly byName = new Map<TitleKey, { path: string; value: T }[]>();

  constructor(entries: Iterable<{ path: string; value: T }>, private readonly stripExtension: boolean) {
    for (const entry of entries) {
      const key = titleKey(this.nameOf(entry.path));
      const list = this.byName.get(key) ?? [];
      list.push(entry);
      this.byName.set(key, list);
    }
    for (const list of this.byName.values()) list.sort((a, b) => a.path.length - b.path.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  private nameOf(file: string): string {
    const base = path.posix.basename(file);
    return this.stripExtension ? base.replace(/\.md$/i, '') : base;
  }

  /** The file a link target names from the file `from` (when known), and the other files it could have meant. */
  find(target: string, from?: string): { path: string; value: T; others: string[] } | undefined {
    let wanted = target.trim();
    if (from && /^\.\.?\//.test(wanted)) wanted = path.posix.normalize(path.posix.join(path.posix.dirname(from), wanted));
    wanted = wanted.replace(/^(\.\.?\/)+|^\/+/, '');
    if (this.stripExtension) wanted = wanted.replace(/\.md$/i, '');
    if (!wanted) return undefined;
    const slash = wanted.lastIndexOf('/');
    const list = this.byName.get(titleKey(wanted.slice(slash + 1)));
    if (!list) return undefined;
    const folder = slash < 0 ? undefined : titleKey(wanted.slice(0, slash));
    const matches = folder === undefined ? list : list.filter((entry) => this.folderMatches(entry.path, folder));
    if (matches.length === 0) return undefined;
    if (from && matches.length > 1) {
      const here = path.posix.dirname(from);
      const near = matches.filter((m) => path.posix.dirname(m.path) === here);
      // The file beside the linking one is what Obsidian opens: no ambiguity to warn about.
      if (near.length === 1) return { ...near[0], others: [] };
    }
    return { ...matches[0], others: matches.slice(1).map((m) => m.path) };
  }

  /** `a/b` names the file in folder `a/b`, or in any folder whose path ends with `/a/b`. */
  private folderMatches(file: string, folder: TitleKey): boolean {
    const dir = titleKey(path.posix.dirname(file));
    return dir === folder || dir.endsWith(`/${folder}`);
  }
}
