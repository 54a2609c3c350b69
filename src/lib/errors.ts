/**
 * Problems found in the content are values, not exceptions: each names the
 * file, the line where known, and says what to do, so a build can report
 * every problem at once and still publish everything else.
 */
export type Severity = 'error' | 'warning';

export interface ContentProblem {
  severity: Severity;
  /** Path of the file, relative to the content folder. */
  file: string;
  /** 1-based line in the file, where known. */
  line?: number;
  /** The frontmatter field at fault, as a dotted path (`sources.2.title`). */
  field?: string;
  /** What is wrong and what to do about it. */
  message: string;
}

export const contentError = (file: string, message: string, where: { line?: number; field?: string } = {}): ContentProblem => ({
  severity: 'error',
  file,
  ...where,
  message,
});

export const contentWarning = (file: string, message: string, where: { line?: number; field?: string } = {}): ContentProblem => ({
  severity: 'warning',
  file,
  ...where,
  message,
});

/** `notes/x.md:12: field "papers.2": expected text` — the form editors and terminals link. */
export function formatProblem(p: ContentProblem): string {
  const place = p.line ? `${p.file}:${p.line}` : p.file;
  const field = p.field ? ` field "${p.field}":` : '';
  return `${p.severity}: ${place}:${field} ${p.message}`;
}

export function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message));
}
