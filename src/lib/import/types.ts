/**
 * The shapes the importer passes between its stages: an export is read,
 * classified, parsed into contributions (what it says about each item it
 * names), the contributions are merged into nodes, and the nodes are written.
 */
import type { Kind } from '../content/ids';
import type { Problem, Rule } from '../content/problems';

/** What went wrong or was noticed, always tied to a file and, when known, a line: the engine's one problem type. */
export type Diagnostic = Problem;

/** A block of a Markdown body before mentions are linked. */
export type Block = { type: 'heading'; text: string } | { type: 'paragraph'; text: string };

/** Text an export holds that the importer could not give a meaning to. */
export interface Unclassified {
  file: string;
  line: number;
  text: string;
}

/** A source of an inquiry line: a note title and the line's one-line summary of it. */
export interface SourceRef {
  title: string;
  summary?: string;
}

/** Frontmatter fields other than title, stub and imported_from, as one loose bag. */
export type Fields = Record<string, unknown>;

/**
 * What one export says about one item. A full contribution is the export of
 * the item itself; a stub contribution is what a list in another export
 * tells about an item it only names.
 */
export interface Contribution {
  kind: Kind;
  title: string;
  /** Export file names (basenames) this knowledge came from. */
  files: string[];
  full: boolean;
  /** True when read back from the output folder rather than from an export of this run. */
  existing?: boolean;
  fields: Fields;
  /** Fields used only when no other contribution gives them. */
  fallback?: Fields;
  /** Body blocks (from an export) or a finished Markdown body (read back from disk). */
  body?: Block[] | string;
}

/** The kinds of export file the importer recognises. */
export type ExportKind = 'note' | 'paper-summary' | 'paper-fulltext' | 'line';

/** The result of parsing one export file. */
export interface ParsedExport {
  file: string;
  exportKind: ExportKind;
  /** The item the export is about, first, then stubs for the items its lists name. */
  contributions: Contribution[];
  unclassified: Unclassified[];
  warnings: Diagnostic[];
}

/** Thrown by the parsers for a problem that stops one file from importing. */
export class ExportError extends Error {
  constructor(
    readonly rule: Rule,
    readonly file: string,
    readonly line: number | undefined,
    message: string,
  ) {
    super(message);
  }
}
