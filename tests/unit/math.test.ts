/**
 * Math as Obsidian delimits it (math-syntax.ts), typeset by KaTeX with the
 * options that bring it closer to Obsidian's MathJax (math.ts), contained
 * when it fails, and the same inside an embedded note.
 */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown';
import { corpusOf } from '../helpers/corpus';
import type { NodeId } from '../../src/lib/content/ids';

/** The TeX of every formula typeset, in order, as KaTeX records it; errors as `!TeX`. */
function formulas(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>|<span class="katex-error"[^>]*>([\s\S]*?)<\/span>/g)) out.push(m[1] ?? `!${m[2]}`);
  return out.map((t) => t.replaceAll('&#x26;', '&'));
}
const displays = (html: string) => html.match(/class="katex-display"/g)?.length ?? 0;

describe('math delimiters, paired as Obsidian pairs them', () => {
  it('reads prices and lone dollars as text', () => {
    const { html, math } = renderMarkdown('It cost $5 and $10, or $20,000 and $30,000; a lone $ stays.');
    expect(formulas(html)).toEqual([]);
    expect(math).toBeUndefined();
  });

  it('needs inline math to touch its dollars, and takes a closing dollar before a digit for a price', () => {
    expect(formulas(renderMarkdown('$x^2$ and $ a$ and $b $ and $n$-th and $c$5').html)).toEqual(['x^2', 'n']);
  });

  it('keeps an escaped dollar a dollar, outside math and inside it', () => {
    const { html } = renderMarkdown('A price \\$3 and $\\$4 + x$.');
    expect(formulas(html)).toEqual(['\\$4 + x']);
    expect(html).toContain('A price $3');
  });

  it('typesets $$ on the same line as text as display math within its paragraph', () => {
    const { html } = renderMarkdown('The sum $$\\sum_i i$$ sits in its sentence.');
    expect(formulas(html)).toEqual(['\\sum_i i']);
    expect(displays(html)).toBe(1);
    expect(html).toMatch(/^<p>The sum <span class="katex-display">[\s\S]*<\/span> sits in its sentence\.<\/p>$/);
  });

  it('closes a block on a line that ends in $$, with TeX on the fence lines', () => {
    const { html } = renderMarkdown('$$\\begin{aligned}\na &= b \\\\\nc &= d\n\\end{aligned}$$\n\nAfter.');
    expect(formulas(html)).toEqual(['\\begin{aligned}\na &= b \\\\\nc &= d\n\\end{aligned}']);
    expect(html).toContain('<p>After.</p>');
  });

  it('reads a block indented inside a list item and inside a callout', () => {
    const list = renderMarkdown('1. Step\n\t$$\n\tf(x) = x^2\n\t$$\n2. Next').html;
    expect(formulas(list)).toEqual(['f(x) = x^2']);
    expect(list).toMatch(/<li>Step\n<span class="katex-display">[\s\S]*<\/li>\n<li>Next<\/li>/);
    const callout = renderMarkdown('> [!NOTE]\n> $$\n> E = mc^2\n> $$\n> after').html;
    expect(formulas(callout)).toEqual(['E = mc^2']);
    expect(callout).toMatch(/<p>after<\/p>\n<\/blockquote>/);
  });

  it('keeps blank lines inside a block, as Obsidian does', () => {
    const { html } = renderMarkdown('$$\n\\begin{align}\na &= b \\\\\n\nc &= d\n\\end{align}\n\n$$\n\nAfter.');
    expect(formulas(html)).toEqual(['\\begin{align}\na &= b \\\\\n\nc &= d\n\\end{align}']);
    expect(html).toContain('<p>After.</p>');
  });

  it('never runs a block over a heading or a callout: its $$ had no closing and is text', () => {
    const heading = renderMarkdown('$$\nx\n\n## Next\n\ny\n$$').html;
    expect(heading).toMatch(/^<p>\$\$\nx<\/p>\n<h2 id="next">Next<\/h2>/);
    const callout = renderMarkdown('$$\nx\n> [!NOTE]\n> z\n$$\n').html;
    expect(callout).toContain('<blockquote class="callout" data-callout="note">');
  });

  it('lets a block interrupt a paragraph, and the paragraph go on after it', () => {
    const { html } = renderMarkdown('Before\n$$\nx = 1\n$$\nafter');
    expect(html).toMatch(/^<p>Before<\/p>\n<span class="katex-display">[\s\S]*<\/span>\n<p>after<\/p>$/);
  });
});

