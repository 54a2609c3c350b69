/**
 * Recognises which kind of export a file is from its layout alone.
 */
import { nonEmpty, type Line } from './read-export';
import { isHeadingLine } from './sections';
import { ExportError, type ExportKind } from './types';

export const NOTE_MARKERS = {
  lines: /^Inquiring lines that use this note as a source(?:\s+(\d+))?$/,
  papers: /^Related papers in this collection(?:\s+(\d+))?$/,
  claim: /^Original note title$/,
};

/** Lines that only a paper-summary export has. */
const PAPER_SUMMARY_MARKERS = [/^📅/u, /^📈\s*Citations/u, /^🤖\s*AI Summary/u, /^📝\s*Abstract/u, /^🔎\s*Similar Papers/u, /^📄\s*PDF/u];

export const LINE_MARKER = /^INQUIRING LINE$/;

const wordCount = (s: string) => s.trim().split(/\s+/).length;

export function detectKind(file: string, lines: Line[]): ExportKind {
  const body = nonEmpty(lines);
  const first = body[0];
  const texts = body.map((l) => l.text.trim());
  if (LINE_MARKER.test(first.text.trim())) return 'line';
  if (texts.some((t) => Object.values(NOTE_MARKERS).some((re) => re.test(t)))) return 'note';
  if (texts.filter((t) => PAPER_SUMMARY_MARKERS.some((re) => re.test(t))).length >= 2) return 'paper-summary';
  const second = body[1];
  if (second && first.text.trim().endsWith('?') && /^Explores\b/.test(second.text.trim())) return 'note';
  if (second && isTitleLine(first.text) && wordCount(second.text) >= 15 && !isHeadingLine(second.text)) return 'paper-fulltext';
  throw new ExportError(
    'import/unknown-layout',
    file,
    first.no,
    'unknown layout: expected a note (question title, then "Explores whether …"), a paper summary (📅, 📈 Citations, 🤖 AI Summary …), ' +
      'a paper full text (title line, then the abstract paragraph) or an inquiry line (starting "INQUIRING LINE")',
  );
}

/** A title: one line, not a paragraph, not ending like a clause. */
function isTitleLine(text: string): boolean {
  const t = text.trim();
  return t.length <= 300 && wordCount(t) <= 40 && !/[.,;:]$/.test(t);
}
