/**
 * The menu's sections: one a kind the collection holds, named and addressed
 * by the kind's folder, then claims, tags, the graph and paths where they
 * have something to show.
 */
import { describe, expect, it } from 'vitest';
import { siteSections } from '../../src/lib/site/pages';
import { TABLES } from '../../src/lib/site/interface-text';
import { corpusOf, md } from '../helpers/corpus';

describe('the site sections', () => {
  it('offer every kind the collection holds, in kind order, with its folder as key and address', () => {
    const corpus = corpusOf({
      'lines/l.md': md('title: L'),
      'notes/a.md': md('title: A\nclaim: it holds\ntags: [x]', 'See [[P]].'),
      'papers/p.md': md('title: P'),
    });
    expect(siteSections(corpus, TABLES.en).map((s) => [s.key, s.path, s.label])).toEqual([
      ['notes', '/notes/', 'Notes'],
      ['papers', '/papers/', 'Papers'],
      ['lines', '/lines/', 'Inquiry lines'],
      ['claims', '/claims/', 'Claims'],
      ['tags', '/tags/', 'Tags'],
      ['graph', '/graph/', 'Graph'],
      ['path', '/path/', 'Find a path'],
    ]);
  });

  it('leave out a kind nobody wrote, and the research furniture of a plain vault', () => {
    const corpus = corpusOf({ 'notes/a.md': md('title: A', 'Plain words.') });
    expect(siteSections(corpus, TABLES.en).map((s) => s.key)).toEqual(['notes', 'graph']);
  });
});
