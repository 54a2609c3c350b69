import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site';

const SITE = 'https://user.example.io';
const BASE = '/kg/';
const exists = (file: string) => access(file).then(() => true, () => false);

describe('building the basic fixture for https://user.example.io/kg/', () => {
  let out: string;
  let log: string;
  const read = (p: string) => readFile(path.join(out, p), 'utf8');
  const xml = (text: string) => {
    expect(XMLValidator.validate(text)).toBe(true);
    return new XMLParser({ ignoreAttributes: false }).parse(text);
  };

  beforeAll(async () => {
    ({ outDir: out, log } = await buildSite('tests/fixtures/basic', { site: SITE, base: 'kg' }));
  });

  it('writes a valid sitemap of every page, with absolute URLs under the base', async () => {
    expect(log).not.toContain('SITE_URL is not set');
    const index = xml(await read('sitemap-index.xml'));
    const parts = [index.sitemapindex.sitemap].flat().map((s: { loc: string }) => s.loc);
    expect(parts.every((loc: string) => loc.startsWith(`${SITE}${BASE}`))).toBe(true);
    const urls = (await Promise.all(parts.map((loc: string) => read(new URL(loc).pathname.slice(BASE.length)))))
      .flatMap((text) => [xml(text).urlset.url].flat().map((u: { loc: string }) => u.loc));
    expect(urls).toContain(`${SITE}${BASE}notes/warmth/`);
    expect(urls).toContain(`${SITE}${BASE}`);
    expect(urls.every((u: string) => u.startsWith(`${SITE}${BASE}`))).toBe(true);
    expect(urls.some((u: string) => u.endsWith('.json') || u.includes('404'))).toBe(false);
  });

  it('writes a valid RSS feed of dated items, newest first, with absolute links and claims as descriptions', async () => {
    const rss = xml(await read('feed.xml')).rss.channel;
    expect(rss.link).toBe(`${SITE}${BASE}`);
    const items = [rss.item].flat() as { title: string; link: string; pubDate: string; description?: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.link.startsWith(`${SITE}${BASE}`) && !Number.isNaN(Date.parse(i.pubDate)))).toBe(true);
    const dates = items.map((i) => Date.parse(i.pubDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    // The paper is listed by its publication date, as its frontmatter gives it.
    const paper = items.find((i) => i.link.endsWith('/papers/warm-and-empathetic/'))!;
    expect(new Date(paper.pubDate).toISOString().slice(0, 10) >= '2025-07-29').toBe(true);
    expect(items.find((i) => i.link.endsWith('/notes/warmth/'))?.description).toBe('Warmth training raises error rates on safety-critical tasks.');
  });

  it('names the sitemap in robots.txt', async () => {
    expect(await read('robots.txt')).toBe(`User-agent: *\nAllow: /\nSitemap: ${SITE}${BASE}sitemap-index.xml\n`);
  });

  it('gives each page a canonical link and OpenGraph and Twitter meta whose description is the claim, else the summary', async () => {
    const html = await read('notes/warmth/index.html');
    expect(html).toContain(`<link rel="canonical" href="${SITE}${BASE}notes/warmth/">`);
    expect(html).toContain(`<meta property="og:url" content="${SITE}${BASE}notes/warmth/">`);
    expect(html).toContain('<meta property="og:description" content="Warmth training raises error rates on safety-critical tasks.">');
    // A summary card, whose title and description Twitter reads from og:title and og:description.
    expect(html).toContain('<meta name="twitter:card" content="summary">');
    expect(html).not.toContain('twitter:description');
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(await read('notes/emotion-rewards/index.html')).toContain(`<meta property="og:description" content="RLVER trains empathy against a simulated user's emotion trajectory.">`);
    expect(html).toContain(`<link rel="alternate" type="application/rss+xml"`);
  });

  it('writes one small preview file per item and no file of them all', async () => {
    const notes = await readdir(path.join(out, 'previews/notes'));
    // Published under a name that carries its hash (docs/data-files.md).
    const file = notes.find((name) => /^warmth\.[0-9a-f]{8}\.json$/.test(name));
    expect(file).toBeDefined();
    const warmth = JSON.parse(await read(`previews/notes/${file}`));
    expect(warmth).toMatchObject({ kind: 'note', title: 'Does warmth training make language models less reliable?', claim: 'Warmth training raises error rates on safety-critical tasks.', stub: false });
    expect(JSON.stringify(warmth).length).toBeLessThan(1500);
    expect(await exists(path.join(out, 'previews.json'))).toBe(false);
  });
});
