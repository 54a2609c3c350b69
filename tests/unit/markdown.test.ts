import { describe, expect, it } from 'vitest';
import { renderMarkdown, sentenceAround, splitTarget } from '../../src/lib/markdown';

const resolveAll = () => ({ href: '/notes/t/', stub: false, kind: 'note', title: 'T' });

describe('footnotes', () => {
  it('a footnote’s number links to its note, and the note links back to the number', () => {
    const { html } = renderMarkdown('A claim.[^src]\n\n[^src]: Where it comes from.');
    const ref = /<a href="#([^"]+)" id="([^"]+)" data-footnote-ref/.exec(html)!;
    const back = /<li id="([^"]+)">[\s\S]*?<a href="#([^"]+)" data-footnote-backref/.exec(html)!;
    expect(back[1]).toBe(ref[1]);
    expect(back[2]).toBe(ref[2]);
    expect(ref[1]).toMatch(/^user-content-fn-/);
  });
});

describe('wiki links in Markdown', () => {
  it('parses target, heading and shown text', () => {
    const { links } = renderMarkdown('See [[Title#Some Heading|the text]] and [[Plain]].');
    expect(links.map(({ target, heading, label }) => ({ target, heading, label }))).toEqual([
      { target: 'Title', heading: 'Some Heading', label: 'the text' },
      { target: 'Plain', heading: undefined, label: 'Plain' },
    ]);
  });

  it('records the line of each link in the file, counting the frontmatter', () => {
    const { links } = renderMarkdown('first\n\nsecond [[A]]\n', { lineOffset: 4 });
    expect(links[0].line).toBe(7);
  });

  it('renders resolved links with their href, the title when the words differ from it, and stubs with a stub class', () => {
    const { html } = renderMarkdown('[[A]], [[C|see C]] and [[B]]', {
      resolveWikiLink: (ref) => ({ href: `/notes/${ref.target.toLowerCase()}/`, stub: ref.target === 'B', kind: 'note', title: ref.target }),
    });
    expect(html).toContain('<a href="/notes/a/" class="wikilink">A</a>');
    expect(html).toContain('<a href="/notes/c/" class="wikilink" title="C">see C</a>');
    expect(html).toContain('<a href="/notes/b/" class="wikilink stub" title="B (not written yet)">B</a>');
  });

  it('keeps a question mark inside a cited title from ending the sentence', () => {
    const { links } = renderMarkdown('Since [[Does X help or harm?]], warm AI destroys channels. Next sentence.', { resolveWikiLink: resolveAll });
    expect(links[0].context.sentence).toBe('Since Does X help or harm?, warm AI destroys channels.');
    const { sentence, start, end } = links[0].context;
    expect(sentence.slice(start, end)).toBe('Does X help or harm?');
  });

  it('cuts out the one sentence that holds the link', () => {
    const { links } = renderMarkdown('First sentence here. The link [[Target]] sits here. Third one.');
    expect(links[0].context.sentence).toBe('The link Target sits here.');
  });

  it('collects headings with their anchors, and plain text with link labels', () => {
    const { headings, text, html } = renderMarkdown('## The Hook\n\nText with [[A|a link]].');
    expect(headings).toEqual([{ depth: 2, text: 'The Hook', anchor: 'the-hook', line: 1 }]);
    expect(html).toContain('<h2 id="the-hook">');
    expect(text).toContain('Text with a link.');
  });

  it('ignores wiki-link syntax inside code', () => {
    const { links } = renderMarkdown('`[[Not a link]]`\n\n```\n[[Nor this]]\n```');
    expect(links).toEqual([]);
  });
});

describe('sanitising raw HTML', () => {
  it('removes scripts, event handlers and javascript: URLs but keeps safe markup', () => {
    const { html } = renderMarkdown('<script>alert(1)</script>\n\n<img src="x.png" onerror="alert(1)">\n\n<a href="javascript:alert(1)">x</a> <em>kept</em>');
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
    expect(html).toContain('<em>kept</em>');
    expect(html).toContain('<img src="x.png">');
  });
});

describe('splitTarget', () => {
  it('does what its @example says', () => {
    expect(splitTarget('Note#Results')).toEqual({ target: 'Note', heading: 'Results' });
    expect(splitTarget('Note#Method#Data')).toEqual({ target: 'Note', heading: 'Data' });
    expect(splitTarget('Note#^key-figure')).toEqual({ target: 'Note', block: 'key-figure' });
    expect(splitTarget('#Results')).toEqual({ target: '', heading: 'Results' });
  });

  it('splits a heading off the target', () => {
    expect(splitTarget('A#B')).toEqual({ target: 'A', heading: 'B' });
    expect(splitTarget('A#')).toEqual({ target: 'A', heading: undefined });
    expect(splitTarget('#B')).toEqual({ target: '', heading: 'B' });
  });
});

describe('sentenceAround', () => {
  it('falls back to the whole text for an offset outside every sentence', () => {
    expect(sentenceAround('One.', [], 10, 11).sentence).toBe('One.');
  });
});

describe('a link that is a sentence on its own', () => {
  it('borrows the sentence before it, which says why the link is made', () => {
    const { links } = renderMarkdown('Intro here. Trait-level warmth training corrupts. [[Does warmth training make models less reliable?]]. The mechanism follows.');
    const { sentence, start, end } = links[0].context;
    expect(sentence).toBe('Trait-level warmth training corrupts. Does warmth training make models less reliable?.');
    expect(sentence.slice(start, end)).toBe('Does warmth training make models less reliable?');
  });
  it('borrows the sentence after it when it opens the paragraph', () => {
    const { links } = renderMarkdown('[[A note]]. It shows the effect.');
    expect(links[0].context.sentence).toBe('A note. It shows the effect.');
  });
});
