/**
 * Fixed addresses and redirects. The fixture tests/fixtures/reader (what readers meet: addresses, languages) holds:
 * - `notes/warmth-trap.md`: `permalink: warmth` publishes it at `/notes/warmth/`; its `redirect_from` list and
 *   its alias "Warm models" send `/notes/the-warmth-trap/`, `/old/warmth/` and `/notes/warm-models/` to it;
 * - `notes/sycophancy.md`: `redirect_from: /notes/warmth/` collides with the page of the note above;
 * - `Projects/Plan.md`: a vault note whose `slug` is written in full (`/notes/projects/plan-2027/`), alias "Roadmap".
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus, redirectPath } from '../../src/lib/corpus';
import { corpusOf, md } from '../helpers/corpus';

describe('fixed addresses', () => {
  it('publishes an item at the address its permalink or slug fixes, in its kind\'s folder', async () => {
    const corpus = await loadCorpus('tests/fixtures/reader');
    expect([...corpus.documents.keys()].filter((id) => id !== 'notes/arabic-note' && id !== 'notes/mixed-scripts').sort()).toEqual(['notes/projects/plan-2027', 'notes/sycophancy', 'notes/warmth']);
    // Links still find the item by its title.
    expect(corpus.graph.edges.some((e) => e.source === 'notes/sycophancy' && e.target === 'notes/warmth')).toBe(true);
  });

  it('refuses a permalink outside the kind\'s folder, or one another file has, and keeps the file\'s own address', () => {
    const corpus = corpusOf({
      'notes/a.md': md('title: A\npermalink: /papers/a/'),
      'notes/b.md': md('title: B'),
      'notes/c.md': md('title: C\npermalink: b'),
    });
    expect([...corpus.documents.keys()].sort()).toEqual(['notes/a', 'notes/b', 'notes/c']);
    const messages = corpus.problems.filter((p) => p.rule === 'address/permalink').map((p) => `${p.file}: ${p.message}`);
    expect(messages).toEqual([
      'notes/a.md: permalink "/papers/a/" is outside /notes/, the folder of its kind; write permalink: /notes/a/ or a name alone; the file keeps the address of its name',
      'notes/c.md: permalink "b" is the address of notes/b.md already; give one of them another; the file keeps the address of its name',
    ]);
  });
});

describe('redirects', () => {
  it('sends earlier addresses and aliases on to the item, and never takes a page\'s address', async () => {
    const corpus = await loadCorpus('tests/fixtures/reader');
    expect(corpus.redirects).toEqual([
      { from: '/notes/roadmap/', to: 'notes/projects/plan-2027' },
      { from: '/notes/the-warmth-trap/', to: 'notes/warmth' },
      { from: '/notes/warm-models/', to: 'notes/warmth' },
      { from: '/old/warmth/', to: 'notes/warmth' },
    ]);
    const collision = corpus.problems.filter((p) => p.rule === 'address/redirect-collision');
    expect(collision).toEqual([
      expect.objectContaining({ severity: 'error', file: 'notes/sycophancy.md', field: 'redirect_from', message: 'redirect_from "/notes/warmth/" would take /notes/warmth/, which is the address of notes/warmth-trap.md; the redirect is not written' }),
    ]);
  });

  it('refuses the site\'s own addresses, stub pages and a second claim on one address; an alias that does so only warns', () => {
    const corpus = corpusOf({
      'notes/a.md': md('title: A\nredirect_from: [/graph/, /search/x/, https://example.org/a, /notes/unwritten/]', 'See [[Unwritten]].'),
      'notes/b.md': md('title: B\nredirect_from: /notes/old/\naliases: [Old, A]'),
      'notes/c.md': md('title: C\nredirect_from: /notes/old/'),
    });
    expect(corpus.redirects).toEqual([{ from: '/notes/old/', to: 'notes/b' }]);
    const lines = corpus.problems.filter((p) => p.rule === 'address/redirect-collision').map((p) => `${p.severity} ${p.file}: ${p.message}`);
    expect(lines).toEqual([
      'error notes/a.md: redirect_from "/graph/" would take /graph/, which is a page of the site itself; the redirect is not written',
      'error notes/a.md: redirect_from "/notes/unwritten/" would take /notes/unwritten/, which is the address of the stub page of "Unwritten"; the redirect is not written',
      'error notes/a.md: redirect_from "/search/x/" would take /search/x/, which is a page of the site itself; the redirect is not written',
      'error notes/a.md: redirect_from "https://example.org/a" is not a path of this site; write one like /notes/old-name/',
      'warning notes/b.md: alias "A" would take /notes/a/, which is the address of notes/a.md; the redirect is not written',
      'error notes/c.md: redirect_from "/notes/old/" would take /notes/old/, which is the address of a redirect of notes/b.md; the redirect is not written',
    ]);
  });

  it('reads a path as people write it', () => {
    expect(redirectPath('notes/old')).toBe('/notes/old/');
    expect(redirectPath('/notes/old/index.html')).toBe('/notes/old/');
    expect(redirectPath('/old.htm')).toBe('/old/');
    for (const bad of ['', '/', 'https://x.org/a', '//host/a', '/a/../b', '/a?b', '/a#b']) expect(redirectPath(bad), bad).toBeUndefined();
  });
});
