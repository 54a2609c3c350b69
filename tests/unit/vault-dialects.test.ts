import { describe, expect, it } from 'vitest';
import { buildCorpus, loadCorpus } from '../../src/lib/corpus';
import { resolveNames } from '../../src/lib/corpus/names';
import { renderMarkdown, type WikiLinkRef } from '../../src/lib/markdown';
import { decideDialects } from '../../src/lib/content/dialect';
import { fitsResearchSchema } from '../../src/lib/content/document';
import { pathOf, type NodeId } from '../../src/lib/content/ids';
import type { Problem } from '../../src/lib/content/problems';
import { vaultSettings } from '../../src/lib/content/vault';
import { generateVault } from '../../scripts/bench/synthetic-vault';
import { obsidianTarget } from '../helpers/obsidian-links';
import { corpusOf, md } from '../helpers/corpus';
import { breadcrumbs, folderPages, folderTree, topFolders } from '../../src/lib/site/folders';

const id = (s: string) => s as NodeId;
const encoder = new TextEncoder();

describe('the dialect of each folder', () => {
  it('reads a kind folder whose files fit its schema as research, and one whose files do not as a vault', () => {
    const fits = (data: Record<string, unknown>) => ({ path: 'notes/x.md', data });
    const research = decideDialects([fits({ title: 'A', claim: 'B' }), fits({ title: 'C' }), fits({ title: 'D', cssclasses: [] })], fitsResearchSchema);
    expect(research.get('notes')).toMatchObject({ dialect: 'research', files: 3, reason: '2 of 3 files fit the note schema' });
    const vault = decideDialects([fits({ created: '2024' }), fits({}), fits({ title: 'E' })], fitsResearchSchema);
    expect(vault.get('notes')!.dialect).toBe('vault');
  });

  it('reads a folder of Dendron frontmatter as Dendron, whatever its name, and honours CONTENT_DIALECT', () => {
    const dendron = (n: number) => ({ path: `notes/a${n}.md`, data: { id: `x${n}`, title: 'T', desc: '', updated: 1702350500700, created: 1697506550946 } });
    expect(decideDialects([dendron(1), dendron(2)], fitsResearchSchema).get('notes')!.dialect).toBe('dendron');
    expect(decideDialects([dendron(1)], fitsResearchSchema, { setting: 'vault' }).get('notes')).toMatchObject({ dialect: 'vault', reason: 'the option dialect (CONTENT_DIALECT) is vault' });
    expect(decideDialects([{ path: 'Top.md', data: { title: 'x' } }], fitsResearchSchema, { setting: 'research' }).get('')!.dialect).toBe('vault');
    // The setting itself is checked with the other options (tests/unit/options.test.ts).
  });

  it('reads the templates folders a vault’s settings name', () => {
    const file = (path: string, text: string) => ({ path, bytes: encoder.encode(text) });
    expect(vaultSettings([file('.obsidian/templates.json', '{"folder":"Meta/Templates/"}'), file('.obsidian/plugins/templater-obsidian/data.json', '{"templates_folder":"Tpl"}')])).toEqual({ templateFolders: ['Meta/Templates', 'Tpl'] });
    expect(vaultSettings([file('.obsidian/templates.json', 'not json'), file('../dendron.yml', 'version: 5')])).toEqual({ dendron: true });
  });
});

