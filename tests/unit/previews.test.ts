import { describe, expect, it } from 'vitest';
import { excerptOf, linkPreview, previewFileContents } from '../../src/lib/site/previews';
import { interfaceFor } from '../../src/lib/site/interface-text';
import { corpusOf, idOf, md } from '../helpers/corpus';

const english = interfaceFor('en');

const corpus = corpusOf({
  'notes/warmth-costs-accuracy.md': md('title: Warmth costs accuracy\nclaim: Warmth training raises error rates.', '## Evidence\n\nSee [[Paper A]], which supports it.\n'),
  'papers/paper-a.md': md('title: Paper A\nsummary: Measured error rates.'),
  'notes/citer.md': md('title: Citer', 'Links to [[Not Yet Written]].'),
});

describe('link previews', () => {
  it('carry the claim and its status, and the opening prose without headings', () => {
    const preview = linkPreview(corpus, idOf('note', 'Warmth costs accuracy'), english);
    expect(preview).toMatchObject({ kind: 'note', title: 'Warmth costs accuracy', claim: 'Warmth training raises error rates.', stub: false });
    expect(preview.status).toBe(corpus.graph.nodes.get(idOf('note', 'Warmth costs accuracy'))!.status);
    expect(preview.status).toBeDefined();
    expect(preview.excerpt).toBe('See Paper A, which supports it.');
  });

  it('say how many items link to a stub', () => {
    const preview = linkPreview(corpus, idOf('note', 'Not Yet Written'), english);
    expect(preview).toMatchObject({ stub: true, referrers: 1 });
    expect(preview.status).toBeUndefined();
  });

  it('are one file per item, under /previews/', () => {
    const files = previewFileContents(corpus, english);
    expect([...files.keys()].sort()).toEqual(['/previews/notes/citer.json', '/previews/notes/not-yet-written.json', '/previews/notes/warmth-costs-accuracy.json', '/previews/papers/paper-a.json']);
    expect(JSON.parse(files.get('/previews/papers/paper-a.json')!)).toMatchObject({ kind: 'paper', summary: 'Measured error rates.' });
  });

  it('cut a long opening at a word, with an ellipsis', () => {
    expect(excerptOf('word '.repeat(100), 20)).toBe('word word word word…');
  });
});

describe('a link preview of a section', () => {
  const corpus = corpusOf({
    'notes/target.md': md('title: Target', 'Opening.\n\n## Method\n\n### Setup\n\nFive models were tuned.\n\n## Findings\n\nErrors rose.\n\n## Unlinked\n\nNobody links here.'),
    'notes/linker.md': md('title: Linker', 'See [[Target#Method]] and [[Target#Findings]].'),
  });

  it('holds the first lines of each section a link points into (a subsection’s when the section has none), and no other', () => {
    expect(linkPreview(corpus, idOf('note', 'Target'), english).sections).toEqual({
      method: { heading: 'Method', excerpt: 'Five models were tuned.' },
      findings: { heading: 'Findings', excerpt: 'Errors rose.' },
    });
    expect(linkPreview(corpus, idOf('note', 'Linker'), english).sections).toBeUndefined();
  });
});
