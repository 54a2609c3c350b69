/**
 * The built sites as a whole: no internal link is broken (linkinator crawls
 * each served site from its landing page), and two builds of the same
 * content are byte for byte the same.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { LinkChecker, LinkState } from 'linkinator';
import { describe, expect, inject, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus';
import { headingAnchor } from '../../src/lib/content/ids';
import { buildSite } from '../helpers/build-site';
import { itOnce } from '../helpers/browser';
import { useServedSite } from '../helpers/served-site';

async function brokenLinks(base: string): Promise<string[]> {
  const origin = new URL(base).origin;
  const result = await new LinkChecker().check({
    path: base + '/',
    recurse: true,
    concurrency: 8,
    // Only this site's links: the outside world is not reachable from the test machine.
    linksToSkip: async (link) => new URL(link, base).origin !== origin,
  });
  expect(result.links.filter((l) => l.state === LinkState.OK).length).toBeGreaterThan(10);
  return result.links.filter((l) => l.state === LinkState.BROKEN).map((l) => `${l.status} ${l.url} (linked from ${l.parent})`);
}

const sites = { content: useServedSite('content'), basic: useServedSite('basic'), hostile: useServedSite('hostile') };

describe('links in the built site', () => {
  it.each([
    ['the content', 'content', []],
    ['the basic fixture', 'basic', []],
    // The hostile `<img src=x>` survives sanitising as an image of a file that does not exist.
    ['the hostile corpus', 'hostile', ['/notes/xss/x']],
  ] as const)('every internal link of %s leads to a page', async (_, name, knownBroken: readonly string[]) => {
    const { url } = sites[name];
    const broken = await brokenLinks(url);
    expect(broken.filter((b) => !knownBroken.some((k) => b.includes(`${url}${k} `)))).toEqual([]);
  });

  it('every link to an anchor on a page of the basic fixture finds its target, or the build warned about it', async () => {
    const { dir } = sites.basic;
    const base = inject('siteBase');
    const warned = new Set(
      (await loadCorpus('tests/fixtures/basic')).problems
        .filter((p) => p.rule === 'link/missing-heading')
        .flatMap((p) => [...p.message.matchAll(/\[\[[^\]#]*#([^\]]+)\]\]/g)].map((m) => headingAnchor(m[1]))),
    );
    expect(warned.size).toBeGreaterThan(0);
    const pages = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.html'));
    const html = new Map(await Promise.all(pages.map(async (f) => [`/${f.split(path.sep).join('/')}`.replace(/index\.html$/, ''), await readFile(path.join(dir, f), 'utf8')] as const)));
    const missing: string[] = [];
    let checked = 0;
    for (const [from, text] of html) {
      for (const [, href] of text.matchAll(/href="([^"]*#[^"]+)"/g)) {
        const [address, anchor] = href.split('#');
        // A text fragment (`#:~:text=…`) names a passage, not an id; the evidence tests check those land.
        if (anchor.startsWith(':~:')) continue;
        // Addresses carry the base the site is published under; the map is keyed by site path.
        const where = address.startsWith(base) ? address.slice(base.length - 1) : address;
        const target = html.get(where || from);
        if (!target) continue; // Not a page of this site.
        checked++;
        const id = decodeURIComponent(anchor);
        if (!target.includes(`id="${id}"`) && !warned.has(id)) missing.push(`${from} → ${href}`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});

async function hashes(dir: string): Promise<Map<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const entries = await Promise.all(
    files.map(async (e) => {
      const full = path.join(e.parentPath, e.name);
      return [path.relative(dir, full), createHash('sha256').update(await readFile(full)).digest('hex')] as const;
    }),
  );
  return new Map(entries.sort(([a], [b]) => a.localeCompare(b)));
}

describe('reproducible builds', () => {
  itOnce('two builds of the same content are byte-identical, file for file, the second rendering on two threads', async () => {
    const first = sites.hostile.dir;
    // A helper thread for any number of bodies: what it renders must make the same pages.
    const { outDir: second } = await buildSite(sites.hostile.contentDir, { base: inject('siteBase'), env: { RENDER_HELPER_FROM: '0', RENDER_CACHE: '0' } });
    try {
      const [a, b] = await Promise.all([hashes(first), hashes(second)]);
      expect(a.size).toBeGreaterThan(30);
      expect([...b.keys()]).toEqual([...a.keys()]);
      const differing = [...a].filter(([file, hash]) => b.get(file) !== hash).map(([file]) => file);
      expect(differing).toEqual([]);
    } finally {
      await rm(second, { recursive: true, force: true });
    }
  });
});
