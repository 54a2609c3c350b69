/**
 * Filling the interface text's templates (./en.ts): `{name}` replaced by a value, a plural entry chosen by
 * count. Browser code imports this file too, so it imports nothing.
 */

/** An entry chosen by a count: English writes `one` and `other`; a language without `one` writes both the same. */
export interface Plural {
  one: string;
  other: string;
}

/** `template` with each `{name}` replaced by `values[name]` (left as written when there is no such value). */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Words joined as a list, the last by the language's "and": "notes, papers and inquiry lines". */
export function listOf(list: { separator: string; last: string }, words: readonly string[]): string {
  if (words.length < 2) return words[0] ?? '';
  return fill(list.last, { list: words.slice(0, -1).join(list.separator), item: words.at(-1)! });
}

/** The words of folded groups in the local graph (`localGraph` of the interface text). */
export interface GroupWords {
  moreCount: string;
  groups: Record<string, Record<'out' | 'in', Plural>>;
}

/** What a folded group of the local graph is called: "46 items citing it", "28 more cited items". */
export function groupLabel(lang: string, words: GroupWords, group: { key: { type: string; direction: 'out' | 'in' }; members: readonly unknown[]; more: boolean }): string {
  const n = group.members.length;
  const entry = words.groups[group.key.type]?.[group.key.direction] ?? { one: '{count}', other: '{count}' };
  return plural(lang, entry, n, { count: group.more ? fill(words.moreCount, { n }) : n });
}

const rules = new Map<string, Intl.PluralRules>();

/** The form of `entry` for `n` in `lang`, filled with `n` (as `{n}`) and `values`. */
export function plural(lang: string, entry: Plural, n: number, values: Record<string, string | number> = {}): string {
  let rule = rules.get(lang);
  if (!rule) rules.set(lang, (rule = new Intl.PluralRules(lang)));
  return fill(rule.select(n) === 'one' ? entry.one : entry.other, { n, ...values });
}
