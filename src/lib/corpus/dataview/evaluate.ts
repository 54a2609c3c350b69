/**
 * Runs a parsed query over the pages (fields.ts): the source picks notes,
 * then each data command runs in the order written, over rows. A row is a
 * note's page, a task (for TASK), a flattened copy of either, or a group
 * (`key` and `rows`). Expressions are evaluated against a row, with `this`
 * the querying note. A value the language cannot compute (adding a link to
 * a number) is an `EvaluationError`, which the block reports as it reports
 * syntax the site does not read.
 */
import type { NodeId } from '../../content/ids';
import type { Page } from './fields';
import type { Command, Expr, Query, Source } from './query-tree';
import { asText, compare, Duration, DvObject, equal, fieldKey, Link, namedDate, parseDate, parseDuration, truthy, type Value } from './values';

export class EvaluationError extends Error {}

/** What a query is evaluated against: every page, the querying note's, the build's date, and how `[[links]]` in the query resolve. */
export interface QueryContext {
  pages: Map<NodeId, Page>;
  /** Pages ordered by file path, and by tag (each tag and its parents), made once for all the queries of a build. */
  index: PageIndex;
  current: Page;
  now: Date;
  link: (target: string) => Link;
}

export interface PageIndex {
  ordered: Page[];
  byTag: Map<string, Page[]>;
  /** The pages below each folder (and its subfolders), by the folder's path. */
  byFolder: Map<string, Page[]>;
}

export function indexPages(pages: Map<NodeId, Page>): PageIndex {
  const ordered = [...pages.values()].sort((a, b) => (a.doc.file < b.doc.file ? -1 : a.doc.file > b.doc.file ? 1 : 0));
  const byTag = new Map<string, Page[]>();
  const byFolder = new Map<string, Page[]>();
  const add = (map: Map<string, Page[]>, key: string, page: Page) => {
    const list = map.get(key);
    if (list) list.push(page);
    else map.set(key, [page]);
  };
  for (const page of ordered) {
    for (const tag of page.tags) add(byTag, tag.toLowerCase(), page);
    const folders = page.doc.file.split('/').slice(0, -1);
    for (let i = 1; i <= folders.length; i++) add(byFolder, folders.slice(0, i).join('/'), page);
  }
  return { ordered, byTag, byFolder };
}

/** A row of a result: its values (one per column), under the note it came from or the group key it stands for. */
export interface ResultRow {
  /** The note (or, grouped, the key) the row names first, unless `WITHOUT ID`. */
  id: Value;
  values: Value[];
  /** A grouped LIST's rows: the notes in the group. */
  members?: Value[];
}

export type QueryResult =
  /** `headers` are the columns' own; a first column names the note (or, `grouped`, the group) unless `withoutId`. */
  | { view: 'list' | 'table'; headers: string[]; rows: ResultRow[]; withoutId: boolean; grouped: boolean }
  /** Tasks by the note (or group key) they belong to. */
  | { view: 'task'; groups: { id: Value; tasks: DvObject[] }[] };

interface Row {
  data: DvObject;
  page?: Page;
}

export function runQuery(query: Query, ctx: QueryContext): QueryResult {
  const pages = selectSource(query.source, ctx);
  let rows: Row[] =
    query.view === 'task'
      ? pages.flatMap((page) => (page.fields.get('file') as DvObject).get('tasks') as DvObject[]).map((task) => ({ data: task }))
      : pages.map((page) => ({ data: page.fields, page }));
  let grouped = false;
  for (const command of query.commands) {
    rows = runCommand(command, rows, ctx);
    if (command.type === 'group') grouped = true;
  }
  if (query.view === 'task') return { view: 'task', groups: taskGroups(rows, grouped) };
  return {
    view: query.view,
    withoutId: query.withoutId,
    grouped,
    headers: query.columns.map((c) => c.header),
    rows: rows.map((row) => {
      const values = query.columns.map((c) => evaluate(c.expr, row.data, ctx));
      const id = grouped ? row.data.get('key') : (row.page?.fields.get('file') as DvObject | undefined)?.get('link') ?? null;
      const members = grouped && query.view === 'list' && !query.columns.length ? (row.data.get('rows') as DvObject[]).map((r) => (r.get('file') as DvObject | null)?.get('link') ?? null) : undefined;
      return { id, values, ...(members ? { members } : {}) };
    }),
  };
}