describe('a vault shaped like public Obsidian vaults', async () => {
  const corpus = await loadCorpus('tests/fixtures/obsidian-vault');
  const doc = (s: string) => corpus.documents.get(id(s))!;
  const html = (s: string) => corpus.bodies.get(id(s))!.html;

  it('titles notes by file name, keeps a first heading that says something else, and drops one that repeats the title', () => {
    expect(doc('notes/math/category-theory').data.title).toBe('Category Theory');
    expect(corpus.bodies.get(id('notes/math/category-theory'))!.headings.map((h) => h.text)).toEqual(['1 Isomorphism', '2 Functor']);
    expect(doc('notes/daily/2024-03-01').data.title).toBe('2024-03-01');
    expect(doc('notes/daily/2024-03-02').data.title).toBe('2024-03-02');
    expect(html('notes/data/transformation')).not.toContain('<h1');
    expect(html('notes/math/discrete-time-markov-chains')).toMatch(/<h1[^>]*>Discrete-time <a href="\/notes\/math\/markov-chain\/" class="wikilink"[^>]*>Markov Chain<\/a>s<\/h1>/);
  });

  it('embeds a section by its heading', () => {
    expect(html('notes/data/pipeline')).toContain('Filter, map and reduce the rows.');
    expect(corpus.problems.filter((p) => p.file === 'Data/Pipeline.md')).toEqual([]);
  });

  it('never sends a bare word to an alias, and resolves names in any case', () => {
    expect(html('notes/words')).toContain('href="/notes/man/" class="wikilink stub"');
    expect(html('notes/words')).toContain('href="/notes/markov-process/" class="wikilink stub"');
    expect(html('notes/data/pipeline')).toContain('href="/notes/data/transformation/"');
  });

  it('treats a note named like a file as a note, and any existing file as an attachment', () => {
    const build = html('notes/code/build-notes');
    expect(build).toContain('href="/notes/code/package.json/"');
    expect(build).toContain('href="/attachments/Code/afl-compiler-rt.o.c"');
  });

  it('prefers the file in the linking note’s folder, then the shortest path, warning only then', () => {
    expect(html('notes/a/links')).toContain('Beside me: <a href="/notes/a/index/"');
    expect(html('notes/a/links')).toContain('href="/notes/b/index/"');
    expect(corpus.problems.filter((p) => p.rule === 'link/ambiguous').map((p) => p.file)).toEqual(['C/Links.md']);
  });

  it('publishes only the attachments published notes use', () => {
    expect(corpus.linkedAttachments).toEqual(['Code/afl-compiler-rt.o.c', 'Drawings/Architecture.excalidraw.svg', 'images/plot.png']);
    expect(corpus.attachments).toContain('images/secret.png');
  });

  it('shows an embedded drawing’s exported picture, else a placeholder with its name, and never publishes a drawing as a note', () => {
    const page = html('notes/system-design');
    expect(page).toContain('<img src="/attachments/Drawings/Architecture.excalidraw.svg" alt="Architecture"');
    expect(page).toContain('<span class="embed-placeholder" title="Excalidraw drawing: no exported SVG or PNG in the vault">Sketch</span>');
    expect(page).not.toContain('Switch to EXCALIDRAW VIEW');
    expect([...corpus.documents.values()].some((d) => d.file.includes('excalidraw'))).toBe(false);
    expect(corpus.drawings.map((d) => [d.title, d.text])).toEqual([['Architecture', 'Load balancer\nWorker pool'], ['Sketch', 'Queue\nConsumer']]);
    // The words of the drawings a page shows are that page's, for search.
    expect(corpus.bodies.get(id('notes/system-design'))!.text).toMatch(/Load balancer\nWorker pool\nQueue\nConsumer$/);
  });

  it('sets templates aside, from the settings and from Templater commands, and lists canvases as not read yet', () => {
    expect(corpus.reading.setAside.map((s) => s.file)).toEqual(expect.arrayContaining(['Templates/Daily template.md', 'Meta/Meeting template.md']));
    expect(corpus.problems.some((p) => p.file.startsWith('Templates/') || p.file.startsWith('Meta/'))).toBe(false);
    expect(corpus.reading.canvases).toEqual(['Board.canvas']);
  });

  it('shows unknown frontmatter as properties, in the order written, and keeps every note', () => {
    expect(doc('notes/properties').properties).toEqual([
      ['status', 'reading'],
      ['rating', 4],
      ['done', true],
      ['due', '2024-05-01'],
      ['author', ['Ada Lovelace', 'Charles Babbage']],
      ['url', 'https://example.org/paper'],
    ]);
  });

  it('names each file it cannot read with its path and reason, and publishes the rest', () => {
    const errors = corpus.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.file, p.rule])).toEqual([
      ['Broken frontmatter.md', 'frontmatter/invalid-yaml'],
      ['Not text.md', 'file/not-utf8'],
    ]);
    expect(corpus.documents.size).toBe(18);
  });
});

