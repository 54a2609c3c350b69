/**
 * What a query can read of each note: its page, made once per build from
 * what the corpus already knows. A page holds
 * - the frontmatter (the schema's fields and a vault note's other properties);
 * - inline fields (`key:: value`), several of one key making a list;
 * - the research model's own fields: `kind`, `claim`, `status`, `grounding`,
 *   and `supports` / `challenges` / `qualifies` (the items it links to with that stance);
 * - `file`: name, folder, path, ext, link, tags (with their parents), etags,
 *   aliases, inlinks, outlinks, ctime, mtime, cday, mday, day (a date in the
 *   file name, else the `date` field) and tasks (`text`, `completed`, `line`,
 *   `outlinks`).
 *
 * Text that reads as a date (`2024-05-01`) is a date, `[[Note]]` a link,
 * `3 days` in an inline field a duration: queries compare them as such.
 */
import type { Document } from '../../content/document';
import type { NodeId } from '../../content/ids';
import { STANCES } from '../../content/stance';
import type { Graph } from '../../graph/graph';
import type { RenderedBody } from '../../markdown';
import type { FileDates } from '../dates';
import { DvObject, Link, parseDate, parseDuration, Task, type Value } from './values';

/** A note as queries see it. */
export interface Page {
  id: NodeId;
  doc: Document;
  fields: DvObject;
  /** The note's tags and every parent of each (`a/b` gives `a/b` and `a`), without `#`: what `FROM #tag` matches. */
  tags: Set<string>;
  /** The notes that link to it, and that it links to (query links aside). */
  inlinks: NodeId[];
  outlinks: NodeId[];
}

/** What pages are made from. */
export interface PageSources {
  documents: Map<NodeId, Document>;
  bodies: Map<NodeId, RenderedBody>;
  graph: Graph;
  /** When each file was created and last changed (dates.ts); a file without dates has no ctime or mtime. */
  fileDates?: FileDates;
  /** Turns `[[target]]`, written in `from`, into a link. */
  link: (target: string, from: Document) => Link;
}

export function makePages(sources: PageSources): Map<NodeId, Page> {
  const pages = new Map<NodeId, Page>();
  for (const doc of sources.documents.values()) pages.set(doc.id, makePage(doc, sources));
  return pages;
}

const linkOf = (graph: Graph, id: NodeId) => new Link(graph.nodes.get(id)?.title ?? id, id);