function taskGroups(rows: Row[], grouped: boolean): { id: Value; tasks: DvObject[] }[] {
  if (grouped) return rows.map((row) => ({ id: row.data.get('key'), tasks: row.data.get('rows') as DvObject[] }));
  const groups = new Map<string, { id: Value; tasks: DvObject[] }>();
  for (const row of rows) {
    const path = asText(row.data.get('path'));
    const group = groups.get(path) ?? { id: row.data.get('link'), tasks: [] };
    group.tasks.push(row.data);
    groups.set(path, group);
  }
  return [...groups.values()];
}

function runCommand(command: Command, rows: Row[], ctx: QueryContext): Row[] {
  switch (command.type) {
    case 'where':
      return rows.filter((row) => truthy(evaluate(command.expr, row.data, ctx)));
    case 'sort': {
      const keyed = rows.map((row, i) => ({ row, i, keys: command.keys.map((k) => evaluate(k.expr, row.data, ctx)) }));
      keyed.sort((a, b) => {
        for (let k = 0; k < command.keys.length; k++) {
          const c = compare(a.keys[k], b.keys[k]);
          if (c) return command.keys[k].descending ? -c : c;
        }
        return a.i - b.i;
      });
      return keyed.map((k) => k.row);
    }
    case 'limit':
      return rows.slice(0, command.count);
    case 'flatten':
      return rows.flatMap((row) => {
        const value = evaluate(command.expr, row.data, ctx);
        const items = Array.isArray(value) ? (value.length ? value : [null]) : [value];
        return items.map((item) => ({ data: row.data.with(command.name, item), page: row.page }));
      });
    case 'group': {
      const groups: { key: Value; rows: DvObject[] }[] = [];
      for (const row of rows) {
        const key = evaluate(command.expr, row.data, ctx);
        let group = groups.find((g) => equal(g.key, key));
        if (!group) groups.push((group = { key, rows: [] }));
        group.rows.push(row.data);
      }
      groups.sort((a, b) => compare(a.key, b.key));
      return groups.map((g) => ({ data: new DvObject([['key', g.key], [command.name, g.key], ['rows', g.rows]]) }));
    }
  }
}

/** The pages of a source, in path order. A tag or a folder alone is read straight off the index. */
function selectSource(source: Source, ctx: QueryContext): Page[] {
  if (source.type === 'all') return ctx.index.ordered;
  if (source.type === 'tag') return ctx.index.byTag.get(source.tag.toLowerCase()) ?? [];
  if (source.type === 'folder') {
    const below = ctx.index.byFolder.get(source.path);
    if (below) return below;
    // One file, named by its path.
    const file = `${source.path}.md`;
    return ctx.index.ordered.filter((p) => p.doc.file === source.path || p.doc.file === file);
  }
  const chosen = pageSet(source, ctx);
  return ctx.index.ordered.filter((p) => chosen.has(p.id));
}

function ids(pages: Iterable<Page>): Set<NodeId> {
  const out = new Set<NodeId>();
  for (const page of pages) out.add(page.id);
  return out;
}

function pageSet(source: Source, ctx: QueryContext): Set<NodeId> {
  switch (source.type) {
    case 'all':
    case 'tag':
    case 'folder':
      return ids(selectSource(source, ctx));
    case 'incoming':
    case 'outgoing': {
      const target = ctx.link(source.target).id;
      const page = target ? ctx.pages.get(target) : undefined;
      return new Set(page ? (source.type === 'incoming' ? page.inlinks : page.outlinks) : []);
    }
    case 'not': {
      const excluded = pageSet(source.source, ctx);
      return new Set(ctx.index.ordered.filter((p) => !excluded.has(p.id)).map((p) => p.id));
    }
    case 'and': {
      // `a and -b` is a less b, without making everything but b first.
      const negated = source.right.type === 'not';
      const right = pageSet(source.right.type === 'not' ? source.right.source : source.right, ctx);
      return new Set([...pageSet(source.left, ctx)].filter((id) => right.has(id) !== negated));
    }
    case 'or':
      return new Set([...pageSet(source.left, ctx), ...pageSet(source.right, ctx)]);
  }
}