describe('a Dendron vault in a folder named notes/', async () => {
  const corpus = await loadCorpus('tests/fixtures/dendron-vault');
  const doc = (s: string) => corpus.documents.get(id(s))!;

  it('is read as Dendron, every note kept, with Dendron’s fields read', () => {
    expect(corpus.reading.dialects.find((d) => d.folder === 'notes')).toMatchObject({ dialect: 'dendron', files: 7 });
    expect(corpus.problems).toEqual([]);
    expect(doc('notes/python').data).toMatchObject({ title: 'Python', summary: 'The Python language', date: '2023-10-17', updated: '2023-12-12' });
    expect(doc('notes/python.fixtures').properties).toEqual([['isDir', false]]);
  });

  it('resolves [[label|file.name]] as Dendron does', () => {
    const html = corpus.bodies.get(id('notes/python.fixtures'))!.html;
    expect(html).toContain('<a href="/notes/python.fixtures.scope/" class="wikilink" title="Scope">scope</a>');
    expect(corpus.linkCounts.stubs).toBe(0);
  });

  it('places each note under its nearest written ancestor, the top ones under root', () => {
    expect(corpus.hierarchy.get(id('notes/python.fixtures.scope'))).toEqual({ parent: 'notes/python.fixtures', children: [] });
    expect(corpus.hierarchy.get(id('notes/lang.rust.traits'))!.parent).toBe('notes/lang');
    expect(corpus.hierarchy.get(id('notes/root'))).toEqual({ children: ['notes/lang', 'notes/python'] });
    expect(corpus.hierarchy.get(id('notes/lang'))!.children).toEqual(['notes/lang.python.types', 'notes/lang.rust.traits']);
  });
});

/** Every link of every note, resolved by the engine and by `obsidianTarget`, as the files they reach. */
function compareLinks(files: { path: string; text: string | Uint8Array }[]) {
  const sources = files.filter((f) => !f.path.startsWith('.')).map((f) => ({ path: f.path, bytes: typeof f.text === 'string' ? encoder.encode(f.text) : f.text }));
  const markdown = sources.filter((f) => f.path.endsWith('.md'));
  const attachments = sources.filter((f) => !f.path.endsWith('.md')).map((f) => f.path);
  const problems: Problem[] = [];
  const { documents, links } = resolveNames(markdown, attachments, problems, { templateFolders: ['Templates'] });
  const fileAt = new Map([...documents.values()].map((d) => [pathOf(d.id) as string, d.file]));
  // Every file Obsidian would see, drawings included; templates are not linked.
  const everyFile = [...markdown.map((f) => f.path).filter((p) => !p.startsWith('Templates/')), ...attachments];
  const mismatches: string[] = [];
  let compared = 0;
  for (const doc of documents.values()) {
    const refs: [WikiLinkRef, ReturnType<typeof links.resolve>][] = [];
    renderMarkdown(doc.body, {
      resolveWikiLink: (ref) => {
        const resolved = links.resolve(doc, ref);
        refs.push([ref, resolved]);
        return resolved;
      },
    });
    for (const [ref, resolved] of refs) {
      if (ref.citation || !ref.target) continue;
      const href = resolved?.href.split('#')[0] ?? '';
      const engine = resolved?.stub ? undefined : href.startsWith('/attachments/') ? decodeURIComponent(href.slice('/attachments/'.length)) : fileAt.get(href);
      const expected = obsidianTarget(ref.target, doc.file, everyFile);
      // A drawing is shown by its exported picture; the rule names the drawing's own file.
      const wanted = expected?.endsWith('.excalidraw.md') ? engine : expected;
      compared++;
      if (engine !== wanted) mismatches.push(`${doc.file}: [[${ref.target}]] → ${engine} (Obsidian: ${wanted})`);
    }
  }
  return { compared, mismatches };
}

