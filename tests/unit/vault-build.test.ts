import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphJson } from '../../src/lib/graph';
import { buildSite } from '../helpers/build-site';

const VAULT = 'tests/fixtures/vault';

describe('building an Obsidian-style vault with Astro', () => {
  let out: string;
  let log: string;
  const page = (p: string) => readFile(path.join(out, p, 'index.html'), 'utf8');

  beforeAll(async () => {
    ({ outDir: out, log } = await buildSite(VAULT));
  });

  it('publishes nested plain-Markdown files at addresses that keep their folders', async () => {
    const research = await page('notes/research/warmth-and-reliability');
    expect(research).toContain('<h1>Warmth and reliability</h1>');
    expect(research).toContain('<h1 id="does-warmth-training-hurt-reliability">Does warmth training hurt reliability?</h1>');
    await expect(page('notes/daily/2024-05-01')).resolves.toContain('<h1>2024-05-01</h1>');
    await expect(page('notes/kind-folder-note')).resolves.toContain('<h1>A note in the kind folder</h1>');
  });

  it('leaves the trash and the editor settings out of the site', async () => {
    await expect(page('notes/deleted')).rejects.toThrow();
    await expect(stat(path.join(out, 'attachments/.obsidian'))).rejects.toThrow();
  });

  it('copies attachments byte for byte and shows embedded images', async () => {
    for (const file of ['attachments/diagram.png', 'attachments/Warmth paper.pdf']) {
      const [copied, original] = await Promise.all([readFile(path.join(out, 'attachments', file)), readFile(path.join(VAULT, file))]);
      expect(copied.equals(original)).toBe(true);
    }
    const welcome = await page('notes/welcome');
    expect(welcome).toContain('<img src="/attachments/attachments/diagram.png" alt="A diagram of the argument" width="120" loading="lazy">');
    expect(welcome).toContain('href="/attachments/attachments/Warmth%20paper.pdf"');
  });

  it('resolves Markdown links and images written with relative paths', async () => {
    const daily = await page('notes/daily/2024-05-01');
    expect(daily).toContain('href="/notes/research/warmth-and-reliability/#findings"');
    expect(daily).toContain('href="/notes/projects/plan/"');
    expect(daily).toContain('<img src="/attachments/attachments/diagram.png" alt="the diagram" loading="lazy">');
  });

  it('gives marked blocks their anchors and links into them', async () => {
    const note = await page('notes/research/warmth-and-reliability');
    expect(note).toContain('<p id="^key-finding">Warm models make more errors on medical questions.</p>');
    expect(note).toContain('<li id="^second-point">');
    expect(note).toContain('<details class="callout" data-callout="question">');
    await expect(page('notes/welcome')).resolves.toContain('href="/notes/research/warmth-and-reliability/#^key-finding"');
  });

  it('renders embedded sections and blocks inside the embedding page', async () => {
    const plan = await page('notes/projects/plan');
    expect(plan).toContain('Errors rise by ten to thirty points');
    expect(plan).not.toContain('Does it hold for behaviour-level rewards?');
    expect(plan).toContain('class="embed-title">Methods index</a>');
    expect(plan).not.toContain('Private reminder');
  });

  it('makes tag pages for inline and nested tags', async () => {
    await expect(page('tags/research/warmth')).resolves.toContain('href="/notes/welcome/"');
    await expect(page('tags/daily/log')).resolves.toContain('href="/notes/daily/2024-05-01/"');
    await expect(page('tags/research')).resolves.toContain('href="/notes/welcome/"');
  });

  it('warns about an ambiguous link naming both files, and puts vault notes in graph.json', async () => {
    expect(log).toContain('Welcome.md:3: the link [[Index]] could mean Projects/Index.md or Research/Methods/Index.md');
    const graph = JSON.parse(await readFile(path.join(out, 'graph.json'), 'utf8')) as GraphJson;
    expect(graph.edges).toContainEqual({ source: 'notes/projects/plan', target: 'notes/research/warmth-and-reliability', type: 'cites' });
  });
});

describe('building a Dendron vault and a folder with nothing to publish', () => {
  let dendron: string;
  let failure: string | undefined;
  beforeAll(async () => {
    ({ outDir: dendron } = await buildSite('tests/fixtures/dendron-vault'));
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const empty = await mkdtemp(path.join(tmpdir(), 'nothing-'));
    await writeFile(path.join(empty, 'Broken.md'), '---\ntitle: [unclosed\n---\nBody\n');
    failure = await buildSite(empty).then(
      () => undefined,
      (e: Error & { stdout?: string; stderr?: string }) => `${e.stdout}${e.stderr}`,
    );
  });

  it('publishes a Dendron vault kept in notes/, each note showing its parent and children', async () => {
    const fixtures = await readFile(path.join(dendron, 'notes/python.fixtures/index.html'), 'utf8');
    expect(fixtures).toContain('<h1>Fixtures</h1>');
    expect(fixtures).toMatch(/hierarchy-parent"><span>Parent<\/span>\s*<a class="node-link" href="\/notes\/python\/">Python<\/a>/);
    expect(fixtures).toMatch(/Children \(1\)<\/span>\s*<ul><li>\s*<a class="node-link" href="\/notes\/python.fixtures.scope\/">Scope<\/a>/);
    expect(fixtures).toMatch(/<th scope="row">isDir<\/th>/);
  });

  it('fails, naming why, when no file could be published', () => {
    expect(failure).toMatch(/error: Broken\.md:\d+: the frontmatter is not valid YAML/);
    expect(failure).toContain('nothing could be published');
  });
});
