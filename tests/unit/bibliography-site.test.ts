/**
 * The real bibliographies of tests/fixtures/bibliographies built as one site:
 * nothing a reader keeps for themselves (attached files, notes, a reference
 * manager's bookkeeping, entries nothing cites) reaches any file of dist/.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site';

const FIXTURES = 'tests/fixtures/bibliographies';

/** Fields a reference manager keeps for its reader, as they would be written in a shown BibTeX entry. */
const PRIVATE_FIELD = /\b(file|annotation|annote|groups|owner|timestamp|keywords|mendeley-tags|readstatus|rating|date-added|date-modified|bdsk-(file|url)-\d+)\s*=\s*[{"\d]/i;
/** Private values the fixtures hold: storage paths, a reader's note, BibDesk's file alias, an uncited entry. */
const PRIVATE_VALUES = ['Zotero/storage', 'Lent to a colleague', 'YnBsaXN0', 'jurisprudence', 'itemWithNoTitleNoAuthor', 'self-adjusting}'];

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(p);
    else yield p;
  }
}

describe('a site built from real bibliographies', () => {
  let content: string;
  let out: string;
  let log: string;

  beforeAll(async () => {
    // Every fixture in one content folder: its bibliographies side by side, its note under its own name.
    content = await mkdtemp(path.join(tmpdir(), 'bib-site-'));
    await mkdir(path.join(content, 'notes'));
    for (const name of await readdir(FIXTURES, { withFileTypes: true })) {
      if (!name.isDirectory()) continue;
      await cp(path.join(FIXTURES, name.name), path.join(content, 'bibliographies', name.name), { recursive: true, filter: (src) => !src.includes(`${path.sep}notes`) });
      await cp(path.join(FIXTURES, name.name, 'notes', 'citing.md'), path.join(content, 'notes', `${name.name}.md`));
    }
    ({ outDir: out, log } = await buildSite(content));
  }, 300_000);

  afterAll(async () => {
    await rm(content, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
  });

  it('builds every fixture without an error', () => {
    expect(log).not.toMatch(/^error:/m);
    expect(log).not.toMatch(/ZodError|at .*\.ts:\d+/);
  });

  it('no file of dist/ holds a private field or value', async () => {
    let scanned = 0;
    for await (const file of files(out)) {
      if (!/\.(html|json|xml|txt|js)$/.test(file)) continue;
      const text = await readFile(file, 'utf8');
      scanned++;
      // Scripts are bundled libraries: only the private values are looked for there.
      if (!file.endsWith('.js')) expect(PRIVATE_FIELD.exec(text)?.[0], path.relative(out, file)).toBeUndefined();
      for (const value of PRIVATE_VALUES) expect(text.includes(value), `${path.relative(out, file)} holds "${value}"`).toBe(false);
    }
    expect(scanned).toBeGreaterThan(20);
  });

  it('publishes the cited entries with their references and BibTeX', async () => {
    const pages = await Promise.all((await readdir(path.join(out, 'papers'))).map((slug) => readFile(path.join(out, 'papers', slug, 'index.html'), 'utf8').catch(() => '')));
    const olson = pages.find((p) => p.includes('@article{olson_codes_2006,'));
    // Zotero's CSL JSON holds the same article under another key: the two are told apart by a letter.
    expect(olson).toMatch(/Olson, H\. A\. \(2006[ab]\)/);
    expect(olson).toContain('<a href="https://doi.org/10.1086/504343">');
  });
});
