/**
 * Stage: every Markdown file parsed into a document, in the dialect its folder
 * is read in (content/dialect.ts). A file that fails is reported and left out;
 * Obsidian templates, Excalidraw drawings and canvases are set aside with a
 * note, never published as notes.
 */
import path from 'node:path';
import { decodeUtf8, fitsResearchSchema, readFrontmatter, validateDocument, type Document, type Frontmatter } from '../content/document';
import { kindOfPath, type SourceFile } from '../content/files';
import { decideDialects, topFolder, type Dialect, type FolderDialect } from '../content/dialect';
import { isSafeSlug, KIND_FOLDER, nodeId, slugify, type Kind, type NodeId, type Slug } from '../content/ids';
import { contentWarning, type Problem } from '../content/problems';
import { isDrawingPath, vaultSlug, type VaultSettings } from '../content/vault';

export interface ParsedFiles {
  documents: Map<NodeId, Document>;
  /** The dialect each top folder was read in, and why. */
  dialects: FolderDialect[];
  /** Files left out on purpose: templates and drawings, with the reason. */
  setAside: { file: string; reason: string }[];
  /** Excalidraw drawings: shown where a note embeds them, their words searchable under their names. */
  drawings: Drawing[];
}

/** An Excalidraw drawing of the vault. */
export interface Drawing {
  file: string;
  /** Its file name without `.excalidraw.md`. */
  title: string;
  /** The words of its text elements, one element a line. */
  text: string;
}

interface ReadFile {
  file: SourceFile;
  front: Frontmatter;
}

export function parseAll(files: SourceFile[], problems: Problem[], settings: VaultSettings = {}): ParsedFiles {
  const setAside: { file: string; reason: string }[] = [];
  const drawings: Drawing[] = [];
  const read: ReadFile[] = [];
  for (const file of files) {
    const template = settings.templateFolders?.find((folder) => file.path.startsWith(`${folder}/`));
    if (template) {
      setAside.push({ file: file.path, reason: `a template (in ${template}/, the templates folder of the vault's settings)` });
      continue;
    }
    const decoded = decodeUtf8(file.bytes, file.path);
    if (!decoded.ok) {
      problems.push(decoded.problem);
      continue;
    }
    const front = readFrontmatter(file.path, decoded.text);
    if (!front.ok) {
      problems.push(...front.problems);
      continue;
    }
    if (isDrawingPath(file.path) || front.front.data['excalidraw-plugin'] !== undefined) {
      setAside.push({ file: file.path, reason: 'an Excalidraw drawing (shown where a note embeds it)' });
      if (front.front.data.publish !== false && front.front.data.draft !== true) drawings.push({ file: file.path, title: path.posix.basename(file.path).replace(/(\.excalidraw)?\.md$/i, ''), text: drawingText(front.front.body) });
      continue;
    }
    if (isTemplaterTemplate(front.front)) {
      setAside.push({ file: file.path, reason: 'a Templater template (its frontmatter runs <% … %> commands)' });
      continue;
    }
    read.push({ file, front: front.front });
  }

  const dialects = decideDialects(
    read.map((r) => ({ path: r.file.path, data: r.front.data })),
    fitsResearchSchema,
    { setting: settings.dialect, dendronVault: settings.dendron },
  );
  const documents = new Map<NodeId, Document>();
  for (const { file, front } of read) {
    const dialect = dialects.get(topFolder(file.path))!.dialect;
    const kind: Kind = (dialect === 'research' && kindOfPath(file.path)) || 'note';
    const stem = path.posix.basename(file.path, path.posix.extname(file.path));
    let slug = fixedSlug(file.path, kind, front.data, documents, problems) ?? slugOf(file.path, dialect, stem);
    if (documents.has(nodeId(kind, slug))) {
      const base = slug;
      const holder = documents.get(nodeId(kind, base))!.file;
      for (let n = 2; documents.has(nodeId(kind, slug)); n++) slug = `${base}-${n}` as Slug;
      problems.push(contentWarning('file/same-address', file.path, `${holder} already has the address /${KIND_FOLDER[kind]}/${base}/; this one is published at /${KIND_FOLDER[kind]}/${slug}/; rename one of them`));
    }
    const result = validateDocument(kind, slug, file.path, front, { dialect, fileTitle: stem });
    if (result.problems) problems.push(...result.problems);
    if (result.ok) documents.set(result.doc.id, result.doc);
  }
  return { documents, dialects: [...dialects.values()].sort((a, b) => a.folder.localeCompare(b.folder)), setAside, drawings };
}

/**
 * The slug a file's `permalink` (or `slug`) fixes: a path in its kind's folder (`warmth-trap`, `lab/warmth`, or
 * `/notes/lab/warmth/` written in full), each segment made safe as a slug is. Undefined where none is given,
 * or where the address cannot be used (outside the kind's folder, or another file's): then a problem says so.
 */
function fixedSlug(file: string, kind: Kind, data: Record<string, unknown>, documents: Map<NodeId, Document>, problems: Problem[]): Slug | undefined {
  const field = data.permalink !== undefined ? 'permalink' : data.slug !== undefined ? 'slug' : undefined;
  if (!field) return undefined;
  const raw = String(data[field] ?? '').trim();
  const folder = KIND_FOLDER[kind];
  let segments = raw.split('/').filter((s) => s && s !== '.');
  const absolute = raw.startsWith('/');
  if (absolute && segments[0] === folder) segments = segments.slice(1);
  const refuse = (why: string) => {
    problems.push(contentWarning('address/permalink', file, `${field} "${raw}" ${why}; the file keeps the address of its name`, { field }));
    return undefined;
  };
  if (absolute && raw.split('/').filter(Boolean)[0] !== folder) return refuse(`is outside /${folder}/, the folder of its kind; write ${field}: /${folder}/${segments.at(-1) ?? 'name'}/ or a name alone`);
  if (segments.length === 0 || segments.includes('..')) return refuse(`names no page; write a name such as ${field}: ${slugify(String(data.title ?? 'my-note'))}`);
  const slug = segments.map((s) => slugify(s)).join('/') as Slug;
  const holder = documents.get(nodeId(kind, slug));
  if (holder) return refuse(`is the address of ${holder.file} already; give one of them another`);
  return slug;
}

/**
 * A research file's slug is its file name; a vault note's keeps its folders
 * (`Projects/Plan.md` is `projects/plan`), except the `notes/` folder, whose
 * notes are at `/notes/` already.
 */
function slugOf(file: string, dialect: Dialect, stem: string): Slug {
  if (dialect === 'research') return (isSafeSlug(stem) ? stem : slugify(stem)) as Slug;
  return vaultSlug(topFolder(file) === KIND_FOLDER.note ? file.slice(file.indexOf('/') + 1) : file);
}

/**
 * The words of a drawing: the lines of its `## Text Elements` section (where the Excalidraw plugin keeps
 * each text element, ending with its ` ^id`), never the drawing's JSON.
 */
function drawingText(body: string): string {
  const start = /^#{1,6}\s+Text Elements\s*$/m.exec(body);
  if (!start) return '';
  const rest = body.slice(start.index + start[0].length);
  const end = /^(#{1,6}\s|%%)/m.exec(rest);
  return (end ? rest.slice(0, end.index) : rest)
    .split('\n')
    .map((line) => line.replace(/\s*\^[\w-]+\s*$/, '').trim())
    .filter(Boolean)
    .join('\n');
}

/** Templater's commands in frontmatter (`date: <% tp.date.now() %>`) mark a template, not a note. */
const isTemplaterTemplate = (front: Frontmatter) => /<%[\s\S]*?%>/.test(front.matter);
