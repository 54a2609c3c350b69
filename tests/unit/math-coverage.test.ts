/**
 * The math coverage measure (scripts/math-coverage.ts): each formula of a
 * note typeset by the site's KaTeX, by plain KaTeX and by MathJax, and the
 * corpus of real vault notes it is run on.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS, measureNotes, notesIn, summarise } from '../../scripts/math-coverage';
import { renderMarkdown } from '../../src/lib/markdown';

describe('the math coverage measure', () => {
  const results = measureNotes([
    { name: 'a.md', body: 'Plain $x^2$, plain TeX $\\pmatrix{a & b \\\\ c & d}$, a preamble macro $\\mc{B}$.\n\n$$\\begin{array}\n\\vec{v} \\\\ w\n\\end{array}$$' },
    { name: 'b.md', body: '$\\newcommand{\\R}{\\mathbb{R}}$ and $x \\in \\R$' },
  ]);
  const by = (tex: string) => results.find((r) => r.tex.startsWith(tex))!;

  it('finds every formula as the site delimits them, with its note and line', () => {
    expect(results.map((r) => [r.note, r.line, r.tex.slice(0, 8)])).toEqual([
      ['a.md', 1, 'x^2'],
      ['a.md', 1, '\\pmatrix'],
      ['a.md', 1, '\\mc{B}'],
      ['a.md', 3, '\\begin{a'],
      ['b.md', 1, '\\newcomm'],
      ['b.md', 1, 'x \\in \\R'],
    ]);
  });

  it('tells the three renderers apart, formula by formula', () => {
    expect(by('x^2')).toMatchObject({ katex: true, plainKatex: true, mathjax: true });
    expect(by('\\pmatrix')).toMatchObject({ katex: true, plainKatex: false, mathjax: true });
    expect(by('\\mc{B}')).toMatchObject({ katex: false, plainKatex: false, mathjax: false });
    expect(by('\\begin{array}')).toMatchObject({ katex: false, mathjax: true });
    expect(by('\\newcommand')).toMatchObject({ katex: true, plainKatex: false, mathjax: true });
    expect(by('\\mc{B}').katexError).toContain('Undefined control sequence');
  });

  it('sums them up', () => {
    expect(summarise(results)).toEqual({ formulas: 6, katex: 4, plainKatex: 2, mathjax: 5, katexOnlyMisses: 1, mathjaxOnlyMisses: 0 });
  });
});

describe('the corpus of real vault notes', () => {
  const notes = notesIn(DEFAULT_CORPUS);

  it('renders every note, none falling back to plain text', () => {
    expect(notes.length).toBeGreaterThanOrEqual(8);
    for (const { name, body } of notes) expect({ name, unrendered: renderMarkdown(body).unrendered }).toEqual({ name, unrendered: undefined });
  });

  it("loses no formula to the site's KaTeX options that plain KaTeX reads", () => {
    const results = measureNotes(notes);
    expect(results.filter((r) => r.plainKatex && !r.katex)).toEqual([]);
    expect(results.length).toBeGreaterThan(150);
  });
});
