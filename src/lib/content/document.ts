/**
 * Reads one content file: splits the frontmatter from the body, validates
 * the frontmatter against its kind's schema, and reports a bad field with the
 * file, the line and the field.
 */
import matter from 'gray-matter';
import { LineCounter, parseDocument as parseYamlDocument, isMap, isNode, isScalar, type Node as YamlNode } from 'yaml';
import type { ZodIssue } from 'zod';
import { contentError, contentWarning, type Problem } from './problems';
import type { Dialect } from './dialect';
import { SCHEMAS, vaultNoteSchema, type DataOf } from './schema';
import { nodeId, titleKey, type Kind, type NodeId, type Slug } from './ids';
import { firstHeading } from './vault';

export interface Document<K extends Kind = Kind> {
  id: NodeId;
  kind: K;
  slug: Slug;
  /** Path relative to the content folder, for messages. */
  file: string;
  data: DataOf<K>;
  /** Markdown after the frontmatter. */
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
  /** A note of an Obsidian-style vault (or a Dendron vault), found by its file name as Obsidian finds it. */
  vault?: boolean;
  /** How the file was read; research when absent. */
  dialect?: Dialect;
  /** A vault note's frontmatter fields that no other part of the page shows, in the order written. */
  properties?: [string, PropertyValue][];
}

/** A document, with the warnings reading it gave (a vault field left out), or the problems that refused it. */
export type ParseResult<K extends Kind> = { ok: true; doc: Document<K>; problems?: Problem[] } | { ok: false; problems: Problem[] };

/** Decodes bytes as UTF-8, refusing (with the line) rather than inventing U+FFFD characters. */
export function decodeUtf8(bytes: Uint8Array, file: string): { ok: true; text: string } | { ok: false; problem: Problem } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8Offset(bytes);
    const line = bytes.subarray(0, bad).reduce((n, b) => (b === 0x0a ? n + 1 : n), 1);
    return {
      ok: false,
      problem: contentError('file/not-utf8', file, `bytes at offset ${bad} are not valid UTF-8; save the file as UTF-8`, { line }),
    };
  }
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // The longest valid prefix, by bisection; a multi-byte character may straddle `mid`, so allow 3 bytes of slack.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid));
      lo = mid;
    } catch {
      let ok = false;
      for (let k = 1; k <= 3 && mid + k <= bytes.length; k++) {
        try {
          decoder.decode(bytes.subarray(0, mid + k));
          ok = true;
          break;
        } catch {
          /* keep looking */
        }
      }
      if (ok) lo = mid;
      else hi = mid - 1;
    }
  }
  return lo;
}

interface YamlException {
  name: 'YAMLException';
  reason: string;
  mark?: { line: number };
}
const isYamlException = (e: unknown): e is YamlException => (e as { name?: string })?.name === 'YAMLException';

/** A file's frontmatter and body, split but not yet validated. */
export interface Frontmatter {
  data: Record<string, unknown>;
  /** The YAML between the `---` lines, as written. */
  matter: string;
  body: string;
  /** Lines the frontmatter takes (0 without one). */
  lines: number;
  /** Lines of the file before the YAML starts. */
  linesBefore: number;
}

/** Splits a file into frontmatter and body; YAML that cannot be read is a problem naming its line. */
export function readFrontmatter(file: string, raw: string): { ok: true; front: Frontmatter } | { ok: false; problems: Problem[] } {
  const source = raw.replace(/^\uFEFF/, '');
  let parsed: matter.GrayMatterFile<string>;
  try {
    // An options object turns off gray-matter's cache, which would hand back shared data objects.
    parsed = matter(source, {});
  } catch (e) {
    if (isYamlException(e)) {
      const line = e.mark ? e.mark.line + 1 : undefined;
      return { ok: false, problems: [contentError('frontmatter/invalid-yaml', file, `the frontmatter is not valid YAML (${e.reason}); fix the YAML between the --- lines`, { line })] };
    }
    return { ok: false, problems: [contentError('frontmatter/unreadable', file, `the frontmatter could not be read: ${(e as Error).message}`, { line: 1 })] };
  }
  const lines = source.slice(0, source.length - parsed.content.length).split('\n').length - 1;
  const data = parsed.data && typeof parsed.data === 'object' && !Array.isArray(parsed.data) ? (parsed.data as Record<string, unknown>) : {};
  const matterStart = source.indexOf(parsed.matter);
  const linesBefore = matterStart < 0 ? 1 : source.slice(0, matterStart).split('\n').length - 1;
  return { ok: true, front: { data, matter: parsed.matter, body: parsed.content, lines, linesBefore } };
}

