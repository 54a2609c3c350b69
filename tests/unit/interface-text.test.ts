/**
 * The interface text (src/lib/site/interface-text/): every language's table holds every entry of the English one,
 * none empty and each with the same `{placeholders}`; the site's `lang` picks a table (English when there is none);
 * and the views and browser code no longer word the interface themselves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserText, fill, interfaceFor, interfaceLanguage, listOf, TABLES, type InterfaceText } from '../../src/lib/site/interface-text';

/** Every text of a table, by its path: `search.hint`, `grounding.verifiedIn.one`. */
function entries(table: unknown, at = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(table as Record<string, unknown>)) {
    const where = at ? `${at}.${key}` : key;
    if (value && typeof value === 'object') for (const [k, v] of entries(value, where)) out.set(k, v);
    else out.set(where, value);
  }
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the interface text tables', () => {
  const english = entries(TABLES.en);

  it('has more than a few hundred entries in English, each a non-empty text', () => {
    expect(english.size).toBeGreaterThan(300);
    for (const [key, value] of english) expect(typeof value === 'string' && value.trim().length > 0, key).toBe(true);
  });

  for (const [language, table] of Object.entries(TABLES)) {
    it(`${language}: every English entry is there, non-empty, with the same placeholders, and nothing else`, () => {
      const own = entries(table);
      expect([...own.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, value] of own) {
        expect(typeof value === 'string' && value.trim().length > 0, `${language} ${key}`).toBe(true);
        expect(placeholders(value as string), `${language} ${key}`).toEqual(placeholders(english.get(key) as string));
      }
    });
  }

  it('gives browser code the words it uses, in the site language', () => {
    const words = browserText(interfaceFor('zh-Hans'));
    expect(words.lang).toBe('zh-Hans');
    expect(words.search.hint).toBe(TABLES['zh-Hans'].search.hint);
    expect(words.status.supported).toBe('有支持');
    expect(JSON.parse(JSON.stringify(words))).toEqual(words);
  });
});

