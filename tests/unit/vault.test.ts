import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus';
import { renderMarkdown } from '../../src/lib/markdown';
import { inlineTags, markdownFragment } from '../../src/lib/markdown';
import { tagIndex } from '../../src/lib/site/pages';
import type { NodeId } from '../../src/lib/content/ids';
import { firstHeading, PathIndex, vaultSlug } from '../../src/lib/content/vault';
import { corpusOf, md } from '../helpers/corpus';

const id = (s: string) => s as NodeId;
const htmlOf = (corpus: ReturnType<typeof corpusOf>, nodeId: string) => corpus.bodies.get(id(nodeId))!.html;
const warnings = (corpus: ReturnType<typeof corpusOf>) => corpus.problems.filter((p) => p.severity === 'warning');

describe('plain Markdown outside the kind folders', () => {
  const corpus = corpusOf({
    'Inbox/Deep/Plain file.md': 'Just text, no frontmatter, no heading.',
    'Headed.md': '\n# The *real* title\n\nBody text.\n\n# A later heading\n',
    'Titled.md': md('title: From frontmatter', '# Not the title\n'),
    'Obsidian keys.md': md('created: 2024-01-01\ncssclasses: [wide]\npublish: true\naliases: Only alias\ntags: "one, two #three"\nsummary:\n', 'Text.'),
    'papers/strict.md': md('title: Strict\ncssclasses: [wide]', ''),
    'papers/fits.md': md('title: Fits\nauthors: [A. Author]', ''),
    'papers/fits-too.md': md('title: Fits too', ''),
  });

  it('becomes a note at any depth, its address keeping its folders', () => {
    expect(corpus.graph.nodes.get(id('notes/inbox/deep/plain-file'))).toMatchObject({ kind: 'note', url: '/notes/inbox/deep/plain-file/', stub: false });
  });

  it('is titled by frontmatter title, else its file name, never by its first heading', () => {
    expect(corpus.documents.get(id('notes/titled'))!.data.title).toBe('From frontmatter');
    expect(corpus.documents.get(id('notes/headed'))!.data.title).toBe('Headed');
    expect(corpus.documents.get(id('notes/inbox/deep/plain-file'))!.data.title).toBe('Plain file');
  });

  it('keeps a first heading that differs from the title in the body, with its line', () => {
    const body = corpus.bodies.get(id('notes/headed'))!;
    expect(body.headings.map((h) => [h.text, h.line])).toEqual([['The real title', 2], ['A later heading', 6]]);
    expect(htmlOf(corpus, 'notes/titled')).toContain('Not the title');
  });

  it('accepts the frontmatter keys of other tools, single-string aliases and tags, and empty keys', () => {
    const doc = corpus.documents.get(id('notes/obsidian-keys'))!;
    expect(doc.data).toMatchObject({ title: 'Obsidian keys', aliases: ['Only alias'], tags: ['one', 'two', 'three'] });
    expect(corpus.problems.filter((p) => p.file === 'Obsidian keys.md')).toEqual([]);
  });

  it('keeps a kind folder read in the research format strict: unknown keys there are still errors', () => {
    expect(corpus.reading.dialects.find((d) => d.folder === 'papers')).toMatchObject({ dialect: 'research', files: 3 });
    expect(corpus.problems).toContainEqual(expect.objectContaining({ file: 'papers/strict.md', severity: 'error', field: 'cssclasses' }));
  });

  it('gives vault notes readable, folder-keeping slugs', () => {
    expect(vaultSlug('Projects/Deep Work/Plan (v2).md')).toBe('projects/deep-work/plan-v2');
    expect(vaultSlug('a-b/c.md')).toBe('a-b/c');
  });

  it('finds a first heading only outside code fences', () => {
    expect(firstHeading('```\n# code\n```\n## two\n# One\n')).toEqual({ text: 'One', line: 4 });
    expect(firstHeading('no heading')).toBeUndefined();
  });
});

