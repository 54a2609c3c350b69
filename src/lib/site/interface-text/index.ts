/**
 * The interface text: everything the site says in its own voice (menus, headings, badges, status words, search
 * hints, buttons, labels, the 404 page, the graph's controls), one table per language. The site's option
 * `lang` picks the table; a language without one is shown in English, and the build says so. A note's own
 * frontmatter `lang` marks only its content: the interface around it stays in the site's language.
 *
 * To add a language: copy ./en.ts to ./<tag>.ts, translate every entry (the `InterfaceText` type makes a
 * missing or misspelt key a compile error), and add the table to `TABLES` below.
 */
import { en } from './en';
import { zhHans } from './zh-Hans';
import { CLAIM_STATUSES, GROUNDINGS, type ClaimStatus, type Grounding } from '../../content/stance';
import { plural, type Plural } from './fill';
import type { InterfaceText } from './types';

export { fill, listOf, plural, type Plural } from './fill';

export type { InterfaceText } from './types';

/** Every language the interface is written in, by BCP 47 tag. */
export const TABLES = { en, 'zh-Hans': zhHans } as const satisfies Record<string, InterfaceText>;
export type InterfaceLanguage = keyof typeof TABLES;

/** Tags that name a table's language without saying so: Chinese as written in mainland China and Singapore. */
const ALIASES: Record<string, InterfaceLanguage> = { zh: 'zh-Hans', 'zh-cn': 'zh-Hans', 'zh-sg': 'zh-Hans', 'zh-my': 'zh-Hans' };

/** The table for the language tag `lang` (its own, a more general one, or an alias), if there is one. */
export function interfaceLanguage(lang: string): InterfaceLanguage | undefined {
  const tag = lang.toLowerCase();
  const tables = Object.keys(TABLES) as InterfaceLanguage[];
  return (
    tables.find((t) => tag === t.toLowerCase() || tag.startsWith(`${t.toLowerCase()}-`)) ??
    // `zh` alone, or with a region that writes simplified characters (zh-CN-x…): never zh-TW or zh-Hant.
    Object.entries(ALIASES).find(([alias]) => tag === alias || (alias.includes('-') && tag.startsWith(`${alias}-`)))?.[1]
  );
}

/** The interface text of a site whose language is `lang`, with what pages need to word counts and dates. */
export interface Interface {
  /** The table's language: the interface's `lang`, and the rules its counts follow. */
  lang: InterfaceLanguage;
  text: InterfaceText;
  /** `entry`'s form for `n`, filled with `n` and `values`. */
  count(entry: Plural, n: number, values?: Record<string, string | number>): string;
  /** `2025-07-29` as the language writes a date ("29 July 2025", "2025年7月29日"); `2025-07`, a month; `2025`, as it is. */
  date(iso: string): string;
  /** A grounding as it reads beside a status: "verified in 1 paper", "cited only", "inferred only", "no evidence". */
  grounding(grounding: Grounding, papers?: number): string;
}

/** The interface for a site in `lang`: its table, or English's when it has none (`fellBack`). */
export function interfaceFor(lang: string): Interface & { fellBack: boolean } {
  const found = interfaceLanguage(lang);
  const language = found ?? 'en';
  const text: InterfaceText = TABLES[language];
  // A site in a regional variant (en-US) writes dates as that region does; one in the table's own language, as the table says.
  const locale = found && lang.toLowerCase() !== language.toLowerCase() && !(lang.toLowerCase() in ALIASES) ? lang : text.dateLocale;
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
  const month = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long' });
  return {
    lang: language,
    text,
    fellBack: !found,
    count: (entry, n, values) => plural(language, entry, n, values),
    date: (iso) => {
      const [year, monthNumber, dayNumber] = iso.split('-').map(Number);
      if (!monthNumber) return String(year);
      return (dayNumber ? day : month).format(new Date(Date.UTC(year, monthNumber - 1, dayNumber || 1)));
    },
    grounding: (grounding, papers = 0) =>
      grounding === 'verified' && papers > 0 ? plural(language, text.grounding.verifiedIn, papers) : grounding === 'cited' ? text.grounding.citedOnly : text.grounding[grounding].label,
  };
}

/** What browser code says (search, the graph pages, the theme button), given to it by the build (`virtual:research-graph/interface-text`). */
export function browserText({ lang, text }: Pick<Interface, 'lang' | 'text'>) {
  const { search, kinds, stub, graph, localGraph, list, preview, path } = text;
  return {
    lang,
    search,
    kinds,
    stub,
    graph,
    localGraph,
    list,
    preview,
    path,
    status: Object.fromEntries(CLAIM_STATUSES.map((s) => [s, text.status[s].label])) as Record<ClaimStatus, string>,
    grounding: Object.fromEntries(GROUNDINGS.map((g) => [g, text.grounding[g].label])) as Record<Grounding, string>,
    citedOnly: text.grounding.citedOnly,
    theme: { dark: text.page.darkTheme, light: text.page.lightTheme },
    page: { search: text.page.search, close: text.page.close },
    copy: { done: text.paper.copied, failed: text.paper.copyFailed },
  };
}
export type BrowserText = ReturnType<typeof browserText>;