/** An expression's value for one row. */
export function evaluate(expr: Expr, row: DvObject, ctx: QueryContext): Value {
  switch (expr.type) {
    case 'literal':
      return expr.value;
    case 'field':
      return expr.key === 'this' ? ctx.current.fields : row.getKey(expr.key);
    case 'member':
      return member(evaluate(expr.object, row, ctx), expr.key, ctx);
    case 'index': {
      const object = evaluate(expr.object, row, ctx);
      const index = evaluate(expr.index, row, ctx);
      if (Array.isArray(object) && typeof index === 'number') return object[index < 0 ? object.length + index : index] ?? null;
      if (typeof index === 'string') return member(object, fieldKey(index), ctx);
      return null;
    }
    case 'list':
      return expr.items.map((item) => evaluate(item, row, ctx));
    case 'link':
      return ctx.link(expr.target);
    case 'date': {
      const date = namedDate(expr.text, ctx.now) ?? parseDate(expr.text);
      if (!date) throw new EvaluationError(`date(${expr.text}) is not a date`);
      return date;
    }
    case 'dur': {
      const dur = parseDuration(expr.text);
      if (!dur) throw new EvaluationError(`dur(${expr.text}) is not a duration (write a number and a unit: 3 days, 2 weeks, 1 hour)`);
      return dur;
    }
    case 'unary': {
      const value = evaluate(expr.arg, row, ctx);
      if (expr.op === '!') return !truthy(value);
      if (typeof value === 'number') return -value;
      if (value instanceof Duration) return new Duration(-value.ms);
      if (value === null) return null;
      throw new EvaluationError(`cannot negate ${typeName(value)}`);
    }
    case 'binary': {
      if (expr.op === 'and') return truthy(evaluate(expr.left, row, ctx)) && truthy(evaluate(expr.right, row, ctx));
      if (expr.op === 'or') return truthy(evaluate(expr.left, row, ctx)) || truthy(evaluate(expr.right, row, ctx));
      return binary(expr.op, evaluate(expr.left, row, ctx), evaluate(expr.right, row, ctx));
    }
    case 'call':
      return call(expr.name, expr.args.map((a) => evaluate(a, row, ctx)), ctx);
  }
}

const DURATION_UNITS: Record<string, number> = { days: 86_400_000, hours: 3_600_000, minutes: 60_000, seconds: 1000 };

const DATE_PARTS: Record<string, (d: Date) => number> = {
  year: (d) => d.getUTCFullYear(),
  month: (d) => d.getUTCMonth() + 1,
  day: (d) => d.getUTCDate(),
  hour: (d) => d.getUTCHours(),
  minute: (d) => d.getUTCMinutes(),
  second: (d) => d.getUTCSeconds(),
  weekday: (d) => ((d.getUTCDay() + 6) % 7) + 1,
};

/** Field `key` (a name made a key) of a value. */
function member(object: Value, key: string, ctx: QueryContext): Value {
  if (object instanceof DvObject) return object.getKey(key);
  // A link reads the fields of the note it links to (`[[Paper]].status`).
  if (object instanceof Link) return object.id ? (ctx.pages.get(object.id)?.fields.getKey(key) ?? null) : null;
  if (Array.isArray(object)) {
    // As Dataview reads a field of a list: the field of each element, lists among them flattened (`file.tasks.outlinks`).
    const out: Value[] = [];
    for (const item of object) {
      const value = member(item, key, ctx);
      if (Array.isArray(value)) out.push(...value);
      else out.push(value);
    }
    return out;
  }
  if (object instanceof Date) return DATE_PARTS[key]?.(object) ?? null;
  if (object instanceof Duration) {
    const unit = DURATION_UNITS[key];
    return unit ? object.ms / unit : null;
  }
  return null;
}

function binary(op: string, a: Value, b: Value): Value {
  switch (op) {
    case '=':
      return equal(a, b);
    case '!=':
      return !equal(a, b);
    case '<':
      return compare(a, b) < 0;
    case '<=':
      return compare(a, b) <= 0;
    case '>':
      return compare(a, b) > 0;
    case '>=':
      return compare(a, b) >= 0;
  }
  if (a === null || b === null) return null;
  if (typeof a === 'number' && typeof b === 'number') {
    if (op === '+') return a + b;
    if (op === '-') return a - b;
    if (op === '*') return a * b;
    if (op === '/') return b === 0 ? null : a / b;
    if (op === '%') return b === 0 ? null : a % b;
  }
  if (op === '+' && (typeof a === 'string' || typeof b === 'string')) return asText(a) + asText(b);
  if (a instanceof Date && b instanceof Duration) return new Date(a.getTime() + (op === '+' ? b.ms : op === '-' ? -b.ms : NaN));
  if (a instanceof Duration && b instanceof Date && op === '+') return new Date(b.getTime() + a.ms);
  if (a instanceof Date && b instanceof Date && op === '-') return new Duration(a.getTime() - b.getTime());
  if (a instanceof Duration && b instanceof Duration && (op === '+' || op === '-')) return new Duration(op === '+' ? a.ms + b.ms : a.ms - b.ms);
  if (a instanceof Duration && typeof b === 'number' && (op === '*' || op === '/')) return new Duration(op === '*' ? a.ms * b : a.ms / b);
  throw new EvaluationError(`cannot compute ${typeName(a)} ${op} ${typeName(b)}`);
}

