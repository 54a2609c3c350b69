/**
 * A note export: question title, one-line description, prose with section
 * headings, then the inquiry lines that use the note, the related papers and
 * the original note title (the note's claim).
 */
import { NOTE_MARKERS } from './detect-kind';
import { nonEmpty, type Line } from './read-export';
import { checkCount, parsedExport, parseList, proseBlocks, splitSections, unclassifiedBlocks } from './sections';
import { ExportError, type Contribution, type Diagnostic, type ParsedExport } from './types';
import { contentWarning } from '../content/problems';

const RULES = [
  { name: 'lines' as const, re: NOTE_MARKERS.lines },
  { name: 'papers' as const, re: NOTE_MARKERS.papers },
  { name: 'claim' as const, re: NOTE_MARKERS.claim },
];

export function parseNote(file: string, lines: Line[]): ParsedExport {
  const [titleLine, summaryLine] = nonEmpty(lines);
  if (!summaryLine || RULES.some((r) => r.re.test(summaryLine.text.trim()))) {
    throw new ExportError('import/missing-part', file, titleLine.no + 1, 'a note needs its one-line description ("Explores whether …") on the line after the title');
  }
  const title = titleLine.text.trim();
  const rest = lines.filter((l) => l.no > summaryLine.no);
  const { preamble, sections } = splitSections(rest, RULES);
  const warnings: Diagnostic[] = [];
  const stray: Line[] = [];
  const lists = { lines: [] as string[], papers: [] as string[] };
  let claim: string | undefined;
  const seen = new Set<string>();

  for (const section of sections) {
    if (seen.has(section.name)) {
      warnings.push(contentWarning('import/duplicate-section', file, `section "${section.heading.text.trim()}" appears twice; both were read`, { line: section.heading.no }));
    }
    seen.add(section.name);
    if (section.name === 'claim') {
      const [first, ...more] = nonEmpty(section.lines);
      claim ??= first?.text.trim();
      stray.push(...more);
      if (!first) warnings.push(contentWarning('import/missing-part', file, '"Original note title" has no title after it', { line: section.heading.no }));
      continue;
    }
    const list = parseList(section, { bullets: true, explanation: () => true });
    checkCount(file, section, list.items.length, warnings);
    lists[section.name].push(...list.items);
    stray.push(...list.stray);
  }

  const note: Contribution = {
    kind: 'note',
    title,
    files: [file],
    full: true,
    fields: { summary: summaryLine.text.trim(), claim, papers: lists.papers, lines: lists.lines },
    body: [...proseBlocks(preamble), ...unclassifiedBlocks(stray)],
  };
  const stubs: Contribution[] = [
    ...lists.lines.map((t): Contribution => ({ kind: 'line', title: t, files: [file], full: false, fields: { sources: [{ title }] } })),
    ...lists.papers.map((t): Contribution => ({ kind: 'paper', title: t, files: [file], full: false, fields: {} })),
  ];
  return parsedExport(file, 'note', [note, ...stubs], stray, warnings);
}
