/**
 * Merges everything known about an item into one node. An item named in
 * several exports (a full export, lists in other exports, a file already in
 * the output folder) is one node: contributions are ranked, the stronger one
 * gives each single-valued field, lists are united in rank order, and the
 * item stays a stub only while nothing but lists has named it.
 */
import { titleKey, type Kind } from '../content/ids';
import type { Block, Contribution, Diagnostic, Fields } from './types';
import { contentWarning } from '../content/problems';

export interface MergedNode {
  kind: Kind;
  title: string;
  stub: boolean;
  fields: Fields;
  body: Block[] | string | undefined;
  importedFrom: string[];
  /** Has an export of this run said anything about it (so it is (re)written)? */
  fresh: boolean;
  /** Does an export of this run hold the item itself (not just a mention)? */
  freshFull: boolean;
}

export const nodeKey = (kind: Kind, title: string) => `${kind}\u0000${titleKey(title)}`;

/** This run's full exports, then files already written, then this run's lists, then old stubs. */
const rank = (c: Contribution) => (c.full ? 2 : 0) + (c.existing ? 0 : 1);

const itemKey = (item: unknown) =>
  titleKey(typeof item === 'object' && item !== null && 'title' in item ? String((item as { title: unknown }).title) : String(item));

/** Unites two lists, keeping order and the first spelling; an entry repeated later may fill in a missing summary. */
function uniteLists(into: unknown[], more: unknown[]) {
  for (const item of more) {
    const key = itemKey(item);
    const at = into.findIndex((x) => itemKey(x) === key);
    if (at < 0) {
      into.push(typeof item === 'object' && item !== null ? { ...item } : item);
      continue;
    }
    const have = into[at];
    if (typeof have === 'object' && have !== null && typeof item === 'object' && item !== null) {
      const h = have as { summary?: unknown };
      const n = item as { summary?: unknown };
      if (h.summary === undefined && n.summary !== undefined) h.summary = n.summary;
    }
  }
}

const hasBody = (b: Contribution['body']) => (typeof b === 'string' ? b.trim() !== '' : !!b?.length);

export function mergeContributions(contributions: Contribution[], warnings: Diagnostic[]): MergedNode[] {
  const groups = new Map<string, Contribution[]>();
  for (const c of contributions) {
    const key = nodeKey(c.kind, c.title);
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  return [...groups.values()].map((group) => mergeGroup(group, warnings));
}

function mergeGroup(group: Contribution[], warnings: Diagnostic[]): MergedNode {
  const ordered = group.map((c, i) => ({ c, i })).sort((a, b) => rank(b.c) - rank(a.c) || a.i - b.i).map(({ c }) => c);
  const fields: Fields = {};
  const givenBy = new Map<string, Contribution>();
  for (const c of ordered) {
    for (const [name, value] of Object.entries(c.fields)) {
      if (value === undefined) continue;
      if (Array.isArray(value)) {
        fields[name] ??= [];
        uniteLists(fields[name] as unknown[], value);
      } else if (fields[name] === undefined) {
        fields[name] = value;
        givenBy.set(name, c);
      } else if (fields[name] !== value && rank(givenBy.get(name)!) === rank(c) && !c.existing) {
        warnings.push(contentWarning('import/conflict', c.files[0], `${c.kind} "${c.title}": ${name} differs from the one in ${givenBy.get(name)!.files[0]}; kept the first`));
      }
    }
  }
  for (const c of ordered) {
    for (const [name, value] of Object.entries(c.fallback ?? {})) if (fields[name] === undefined) fields[name] = value;
  }
  return {
    kind: ordered[0].kind,
    title: ordered[0].title,
    stub: !group.some((c) => c.full),
    fields,
    body: ordered.find((c) => hasBody(c.body))?.body,
    importedFrom: [...new Set(group.flatMap((c) => c.files))].sort(),
    fresh: group.some((c) => !c.existing),
    freshFull: group.some((c) => !c.existing && c.full),
  };
}