describe('the interface of a site', () => {
  it('is the table of the site language, of its more general tag, or of an alias', () => {
    expect(interfaceLanguage('en')).toBe('en');
    expect(interfaceLanguage('en-US')).toBe('en');
    expect(interfaceLanguage('zh-Hans')).toBe('zh-Hans');
    expect(interfaceLanguage('zh-hans-CN')).toBe('zh-Hans');
    expect(interfaceLanguage('zh')).toBe('zh-Hans');
    expect(interfaceLanguage('zh-CN')).toBe('zh-Hans');
    expect(interfaceLanguage('zh-Hant')).toBeUndefined();
    expect(interfaceLanguage('zh-TW')).toBeUndefined();
    expect(interfaceLanguage('fr')).toBeUndefined();
  });

  it('falls back to English for a language without a table, and says it did', () => {
    const french = interfaceFor('fr');
    expect(french).toMatchObject({ lang: 'en', fellBack: true });
    expect(french.text.item.backlinks).toBe('Backlinks');
    expect(interfaceFor('zh-Hans').fellBack).toBe(false);
  });

  it('writes dates, counts and lists as the language does', () => {
    const en = interfaceFor('en');
    const zh = interfaceFor('zh-Hans');
    expect(en.date('2025-07-29')).toBe('29 July 2025');
    expect(en.date('2025-07')).toBe('July 2025');
    expect(en.date('2025')).toBe('2025');
    expect(interfaceFor('en-US').date('2025-07-29')).toBe('July 29, 2025');
    expect(zh.date('2025-07-29')).toBe('2025年7月29日');
    expect(zh.date('2025-07')).toBe('2025年7月');
    expect(en.count(en.text.search.found, 1, { query: '“x”' })).toBe('1 result for “x”.');
    expect(en.count(en.text.search.found, 2, { query: '“x”' })).toBe('2 results for “x”.');
    expect(zh.count(zh.text.search.found, 1, { query: '“x”' })).toBe('找到 1 个与 “x” 相关的结果。');
    expect(listOf(en.text.list, ['notes', 'papers', 'inquiry lines'])).toBe('notes, papers and inquiry lines');
    expect(listOf(zh.text.list, ['笔记', '论文', '探究线索'])).toBe('笔记、论文和探究线索');
    expect(listOf(en.text.list, ['notes'])).toBe('notes');
    expect(en.grounding('verified', 2)).toBe('verified in 2 papers');
    expect(zh.grounding('cited')).toBe('仅有引用');
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});

/** Text the site used to write in its views and scripts; each now comes from the table. */
const RETIRED_LITERALS = [
  'Backlinks', 'On this page', 'Not written yet', 'not written yet', 'Referenced but not written yet', 'Nothing links here yet',
  'Type to search titles', 'No results for', 'Closest titles', 'Searching…', 'Show more results', 'Skip to content', 'Dark theme',
  'Light theme', 'Random note', 'Evidence for the claim', 'Find a path', 'Loading the graph', 'Nothing here', '‹ Previous', 'Next ›',
  'Open page', 'Show local graph', 'Local graph', 'Clear highlights', 'Also known as', 'Source file', 'Most connected claims',
  'Recently updated', 'What the collection holds', 'Full text', 'Cite this paper', 'Copy BibTeX', 'Figures, quotations',
  'All communities', 'Selection cleared', 'Hide stubs', 'Colour items by', 'Claims nothing supports', 'Sort by', 'Supported',
  'Contested', 'Challenged', 'verified in', 'cited only', 'inferred only', 'no evidence', 'Inquiry line',
];
const VIEW_FOLDERS = ['src/components', 'src/layouts', 'src/routes', 'src/client'];

/** A file's code without its comments (which may well name what the interface says). */
const withoutComments = (source: string) =>
  source.replace(/<!--[\s\S]*?-->/g, '').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

/** Whether `code` holds `literal` as words of its own, not inside a longer name. */
const writes = (code: string, literal: string) => new RegExp(`(?<![\\w$])${literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\w)`).test(code);

describe('views and browser code', () => {
  const files = VIEW_FOLDERS.flatMap((folder) =>
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(astro|ts|js)$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name)),
  );

  it('take the words of the interface from the table, never writing them themselves', () => {
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) => {
      const code = withoutComments(readFileSync(file, 'utf8'));
      return RETIRED_LITERALS.filter((literal) => writes(code, literal)).map((literal) => `${file}: "${literal}"`);
    });
    expect(found).toEqual([]);
  });

  it('the guard sees a literal put back', () => {
    const code = withoutComments(`const x = 'Backlinks'; // Random note\n<h2>On this page</h2>`);
    expect(RETIRED_LITERALS.filter((literal) => writes(code, literal))).toEqual(['Backlinks', 'On this page']);
    // A name that merely holds the words (`words.allSupported`) is not the words.
    expect(writes('words.allSupported', 'Supported')).toBe(false);
  });
});

// The type is what makes a missing entry a compile error; this line fails to compile if the tables stop matching it.
const tables: Record<string, InterfaceText> = TABLES;
void tables;

describe('the build, for a language without a table', () => {
  /** Runs the integration's setup as Astro would, and returns what it warned. */
  async function warningsOfSetup(lang: string): Promise<string[]> {
    const { default: researchGraph } = await import('../../src/integrations/research-graph');
    const main = researchGraph({ lang }).find((i) => i.name === 'research-graph')!;
    const warnings: string[] = [];
    const setup = main.hooks['astro:config:setup'] as unknown as (options: unknown) => void;
    setup({
      config: { root: new URL(`file://${process.cwd()}/`), base: '/', build: { format: 'directory' } },
      updateConfig: () => undefined,
      injectRoute: () => undefined,
      logger: { warn: (line: string) => warnings.push(line) },
    });
    return warnings;
  }

  it('warns once, naming the option, and builds in English', async () => {
    const warnings = await warningsOfSetup('fr');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^researchGraph option lang \(or SITE_LANG\) is "fr", a language the interface has no text in: .*English .*en, zh-Hans/);
  });

  it('says nothing for a language it has', async () => {
    expect(await warningsOfSetup('zh-Hans')).toEqual([]);
    expect(await warningsOfSetup('en-GB')).toEqual([]);
  });
});
