import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Corpus } from '../../src/lib/corpus';
import { buildSite } from '../helpers/build-site';

const FIXTURE = 'tests/fixtures/private';
/** Words only the private files hold: their text, claim, tag, alias, title, and a title only they name. */
const PHRASES = ['Zanzibar-quokka-fidelity', 'Marmalade-oscillator-verdict', 'private-tag-xylophone', 'The hidden one', 'A stub only the draft names', 'Diary entry'];

describe('private notes in the corpus', () => {
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = await loadCorpus(FIXTURE);
  });

  it('leaves out files with publish: false or draft: true, and lists them', () => {
    expect(corpus.privateFiles).toEqual(['Journal/diary-entry.md', 'notes/secret.md']);
    expect([...corpus.graph.nodes.values()].map((n) => n.title).sort()).toEqual(['A public note', 'Nobody wrote this']);
  });

  it('renders links to them as plain text: no link, no stub, no edge, no embed', () => {
    const html = corpus.bodies.get('notes/public' as never)!.html;
    expect(html).toContain('<span>My secret draft</span>');
    expect(html).toContain('<span>a diary</span>');
    expect(html).not.toContain('Zanzibar');
    expect(corpus.graph.edges.map((e) => e.target)).toEqual(['notes/nobody-wrote-this']);
    expect(corpus.linkCounts).toMatchObject({ private: 3, stubs: 1 });
  });
});

describe('a built site with private notes', () => {
  let outDir: string;
  beforeAll(async () => {
    ({ outDir } = await buildSite(FIXTURE));
  });
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('holds nothing of them in any file of dist/', async () => {
    const files = (await readdir(outDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(10);
    const leaks: string[] = [];
    for (const f of files) {
      const text = (await readFile(path.join(f.parentPath, f.name))).toString('utf8');
      for (const phrase of PHRASES) if (text.includes(phrase)) leaks.push(`${path.relative(outDir, path.join(f.parentPath, f.name))}: ${phrase}`);
    }
    expect(leaks).toEqual([]);
    // The public note writes "My secret draft" as its own link text, shown as text; the graph and the pages know no such item.
    expect(await readFile(path.join(outDir, 'graph.json'), 'utf8')).not.toContain('My secret draft');
    expect(files.some((f) => f.parentPath.includes('secret'))).toBe(false);
  });
});
