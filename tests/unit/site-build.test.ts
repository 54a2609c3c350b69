import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphJson } from '../../src/lib/graph';
import { buildSite } from '../helpers/build-site';

describe('building the basic fixture with Astro', () => {
  let out: string;
  let log: string;
  const page = (p: string) => readFile(path.join(out, p, 'index.html'), 'utf8');

  beforeAll(async () => {
    ({ outDir: out, log } = await buildSite('tests/fixtures/basic'));
  });

  it('reports the bad file by name, line and field, and builds everything else', async () => {
    expect(log).toContain('error: notes/broken.md:3: field "papers": expected a list, found text');
    await expect(page('notes/broken')).rejects.toThrow();
    await expect(page('notes/warmth')).resolves.toContain('<h1>Does warmth training make language models less reliable?</h1>');
  });

  it('writes the search files the engine makes, with the index built in a worker beside the pages', async () => {
    expect(log).toMatch(/\d+ file\(s\) written to \/search\/ \(made beside the pages\)/);
    const { searchFileContents } = await import('../../src/lib/site/search-file-set');
    const { loadCorpus } = await import('../../src/lib/corpus');
    const expected = searchFileContents(await loadCorpus('tests/fixtures/basic'));
    for (const [file, text] of expected) await expect(readFile(path.join(out, file), 'utf8')).resolves.toBe(text);
  });

  it('without SITE_URL says so once, and writes no sitemap, no feed and no canonical link', async () => {
    expect(log.match(/SITE_URL is not set/g)).toHaveLength(1);
    const files = await readdir(out);
    expect(files.filter((f) => /sitemap|feed/.test(f))).toEqual([]);
    expect(await readFile(path.join(out, 'robots.txt'), 'utf8')).toBe('User-agent: *\nAllow: /\n');
    const html = await page('notes/warmth');
    expect(html).not.toContain('rel="canonical"');
    expect(html).toContain('<meta property="og:description" content="Warmth training raises error rates on safety-critical tasks.">');
  });

  it('shows when an item was written and updated, and lists recently updated items on the landing page', async () => {
    const paper = await page('papers/warm-and-empathetic');
    expect(paper).toMatch(/<span>Published <time datetime="2025-07-29">29 July 2025<\/time><\/span>/);
    const landing = await page('.');
    expect(landing).toContain('Recently updated');
    expect(landing).toMatch(/data-recent[^]*href="\/papers\/warm-and-empathetic\/"/);
  });

  it('writes graph.json with typed edges', async () => {
    const graph = JSON.parse(await readFile(path.join(out, 'graph.json'), 'utf8')) as GraphJson;
    expect(graph.nodes.find((n) => n.id === 'notes/warmth')).toMatchObject({ kind: 'note', url: '/notes/warmth/', stub: false });
    expect(graph.edges).toContainEqual(expect.objectContaining({ source: 'notes/warmth', target: 'papers/warm-and-empathetic', type: 'related', rank: 1 }));
    expect(new Set(graph.edges.map((e) => e.type))).toEqual(new Set(['cites', 'source', 'related', 'next', 'similar']));
  });

  it('a note page shows each backlink with its sentence, the link highlighted', async () => {
    const html = await page('notes/warmth');
    expect(html).toContain('Behavior-level rewards preserve, as <mark>the trap note</mark> shows by contrast.');
    expect(html).toMatch(/Linked from/);
    expect(html).toMatch(/Inquiry lines that use this note/);
  });

  it('a link to a missing title yields a stub page that lists its referrers', async () => {
    const html = await page('notes/does-empathetic-ai-that-soothes-negative-emotions-help-or-harm');
    expect(html).toContain('is not written yet');
    expect(html).toContain('href="/notes/warmth/"');
    expect(html).toContain('<mark>Does empathetic AI that soothes negative emotions help or harm?</mark>');
    const linking = await page('notes/warmth');
    expect(linking).toMatch(/class="wikilink stub"[^>]*>Does empathetic AI/);
  });

  it('a line lists its sources with their summaries; a paper lists the notes that rely on it', async () => {
    const line = await page('lines/clinically-dangerous');
    expect(line).toContain('Five models trained for warmth showed 5–9pp error increases.');
    const paper = await page('papers/warm-and-empathetic');
    expect(paper).toContain('Listed as related reading by');
    expect(paper).toContain('href="/notes/granularity/"');
  });

  it('builds index pages per kind and tag pages, nested tags included', async () => {
    expect(await page('papers')).toContain('data-sort-key="citations"');
    expect(await page('tags/warmth')).toContain('href="/notes/granularity/"');
    expect(await page('tags/reliability/factual')).toContain('href="/notes/warmth/"');
    expect(await page('')).toMatch(/Most connected claims/);
  });
});