export interface ParseOptions {
  /** How the file is read (research by default); a vault file needs its file name, which titles it when the frontmatter does not. */
  dialect?: Dialect;
  /** The file's name without `.md`: a vault note's title when its frontmatter has none. */
  fileTitle?: string;
}

/**
 * Parses and validates one file of a known kind. In the research dialect its
 * frontmatter must fit the kind's schema or the file is refused; in a vault
 * (or Dendron vault) no frontmatter drops a note: a field that cannot be read
 * is left out with a warning, and the title is the frontmatter's, else the
 * file name.
 */
export function parseDocument<K extends Kind>(kind: K, slug: Slug, file: string, raw: string, options: ParseOptions = {}): ParseResult<K> {
  const read = readFrontmatter(file, raw);
  if (!read.ok) return read;
  return validateDocument(kind, slug, file, read.front, options);
}

/** Validates frontmatter already read (see `parseDocument`). */
export function validateDocument<K extends Kind>(kind: K, slug: Slug, file: string, front: Frontmatter, options: ParseOptions = {}): ParseResult<K> {
  const dialect = options.dialect ?? 'research';
  const locate = front.lines > 0 ? fieldLocator(front.matter, front.linesBefore) : () => undefined;
  if (dialect !== 'research') return validateVaultNote(kind, slug, file, front, dialect, options.fileTitle ?? slug, locate);
  const result = SCHEMAS[kind].safeParse(front.data);
  if (!result.success) {
    const problems = result.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => contentError('frontmatter/unknown-field', file, describeIssue({ ...issue, keys: [key] }, kind), { line: locate([key]) ?? 1, field: key }))
        : [contentError('frontmatter/invalid-field', file, describeIssue(issue, kind), { line: locate(issue.path) ?? 1, field: issue.path.join('.') || undefined })],
    );
    return { ok: false, problems };
  }
  return { ok: true, doc: { id: nodeId(kind, slug), kind, slug, file, data: result.data as DataOf<K>, body: front.body, bodyLine: front.lines + 1 } };
}

/** Does this frontmatter fit a kind's research schema: a title, and no field the kind does not define? */
export const fitsResearchSchema = (kind: Kind, data: Record<string, unknown>): boolean => data.title !== undefined && SCHEMAS[kind].safeParse(data).success;

/**
 * A vault note: every field the note schema knows is read where it can be,
 * the rest are its properties, shown as Obsidian shows them. A field of the
 * wrong type is left out with a warning; the note is always kept.
 */
function validateVaultNote<K extends Kind>(kind: K, slug: Slug, file: string, front: Frontmatter, dialect: Dialect, fileTitle: string, locate: (path: (string | number)[]) => number | undefined): ParseResult<K> {
  const problems: Problem[] = [];
  const input = vaultFields(front.data, dialect);
  let result = vaultNoteSchema.safeParse(input);
  // Each failing field is left out in turn; the schema has no required field, so this ends.
  for (let tries = 0; !result.success && tries < 50; tries++) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (!(key in input)) continue;
      problems.push(contentWarning('frontmatter/invalid-field', file, `${describeIssue(issue, kind)}; the field is left out of the page`, { line: locate(issue.path) ?? 1, field: issue.path.join('.') || key }));
      delete input[key];
    }
    result = vaultNoteSchema.safeParse(input);
  }
  const data = (result.success ? result.data : {}) as DataOf<K>;
  let body = front.body;
  if (!data.title) {
    data.title = fileTitle;
  }
  body = withoutRepeatedTitle(body, data.title);
  const properties = vaultProperties(front.data, dialect);
  return {
    ok: true,
    problems,
    doc: { id: nodeId(kind, slug), kind, slug, file, data, body, bodyLine: front.lines + 1, vault: true, dialect, ...(properties.length ? { properties } : {}) },
  };
}

/** Keys a vault page shows elsewhere than in its properties table. */
const SHOWN_ELSEWHERE = new Set(['title', 'aliases', 'alias', 'tags', 'tag', 'publish', 'draft', 'cssclasses', 'cssclass']);
/** Dendron's bookkeeping: read (desc, created, updated) or internal (id), never shown as properties. */
const DENDRON_FIELDS = new Set(['id', 'desc', 'created', 'updated']);

/**
 * The frontmatter a vault note's schema reads: Obsidian's and Dendron's
 * names mapped onto ours (`alias`, `tag`, `desc`, `created`), dates in epoch
 * milliseconds turned into ISO dates.
 */