export const typeName = (v: Value): string =>
  v === null ? 'null' : v instanceof Date ? 'date' : v instanceof Duration ? 'duration' : v instanceof Link ? 'link' : v instanceof DvObject ? 'object' : Array.isArray(v) ? 'array' : typeof v;

const text = (v: Value) => asText(v);
const list = (v: Value): Value[] => (Array.isArray(v) ? v : v === null ? [] : [v]);

/** Dataview's `contains`: text within text; in a list, an element that equals the value or, for text, holds it (unless `exact`). */
function contains(haystack: Value, needle: Value, fold: boolean, exact: boolean): boolean {
  if (haystack === null) return false;
  if (typeof haystack === 'string') return fold ? haystack.toLowerCase().includes(text(needle).toLowerCase()) : haystack.includes(text(needle));
  if (Array.isArray(haystack)) {
    const wanted = typeof needle === 'string' ? (fold ? needle.toLowerCase() : needle) : undefined;
    for (const item of haystack) {
      if (wanted !== undefined && typeof item === 'string') {
        const have = fold ? item.toLowerCase() : item;
        if (exact ? have === wanted : have.includes(wanted)) return true;
      } else if (equal(item, needle)) return true;
    }
    return false;
  }
  if (haystack instanceof DvObject) return haystack.has(text(needle));
  return equal(haystack, needle);
}

function call(name: string, args: Value[], ctx: QueryContext): Value {
  const [a, b, c] = args;
  switch (name) {
    case 'contains':
      return contains(a, b, false, false);
    case 'icontains':
      return contains(a, b, true, false);
    case 'econtains':
      return contains(a, b, false, true);
    case 'length':
      return Array.isArray(a) ? a.length : typeof a === 'string' ? a.length : 0;
    case 'lower':
      return typeof a === 'string' ? a.toLowerCase() : a;
    case 'upper':
      return typeof a === 'string' ? a.toUpperCase() : a;
    case 'date':
      if (a instanceof Date || a === null) return a;
      if (a instanceof Link) return a.id ? ((ctx.pages.get(a.id)?.fields.get('file') as DvObject | undefined)?.get('day') ?? null) : null;
      return typeof a === 'string' ? (namedDate(a, ctx.now) ?? parseDate(a) ?? null) : null;
    case 'dur':
      return a instanceof Duration ? a : typeof a === 'string' ? (parseDuration(a) ?? null) : null;
    case 'default':
      return a === null ? b : a;
    case 'choice':
      return truthy(a) ? b : c;
    case 'join':
      return list(a).map(text).join(b === undefined || b === null ? ', ' : text(b));
    case 'list':
      return args;
    case 'number': {
      if (typeof a === 'number') return a;
      const m = /-?\d+(\.\d+)?/.exec(text(a));
      return m ? Number(m[0]) : null;
    }
    case 'string':
      return text(a);
    case 'round': {
      if (typeof a !== 'number') return null;
      const digits = typeof b === 'number' ? b : 0;
      return Math.round(a * 10 ** digits) / 10 ** digits;
    }
    case 'min':
    case 'max': {
      const values = (args.length === 1 ? list(a) : args).filter((v) => v !== null);
      if (!values.length) return null;
      return values.reduce((m, v) => ((name === 'min' ? compare(v, m) < 0 : compare(v, m) > 0) ? v : m));
    }
    case 'sum':
      return list(a).reduce<Value>((s, v) => (s === null ? v : v === null ? s : binary('+', s, v)), null);
    case 'startswith':
      return text(a).startsWith(text(b));
    case 'endswith':
      return text(a).endsWith(text(b));
    case 'replace':
      return text(a).split(text(b)).join(text(c));
    case 'link':
      return a instanceof Link ? a : ctx.link(text(a));
    case 'typeof':
      return typeName(a);
    case 'nonnull':
      return list(a).filter((v) => v !== null);
    case 'flat':
      return list(a).flatMap((v) => (Array.isArray(v) ? v : [v]));
    case 'reverse':
      return [...list(a)].reverse();
    case 'sort':
      return [...list(a)].sort(compare);
  }
  throw new EvaluationError(`the function ${name}() is not supported`);
}