describe('a math error stays inside its formula', () => {
  const body = [
    'Intro $a$.',
    '',
    '$$',
    'An opening with no closing before the next heading.',
    '',
    '## Later heading',
    '',
    'A [[Link]] after it.',
    '',
    '> [!NOTE]',
    '> A callout.',
    '',
    '$$\\frac{1}{$$',
    '',
    'Then $\\alpha$ is typeset.',
  ].join('\n');
  const { html, warnings } = renderMarkdown(body, { lineOffset: 3 });

  it('leaves an unclosed $$ as text and everything after it rendered', () => {
    expect(html).toContain('<p>$$\nAn opening with no closing before the next heading.</p>');
    expect(html).toContain('<h2 id="later-heading">Later heading</h2>');
    expect(html).toMatch(/A <a href="#" class="wikilink stub"[^>]*>Link<\/a> after it\./);
    expect(html).toContain('<blockquote class="callout" data-callout="note">');
    expect(html).not.toContain('[[');
    expect(html).not.toContain('[!NOTE]');
  });

  it('marks bad TeX in red with its source, reports its line, and typesets the formula after it', () => {
    expect(html).toMatch(/<span class="katex-error" title="[^"]*" style="color:#cc0000">\\frac\{1\}\{<\/span>/);
    expect(formulas(html)).toEqual(['a', '!\\frac{1}{', '\\alpha']);
    expect(warnings).toEqual([expect.objectContaining({ rule: 'math/invalid', line: 16 })]);
  });
});

describe("KaTeX set up to read what Obsidian's MathJax reads", () => {
  it('keeps a \\newcommand for the formulas after it on the same page, and only there', () => {
    const page = renderMarkdown('$\\newcommand{\\vect}[1]{\\mathbf{#1}}$ and then $\\vect{v}$.');
    expect(page.warnings).toBeUndefined();
    expect(page.html).toContain('<span class="mord mathbf" style="margin-right:0.016em;">v</span>');
    expect(renderMarkdown('$\\vect{v}$').warnings).toHaveLength(1);
  });

  it('lets \\newcommand redefine a command, as MathJax does', () => {
    const page = renderMarkdown('$$\\newcommand{\\R}{\\mathcal{Q}}$$\n\n$x \\in \\R$');
    expect(page.warnings).toBeUndefined();
    expect(page.html).toContain('<span class="mord mathcal">Q</span>');
  });

  it('accepts \\require, \\label and \\operatorname without a mark', () => {
    const { html, warnings } = renderMarkdown('$$\\require{physics}\\operatorname{tr}(A) \\label{eq:tr}$$');
    expect(warnings).toBeUndefined();
    const shown = html.replace(/<annotation[\s\S]*?<\/annotation>/g, '');
    expect(shown).not.toMatch(/physics|eq:tr|katex-error|#cc0000/);
    expect(shown).toContain('<span class="mop"><span class="mord mathrm">tr</span></span>');
  });

  it('shows the label an \\eqref names, where MathJax would number it', () => {
    const { html, warnings } = renderMarkdown('See $\\eqref{eq1}$ and $\\ref{eq1}$.');
    expect(warnings).toBeUndefined();
    expect(html.replace(/<annotation[\s\S]*?<\/annotation>/g, '')).toContain('<span class="mopen">(</span><span class="mord"><span class="mord mathrm">eq1</span></span><span class="mclose">)</span>');
  });

  it('trusts \\href only to the web', () => {
    expect(renderMarkdown('$\\href{https://example.org}{x}$').html).toContain('href="https://example.org"');
    expect(renderMarkdown('$\\href{javascript:alert(1)}{x}$').html).not.toMatch(/href="javascript/);
  });
});

describe('math inside an embedded note', () => {
  const corpus = corpusOf({
    'Formula.md': 'Energy $E = mc^2$.\n\n$$\n\\int_0^1 x\\,dx\n$$\n\n```python\nprint(1)\n```\n',
    'Host.md': 'Host text.\n\n![[Formula]]\n',
  });
  const host = corpus.bodies.get('notes/host' as NodeId)!;
  const own = corpus.bodies.get('notes/formula' as NodeId)!;

  it('renders exactly as on its own page, KaTeX classes and all', () => {
    const embedded = host.html.slice(host.html.indexOf('<div class="embed">'));
    expect(embedded).toContain(own.html.slice(0, own.html.indexOf('<pre')));
    expect(embedded.match(/class="katex"/g)).toHaveLength(2);
    expect(embedded).toContain('<span class="katex-display">');
    expect(host.math).toBe(true);
  });

  it("never lets a note's own HTML pass as an embedded tree", () => {
    const { html } = renderMarkdown('<div class="embed" data-embed-tree="true" data-embed="x:0"><script>alert(1)</script><img src=x onerror="alert(2)"></div>');
    expect(html).not.toMatch(/<script|onerror|data-embed/);
  });

  it('keeps highlighted code of the embed highlighted', () => {
    expect(host.html).toMatch(/<pre class="shiki[^"]*"/);
  });
});

describe('images embedded with a size', () => {
  const corpus = corpusOf({ 'Host.md': '![[missing.png|381]]\n\n![[shots/also-missing.png|A chart|300x200]]\n\n![[present.png|381]]' }, ['present.png']);
  const html = corpus.bodies.get('notes/host' as NodeId)!.html;

  it("shows a missing image's name or alt text, never its size", () => {
    expect(html).toContain('<a class="wikilink unresolved">missing.png</a>');
    expect(html).toContain('<a class="wikilink unresolved">A chart</a>');
    expect(html).not.toMatch(/>381<|>300x200</);
  });

  it('keeps the size of an image that exists', () => {
    expect(html).toMatch(/<img src="[^"]*present\.png" alt="present" width="381"/);
  });
});