describe('Obsidian link resolution', () => {
  const corpus = corpusOf({
    'Research/Warmth.md': md('aliases: [The trap]', 'Intro. ^intro-block\n\n## Method\n\nSteps.\n'),
    'Projects/Index.md': 'Projects.',
    'Research/Methods/Index.md': 'Methods.',
    'B/Index.md': 'Also index.',
    'notes/ours.md': md('title: Our own note', ''),
    'Linker.md': [
      'By name [[Warmth]], by name with extension [[warmth.md]], by alias [[the trap]], by title [[Our own note]], by file [[ours]].',
      'Shown text [[Warmth|the warmth note]].',
      'Ambiguous [[Index]]; by folder [[Methods/Index]] and [[Research/Methods/Index]].',
      'Heading [[Warmth#Method]], nested heading [[Warmth#Method#Steps]], block [[Warmth#^intro-block]], missing block [[Warmth#^nope]].',
    ].join('\n\n'),
  });
  const html = htmlOf(corpus, 'notes/linker');
  const targets = corpus.graph.outgoing.get(id('notes/linker'))!.map((e) => e.target);

  it('resolves [[File name]] by file name wherever the file sits, in any case, with or without .md', () => {
    expect(html.match(/href="\/notes\/research\/warmth\/"/g)?.length).toBe(3);
    expect(targets).toContain('notes/research/warmth');
  });

  it('never resolves a title or an alias from a vault note, as Obsidian does not', () => {
    expect(html).toMatch(/href="\/notes\/the-trap\/" class="wikilink stub"/);
    expect(html).toMatch(/href="\/notes\/our-own-note\/" class="wikilink stub"/);
    expect(targets).toContain('notes/ours');
  });

  it('shows the text after | in place of the file name', () => {
    expect(html).toMatch(/href="\/notes\/research\/warmth\/"[^>]*>the warmth note</);
  });

  it('picks the shortest path for an ambiguous name and warns naming every candidate', () => {
    expect(html).toMatch(/href="\/notes\/b\/index\/"[^>]*>Index</);
    const warning = warnings(corpus).find((p) => p.rule === 'link/ambiguous')!;
    expect(warning).toMatchObject({ file: 'Linker.md', line: 5 });
    expect(warning.message).toContain('B/Index.md or Projects/Index.md or Research/Methods/Index.md');
  });

  it('lets a folder prefix pick one of several files of one name', () => {
    expect(html.match(/href="\/notes\/research\/methods\/index\/"/g)?.length).toBe(2);
  });

  it('links [[File#Heading]] to the heading anchor, the last of nested headings', () => {
    expect(html).toContain('href="/notes/research/warmth/#method"');
    expect(html).toContain('href="/notes/research/warmth/#steps"');
  });

  it('links [[File#^block]] to the block, and warns about a block that is not marked', () => {
    expect(html).toContain('href="/notes/research/warmth/#^intro-block"');
    expect(warnings(corpus).some((p) => p.file === 'Linker.md' && p.line === 7 && p.rule === 'link/missing-block' && /\^nope/.test(p.message))).toBe(true);
  });

  it('orders candidates by path length, then alphabetically', () => {
    const index = new PathIndex(['z/Note.md', 'a/b/Note.md', 'a/Note.md'].map((path) => ({ path, value: path })), true);
    expect(index.find('Note')).toMatchObject({ path: 'a/Note.md', others: ['z/Note.md', 'a/b/Note.md'] });
    expect(index.find('b/note')?.path).toBe('a/b/Note.md');
    expect(index.find('c/Note')).toBeUndefined();
  });
});

describe('Markdown links to vault files', () => {
  const corpus = corpusOf(
    {
      'Research/Deep/Target note.md': '## Part\n\nText.',
      'Research/Linker.md': [
        'Relative [see it](Deep/Target%20note.md#part), from the root [again](Research/Deep/Target%20note.md), by bare name [once more](<Target note.md>).',
        'An image ![a plot](../img/plot.png), a PDF [the report](../img/report.pdf), a missing note [gone](Gone.md) and the web [site](https://example.org/a.md).',
      ].join('\n\n'),
    },
    ['img/plot.png', 'img/report.pdf'],
  );
  const html = htmlOf(corpus, 'notes/research/linker');

  it('resolve relative to the linking file, from the root, or by file name, keeping their text and fragment', () => {
    expect(html).toMatch(/<a href="\/notes\/research\/deep\/target-note\/#part" class="wikilink"[^>]*>see it<\/a>/);
    expect(html.match(/href="\/notes\/research\/deep\/target-note\/"/g)?.length).toBe(2);
  });

  it('count as graph edges with their sentence', () => {
    const edge = corpus.graph.outgoing.get(id('notes/research/linker'))!.find((e) => e.target === 'notes/research/deep/target-note')!;
    expect(edge.contexts[0].sentence).toContain('Relative see it');
  });

  it('show images and link attachments by their relative paths', () => {
    expect(html).toContain('<img src="/attachments/img/plot.png" alt="a plot" loading="lazy">');
    expect(html).toMatch(/<a href="\/attachments\/img\/report.pdf"[^>]*>the report<\/a>/);
  });

  it('make a stub of a missing note, and leave web links alone', () => {
    expect(corpus.graph.nodes.get(id('notes/gone'))).toMatchObject({ stub: true, title: 'Gone' });
    expect(html).toContain('<a href="https://example.org/a.md">site</a>');
  });
});

