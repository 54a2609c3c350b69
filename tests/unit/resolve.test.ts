import { describe, expect, it } from 'vitest';
import { corpusOf, idOf, md } from '../helpers/corpus';

const note = (title: string, extra = '', body = '') => md(`title: "${title}"\n${extra}`, body);

describe('link resolution', () => {
  const corpus = corpusOf({
    'notes/warmth.md': note('Does warmth training make language models less reliable?', 'aliases: [The warmth trap]'),
    'notes/quotes.md': note('Computer says “No”: the case'),
    'notes/linker.md': note(
      'Linker',
      '',
      [
        'By title [[Does warmth training make language models less reliable?]].',
        'By case and spacing [[does  WARMTH training make language models less reliable?]].',
        'By alias [[the warmth trap]].',
        'By id [[notes/warmth]] and by file name [[quotes]].',
        'With other quotes and dashes [[Computer says "No": the case]].',
        'Into a heading [[Computer says “No”: the case#Some heading]].',
        'Unresolved [[A title nobody wrote?]].',
      ].join('\n\n'),
    ),
  });
  const links = corpus.bodies.get(idOf('note', 'Linker'))!.links;
  const html = corpus.bodies.get(idOf('note', 'Linker'))!.html;

  it('resolves by title, case- and whitespace-insensitively', () => {
    expect(html.match(/href="\/notes\/warmth\/"/g)?.length).toBe(4);
  });

  it('resolves aliases in links and in the graph', () => {
    const edge = corpus.graph.outgoing.get(idOf('note', 'Linker'))!.find((e) => e.target === 'notes/warmth')!;
    expect(edge.contexts.map((c) => c.sentence)).toContain('By alias the warmth trap.');
    expect(corpus.graph.incoming.get('notes/warmth' as never)!.some((e) => e.source === idOf('note', 'Linker'))).toBe(true);
  });

  it('resolves whatever quote and dash style a title is written with', () => {
    expect(html).toContain('href="/notes/quotes/"');
  });

  it('resolves a link into a heading to that heading’s anchor', () => {
    expect(html).toContain('href="/notes/quotes/#some-heading"');
    expect(links.find((l) => l.heading)?.heading).toBe('Some heading');
  });

  it('turns an unresolved link into a stub note', () => {
    const stub = corpus.graph.nodes.get(idOf('note', 'A title nobody wrote?'))!;
    expect(stub).toMatchObject({ stub: true, kind: 'note', title: 'A title nobody wrote?' });
    expect(html).toMatch(/class="wikilink stub"[^>]*>A title nobody wrote\?</);
  });

  it('warns when a link points to a heading the target lacks', () => {
    expect(corpus.problems.some((p) => p.severity === 'warning' && p.rule === 'link/missing-heading' && p.file === 'notes/linker.md' && p.line === 14)).toBe(true);
  });
});

describe('title clashes', () => {
  it('keeps both files as pages, sends links to the first, and warns naming the other', () => {
    const corpus = corpusOf({
      'notes/a.md': note('Same title'),
      'notes/b.md': note('Same title'),
      'notes/c.md': note('C', '', '[[Same title]]'),
    });
    expect(corpus.graph.nodes.has('notes/a' as never) && corpus.graph.nodes.has('notes/b' as never)).toBe(true);
    expect(corpus.graph.outgoing.get('notes/c' as never)![0].target).toBe('notes/a');
    expect(corpus.problems).toEqual([expect.objectContaining({ file: 'notes/b.md', severity: 'warning', field: 'title' })]);
  });

  it('publishes two files whose names make the same slug at distinct addresses', () => {
    const corpus = corpusOf({ 'notes/A Note.md': note('One'), 'notes/a-note.md': note('Two') });
    expect([...corpus.graph.nodes.keys()].sort()).toEqual(['notes/a-note', 'notes/a-note-2']);
    expect(corpus.problems[0]).toMatchObject({ rule: 'file/same-address' });
    expect(corpus.problems[0].message).toMatch(/already has the address \/notes\/a-note\//);
  });
});
