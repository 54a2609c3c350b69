/**
 * The markup pages list dozens of times, written as strings (src/lib/site/markup.ts): it must escape
 * whatever an item's title or a sentence holds, as Astro escapes expressions and attributes.
 */
import { describe, expect, it } from 'vitest';
import type { SitePath } from '../../src/lib/content/ids';
import { TABLES } from '../../src/lib/site/interface-text';
import { escapeAttribute, escapeText, linkContextHtml, nodeLinkHtml } from '../../src/lib/site';

const node = (title: string, stub = false, url = '/notes/x/' as SitePath) => ({ kind: 'note' as const, title, url, stub });

describe('an item link as a string', () => {
  it('escapes a hostile title and address, so nothing in them becomes markup', () => {
    const html = nodeLinkHtml(node(`<img src=x onerror="alert(1)"> & 'it'`, false, '/notes/a"b&c/' as SitePath), TABLES.en);
    expect(html).toBe(`<span class="badge note">Note</span> <a class="node-link" href="/notes/a&#34;b&#38;c/">&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;it&#39;</a> `);
    expect(html).not.toMatch(/<img/);
  });

  it('marks a stub with its class and badge, and leaves the kind badge out when asked', () => {
    expect(nodeLinkHtml(node('Gap', true), TABLES.en)).toBe(`<span class="badge note">Note</span> <a class="node-link stub" href="/notes/x/">Gap</a> <span class="badge stub" title="Referenced but not written yet">stub</span>`);
    expect(nodeLinkHtml(node('Plain'), TABLES.en, false)).toBe(` <a class="node-link" href="/notes/x/">Plain</a> `);
  });
});

describe('a link sentence as a string', () => {
  it('quotes the sentence, marks the link words and escapes all three parts', () => {
    const sentence = 'A <b> before [[Target & co]] after "x".';
    const start = sentence.indexOf('Target');
    const html = linkContextHtml({ sentence, start, end: start + 'Target & co'.length });
    expect(html).toBe(`<p class="context">“A &lt;b&gt; before [[<mark>Target &amp; co</mark>]] after &quot;x&quot;.”</p>`);
  });

  it('writes no mark for an empty link span', () => {
    expect(linkContextHtml({ sentence: 'Only text.', start: 0, end: 0 })).toBe(`<p class="context">“Only text.”</p>`);
  });
});

describe('escaping as Astro does', () => {
  it('escapes the five characters of text, and ampersands and double quotes in attributes', () => {
    expect(escapeText(`&<>'"`)).toBe('&amp;&lt;&gt;&#39;&quot;');
    expect(escapeAttribute(`a&b"c'<d>`)).toBe(`a&#38;b&#34;c'<d>`);
  });
});
