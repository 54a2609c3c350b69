import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/lib/corpus';
import { publishSettings } from '../../src/lib/site/publish';
import { absoluteUrl, normaliseBase, withBase } from '../../src/lib/site/urls';
import { idOf, md } from '../helpers/corpus';

describe('base paths', () => {
  it('are normalised to a leading and a trailing slash, whatever people write', () => {
    for (const raw of ['notes', '/notes', 'notes/', '/notes/', '//notes//', ' /notes/ '.trim()]) expect(normaliseBase(raw)).toBe('/notes/');
    expect(normaliseBase('a/b')).toBe('/a/b/');
    for (const raw of ['', '/', '//', undefined]) expect(normaliseBase(raw)).toBe('/');
  });

  it('prefix every site path, with its query and fragment, and leave other addresses alone', () => {
    expect(withBase('/notes/x/', '/kg/')).toBe('/kg/notes/x/');
    expect(withBase('/', 'kg')).toBe('/kg/');
    expect(withBase('/?q=warm', '/kg/')).toBe('/kg/?q=warm');
    expect(withBase('/papers/p/#results', '/kg/')).toBe('/kg/papers/p/#results');
    expect(withBase('/notes/x/', '/')).toBe('/notes/x/');
    for (const other of ['https://example.org/a', '//cdn.example/x.js', '#top', '?q=1', 'relative/x', 'mailto:a@b.c']) {
      expect(withBase(other, '/kg/')).toBe(other);
    }
  });

  it('make absolute URLs on the site', () => {
    expect(absoluteUrl('/notes/x/', '/kg/', 'https://user.github.io')).toBe('https://user.github.io/kg/notes/x/');
  });
});

describe('SITE_URL and BASE_PATH', () => {
  it('without either, the site is built for the root with no absolute URL', () => {
    expect(publishSettings({})).toEqual({ base: '/' });
  });

  it('a BASE_PATH without its slashes is normalised', () => {
    expect(publishSettings({ BASE_PATH: 'notes' })).toEqual({ base: '/notes/' });
  });

  it('SITE_URL gives the origin; a folder in it is the base', () => {
    expect(publishSettings({ SITE_URL: 'https://user.github.io' })).toEqual({ site: 'https://user.github.io', base: '/' });
    expect(publishSettings({ SITE_URL: 'https://user.github.io/notes' })).toEqual({ site: 'https://user.github.io', base: '/notes/' });
    expect(publishSettings({ SITE_URL: 'https://user.github.io/notes/', BASE_PATH: '/notes' })).toEqual({ site: 'https://user.github.io', base: '/notes/' });
  });

  it('a SITE_URL that is not an absolute http(s) URL stops with one line saying what to write', () => {
    for (const bad of ['user.github.io', '/notes/', 'ftp://host/x', 'javascript:alert(1)', 'https://']) {
      expect(() => publishSettings({ SITE_URL: bad })).toThrow(/^SITE_URL ".*" is not an absolute http\(s\) URL: write the address readers open, like SITE_URL=https:\/\/user\.github\.io/);
    }
  });

  it('a SITE_URL folder and a different BASE_PATH are refused', () => {
    expect(() => publishSettings({ SITE_URL: 'https://host/a/', BASE_PATH: '/b/' })).toThrow(/write the folder once/);
  });
});

describe('bodies of a site published under a base path', () => {
  it('link to items, tags and attachments under the base, and leave outside links alone', () => {
    const corpus = buildCorpus(
      [
        { path: 'notes/a.md', bytes: new TextEncoder().encode(md('title: A', 'See [[B]], #topic, ![[pic.png]], [out](https://example.org/), [top](#x) and [here](/notes/b/).')) },
        { path: 'notes/b.md', bytes: new TextEncoder().encode(md('title: B', 'Back to ![[A]]')) },
      ],
      ['pic.png'],
      { siteAddress: (p) => withBase(p, '/kg/') },
    );
    const html = corpus.bodies.get(idOf('note', 'A'))!.html;
    expect(html).toContain('href="/kg/notes/b/"');
    expect(html).toContain('href="/kg/tags/topic/"');
    expect(html).toContain('src="/kg/attachments/pic.png"');
    expect(html).toContain('href="https://example.org/"');
    expect(html).toContain('href="#x"');
    expect(html).not.toMatch(/(href|src)="\/(?!kg\/)/);
    // An embedded note's links are rewritten once, however often it is embedded.
    expect(corpus.bodies.get(idOf('note', 'B'))!.html).not.toContain('/kg/kg/');
    // The graph keeps site paths: the base belongs to the published addresses only.
    expect(corpus.graph.nodes.get(idOf('note', 'B'))!.url).toBe('/notes/b/');
  });
});
