/**
 * The values a query computes with, and how they compare, combine and read
 * as true or false. Dates are days or instants in UTC; a duration is a
 * number of milliseconds; a link names a node (or, unresolved, only a title);
 * an object is a row, a note's `file`, a task or a group.
 */
import type { NodeId } from '../../content/ids';

export class Duration {
  constructor(readonly ms: number) {}
}

export class Link {
  constructor(
    readonly title: string,
    /** The node linked, when the target is written or known. */
    readonly id?: NodeId,
  ) {}
}

/** Fields looked up by name, ignoring case and reading spaces as dashes (`Time Played` is `time-played`), as Dataview does. */
export class DvObject {
  private readonly byKey = new Map<string, Value>();

  constructor(fields: Iterable<[string, Value]> = []) {
    for (const [key, value] of fields) this.set(key, value);
  }

  get(name: string): Value {
    return this.byKey.get(fieldKey(name)) ?? null;
  }

  /** The field kept under `key`, a name already made a key (`fieldKey`): what queries read, row after row. */
  getKey(key: string): Value {
    return this.byKey.get(key) ?? null;
  }

  has(name: string): boolean {
    return this.byKey.has(fieldKey(name));
  }

  set(name: string, value: Value): void {
    this.byKey.set(fieldKey(name), value);
  }

  /** A copy with `name` set: rows made by FLATTEN share everything else with the row they come from. */
  with(name: string, value: Value): DvObject {
    const copy = new DvObject();
    for (const [k, v] of this.byKey) copy.byKey.set(k, v);
    copy.set(name, value);
    return copy;
  }
}

/** A task: its fields, and its text as words and links with their labels (what a TASK result shows). */
export class Task extends DvObject {
  constructor(
    fields: Iterable<[string, Value]>,
    readonly pieces: (string | { link: Link; label: string })[],
  ) {
    super(fields);
  }
}

export type Value = null | string | number | boolean | Date | Duration | Link | DvObject | Value[];

const keys = new Map<string, string>();
/** The key a field is kept under: lower case, spaces as dashes. Names repeat endlessly (every row asks for the same few), so each is worked out once. */
export function fieldKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = name.trim().toLowerCase().replace(/\s+/g, '-');
    if (keys.size < 10_000) keys.set(name, key);
  }
  return key;
}

const DAY = 86_400_000;
export const UNIT_MS: Record<string, number> = {
  ms: 1, millisecond: 1, milliseconds: 1,
  s: 1000, sec: 1000, secs: 1000, second: 1000, seconds: 1000,
  m: 60_000, min: 60_000, mins: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hr: 3_600_000, hrs: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: DAY, day: DAY, days: DAY,
  w: 7 * DAY, wk: 7 * DAY, wks: 7 * DAY, week: 7 * DAY, weeks: 7 * DAY,
  mo: 30 * DAY, month: 30 * DAY, months: 30 * DAY,
  y: 365 * DAY, yr: 365 * DAY, yrs: 365 * DAY, year: 365 * DAY, years: 365 * DAY,
};

/** `3 days`, `1h 30m`, `2 weeks`; undefined for text that is not a duration. */
export function parseDuration(text: string): Duration | undefined {
  let ms = 0;
  let any = false;
  const rest = text.trim().toLowerCase().replace(/(\d+(?:\.\d+)?)\s*([a-z]+)\s*,?\s*/g, (_, n: string, unit: string) => {
    const size = UNIT_MS[unit];
    if (size === undefined) return _;
    ms += Number(n) * size;
    any = true;
    return '';
  });
  return any && !rest.trim() ? new Duration(ms) : undefined;
}

/** `2024-05-01`, `2024-05`, `2024-05-01T10:30`: a date; undefined for anything else. */
export function parseDate(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text.trim());
  if (!m) return undefined;
  const date = m[4] ? new Date(text.trim().replace(' ', 'T') + (m[7] ? '' : 'Z')) : new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? 1)));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** `today`, `now`, `sow` (start of week)… relative to the build's `now`. */
export function namedDate(name: string, now: Date): Date | undefined {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const y = today.getUTCFullYear();
  const mo = today.getUTCMonth();
  // Weeks start on Monday.
  const weekday = (today.getUTCDay() + 6) % 7;
  switch (name.toLowerCase()) {
    case 'now': return now;
    case 'today': return today;
    case 'tomorrow': return new Date(today.getTime() + DAY);
    case 'yesterday': return new Date(today.getTime() - DAY);
    case 'sow': return new Date(today.getTime() - weekday * DAY);
    case 'eow': return new Date(today.getTime() + (6 - weekday) * DAY);
    case 'som': return new Date(Date.UTC(y, mo, 1));
    case 'eom': return new Date(Date.UTC(y, mo + 1, 0));
    case 'soy': return new Date(Date.UTC(y, 0, 1));
    case 'eoy': return new Date(Date.UTC(y, 11, 31));
  }
  return undefined;
}

export function truthy(v: Value): boolean {
  if (v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

/** Ranks of types, so values of different types sort in a fixed order (nothing first). */
const rank = (v: Value): number =>
  v === null ? 0 : typeof v === 'boolean' ? 1 : typeof v === 'number' ? 2 : typeof v === 'string' ? 3 : v instanceof Date ? 4 : v instanceof Duration ? 5 : v instanceof Link ? 6 : Array.isArray(v) ? 7 : 8;

export function compare(a: Value, b: Value): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (a instanceof Duration && b instanceof Duration) return a.ms - b.ms;
  if (a instanceof Link && b instanceof Link) return a.id && a.id === b.id ? 0 : compare(a.title.toLowerCase(), b.title.toLowerCase());
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compare(a[i], b[i]);
      if (c) return c;
    }
    return a.length - b.length;
  }
  return 0;
}

export const equal = (a: Value, b: Value) => compare(a, b) === 0;

/** A value as text: what `string()`, `join()` and `+` with a string read. */
export function asText(v: Value): string {
  if (v === null) return '';
  if (v instanceof Date) return dateText(v);
  if (v instanceof Duration) return durationText(v);
  if (v instanceof Link) return v.title;
  if (Array.isArray(v)) return v.map(asText).join(', ');
  if (v instanceof DvObject) return '';
  return String(v);
}

/** A day as `2024-05-01`; an instant with a time as `2024-05-01 10:30`. */
export function dateText(d: Date): string {
  const iso = d.toISOString();
  return d.getUTCHours() || d.getUTCMinutes() ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}

const SPOKEN: [number, string][] = [
  [365 * DAY, 'year'],
  [30 * DAY, 'month'],
  [7 * DAY, 'week'],
  [DAY, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1000, 'second'],
];

/** `3 days`, `1 week, 2 days`: the largest units that add up to the duration. */
export function durationText(d: Duration): string {
  let left = Math.abs(d.ms);
  const parts: string[] = [];
  for (const [size, unit] of SPOKEN) {
    const n = Math.floor(left / size);
    if (n) parts.push(`${n} ${unit}${n === 1 ? '' : 's'}`);
    left -= n * size;
  }
  return (d.ms < 0 ? '-' : '') + (parts.join(', ') || '0 seconds');
}
