/**
 * Reads one content file: splits the frontmatter from the body, validates
 * the frontmatter against its kind's schema, and reports a bad field with the
 * file, the line and the field.
 */
import matter from 'gray-matter';
import { LineCounter, parseDocument as parseYamlDocument, isMap, isNode, isScalar, type Node as YamlNode } from 'yaml';
import type { ZodIssue } from 'zod';
import { contentError, type Problem } from './problems';
import { SCHEMAS, vaultNoteSchema, type DataOf } from './schema';
import { nodeId, type Kind, type NodeId, type Slug } from './ids';
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
  /** A plain vault note outside the kind folders, found by its file name as Obsidian finds it. */
  vault?: boolean;
}

export type ParseResult<K extends Kind> = { ok: true; doc: Document<K> } | { ok: false; problems: Problem[] };

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

/**
 * Parses and validates one file of a known kind. With `vault`, the file is a
 * note outside the kind folders: lenient frontmatter, and a title taken from
 * the first `# heading` or else the file name when the frontmatter has none.
 */
export function parseDocument<K extends Kind>(kind: K, slug: Slug, file: string, raw: string, options: { vault?: { fileTitle: string } } = {}): ParseResult<K> {
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

  const frontmatterLines = source.slice(0, source.length - parsed.content.length).split('\n').length - 1;
  const hasFrontmatter = frontmatterLines > 0;
  const result = (options.vault ? vaultNoteSchema : SCHEMAS[kind]).safeParse(parsed.data ?? {});
  if (!result.success) {
    const matterStart = source.indexOf(parsed.matter);
    const linesBefore = matterStart < 0 ? 1 : source.slice(0, matterStart).split('\n').length - 1;
    const locate = hasFrontmatter ? fieldLocator(parsed.matter, linesBefore) : () => undefined;
    const problems = result.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => contentError('frontmatter/unknown-field', file, describeIssue({ ...issue, keys: [key] }, kind), { line: locate([key]) ?? 1, field: key }))
        : [contentError('frontmatter/invalid-field', file, describeIssue(issue, kind), { line: locate(issue.path) ?? 1, field: issue.path.join('.') || undefined })],
    );
    return { ok: false, problems };
  }
  const data = result.data as DataOf<K>;
  let body = parsed.content;
  if (options.vault && !data.title) ({ title: data.title, body } = vaultTitle(body, options.vault.fileTitle));
  return {
    ok: true,
    doc: {
      id: nodeId(kind, slug),
      kind,
      slug,
      file,
      data,
      body,
      bodyLine: frontmatterLines + 1,
      ...(options.vault ? { vault: true } : {}),
    },
  };
}

/**
 * The title of a vault note without one in its frontmatter: its first
 * `# heading`, else its file name. A heading that opens the body becomes the
 * page's title and leaves the body (its line blanked, so line numbers hold).
 */
function vaultTitle(body: string, fileTitle: string): { title: string; body: string } {
  const heading = firstHeading(body);
  if (!heading) return { title: fileTitle, body };
  const lines = body.split('\n');
  if (lines.slice(0, heading.line).every((l) => !l.trim())) lines[heading.line] = '';
  return { title: heading.text, body: lines.join('\n') };
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