function makePage(doc: Document, sources: PageSources): Page {
  const { graph } = sources;
  const node = graph.nodes.get(doc.id);
  const body = sources.bodies.get(doc.id);
  const read = (raw: unknown) => frontmatterValue(raw, (target) => sources.link(target, doc));
  const fields = new DvObject();
  for (const [key, raw] of Object.entries(doc.data as Record<string, unknown>)) {
    // The schema's stance lists are read from the graph below, as links.
    if ((STANCES as readonly string[]).includes(key)) continue;
    const value = read(raw);
    if (value !== null && !(Array.isArray(value) && value.length === 0)) fields.set(key, value);
  }
  for (const [key, raw] of doc.properties ?? []) fields.set(key, read(raw));
  const inline = new Map<string, Value[]>();
  for (const field of body?.inlineFields ?? []) {
    const list = inline.get(field.key) ?? [];
    list.push(inlineValue(field.value, (target) => sources.link(target, doc)));
    inline.set(field.key, list);
  }
  for (const [key, values] of inline) fields.set(key, values.length === 1 ? values[0] : values);

  fields.set('kind', doc.kind);
  if (node?.status) fields.set('status', node.status);
  if (node?.grounding) fields.set('grounding', node.grounding);
  const outgoing = graph.outgoing.get(doc.id) ?? [];
  for (const stance of STANCES) {
    const linked = outgoing.filter((e) => e.stance === stance).map((e) => linkOf(graph, e.target));
    if (linked.length) fields.set(stance, linked);
  }

  const tags = node?.tags ?? (doc.data as { tags?: string[] }).tags ?? [];
  const expanded = new Set<string>();
  for (const tag of tags) {
    const parts = tag.split('/');
    for (let i = 1; i <= parts.length; i++) expanded.add(parts.slice(0, i).join('/'));
  }
  const inlinks = unique((graph.incoming.get(doc.id) ?? []).map((e) => e.source));
  const outlinks = unique(outgoing.map((e) => e.target));
  const self = new Link(node?.title ?? doc.data.title, doc.id);
  const dates = sources.fileDates?.(doc.file);
  const ctime = dates ? parseDate(dates.created) : undefined;
  const mtime = dates ? parseDate(dates.updated) : undefined;
  const name = doc.file.split('/').pop()!.replace(/\.md$/i, '');
  const dayInName = /\d{4}-\d{2}-\d{2}/.exec(name)?.[0];
  const day = (dayInName && parseDate(dayInName)) ?? (typeof (doc.data as { date?: string }).date === 'string' ? parseDate((doc.data as { date: string }).date) : undefined);
  const tasks = (body?.tasks ?? []).map((task) => {
    const links = (task.links ?? []).map((l) => ({ ...l, link: sources.link(l.target, doc) }));
    const pieces: Task['pieces'] = [];
    let at = 0;
    for (const l of links) {
      pieces.push(task.text.slice(at, l.start), { link: l.link, label: task.text.slice(l.start, l.end) });
      at = l.end;
    }
    pieces.push(task.text.slice(at));
    return new Task(
      [
        ['text', task.text],
        ['completed', task.completed],
        ['checked', task.completed],
        ['status', task.completed ? 'x' : ' '],
        ['line', task.line],
        ['path', doc.file],
        ['link', self],
        ['outlinks', links.map((l) => l.link)],
      ],
      pieces.filter((p) => p !== ''),
    );
  });
  const file = new DvObject([
    ['name', name],
    ['folder', doc.file.includes('/') ? doc.file.slice(0, doc.file.lastIndexOf('/')) : ''],
    ['path', doc.file],
    ['ext', doc.file.split('.').pop() ?? ''],
    ['link', self],
    ['tags', [...expanded].map((t) => `#${t}`)],
    ['etags', tags.map((t) => `#${t}`)],
    ['aliases', doc.data.aliases ?? []],
    ['inlinks', inlinks.map((id) => linkOf(graph, id))],
    ['outlinks', outlinks.map((id) => linkOf(graph, id))],
    ['ctime', ctime ?? null],
    ['mtime', mtime ?? null],
    ['cday', ctime ?? null],
    ['mday', mtime ?? null],
    ['day', day ?? null],
    ['tasks', tasks],
  ]);
  fields.set('file', file);
  return { id: doc.id, doc, fields, tags: expanded, inlinks, outlinks };
}

const unique = <T>(list: T[]) => [...new Set(list)];

/** A frontmatter value: `"[[Note]]"` a link, ISO text a date, lists element by element. */
function frontmatterValue(raw: unknown, link: (target: string) => Link): Value {
  if (raw === null || raw === undefined) return null;
  if (Array.isArray(raw)) return raw.map((v) => frontmatterValue(v, link));
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'string') {
    const only = /^\s*\[\[([^\]]+)\]\]\s*$/.exec(raw);
    if (only) return link(targetOf(only[1]));
    return parseDate(raw) ?? parseDuration(raw) ?? raw;
  }
  return String(raw);
}

/** An inline field's value: its links (one a link, several a list), else a number, true/false, a date, a duration, or the text. */
export function inlineValue(text: string, link: (target: string) => Link): Value {
  const links = [...text.matchAll(/\[\[([^\]]+)\]\]/g)];
  if (links.length === 1 && links[0][0] === text.trim()) return link(targetOf(links[0][1]));
  if (links.length > 1 && !text.replace(/\[\[[^\]]+\]\]/g, '').replace(/[,\s]/g, '')) return links.map((m) => link(targetOf(m[1])));
  const trimmed = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === 'true';
  return parseDate(trimmed) ?? parseDuration(trimmed) ?? trimmed;
}

const targetOf = (inner: string) => inner.split('|')[0].split('#')[0].trim();
