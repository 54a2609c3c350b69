/** What a page with a Mermaid diagram needs of the build: its policy mended, its address known. */
import { describe, expect, it } from 'vitest';
import { mermaidPages, withDirectivesOnce } from '../../src/lib/site/mermaid';
import { corpusOf, md } from '../helpers/corpus';

describe('pages with a diagram', () => {
  it('keep each directive of their Content-Security-Policy once, in order', () => {
    const html = `<head><meta http-equiv="content-security-policy" content="default-src 'self';style-src-attr 'unsafe-inline';img-src 'self';style-src-attr 'unsafe-inline';script-src 'self' 'sha256-x='"></head>`;
    expect(withDirectivesOnce(html)).toBe(`<head><meta http-equiv="content-security-policy" content="default-src 'self';style-src-attr 'unsafe-inline';img-src 'self';script-src 'self' 'sha256-x='"></head>`);
  });

  it('are the items whose body holds a mermaid block', () => {
    const corpus = corpusOf({
      'notes/drawn.md': md('title: Drawn', '```mermaid\ngraph LR\n  A --> B\n```\n'),
      'notes/coded.md': md('title: Coded', '```python\nprint(1)\n```\n'),
    });
    expect(mermaidPages(corpus)).toEqual(['/notes/drawn/']);
  });
});