describe('block ids', () => {
  const { html, text, blocks } = renderMarkdown(['A paragraph. ^para', '- one\n- two ^item', '| a |\n| - |\n| b |\n\n^table', 'Trailing caret^notablock'].join('\n\n'));

  it('anchors the marked paragraph, list item, or the block before a lone marker', () => {
    expect(html).toContain('<p id="^para">A paragraph.</p>');
    expect(html).toContain('<li id="^item">two</li>');
    expect(html).toMatch(/<table id="\^table">/);
    expect(blocks).toEqual(['para', 'item', 'table']);
  });

  it('strips the marker from what a reader sees and from the plain text', () => {
    expect(html).not.toMatch(/[ >]\^(para|item|table)\b/);
    expect(text).not.toContain('^para');
    expect(html).toContain('Trailing caret^notablock');
  });
});

describe('embeds', () => {
  const corpus = corpusOf(
    {
      'Source.md': 'Opening. ^first\n\n## Part one\n\nOne text with [[Other]].\n\n### Sub\n\nSub text.\n\n## Part two\n\nTwo text.\n',
      'Other.md': 'Other note.',
      'Host.md': ['![[Source#Part one]]', '![[Source#^first]]', '![[Other]]', 'Inline ![[Other]] in a sentence.', '![[photo.png|A photo|300]]', '![[photo.png]]', '![[report.pdf]]', '![[missing.png]]', '`![[Other]]`'].join('\n\n'),
      'A.md': '![[B]]',
      'B.md': '![[A]]',
      'Self.md': '![[#Part]]\n\n## Part\n\nText.',
    },
    ['img/photo.png', 'docs/report.pdf'],
  );
  const html = htmlOf(corpus, 'notes/host');

  it('embeds one section of a note: its heading and subheadings, up to the next heading of its level', () => {
    const section = html.slice(html.indexOf('Part one'), html.indexOf('Opening.'));
    expect(section).toContain('One text with');
    expect(section).toContain('Sub text.');
    expect(section).not.toContain('Two text.');
    expect(html).toMatch(/<div class="embed"><a href="\/notes\/source\/#part-one" class="embed-title">Source › Part one<\/a>/);
  });

  it('embeds one block, and a whole note, linking each to its source', () => {
    expect(html).toMatch(/<a href="\/notes\/source\/#\^first" class="embed-title">Source<\/a><p[^>]*>Opening\.<\/p>/);
    expect(html).toMatch(/<a href="\/notes\/other\/" class="embed-title">Other<\/a><p>Other note\.<\/p>/);
  });

  it('resolves the links inside an embedded note', () => {
    expect(html).toMatch(/One text with <a href="\/notes\/other\/" class="wikilink"/);
  });

  it('keeps a note embedded mid-sentence as a link, since a paragraph cannot hold a note', () => {
    expect(html).toMatch(/Inline <a href="\/notes\/other\/" class="wikilink"[^>]*>Other<\/a> in a sentence/);
  });

  it('shows images as images, sized and described as Obsidian writes it', () => {
    expect(html).toContain('<img src="/attachments/img/photo.png" alt="A photo" width="300" loading="lazy">');
    expect(html).toContain('<img src="/attachments/img/photo.png" alt="photo" loading="lazy">');
  });

  it('links other attachments, and warns about a missing one', () => {
    expect(html).toContain('<a href="/attachments/docs/report.pdf" class="attachment">report.pdf</a>');
    expect(warnings(corpus)).toContainEqual(expect.objectContaining({ file: 'Host.md', line: 15, message: expect.stringContaining('no attachment "missing.png"') }));
  });

  it('leaves embed syntax in code as it is', () => {
    expect(html).toContain('<code>![[Other]]</code>');
  });

  it('stops an embed cycle, showing the repeat as a link and warning', () => {
    expect(htmlOf(corpus, 'notes/a')).toMatch(/<div class="embed"><a href="\/notes\/b\/" class="embed-title">B<\/a><p><a href="\/notes\/a\/" class="wikilink"/);
    expect(warnings(corpus).some((p) => p.file === 'B.md' && p.rule === 'embed/cycle')).toBe(true);
    expect(htmlOf(corpus, 'notes/self')).toMatch(/<a href="\/notes\/self\/#part" class="wikilink"/);
  });

  it('stops nesting past the depth limit', () => {
    const chain = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`N${i}.md`, `Level ${i}.\n\n![[N${i + 1}]]`]));
    const deep = corpusOf({ ...chain, 'N8.md': 'Bottom.' });
    const top = htmlOf(deep, 'notes/n0');
    expect(top).toContain('Level 4.');
    expect(top).not.toContain('Bottom.');
    expect(warnings(deep).some((p) => p.rule === 'embed/too-deep')).toBe(true);
  });

  it('counts an embed as a link in the graph', () => {
    expect(corpus.graph.outgoing.get(id('notes/host'))!.map((e) => e.target).sort()).toEqual(['notes/other', 'notes/source']);
  });

  it('cuts a section or a block out of a body', () => {
    const body = '# A\n\none\n\n## B\n\ntwo ^blk\n\n# C\n\nthree';
    expect(markdownFragment(body, { heading: 'B' })).toBe('## B\n\ntwo ^blk\n\n');
    expect(markdownFragment(body, { block: 'blk' })).toBe('two ^blk');
    expect(markdownFragment(body, { heading: 'Z' })).toBeUndefined();
  });
});

