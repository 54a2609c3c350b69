/**
 * Paper exports, in two layouts: the summary card (📅 date, 📈 citations,
 * 🤖 AI summary, categories, 📝 abstract, problem, innovation, 🔎 similar
 * papers) and the full text (title, abstract paragraph, sections).
 */
import { nonEmpty, type Line } from './read-export';
import { checkCount, parsedExport, parseList, proseBlocks, splitSections, unclassifiedBlocks, type Section } from './sections';
import type { Contribution, Diagnostic, Fields, ParsedExport } from './types';
import { contentWarning } from '../content/problems';

const RULES = [
  { name: 'summary' as const, re: /^🤖\s*AI Summary$/u },
  { name: 'technology_category' as const, re: /^Technology Category(?:\s+(\d+))?$/ },
  { name: 'application_category' as const, re: /^Application Category(?:\s+(\d+))?$/ },
  { name: 'abstract' as const, re: /^📝\s*Abstract$/u },
  { name: 'problem' as const, re: /^Problem(?:\s+(\d+))?$/ },
  { name: 'innovation' as const, re: /^Innovation(?:\s+(\d+))?$/ },
  { name: 'similar' as const, re: /^🔎\s*Similar Papers(?:\s+(\d+))?$/u },
];
type SectionName = (typeof RULES)[number]['name'];

/** One-line fields: the value sits on the marker line itself. */
const LINE_FIELDS: { re: RegExp; set: (m: RegExpExecArray, f: Fields) => void }[] = [
  { re: /^📅\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)$/u, set: (m, f) => (f.date = m[1]) },
  { re: /^📈\s*Citations:\s*(\d+)$/u, set: (m, f) => (f.citations = Number(m[1])) },
  { re: /^Influential:\s*(\d+)$/, set: (m, f) => (f.influential = Number(m[1])) },
  { re: /^📄\s*PDF$/u, set: (_m, f) => (f.has_pdf = true) },
  { re: /^(?:DOI:?\s*|https?:\/\/(?:dx\.)?doi\.org\/)(10\.\S+)$/i, set: (m, f) => (f.doi = m[1]) },
  { re: /^(?:🔗\s*)?(https?:\/\/\S+)$/u, set: (m, f) => (f.url = m[1]) },
  { re: /^(?:👥|👤|Authors?:)\s*(.+)$/u, set: (m, f) => (f.authors = m[1].split(/\s*[,;]\s*/).filter(Boolean)) },
  { re: /^(?:🏛️?|Venue:)\s*(.+)$/u, set: (m, f) => (f.venue = m[1].trim()) },
];

/** The sentence a list section opens with ("Research questions and friction points …"). */
const EXPLANATION = /^(Research questions and friction points|Methods, ideas, or system contributions)\b|\b(this paper|the work)\b.*\.$/i;
const NO_SIMILAR = /^No similar papers found\.?$/i;

export function parsePaperSummary(file: string, lines: Line[]): ParsedExport {
  const [titleLine] = nonEmpty(lines);
  const title = titleLine.text.trim();
  const fields: Fields = {};
  const warnings: Diagnostic[] = [];
  const stray: Line[] = [];
  const remaining = lines.filter((l) => l.no > titleLine.no && !readLineField(l, fields));
  const { preamble, sections } = splitSections(remaining, RULES);
  stray.push(...nonEmpty(preamble));

  for (const section of sections) {
    if (fields[section.name] !== undefined) {
      warnings.push(contentWarning('import/duplicate-section', file, `"${section.heading.text.trim()}" appears twice; the first was kept`, { line: section.heading.no }));
      stray.push(...nonEmpty(section.lines));
      continue;
    }
    readSection(file, section, fields, stray, warnings);
  }
  for (const name of ['problem', 'innovation', 'technology_category', 'application_category', 'similar'] as const) fields[name] ??= [];

  const paper: Contribution = { kind: 'paper', title, files: [file], full: true, fields, body: unclassifiedBlocks(stray) };
  const stubs = (fields.similar as string[]).map((t): Contribution => ({ kind: 'paper', title: t, files: [file], full: false, fields: {} }));
  return parsedExport(file, 'paper-summary', [paper, ...stubs], stray, warnings);
}

function readLineField(line: Line, fields: Fields): boolean {
  const text = line.text.trim();
  for (const { re, set } of LINE_FIELDS) {
    const m = re.exec(text);
    if (m) {
      set(m, fields);
      return true;
    }
  }
  return false;
}

function readSection(file: string, section: Section<SectionName>, fields: Fields, stray: Line[], warnings: Diagnostic[]) {
  const content = nonEmpty(section.lines);
  if (section.name === 'summary' || section.name === 'abstract') {
    if (content.length) fields[section.name] = content.map((l) => l.text.trim()).join('\n\n');
    return;
  }
  if (section.name === 'similar' && content.length === 1 && NO_SIMILAR.test(content[0].text.trim())) {
    checkCount(file, section, 0, warnings);
    fields.similar = [];
    return;
  }
  const list = parseList(section, { bullets: false, explanation: (t) => EXPLANATION.test(t) });
  checkCount(file, section, list.items.length, warnings);
  fields[section.name] = list.items;
  stray.push(...list.stray);
}

/** A full-text export: title, the abstract paragraph, then sections and paragraphs. */
export function parsePaperFullText(file: string, lines: Line[]): ParsedExport {
  const [titleLine, abstractLine] = nonEmpty(lines);
  const rest = lines.filter((l) => l.no > abstractLine.no);
  const abstract = abstractLine.text.trim();
  const paper: Contribution = {
    kind: 'paper',
    title: titleLine.text.trim(),
    files: [file],
    full: true,
    fields: {},
    fallback: { abstract },
    body: [{ type: 'paragraph', text: abstract }, ...proseBlocks(rest)],
  };
  return parsedExport(file, 'paper-fulltext', [paper], [], []);
}
