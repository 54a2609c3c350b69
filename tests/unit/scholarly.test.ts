/**
 * The scholarly fixture (tests/fixtures/scholarly/): a `.bib` with a
 * malformed entry, a CSL-JSON file, paper files the entries complete, and
 * notes with every citation form, math (good and bad) and code.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../src/lib/content/document';
import type { NodeId } from '../../src/lib/content/ids';
import { buildCorpus, loadCorpus, type Corpus, type RenderCache, type SourceFile } from '../../src/lib/corpus';
import { resolveOptions } from '../../src/integrations/options-schema';
import { bibliographySettings } from '../../src/lib/site/options';
import { bibliographyList, referenceOf } from '../../src/lib/site/references';
import { corpusOf, md } from '../helpers/corpus';

const ROOT = 'tests/fixtures/scholarly';
const NOTE = 'notes/scaling-argument' as NodeId;
let corpus: Corpus;
beforeAll(async () => {
  corpus = await loadCorpus(ROOT);
});

const paper = (id: string) => corpus.documents.get(id as NodeId) as Document<'paper'> | undefined;
const edgesFrom = (id: string) => corpus.graph.outgoing.get(id as NodeId) ?? [];
const problems = (rule: string) => corpus.problems.filter((p) => p.rule === rule).map((p) => `${p.file}:${p.line}`);

describe('bibliographies', () => {
  it('makes a paper of every readable entry of a .bib and a CSL-JSON file, published from that file', () => {
    expect(paper('papers/attention-is-all-you-need')).toMatchObject({ file: 'references.bib', bodyLine: 4, data: { authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit'], date: '2017', venue: 'Advances in Neural Information Processing Systems', doi: '10.48550/arXiv.1706.03762' } });
    expect(paper('papers/retrieval-helps-small-models')).toMatchObject({ file: 'library.json', data: { authors: ['Min Lee'], date: '2021', venue: 'Transactions of the ACL' } });
    expect(corpus.graph.nodes.get('papers/sparse-experts-at-scale' as NodeId)).toMatchObject({ kind: 'paper', stub: false });
  });

  it('warns about a malformed entry with its file and line, and still reads the entries after it', () => {
    expect(problems('bibliography/invalid-entry')).toEqual(['references.bib:21']);
    expect(corpus.problems.find((p) => p.rule === 'bibliography/invalid-entry')!.message).toContain('"broken2018"');
    expect([...corpus.bibliography.values()].map((e) => e.key).sort()).toEqual(['doe2020', 'he2016', 'kaplan2020', 'lee2021', 'vaswani2017']);
  });

  it('merges an entry into the paper file with its DOI, else with its title written differently, filling what the file leaves out', () => {
    // residual-networks.md is titled "ResNet" but shares the DOI of he2016.
    expect(corpus.bibliography.get('papers/residual-networks' as NodeId)?.key).toBe('he2016');
    expect(paper('papers/residual-networks')!.data).toMatchObject({ title: 'ResNet', authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'], date: '2016-06', venue: 'Proceedings of CVPR' });
    // scaling-laws.md has no DOI; its title differs from kaplan2020's only in case.
    expect(corpus.bibliography.get('papers/scaling-laws' as NodeId)?.key).toBe('kaplan2020');
    expect(paper('papers/scaling-laws')!.data).toMatchObject({ summary: 'Loss falls as a power law in parameters, data and compute.', authors: ['Jared Kaplan', 'Sam McCandlish'], url: 'https://arxiv.org/abs/2001.08361', abstract: 'We study empirical scaling laws for language model performance.' });
    expect([...corpus.documents.values()].filter((d) => d.kind === 'paper').length).toBe(5);
  });
});

describe('citations', () => {
  it('every form — [@key], [@key, p. 4], [see @a; @b], bare @key, [[@key]] — becomes a cites edge to its paper', () => {
    const targets = edgesFrom(NOTE).filter((e) => e.type === 'cites').map((e) => e.target).sort();
    expect(targets).toEqual(['papers/attention-is-all-you-need', 'papers/nobody1999', 'papers/residual-networks', 'papers/retrieval-helps-small-models', 'papers/scaling-laws', 'papers/sparse-experts-at-scale']);
    const keys = corpus.bodies.get(NOTE)!.links.map((l) => l.citation?.key);
    expect(keys).toEqual(['vaswani2017', 'doe2020', 'kaplan2020', 'he2016', 'kaplan2020', 'someone', 'he2016', 'lee2021', 'nobody1999']);
  });

  it('renders author–year citations linking to the paper pages', () => {
    const html = corpus.bodies.get(NOTE)!.html;
    expect(html).toContain('<span class="citation">(<a href="/papers/attention-is-all-you-need/" class="wikilink" title="Attention is all you need">Vaswani et al., 2017</a>)</span>');
    expect(html).toContain('Doe &#x26; Roe, 2020</a>, p. 4)');
    // Cited in the style's order (by author, then year), each prefix and locator kept with its item, as Pandoc does.
    expect(html).toContain('(<a href="/papers/residual-networks/" class="wikilink" title="ResNet">He et al., 2016</a>, sec. 3; see <a href="/papers/scaling-laws/" class="wikilink" title="Scaling Laws for Neural Language Models">Kaplan &#x26; McCandlish, 2020</a>)');
    expect(html).toContain('As <span class="citation"><a href="/papers/scaling-laws/" class="wikilink" title="Scaling Laws for Neural Language Models">Kaplan &#x26; McCandlish (2020)</a></span> show');
    // A bare @name no bibliography knows, and an e-mail address, stay text.
    expect(html).toContain('or @someone for the data');
    expect(corpus.graph.nodes.has('papers/someone' as NodeId)).toBe(false);
  });

  it('tells apart papers with the same authors and year: 2020a, 2020b by title, n.d.-a without a year', () => {
    const bib = [
      '@article{doe2020x, author = {Doe, Jane}, title = {Zebras at scale}, year = {2020}}',
      '@article{doe2020y, author = {Doe, Jane}, title = {Antelopes at scale}, year = {2020}}',
      '@article{doe2021, author = {Doe, Jane}, title = {Alone in its year}, year = {2021}}',
      '@article{roe1, author = {Roe, Rita}, title = {Undated one}}',
      '@article{roe2, author = {Roe, Rita}, title = {Undated two}}',
    ].join('\n');
    const encoder = new TextEncoder();
    const files: SourceFile[] = [
      { path: 'refs.bib', bytes: encoder.encode(bib) },
      { path: 'notes/n.md', bytes: encoder.encode(md('title: N', 'As [@doe2020x], [@doe2020y], [@doe2021], [@roe1] and [@roe2] show.')) },
    ];
    const html = buildCorpus(files).bodies.get('notes/n' as NodeId)!.html;
    const labels = [...html.matchAll(/class="wikilink"[^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(labels).toEqual(['Doe, 2020b', 'Doe, 2020a', 'Doe, 2021', 'Roe, n.d.-a', 'Roe, n.d.-b']);
  });

  it('an unknown key reads [@key?], warns with file and line, and makes a stub paper', () => {
    expect(corpus.bodies.get(NOTE)!.html).toContain('<span class="citation unknown">[<a href="/papers/nobody1999/" class="wikilink stub"');
    expect(corpus.bodies.get(NOTE)!.html).toContain('>@nobody1999?</a>]</span>');
    expect(problems('citation/unknown-key')).toEqual(['notes/scaling-argument.md:15']);
    expect(corpus.graph.nodes.get('papers/nobody1999' as NodeId)).toMatchObject({ kind: 'paper', stub: true });
  });

  it('citations count for stance like any link: inferred, from a section heading, from a stance field', () => {
    const stance = (from: string, to: string) => {
      const edge = edgesFrom(from).find((e) => e.target === to);
      return { stance: edge?.stance, from: edge?.stanceFrom };
    };
    expect(stance(NOTE, 'papers/attention-is-all-you-need')).toEqual({ stance: 'supports', from: 'inferred' });
    expect(stance(NOTE, 'papers/retrieval-helps-small-models')).toEqual({ stance: 'challenges', from: 'heading' });
    expect(stance('notes/retrieval', 'papers/retrieval-helps-small-models')).toEqual({ stance: 'supports', from: 'declared' });
    expect(stance('notes/retrieval', 'papers/attention-is-all-you-need')).toEqual({ stance: 'qualifies', from: 'declared' });
  });

  it('a paper page has its formatted reference (APA) and BibTeX; the bibliography lists the entries in APA order', () => {
    const ref = referenceOf(corpus, 'papers/sparse-experts-at-scale' as NodeId)!;
    expect(ref.html).toContain('Doe, J., &#38; Roe, R. (2020). Sparse experts at Scale. <i>Journal of Machine Learning Research</i>, <i>21</i>, 1–40.');
    expect(ref.bibtex).toMatch(/^@article\{doe2020,\n {2}title {3}= \{Sparse Experts at \{Scale\}\},/);
    // A paper of a CSL-JSON file gets BibTeX written for it, under its key.
    expect(referenceOf(corpus, 'papers/retrieval-helps-small-models' as NodeId)!.bibtex).toMatch(/^@article\{lee2021,/);
    expect(bibliographyList(corpus).map((e) => e.id)).toEqual(['papers/sparse-experts-at-scale', 'papers/residual-networks', 'papers/scaling-laws', 'papers/retrieval-helps-small-models', 'papers/attention-is-all-you-need']);
  });

  it('formats references in the CSL style CITATION_STYLE names', async () => {
    const options = resolveOptions({}, { CITATION_STYLE: 'vancouver' });
    const other = await loadCorpus(ROOT, { bibliography: bibliographySettings(options) });
    expect(referenceOf(other, 'papers/sparse-experts-at-scale' as NodeId)!.html).toContain('Doe J, Roe R. Sparse experts at Scale.');
  });

  it('reads a bibliography named by the BIBLIOGRAPHY setting, and reports one that is missing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bib-'));
    try {
      const bib = path.join(dir, 'elsewhere.bib');
      await writeFile(bib, '@book{knuth1984,\n  title = {The TeXbook},\n  author = {Knuth, Donald E.},\n  year = {1984},\n}\n');
      const named = await loadCorpus(ROOT, { bibliographies: [bib, path.join(dir, 'missing.bib')], bibliography: { publish: 'all' } });
      expect(named.bodies.size).toBeGreaterThan(0);
      expect(named.documents.get('papers/the-texbook' as NodeId)?.file).toBe(bib);
      expect(named.problems.filter((p) => p.rule === 'bibliography/unreadable').map((p) => p.file)).toEqual([path.join(dir, 'missing.bib')]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a citation renders again when the paper it names changes, though the citing note did not', () => {
    const note = md('title: N', 'As shown [@a2020].');
    const cache = new Map();
    const store = { get: (k: string) => cache.get(k), set: (k: string, v: unknown) => void cache.set(k, v) };
    const encoder = new TextEncoder();
    const build = (author: string) =>
      buildWith(
        [
          { path: 'notes/n.md', bytes: encoder.encode(note) },
          { path: 'refs.bib', bytes: encoder.encode(`@article{a2020, title={A}, author={${author}}, year={2020}}`) },
        ],
        store,
      );
    expect(build('Smith, Ann').bodies.get('notes/n' as NodeId)!.html).toContain('Smith, 2020');
    const again = build('Jones, Bo');
    expect(again.bodies.get('notes/n' as NodeId)!.html).toContain('Jones, 2020');
    expect(again.timings.rendered).toBe(1);
  });
});

describe('math and code', () => {
  it('typesets math, and warns about TeX it cannot with the file and line', () => {
    const body = corpus.bodies.get(NOTE)!;
    expect(body.math).toBe(true);
    expect(body.html).toContain('<span class="katex-display">');
    expect(problems('math/invalid')).toEqual(['notes/scaling-argument.md:25']);
    expect(corpus.bodies.get('notes/plain' as NodeId)!.math).toBeUndefined();
  });

  it('highlights code with both themes', () => {
    expect(corpus.bodies.get(NOTE)!.html).toContain('<pre class="shiki shiki-themes github-light github-dark"');
    expect(corpus.bodies.get(NOTE)!.html).toContain('<span style="color:#D73A49;--shiki-dark:#F97583">def</span>');
  });

  it('a citation in a note without a bibliography is an unknown key', () => {
    const c = corpusOf({ 'notes/a.md': md('title: A', 'Cited [@ghost2020].') });
    expect(c.problems.map((p) => [p.rule, p.line])).toEqual([['citation/unknown-key', 4]]);
  });
});

const buildWith = (files: SourceFile[], cache: RenderCache) => buildCorpus(files, [], { cache });