describe('every link against an Obsidian-rules resolver', () => {
  it('agrees on the fixture vault', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const root = 'tests/fixtures/obsidian-vault';
    const paths = (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => `${e.parentPath}/${e.name}`.slice(root.length + 1));
    const files = await Promise.all(paths.filter((p) => !/Broken|Not text|Templates\/|Meta\//.test(p)).map(async (p) => ({ path: p, text: await readFile(`${root}/${p}`) })));
    const { compared, mismatches } = compareLinks(files);
    expect(compared).toBeGreaterThan(15);
    expect(mismatches).toEqual([]);
  });

  it('agrees on a generated vault of 800 notes', () => {
    const { compared, mismatches } = compareLinks(generateVault({ notes: 800, seed: 3 }));
    expect(compared).toBeGreaterThan(3000);
    expect(mismatches).toEqual([]);
  });
});

describe('a vault beside research folders', () => {
  it('a vault link naming a research title makes its stub, and research links by that title still reach the note', () => {
    const corpus = corpusOf({
      'Aside/First.md': 'A vault note links [[Cycle A]], which no file is named.',
      'notes/cycle-a.md': md('title: Cycle A', 'A.'),
      'notes/cycle-c.md': md('title: Cycle C', 'C leads back to [[Cycle A]].'),
    });
    expect(corpus.bodies.get(id('notes/cycle-c'))!.html).toContain('href="/notes/cycle-a/" class="wikilink"');
    expect(corpus.bodies.get(id('notes/aside/first'))!.html).toContain('class="wikilink stub"');
  });
});

describe('vault frontmatter never drops a note', () => {
  it('leaves a field of the wrong type out with a warning naming its line, and reads epoch dates', () => {
    const corpus = corpusOf({ 'Odd.md': md('aliases: {a: 1}\nupdated: 1702350500700\ndate: last week\nrating: 5', 'Text.') });
    const doc = corpus.documents.get(id('notes/odd'))!;
    expect(doc.data).toMatchObject({ title: 'Odd', updated: '2023-12-12' });
    expect(doc.properties).toEqual([['rating', 5]]);
    expect(corpus.problems.map((p) => [p.severity, p.field, p.line])).toEqual([
      ['warning', 'aliases', 2],
      ['warning', 'date', 4],
    ]);
  });

  it('fails the build only when nothing can be published', () => {
    const corpus = buildCorpus([{ path: 'Bad.md', bytes: encoder.encode('---\n: [\n---\n') }]);
    expect(corpus.documents.size).toBe(0);
    expect(corpus.problems[0]).toMatchObject({ file: 'Bad.md', rule: 'frontmatter/invalid-yaml' });
  });
});

describe('a vault’s folders', () => {
  const corpus = corpusOf({
    'Deep Work/Plan.md': 'A plan.',
    'Deep Work/Sub Folder/Step.md': 'A step.',
    'Deep Work/Sub Folder/Next.md': 'Next.',
    'Top.md': 'At the top.',
    'Other/Only.md': 'Alone.',
  });

  it('names each folder as the vault does, with its subfolders, notes and total', () => {
    const tree = folderTree(corpus);
    expect(tree.get('deep-work')).toMatchObject({ name: 'Deep Work', path: '/notes/deep-work/', folders: ['deep-work/sub-folder'], total: 3 });
    expect(tree.get('deep-work')!.notes.map((n) => n.title)).toEqual(['Plan']);
    expect(tree.get('deep-work/sub-folder')!.notes.map((n) => n.title)).toEqual(['Next', 'Step']);
    expect(topFolders(corpus).map((f) => f.name)).toEqual(['Deep Work', 'Other']);
    expect(folderPages(corpus).map((f) => f.slug).sort()).toEqual(['deep-work', 'deep-work/sub-folder', 'other']);
  });

  it('gives a note the folders above it, top first', () => {
    expect(breadcrumbs(corpus, id('notes/deep-work/sub-folder/step')).map((f) => f.name)).toEqual(['Deep Work', 'Sub Folder']);
    expect(breadcrumbs(corpus, id('notes/top'))).toEqual([]);
  });
});
