/**
 * An inquiry-line export: "INQUIRING LINE", the question, the description
 * (printed twice), the synthesis, "Sources N notes" as pairs of note title and
 * one-line summary, and "Next inquiring lines" with its (possibly empty) list.
 */
import { nonEmpty, type Line } from './read-export';
import { checkCount, parsedExport, parseList, proseBlocks, splitSections, unclassifiedBlocks, type Section } from './sections';
import { ExportError, type Block, type Contribution, type Diagnostic, type ParsedExport, type SourceRef } from './types';
import { contentWarning } from '../content/problems';

const RULES = [
  { name: 'sources' as const, re: /^Sources\s+(\d+)\s+notes?$/ },
  { name: 'next' as const, re: /^Next inquiring lines(?:\s+(\d+))?$/ },
];

/** A source title is a question; the summary after it is prose. */
const isSourceTitle = (text: string) => text.endsWith('?') && text.length <= 300;

export function parseLine(file: string, lines: Line[]): ParsedExport {
  const [, titleLine, descLine] = nonEmpty(lines);
  if (!titleLine || !descLine || RULES.some((r) => r.re.test(descLine.text.trim()))) {
    throw new ExportError('import/missing-part', file, (titleLine ?? lines[0]).no, 'an inquiry line needs its question and its description after "INQUIRING LINE"');
  }
  const title = titleLine.text.trim();
  const summary = descLine.text.trim();
  const { preamble, sections } = splitSections(
    lines.filter((l) => l.no > descLine.no),
    RULES,
  );
  const warnings: Diagnostic[] = [];
  const stray: Line[] = [];
  const sources: SourceRef[] = [];
  const next: string[] = [];
  for (const section of sections) {
    if (section.name === 'sources') sources.push(...readSources(file, section, stray, warnings));
    else {
      const list = parseList(section, { bullets: false });
      checkCount(file, section, list.items.length, warnings);
      next.push(...list.items);
    }
  }
  if (!sections.some((s) => s.name === 'sources')) {
    warnings.push(contentWarning('import/missing-part', file, 'no "Sources N notes" section: the line has no sources'));
  }

  const line: Contribution = {
    kind: 'line',
    title,
    files: [file],
    full: true,
    fields: { summary, sources, next },
    body: [...withoutRepeatedDescription(proseBlocks(preamble), summary), ...unclassifiedBlocks(stray)],
  };
  const stubs: Contribution[] = [
    ...sources.map(
      (s): Contribution => ({ kind: 'note', title: s.title, files: [file], full: false, fields: { summary: s.summary, lines: [title] } }),
    ),
    ...next.map((t): Contribution => ({ kind: 'line', title: t, files: [file], full: false, fields: {} })),
  ];
  return parsedExport(file, 'line', [line, ...stubs], stray, warnings);
}

function readSources(file: string, section: Section, stray: Line[], warnings: Diagnostic[]): SourceRef[] {
  const out: SourceRef[] = [];
  for (const line of nonEmpty(section.lines)) {
    const text = line.text.trim();
    const last = out[out.length - 1];
    if (isSourceTitle(text)) out.push({ title: text });
    else if (last && last.summary === undefined) last.summary = text;
    else stray.push(line);
  }
  checkCount(file, section, out.length, warnings);
  return out;
}

/** The synthesis repeats the description at its start: keep it once (in `summary`). */
function withoutRepeatedDescription(blocks: Block[], description: string): Block[] {
  const first = blocks[0];
  if (!first || first.type !== 'paragraph' || !first.text.startsWith(description)) return blocks;
  const rest = first.text.slice(description.length).trim();
  return rest ? [{ type: 'paragraph', text: rest }, ...blocks.slice(1)] : blocks.slice(1);
}