describe('comments', () => {
  it('hide %%text%% inline and across lines, to the end when unclosed, keeping line numbers and code', () => {
    const { html, text, links } = renderMarkdown('Shown %%secret [[Hidden]]%% text.\n\n%%\nprivate\nlines\n%%\n\n`%%code%%` and [[Kept]]\n\n```\n%%fenced%%\n```\n\nTail %%unclosed\n\nnever shown');
    expect(html).not.toMatch(/secret|private|unclosed|never shown/);
    expect(text).not.toContain('secret');
    expect(html).toContain('<code>%%code%%</code>');
    expect(html).toContain('%%fenced%%');
    expect(links.map((l) => [l.target, l.line])).toEqual([['Kept', 8]]);
  });
});

describe('callouts', () => {
  const { html } = renderMarkdown('> [!warning] Mind the **gap**\n> Body line.\n\n> [!faq]- Folded?\n> Answer.\n\n> [!tip]+\n> Open tip.\n\n> Plain quote.');

  it('turn a quote opening with [!type] into a titled box, the title keeping its formatting', () => {
    expect(html).toContain('<blockquote class="callout" data-callout="warning">\n<p class="callout-title">Mind the <strong>gap</strong></p>\n<p>Body line.</p>\n</blockquote>');
  });

  it('fold shut with -, open with +, as <details> with the type as title when none is given', () => {
    expect(html).toContain('<details class="callout" data-callout="faq">\n<summary class="callout-title">Folded?</summary>');
    expect(html).toContain('<details class="callout" data-callout="tip" open>\n<summary class="callout-title">Tip</summary>');
  });

  it('leave other quotes as quotes', () => {
    expect(html).toContain('<blockquote>\n<p>Plain quote.</p>');
  });
});

describe('inline tags', () => {
  const corpus = corpusOf({
    'Tagged.md': md('tags: [front]', '## Heading #inheading\n\nText #plain and #nested/deep/tag, #front again.\n\nNot #123, not a#b, not `#code`, not [#link](https://x.org/#frag), not https://x.org/#bare.\n\n```\n#fenced\n```\n'),
  });
  const node = corpus.graph.nodes.get(id('notes/tagged'))!;

  it('count like frontmatter tags, nested ones kept whole, without duplicates', () => {
    expect(node.tags).toEqual(['front', 'inheading', 'plain', 'nested/deep/tag']);
  });

  it('link to their tag pages', () => {
    expect(htmlOf(corpus, 'notes/tagged')).toContain('<a href="/tags/nested/deep/tag/" class="tag">#nested/deep/tag</a>');
  });

  it('list their items under each parent tag too', () => {
    const index = tagIndex(corpus);
    for (const tag of ['nested', 'nested/deep', 'nested/deep/tag']) expect(index.get(tag)?.map((n) => n.id)).toEqual(['notes/tagged']);
  });

  it('are never numbers, code, URL fragments or parts of words', () => {
    expect(inlineTags('#123 #12a a#b #a-1 (#x)').map((t) => t.tag)).toEqual(['12a', 'a-1', 'x']);
  });
});

describe('the vault fixture', async () => {
  const corpus = await loadCorpus('tests/fixtures/vault');

  it('leaves out the editor folders (.obsidian, .trash)', () => {
    expect([...corpus.documents.values()].some((d) => d.file.startsWith('.'))).toBe(false);
    expect(corpus.attachments.some((a) => a.startsWith('.'))).toBe(false);
  });

  it('reads vault notes and kind-folder notes side by side, linking each other', () => {
    expect(corpus.documents.get(id('notes/kind-folder-note'))!.vault).toBeUndefined();
    const targets = corpus.graph.outgoing.get(id('notes/kind-folder-note'))!.map((e) => e.target);
    expect(targets).toEqual(expect.arrayContaining(['notes/welcome', 'notes/research/warmth-and-reliability']));
  });

  it('resolves every link but those to a note not written yet and to an alias, which Obsidian leaves unresolved', () => {
    expect(corpus.linkCounts.missing).toBe(0);
    expect(corpus.linkCounts.stubs).toBe(2);
    expect(corpus.linkCounts.written + corpus.linkCounts.attachments + corpus.linkCounts.stubs).toBe(corpus.linkCounts.total);
    expect(corpus.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});
