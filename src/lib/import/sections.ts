/**
 * Layout pieces every export format shares: splitting an export at its
 * section-heading lines, reading a list under a heading (with the count the
 * heading promises), and turning prose lines into heading and paragraph blocks.
 */
import type { Line } from './read-export';
import { ExportError, type Block, type Contribution, type Diagnostic, type ExportKind, type ParsedExport } from './types';
import { contentWarning } from '../content/problems';

export interface SectionRule<N extends string = string> {
  name: N;
  /** Matches the heading line; an optional first group is the item count it announces. */
  re: RegExp;
}

export interface Section<N extends string = string> {
  name: N;
  heading: Line;
  count?: number;
  lines: Line[];
}

/** Splits lines at headings matching the rules; what comes before the first heading is the preamble. */
export function splitSections<N extends string>(lines: Line[], rules: SectionRule<N>[]) {
  const preamble: Line[] = [];
  const sections: Section<N>[] = [];
  for (const line of lines) {
    const trimmed = line.text.trim();
    const rule = rules.find((r) => r.re.test(trimmed));
    if (rule) {
      const m = rule.re.exec(trimmed)!;
      sections.push({ name: rule.name, heading: line, count: m[1] ? Number(m[1]) : undefined, lines: [] });
    } else if (sections.length) {
      sections[sections.length - 1].lines.push(line);
    } else {
      preamble.push(line);
    }
  }
  return { preamble, sections };
}

const BULLET = /^[-*•]\s+/;

export interface ListOptions {
  /** Does the list open with one explanatory sentence (kept out of the items)? */
  explanation?: (text: string) => boolean;
  /** Must items carry a bullet ("- ")? If not, every other non-empty line is an item. */
  bullets: boolean;
}

export interface ParsedList {
  explanation?: string;
  items: string[];
  /** Lines that are neither the explanation nor an item. */
  stray: Line[];
}

/** Reads the list under a heading. */
export function parseList(section: Section, options: ListOptions): ParsedList {
  const lines = section.lines.filter((l) => l.text.trim() !== '');
  const out: ParsedList = { items: [], stray: [] };
  lines.forEach((line, i) => {
    const text = line.text.trim();
    if (i === 0 && !BULLET.test(text) && options.explanation?.(text)) {
      out.explanation = text;
    } else if (BULLET.test(text)) {
      out.items.push(text.replace(BULLET, '').trim());
    } else if (!options.bullets) {
      out.items.push(text);
    } else {
      out.stray.push(line);
    }
  });
  return out;
}

/**
 * A heading that announces N items must be followed by N items. Fewer means
 * the export was cut off: an error, since importing half a list would
 * silently lose links. More is only worth a warning.
 */
export function checkCount(file: string, section: Section, found: number, warnings: Diagnostic[]) {
  if (section.count === undefined) return;
  const label = section.heading.text.trim();
  if (found < section.count) {
    throw new ExportError(
      'import/truncated',
      file,
      section.heading.no,
      `truncated list: "${label}" announces ${section.count} items but only ${found} follow; export the item again in full`,
    );
  }
  if (found > section.count) {
    warnings.push(contentWarning('import/count-mismatch', file, `"${label}" announces ${section.count} items but ${found} follow; all were kept`, { line: section.heading.no }));
  }
}

/**
 * A section heading inside prose: a short line that does not end like a
 * sentence ("The Hook", "Warm models show systematic reliability degradation").
 */
export function isHeadingLine(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 100 || BULLET.test(t)) return false;
  if (/[.!?:;,…"”’)]$/.test(t)) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(t)) return false;
  return t.split(/\s+/).length <= 12;
}

/** Prose lines to blocks: each non-empty line is a paragraph unless it reads as a heading. */
export function proseBlocks(lines: Line[]): Block[] {
  return lines
    .map((l) => l.text.trim())
    .filter((t) => t !== '')
    .map((text): Block => (isHeadingLine(text) ? { type: 'heading', text } : { type: 'paragraph', text }));
}

/** Unclassified lines as blocks kept at the end of a body, under their own heading. */
export function unclassifiedBlocks(lines: Line[]): Block[] {
  if (!lines.length) return [];
  return [{ type: 'heading', text: 'Unclassified export text' }, ...lines.map((l): Block => ({ type: 'paragraph', text: l.text.trim() }))];
}

/** The parsed export, with each unclassified line listed for the report. */
export function parsedExport(
  file: string,
  exportKind: ExportKind,
  contributions: Contribution[],
  stray: Line[],
  warnings: Diagnostic[],
): ParsedExport {
  const unclassified = stray.map((l) => ({ file, line: l.no, text: l.text.trim() }));
  return { file, exportKind, contributions, unclassified, warnings };
}