function vaultFields(data: Record<string, unknown>, dialect: Dialect): Record<string, unknown> {
  const known = new Set(Object.keys(vaultNoteSchema.shape));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) if (known.has(key)) out[key] = value;
  out.aliases ??= data.alias;
  out.tags ??= data.tag;
  if (dialect === 'dendron' && typeof data.desc === 'string' && data.desc.trim()) out.summary ??= data.desc;
  out.date ??= data.created;
  for (const key of ['date', 'updated']) out[key] = looseDate(epochDate(out[key]));
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}

/** `1702350500700` (epoch milliseconds, as Dendron writes) → `2023-12-12`; anything else as it was. */
export function epochDate(value: unknown): unknown {
  if (typeof value === 'number' && Number.isFinite(value) && value > 1e11 && value < 1e14) return new Date(value).toISOString().slice(0, 10);
  return value;
}

/** A date with a time (`2024-01-01T10:00`, or a Date YAML read with one) is read as its day. */
function looseDate(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}[T ]/.test(value.trim())) return value.trim().slice(0, 10);
  return value;
}

/** A frontmatter value as a property table shows it. */
export type PropertyValue = string | number | boolean | PropertyValue[];

/** The properties a vault note shows in its table: every key not read elsewhere, in the order written. */
function vaultProperties(data: Record<string, unknown>, dialect: Dialect): [string, PropertyValue][] {
  const known = new Set(Object.keys(vaultNoteSchema.shape));
  const out: [string, PropertyValue][] = [];
  for (const [key, value] of Object.entries(data)) {
    if (known.has(key) || SHOWN_ELSEWHERE.has(key) || (dialect === 'dendron' && DENDRON_FIELDS.has(key))) continue;
    const shown = propertyValue(key === 'created' ? epochDate(value) : value);
    if (shown !== undefined) out.push([key, shown]);
  }
  return out;
}

function propertyValue(value: unknown, depth = 0): PropertyValue | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, value.getUTCHours() || value.getUTCMinutes() ? 16 : 10).replace('T', ' ');
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (Array.isArray(value)) {
    const items = value.map((v) => propertyValue(v, depth + 1)).filter((v): v is PropertyValue => v !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value === 'object' && depth < 3) {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${String(propertyValue(v, depth + 1) ?? '')}`)
      .join(', ');
  }
  return String(value);
}

/**
 * A vault page shows its title as its heading, so an opening `# heading`
 * that says the same is not repeated (its line is blanked, so line numbers
 * hold). A first heading that says something else stays in the body.
 */
function withoutRepeatedTitle(body: string, title: string): string {
  const heading = firstHeading(body);
  if (!heading || titleKey(heading.text) !== titleKey(title)) return body;
  // A heading that links (`# Discrete-time [[Markov Chain]]s`) keeps its link in the body.
  if (/\[\[|\]\(/.test(body.split('\n')[heading.line])) return body;
  const lines = body.split('\n');
  if (!lines.slice(0, heading.line).every((l) => !l.trim())) return body;
  lines[heading.line] = '';
  return lines.join('\n');
}

function describeIssue(issue: ZodIssue, kind: Kind): string {
  const field = issue.path.join('.');
  if (issue.code === 'invalid_type' && issue.received === 'undefined') {
    return `a ${kind} needs "${field}"; add a line \`${field}: …\` to the frontmatter`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')} for a ${kind}; check the spelling (see the content format in the README)`;
  }
  if (issue.code === 'invalid_type') {
    return `expected ${describeType(issue.expected)}, found ${describeType(issue.received)}`;
  }
  if (issue.code === 'invalid_union') return `expected text or a list of text`;
  return issue.message;
}

const describeType = (t: string) =>
  ({ string: 'text', number: 'a number', array: 'a list', object: 'a mapping', boolean: 'true or false', date: 'a date', null: 'nothing' })[t] ?? t;

/** Maps a field path to the 1-based line of the file where that field's value stands. */
function fieldLocator(yamlSource: string, linesBefore: number) {
  const counter = new LineCounter();
  const doc = parseYamlDocument(yamlSource, { lineCounter: counter });
  return (path: (string | number)[]): number | undefined => {
    for (let depth = path.length; depth > 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return counter.linePos(node.range[0]).line + linesBefore;
      const key = keyNode(doc.getIn(path.slice(0, depth - 1), true) ?? doc.contents, path[depth - 1]);
      if (key?.range) return counter.linePos(key.range[0]).line + linesBefore;
    }
    return undefined;
  };
}

/** The key node of `key` in a YAML mapping, so a field whose value is empty still has a line. */
function keyNode(parent: unknown, key: string | number): YamlNode | undefined {
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
  return pair && isNode(pair.key) ? pair.key : undefined;
}
