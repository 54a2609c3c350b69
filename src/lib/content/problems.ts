/**
 * Problems found in the content are values, not exceptions: each names the
 * file, the line where known, the rule it breaks and what to do, so a build
 * can report every problem at once and still publish everything else. The
 * engine, the importer and `npm run check` all speak this one type.
 */
export type Severity = 'error' | 'warning';

/**
 * Stable ids of the rules a problem breaks, `<area>/<what>`. Tests and tools
 * match these; the wording of a message may change, a rule id may not.
 */
export const RULES = {
  'file/not-utf8': 'a file that is not valid UTF-8 is left out',
  'file/same-address': 'two files would publish at one address; the second gets a numbered one',
  'address/permalink': 'a permalink (or slug) that cannot be an address in its kind\'s folder, or that another file already has; the file keeps the address of its name',
  'address/redirect-collision': 'a redirect (redirect_from, or an alias) to an address a page or another redirect already has; the redirect is not written',
  'frontmatter/invalid-yaml': 'frontmatter that is not YAML leaves its file out',
  'frontmatter/unreadable': 'frontmatter that cannot be read at all leaves its file out',
  'frontmatter/unknown-field': 'a field the kind does not define',
  'frontmatter/invalid-field': 'a field of the wrong type, or missing',
  'title/duplicate': 'two items share a title; links by it go to the first',
  'title/duplicate-alias': 'an alias is already another item’s title or alias',
  'body/unrendered': 'a body the Markdown pipeline cannot take is shown as plain text',
  'link/ambiguous': 'a link names several files; it goes to the shortest path',
  'link/missing-attachment': 'a link names an attachment the content folder does not hold',
  'link/missing-heading': 'a link into a heading its target does not have',
  'link/missing-block': 'a link into a block its target does not mark',
  'math/invalid': 'TeX that KaTeX cannot typeset; the source is shown, marked as an error',
  'citation/unknown-key': 'a citation key no bibliography entry or paper answers to; the citation is shown as [@key?] and points to a stub paper',
  'bibliography/invalid-entry': 'a bibliography entry that cannot be read; the rest of its file is still read',
  'bibliography/unreadable': 'a bibliography file that cannot be read at all',
  'bibliography/invalid-field': 'a field of a bibliography entry that cannot be used as written; it is converted or left out',
  'bibliography/duplicate-key': 'a citation key used by two entries; the first is kept',
  'bibliography/undefined-macro': 'a BibTeX @string macro no bibliography file defines; its name is used as the text',
  'stance/conflict': 'a link whose declared stance and section disagree; the declared one is kept',
  'stance/no-link': 'a stance field that names no link',
  'stance/no-claim': 'stances declared by an item that has no claim',
  'claim/part-without-evidence': 'a declared part of a claim that no link argues; its grounding stays none',
  'claim/parts-merged': 'two parts of a claim that no word tells apart are read as one',
  'claim/unknown-part': 'a part:: field that names no part of the claim',
  'dataview/unsupported': 'a Dataview query or expression the site does not evaluate; its source is shown, labelled with the reason',
  'embed/cycle': 'an embed that would embed a note inside itself',
  'embed/too-deep': 'embeds nested deeper than the limit',
  'import/duplicate-name': 'two exports with one file name',
  'import/unreadable': 'an export that could not be parsed',
  'import/empty': 'an export with no text',
  'import/binary': 'an export that is not plain text',
  'import/not-utf8': 'an export that is not valid UTF-8',
  'import/unknown-layout': 'an export of no layout the importer knows',
  'import/unreadable-frontmatter': 'a file of the output folder whose frontmatter cannot be read',
  'import/duplicate-section': 'a section that appears twice in one export',
  'import/missing-part': 'an export that lacks a part the importer needs',
  'import/count-mismatch': 'a list that announces more or fewer items than follow',
  'import/conflict': 'two exports disagree about one field',
  'import/hand-written': 'a file written by hand that the importer leaves alone',
  'import/same-file-name': 'two items that would be written to one file',
  'import/invalid-field': 'a merged item whose frontmatter fails its schema',
  'import/truncated': 'an export that ends before its announced content',
} as const satisfies Record<string, string>;

export type Rule = keyof typeof RULES;

export interface Problem {
  rule: Rule;
  severity: Severity;
  /** Path of the file, relative to the content folder (or the export folder, for the importer). */
  file: string;
  /** 1-based line in the file, where known. */
  line?: number;
  /** The frontmatter field at fault, as a dotted path (`sources.2.title`). */
  field?: string;
  /** What is wrong and what to do about it. */
  message: string;
}

type Where = { line?: number; field?: string };

export const contentError = (rule: Rule, file: string, message: string, where: Where = {}): Problem => ({ rule, severity: 'error', file, ...where, message });

export const contentWarning = (rule: Rule, file: string, message: string, where: Where = {}): Problem => ({ rule, severity: 'warning', file, ...where, message });

/** `warning: notes/x.md:12: field "papers.2": expected text [frontmatter/invalid-field]` — the form editors and terminals link. */
export function formatProblem(p: Problem): string {
  const place = p.line ? `${p.file}:${p.line}` : p.file;
  const field = p.field ? ` field "${p.field}":` : '';
  return `${p.severity}: ${place}:${field} ${p.message} [${p.rule}]`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message));
}
