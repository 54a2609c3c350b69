/** What a page with a Mermaid diagram needs of the build: its address known. */
import { describe, expect, it } from 'vitest';
import { mermaidPages } from '../../src/lib/site/mermaid-script';
import { corpusOf, md } from '../helpers/corpus';

describe('pages with a diagram', () => {
  it('are the items whose body holds a mermaid block', () => {
    const corpus = corpusOf({
      'notes/drawn.md': md('title: Drawn', '```mermaid\ngraph LR\n  A --> B\n```\n'),
      'notes/coded.md': md('title: Coded', '```python\nprint(1)\n```\n'),
    });
    expect(mermaidPages(corpus)).toEqual(['/notes/drawn/']);
  });
});
