/**
 * Which dialect a file is read in. The research format (`notes/`, `papers/`,
 * `lines/` with their schemas, linked by title and alias) and an Obsidian
 * vault (linked by file name and path, any frontmatter) read the same
 * Markdown differently, so each folder is read in one of them, decided by
 * evidence a person can check:
 *
 * - a kind folder whose files mostly fit its kind's schema (a `title` and no
 *   field the kind does not define) is read in the research dialect;
 * - a folder whose files mostly carry Dendron's frontmatter (an `id` and
 *   `created` or `updated` in epoch milliseconds), or any folder of a content
 *   folder holding `dendron.yml`, is a Dendron vault;
 * - everything else is a vault, read as Obsidian reads it;
 * - the option `dialect` (`CONTENT_DIALECT`: `research`, `vault` or `dendron`) overrides the evidence
 *   for every folder.
 */
import { kindOfFolder, type Kind } from './ids';

export type Dialect = 'research' | 'vault' | 'dendron';
export const DIALECTS: readonly Dialect[] = ['research', 'vault', 'dendron'];

/** The dialect a folder was read in, and why, as `npm run check` says it. */
export interface FolderDialect {
  /** The top folder (`notes`), or `''` for the files at the top of the content folder. */
  folder: string;
  dialect: Dialect;
  /** Markdown files in the folder. */
  files: number;
  reason: string;
}

/** What the decision needs to know of one file: its path and its frontmatter, as parsed. */
export interface FrontmatterSample {
  path: string;
  data: Record<string, unknown>;
}

/** The top folder of a path (`notes` of `notes/a/b.md`), or `''` for a file at the top. */
export const topFolder = (file: string): string => (file.includes('/') ? file.slice(0, file.indexOf('/')) : '');

const isEpochMs = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v > 1e11 && v < 1e14;

/** Dendron writes `id`, `title`, `desc`, `updated` and `created` (epoch milliseconds) into every note. */
export const hasDendronFrontmatter = (data: Record<string, unknown>): boolean =>
  data.id !== undefined && (isEpochMs(data.updated) || isEpochMs(data.created));

/**
 * Decides each top folder's dialect from its files' frontmatter. `fits(kind, data)`
 * says whether one file's frontmatter fits a kind's research schema; `dendronVault`
 * is true when the content folder holds Dendron's settings.
 */
export function decideDialects(
  samples: readonly FrontmatterSample[],
  fits: (kind: Kind, data: Record<string, unknown>) => boolean,
  options: { setting?: Dialect; dendronVault?: boolean } = {},
): Map<string, FolderDialect> {
  const groups = new Map<string, FrontmatterSample[]>();
  for (const sample of samples) {
    const folder = topFolder(sample.path);
    const list = groups.get(folder) ?? [];
    list.push(sample);
    groups.set(folder, list);
  }
  const out = new Map<string, FolderDialect>();
  for (const [folder, files] of groups) out.set(folder, { folder, files: files.length, ...decideOne(folder, files, fits, options) });
  return out;
}

function decideOne(
  folder: string,
  files: FrontmatterSample[],
  fits: (kind: Kind, data: Record<string, unknown>) => boolean,
  options: { setting?: Dialect; dendronVault?: boolean },
): { dialect: Dialect; reason: string } {
  const kind = kindOfFolder(folder);
  if (options.setting) {
    // A research dialect needs a kind folder; files elsewhere stay a vault.
    const dialect = options.setting === 'research' && !kind ? 'vault' : options.setting;
    return { dialect, reason: `the option dialect (CONTENT_DIALECT) is ${options.setting}` };
  }
  const dendron = files.filter((f) => hasDendronFrontmatter(f.data)).length;
  if (options.dendronVault) return { dialect: 'dendron', reason: 'the content folder holds dendron.yml' };
  if (dendron * 2 > files.length) return { dialect: 'dendron', reason: `${dendron} of ${files.length} files have Dendron's frontmatter (id, created/updated in epoch milliseconds)` };
  if (!kind) return { dialect: 'vault', reason: folder ? 'not a research kind folder' : 'files at the top of the content folder' };
  const fitting = files.filter((f) => fits(kind, f.data)).length;
  if (fitting * 2 >= files.length) return { dialect: 'research', reason: `${fitting} of ${files.length} files fit the ${kind} schema` };
  return { dialect: 'vault', reason: `only ${fitting} of ${files.length} files fit the ${kind} schema (a title and only the ${kind}'s fields)` };
}

