import { describe, expect, it } from 'vitest';
import { MAX_RENDERED_BODY, renderMarkdown } from '../../src/lib/markdown';
import { corpusOf, md } from '../helpers/corpus';

describe('bodies the Markdown pipeline cannot safely render', () => {
  it('shows quotes nested thousands deep as escaped plain text instead of overflowing the stack', () => {
    const body = 'Fine.\n' + '>'.repeat(5000) + ' <b>deep</b>';
    const out = renderMarkdown(body, { lineOffset: 3 });
    expect(out.unrendered).toMatchObject({ line: 5 });
    expect(out.html).toMatch(/^<pre class="unrendered">Fine\.\n&#62;&#62;/);
    expect(out.html).not.toContain('<b>');
  });

  it('shows lists nested hundreds deep as plain text instead of stalling the build', () => {
    const body = Array.from({ length: 300 }, (_, i) => "  ".repeat(i) + '- item').join('\n');
    expect(renderMarkdown(body).unrendered?.reason).toMatch(/nests quotes or lists/);
  });

  it('shows a long run of emphasis markers as plain text', () => {
    expect(renderMarkdown('*'.repeat(10_000) + 'x' + '*'.repeat(10_000)).unrendered?.reason).toMatch(/run of more than/);
  });

  it('catches an HTML nesting the parser overflows on and still returns the text', () => {
    const out = renderMarkdown('<div>'.repeat(20_000) + 'the words');
    expect(out.unrendered?.reason).toMatch(/could not be rendered/);
    expect(out.text).toContain('the words');
    expect(out.html).not.toContain('<div>');
  });

  it('renders a body over the size limit as plain text, without following its links', () => {
    const out = renderMarkdown('[[A]] '.repeat(MAX_RENDERED_BODY / 6 + 1));
    expect(out.unrendered?.reason).toMatch(/longer than/);
    expect(out.links).toEqual([]);
  });

  it('renders ordinary nesting as Markdown', () => {
    const out = renderMarkdown('> quote\n>> inner\n\n- a\n  - b\n    - c\n\n1. one\n\n**bold** and _it_');
    expect(out.unrendered).toBeUndefined();
    expect(out.html).toContain('<blockquote>');
    expect(out.html).toContain('<strong>bold</strong>');
  });

  it('keeps the page and warns with the file and line when a body is shown as plain text', () => {
    const corpus = corpusOf({ 'notes/deep.md': md('title: Deep', 'Intro.\n' + '>'.repeat(1000)) });
    expect(corpus.documents.has('notes/deep' as never)).toBe(true);
    expect(corpus.problems).toEqual([expect.objectContaining({ severity: 'warning', file: 'notes/deep.md', line: 5 })]);
  });
});

describe('links to a heading of the same page', () => {
  it('are labelled by the heading, and the label stands at the recorded span of its sentence', () => {
    const [link] = renderMarkdown('[[#Local]] explains it.').links;
    expect(link.label).toBe('Local');
    expect(link.context.sentence.slice(link.context.start, link.context.end)).toBe('Local');
  });
});
