/**
 * Bibliographies as researchers export them: no entry stops the build, a
 * library's private fields never reach a page, and citations read as Pandoc
 * writes them. The fixtures of real exports are built in bibliography-fixtures.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/lib/content/document';
import type { NodeId } from '../../src/lib/content/ids';
import { buildCorpus, type Corpus } from '../../src/lib/corpus';
import { referenceOf } from '../../src/lib/site/references';
import { md } from '../helpers/corpus';

const encoder = new TextEncoder();
const build = (files: Record<string, string>, options: Parameters<typeof buildCorpus>[2] = {}) =>
  buildCorpus(
    Object.entries(files).map(([path, text]) => ({ path, bytes: encoder.encode(text) })),
    [],
    options,
  );
/** A note citing the keys, so their entries are published. */
const citing = (...keys: string[]) => md('title: Citing note', keys.map((k) => `[@${k}]`).join(' '));
const papers = (c: Corpus) => [...c.documents.values()].filter((d): d is Document<'paper'> => d.kind === 'paper');
const paperOf = (c: Corpus, key: string) => {
  const id = [...c.bibliography].find(([, e]) => e.key === key)?.[0];
  return id ? (c.documents.get(id) as Document<'paper'>) : undefined;
};
const warnings = (c: Corpus, rule?: string) => c.problems.filter((p) => !rule || p.rule === rule).map((p) => `${p.file}:${p.line} ${p.message}`);
const html = (c: Corpus) => c.bodies.get('notes/citing-note' as NodeId)!.html;
/** The link texts of a body's citations, in order. */
const labels = (c: Corpus) => [...html(c).matchAll(/class="wikilink"[^>]*>([^<]+)<\/a>/g)].map((m) => m[1].replace(/&#x26;/g, '&'));

describe('no entry stops the build', () => {
  it('a publisher, institution, school or organization with " and " stays one name', () => {
    const bib = [
      '@book{fsg, title = {A Book}, author = {Doe, Jane}, publisher = {Farrar, Straus and Giroux}, year = 2001}',
      '@techreport{tr, title = {A Report}, author = {Roe, Rita}, institution = {Department of Physics and Astronomy}, year = 2002}',
      '@phdthesis{th, title = {A Thesis}, author = {Poe, Paul}, school = {Department of Computer Science and Engineering, Some University}, year = 2003}',
      '@manual{man, title = {A Manual}, organization = {Society for Industrial and Applied Mathematics (SIAM)}, year = 2004}',
    ].join('\n');
    const c = build({ 'refs.bib': bib, 'notes/citing-note.md': citing('fsg', 'tr', 'th', 'man') });
    expect(paperOf(c, 'fsg')!.data.venue).toBe('Farrar, Straus and Giroux');
    expect(paperOf(c, 'tr')!.data.venue).toBe('Department of Physics and Astronomy');
    expect(paperOf(c, 'th')!.data.venue).toBe('Department of Computer Science and Engineering, Some University');
    expect(referenceOf(c, paperOf(c, 'man')!.id)!.html).toContain('Society for Industrial and Applied Mathematics (SIAM)');
  });

  it('an abstract that is only tags is no abstract; HTML in an abstract leaves its text', () => {
    const bib = '@article{a, title = {T}, author = {Doe, J.}, year = 2020, abstract = {<p></p>}}\n@article{b, title = {U}, author = {Doe, J.}, year = 2021, abstract = {<p>Some <i>words</i>.</p>}}';
    const c = build({ 'refs.bib': bib, 'notes/citing-note.md': citing('a', 'b') });
    expect(paperOf(c, 'a')!.data.abstract).toBeUndefined();
    expect(paperOf(c, 'b')!.data.abstract).toBe('Some words .');
  });

  it('CSL-JSON: a number as title, a blank container title, odd date parts, a list as publisher are converted or dropped with warnings naming file, line and key', () => {
    const json = `[
  {"id": "orwell", "type": "book", "title": 1984, "author": [{"family": "Orwell", "given": "George"}], "container-title": " ", "issued": {"date-parts": [[1949, "6"]]}, "publisher": ["Secker", "Warburg"]},
  {"id": "plato", "type": "book", "title": "Republic", "author": [{"literal": "Plato"}], "issued": {"date-parts": [[-375]]}},
  {"id": "future", "type": "book", "title": "Far", "author": [{"family": "Later"}], "issued": {"date-parts": [[20201, 13]]}},
  {"id": "nothing", "type": "book"},
  {"id": "weird", "type": "no-such-type", "title": {"nested": true}, "author": "Just A String", "issued": "2019"}
]`;
    const c = build({ 'lib.json': json, 'notes/citing-note.md': citing('orwell', 'plato', 'future', 'nothing', 'weird') });
    expect(paperOf(c, 'orwell')!.data).toMatchObject({ title: '1984', date: '1949-06', venue: 'Secker; Warburg' });
    expect(paperOf(c, 'plato')!.data.date).toBeUndefined();
    expect(referenceOf(c, paperOf(c, 'plato')!.id)!.html).toContain('375');
    expect(paperOf(c, 'future')).toBeDefined();
    // An item with only an id and a type is still a paper, under its key.
    expect(paperOf(c, 'nothing')!.data.title).toBe('nothing');
    expect(paperOf(c, 'weird')!.data).toMatchObject({ title: 'weird', authors: ['Just A String'], date: '2019' });
    const w = warnings(c);
    expect(w).toContainEqual(expect.stringMatching(/^lib\.json:2 the field "title" of the item "orwell" is a number \(1984\)/));
    expect(w).toContainEqual(expect.stringMatching(/^lib\.json:2 the field "container-title" of the item "orwell" is blank/));
    expect(w).toContainEqual(expect.stringMatching(/^lib\.json:2 the field "publisher" of the item "orwell" is a list/));
    expect(w).toContainEqual(expect.stringMatching(/^lib\.json:6 the item "weird" has the type "no-such-type"/));
  });

  it('one bad CSL-JSON item never loses the rest of the file', () => {
    const json = JSON.stringify([{ id: 'good1', type: 'book', title: 'One', author: [{ family: 'A' }] }, { type: 'book' }, 'not an item', { id: 'good2', type: 'article-journal', title: 'Two' }], null, 1);
    const c = build({ 'lib.json': json, 'notes/citing-note.md': citing('good1', 'good2') });
    expect([...c.bibliography.values()].map((e) => e.key)).toEqual(['good1', 'good2']);
    expect(warnings(c, 'bibliography/invalid-entry')).toEqual([expect.stringMatching(/^lib\.json:1 item 2 has no "id"; it is left out/), expect.stringMatching(/^lib\.json:1 item 3 is not a CSL item/)]);
  });

  it('a malformed entry is reported with its key and line; the entries after it are read', () => {
    const bib = '@article{ok1, title = {One}, year = 2020}\n\n@article{broken,\n  title = {Never closed,\n  year = 2020\n}\n\n@article{ok2, title = {Two}, year = 2021}\n';
    const c = build({ 'refs.bib': bib, 'notes/citing-note.md': citing('ok1', 'ok2', 'broken') });
    expect([...c.bibliography.values()].map((e) => e.key)).toEqual(['ok1', 'ok2']);
    expect(warnings(c, 'bibliography/invalid-entry')).toEqual([expect.stringMatching(/^refs\.bib:3 the BibTeX entry "broken" starting on line 3 cannot be read \(the entry is not closed, on line 8\)/)]);
  });

  // Field values drawn from what real exports hold: LaTeX, braces (balanced or not), HTML, quotes, `and`, numbers, nothing.
  const latexish = fc.oneof(
    fc.string(),
    fc.constantFrom('{\\AA}', '\\"o', '$O(n^2)$', '$', '{', '}', '\\', '\\relax', '<p></p>', ' and ', 'others', '#', '"', '\\url{x}', '--', '~', '%', '@', '\\emph{', 'Farrar, Straus and Giroux', '-375', '20201', 'forthcoming', 'doi:10.1/x', 'https://doi.org/10.1/x'),
  );
  const fieldValue = fc.array(latexish, { maxLength: 4 }).map((parts) => parts.join(''));
  const fieldName = fc.constantFrom('title', 'author', 'editor', 'publisher', 'institution', 'school', 'organization', 'year', 'date', 'month', 'journal', 'booktitle', 'doi', 'url', 'abstract', 'pages', 'eprint', 'archiveprefix', 'file', 'type', 'number', 'note');
  const entryType = fc.constantFrom('article', 'book', 'misc', 'phdthesis', 'techreport', 'inproceedings', 'online', 'unknowntype');
  const delimited = (v: string, how: number) => (how === 0 ? `{${v}}` : how === 1 ? `"${v}"` : v.replace(/[^A-Za-z0-9]/g, '') || '1');

  it('property: BibTeX entries with arbitrary field values never throw, whatever the page asks of them', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(entryType, fc.array(fc.tuple(fieldName, fieldValue, fc.nat(2)), { maxLength: 6 })), { minLength: 1, maxLength: 4 }), (entries) => {
        const bib = entries.map(([type, fields], i) => `@${type}{k${i},\n${fields.map(([n, v, how]) => `  ${n} = ${delimited(v, how)},`).join('\n')}\n}`).join('\n\n');
        const c = build({ 'refs.bib': bib, 'notes/citing-note.md': citing(...entries.map((_, i) => `k${i}`)) });
        for (const id of c.bibliography.keys()) referenceOf(c, id);
        expect(papers(c).every((p) => typeof p.data.title === 'string' && p.data.title.length > 0)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  const jsonValue: fc.Arbitrary<unknown> = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }), fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())), fc.constant({ 'date-parts': [[-375]] }), fc.constant({ 'date-parts': [['x', 99]] }), fc.constant([{ family: 7 }, 'Plain Name', null]));
  const cslField = fc.constantFrom('title', 'author', 'editor', 'issued', 'container-title', 'publisher', 'DOI', 'URL', 'abstract', 'page', 'volume', 'type', 'citation-key', 'accessed', 'note');

  it('property: CSL-JSON items with arbitrary field values never throw', () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(cslField, jsonValue, { maxKeys: 8 }), { minLength: 1, maxLength: 4 }), (items) => {
        const json = JSON.stringify(items.map((item, i) => ({ id: `j${i}`, type: 'book', title: 'T', ...item })));
        const c = build({ 'lib.json': json, 'notes/citing-note.md': citing(...items.map((_, i) => `j${i}`)) });
        for (const id of c.bibliography.keys()) referenceOf(c, id);
      }),
      { numRuns: 60 },
    );
  });
});

describe('a library’s private data stays private', () => {
  const bib = [
    '@article{cited, title = {Cited}, author = {Doe, Jane}, year = 2020,',
    '  file = {/home/reader/Zotero/storage/ABCD/doe.pdf},',
    '  annotation = {My private thoughts},',
    '  groups = {to-read}, owner = {reader}, timestamp = {2020.01.01}, mendeley-tags = {x}, readstatus = {read},',
    '  bdsk-file-1 = {YnBsaXN0MDDUAQIDBAUGJCVYJHZlcnNpb24=}, bdsk-url-1 = {https://private.example/}, keywords = {mine}}',
    '@article{uncited, title = {Never cited}, author = {Roe, Rita}, year = 2019}',
  ].join('\n');

  it('only entries a published item cites are published; the rest are counted', () => {
    const c = build({ 'refs.bib': bib, 'notes/citing-note.md': citing('cited'), 'notes/private.md': md('title: Private\npublish: false', '[@uncited]') });
    expect([...c.bibliography.values()].map((e) => e.key)).toEqual(['cited']);
    expect(c.unpublishedEntries).toBe(1);
    expect(papers(c).map((p) => p.data.title)).toEqual(['Cited']);
  });

  it('publish: all publishes every entry', () => {
    const c = build({ 'refs.bib': bib, 'notes/citing-note.md': citing('cited') }, { bibliography: { publish: 'all' } });
    expect([...c.bibliography.values()].map((e) => e.key)).toEqual(['cited', 'uncited']);
    expect(c.unpublishedEntries).toBe(0);
  });

  it('an entry that completes a paper file is published though nothing cites it', () => {
    const c = build({ 'refs.bib': bib, 'papers/never-cited.md': md('title: Never Cited') });
    expect(c.bibliography.get('papers/never-cited' as NodeId)?.key).toBe('uncited');
  });

  it('the shown BibTeX leaves out the reader’s files, notes and bookkeeping, and expands @string macros', () => {
    const withMacro = `@string{sigmod = {Proceedings of SIGMOD}}\n${bib.replace('year = 2020,', 'year = 2020, booktitle = sigmod # { 2020},')}`;
    const c = build({ 'refs.bib': withMacro, 'notes/citing-note.md': citing('cited') });
    const shown = referenceOf(c, paperOf(c, 'cited')!.id)!.bibtex;
    expect(shown).not.toMatch(/file|annotation|groups|owner|timestamp|mendeley|readstatus|bdsk|keywords|private|Zotero/i);
    expect(shown).toContain('booktitle = {Proceedings of SIGMOD 2020}');
    expect(shown).toMatch(/^@article\{cited, title = \{Cited\}, author = \{Doe, Jane\}, year = 2020,/);
  });
});

describe('macros, links, duplicates', () => {
  it('@string macros of every bibliography file apply to all of them (JabRef keeps author macros apart)', () => {
    const authors = '@string{acar = "Acar, Umut A."}\n@string{blelloch = "Blelloch, Guy E."}\n';
    const papersBib = '@inproceedings{acar2006, title = {Adaptive functional programming}, author = acar # " and " # blelloch, year = 2006, booktitle = popl}\n';
    const c = build({ 'bib/papers.bib': papersBib, 'bib/AuthorIDs.bib': `${authors}@string{popl = {POPL}}` , 'notes/citing-note.md': citing('acar2006') });
    expect(paperOf(c, 'acar2006')!.data).toMatchObject({ authors: ['Umut A. Acar', 'Guy E. Blelloch'], venue: 'POPL' });
    expect(labels(c)).toEqual(['Acar & Blelloch, 2006']);
    expect(warnings(c, 'bibliography/undefined-macro')).toEqual([]);
  });

  it('an undefined macro is named in a warning, with the entry’s line', () => {
    const c = build({ 'refs.bib': '\n@inproceedings{x, title = {T}, booktitle = nowhere, year = 2001}', 'notes/citing-note.md': citing('x') });
    expect(warnings(c, 'bibliography/undefined-macro')).toEqual([expect.stringMatching(/^refs\.bib:2 the entry "x" uses the @string macro "nowhere"/)]);
  });

  it('an arXiv preprint with no DOI or web address links to its abstract page, which holds its number', () => {
    const c = build({ 'refs.bib': '@misc{vaswani2017, title = {Attention Is All You Need}, author = {Vaswani, Ashish}, year = 2017, eprint = {1706.03762}, archivePrefix = {arXiv}, primaryClass = {cs.CL}}', 'notes/citing-note.md': citing('vaswani2017') });
    expect(paperOf(c, 'vaswani2017')!.data.url).toBe('https://arxiv.org/abs/1706.03762');
    const ref = referenceOf(c, paperOf(c, 'vaswani2017')!.id)!.html;
    expect(ref).toContain('<a href="https://arxiv.org/abs/1706.03762">https://arxiv.org/abs/1706.03762</a>');
  });

  it('a DOI with \\_ or written as an address gives one working link', () => {
    const bib = '@article{a, title = {A}, author = {Doe, J.}, year = 2020, doi = {10.1000/abc\\_def}}\n@article{b, title = {B}, author = {Roe, R.}, year = 2020, doi = {https://doi.org/10.1000/xyz}}';
    const c = build({ 'refs.bib': bib, 'notes/citing-note.md': citing('a', 'b') });
    expect(paperOf(c, 'a')!.data.doi).toBe('10.1000/abc_def');
    expect(referenceOf(c, paperOf(c, 'a')!.id)!.html).toContain('<a href="https://doi.org/10.1000/abc_def">');
    expect(paperOf(c, 'b')!.data.doi).toBe('10.1000/xyz');
    expect(referenceOf(c, paperOf(c, 'b')!.id)!.html).not.toContain('doi.org/https');
  });

  it('a duplicate key names both lines; the first entry is kept with its own BibTeX', () => {
    const bib = '@article{same, title = {First}, year = 2001}\n\n@article{same, title = {Second}, year = 2002}\n';
    const c = build({ 'refs.bib': bib, 'notes/citing-note.md': citing('same') });
    expect(warnings(c, 'bibliography/duplicate-key')).toEqual([expect.stringMatching(/^refs\.bib:3 the key "same" of this entry \(line 3\) is already used by the entry on refs\.bib:1/)]);
    expect(paperOf(c, 'same')!.data.title).toBe('First');
    expect(referenceOf(c, paperOf(c, 'same')!.id)!.bibtex).toContain('First');
  });

  it('two entries with one title warn at the second entry’s own line', () => {
    const bib = '@article{a, title = {Same Title}, year = 2001}\n\n\n@article{b, title = {Same Title}, year = 2002}\n';
    const c = build({ 'refs.bib': bib, 'notes/citing-note.md': citing('a', 'b') });
    expect(c.problems.filter((p) => p.rule === 'title/duplicate').map((p) => `${p.file}:${p.line}`)).toEqual(['refs.bib:4']);
  });

  it('a CSL-JSON key with a hyphen keeps it in the written BibTeX', () => {
    const c = build({ 'lib.json': JSON.stringify([{ id: 'smith-2020', type: 'book', title: 'T', author: [{ family: 'Smith' }], issued: { 'date-parts': [[2020]] } }]), 'notes/citing-note.md': citing('smith-2020') });
    expect(referenceOf(c, paperOf(c, 'smith-2020')!.id)!.bibtex).toMatch(/^@book\{smith-2020,/);
  });
});

describe('LaTeX and entry types', () => {
  it('decodes LaTeX to Unicode in titles, names and references; an English title is in sentence case, braced words kept', () => {
    const bib = String.raw`@book{tex, title = {{\AA}ngstr{\"o}m, L{\aa}ng, \relax the {\LaTeX} natur\-wissen\-schaft\-lichen No.\ 2: C$^\sharp$ in $O(n^2)$}, author = {M{\"u}ller, J{\"o}rg and {\v{S}}koda, {\'E}mile}, year = 2020}`;
    const c = build({ 'refs.bib': bib, 'notes/citing-note.md': citing('tex') });
    const paper = paperOf(c, 'tex')!;
    expect(paper.data.title).toBe('Ångström, lång, the LaTeX naturwissenschaftlichen no. 2: C♯ in O(n²)');
    expect(paper.data.authors).toEqual(['Jörg Müller', 'Émile Škoda']);
    expect(referenceOf(c, paper.id)!.html).toContain('Müller, J., &#38; Škoda, É. (2020). <i>Ångström, lång, the LaTeX naturwissenschaftlichen no. 2: C<sup>♯</sup> in O(n<sup>2</sup>)</i>.');
    expect(paper.slug).toBe('angstrom-lang-the-latex-naturwissenschaftlichen-no-2-c-in-on2');
  });

  it('entry types read as words, not as raw BibTeX types', () => {
    const bib = '@phdthesis{th, title = {T}, author = {Doe, J.}, school = {Uni}, year = 2020}\n@mastersthesis{ma, title = {M}, author = {Roe, R.}, school = {Uni}, year = 2020}';
    const c = build({ 'refs.bib': bib, 'notes/citing-note.md': citing('th', 'ma') });
    const refs = [...c.bibliography.keys()].map((id) => referenceOf(c, id)!.html).join('\n');
    expect(refs).not.toMatch(/phdthesis|mastersthesis|Phdthesis/i);
    expect(refs).toContain('[PhD thesis]');
    expect(refs).toContain('[Master’s thesis]');
  });
});

describe('labels agree with references (one citeproc run)', () => {
  const bib = [
    '@article{acarA, title = {Zeta}, author = {Acar, U. and Blelloch, G. and Harper, R.}, year = 2006}',
    '@article{acarB, title = {Alpha}, author = {Acar, U. and Blelloch, G. and Harper, R.}, year = 2006}',
    '@article{others, title = {Many}, author = {Many, M. and others}, year = 2010}',
    '@book{lux, title = {Spectral}, author = {von Luxburg, Ulrike}, year = 2007, options = {useprefix=true}}',
    '@book{geer, title = {Music}, author = {de Geer, Ingrid}, year = 1985}',
    '@book{smithJ, title = {One}, author = {Smith, John}, year = 2015}',
    '@book{smithA, title = {Two}, author = {Smith, Anna}, year = 2016}',
    '@book{ed, title = {Edited Volume}, editor = {Editor, Ed and Other, Otto}, year = 2001}',
    '@book{fc, title = {Soon}, author = {Later, L.}, year = {forthcoming}}',
    '@book{range, title = {Long}, author = {Range, R.}, year = {1999--2001}}',
  ].join('\n');
  const c = build({ 'refs.bib': bib, 'notes/citing-note.md': citing('acarA', 'acarB', 'others', 'lux', 'geer', 'smithJ', 'smithA', 'ed', 'fc', 'range') });

  it('every year letter of a label is the one its reference carries', () => {
    const byLabel = labels(c);
    expect(byLabel.slice(0, 2)).toEqual(['Acar et al., 2006b', 'Acar et al., 2006a']);
    for (const [, entry] of c.bibliography) {
      const paper = paperOf(c, entry.key)!;
      const label = byLabel[['acarA', 'acarB', 'others', 'lux', 'geer', 'smithJ', 'smithA', 'ed', 'fc', 'range'].indexOf(entry.key)];
      const year = label.split(', ').pop()!;
      expect(referenceOf(c, paper.id)!.html).toContain(`(${year})`);
    }
  });

  it('"and others" is et al.; particles (kept with useprefix, as biblatex and Pandoc read them), editors, initials for same surnames, forthcoming and ranges as APA has them', () => {
    expect(labels(c).slice(2)).toEqual(['Many et al., 2010', 'von Luxburg, 2007', 'Geer, 1985', 'J. Smith, 2015', 'A. Smith, 2016', 'Editor & Other, 2001', 'Later, forthcoming', 'Range, 1999–2001']);
  });
});

describe('Pandoc citation syntax', () => {
  const bib = '@book{doe, title = {Doe Book}, author = {Doe, Jane}, year = 1931}\n@book{twinA, title = {Zed}, author = {Twin, T.}, year = 2019}\n@book{twinB, title = {Alpha}, author = {Twin, T.}, year = 2019}\n@book{{odd:key}, title = {Odd}, author = {Odd, O.}, year = 2000}';
  const note = (body: string) => build({ 'refs.bib': bib, 'notes/citing-note.md': md('title: Citing note', body) });

  it('@key [p. 33] is a narrative citation with its locator', () => {
    expect(html(note('As @doe [p. 33] says.'))).toContain('>Doe (1931, p. 33)</a></span> says.');
  });

  it('the brace form [@{key}] cites', () => {
    expect(labels(note('See [@{doe}].'))).toEqual(['Doe, 1931']);
  });

  it('escaped \\@key and \\[@key\\] stay text', () => {
    const out = html(note('Mail \\@doe or write \\[@doe\\] literally.'));
    expect(out).toContain('Mail @doe or write [@doe] literally.');
    expect(out).not.toContain('class="citation"');
  });

  it('works of one author in one group share the author: (Twin, 2019b, 2019a)', () => {
    expect(html(note('Twice [@twinA; @twinB].'))).toMatch(/\(<a [^>]*>Twin, 2019b<\/a>, <a [^>]*>2019a<\/a>\)/);
  });

  it('a citation inside a link’s text is cited, shown as text inside the link', () => {
    const c = note('Read [the book by @doe](https://example.org/doe).');
    expect(html(c)).toContain('<a href="https://example.org/doe">the book by <span class="citation"><span>Doe (1931)</span></span></a>');
    expect(c.graph.outgoing.get('notes/citing-note' as NodeId)?.map((e) => e.target)).toEqual([paperOf(c, 'doe')!.id]);
  });

  it('headings and link sentences read the rendered label', () => {
    const c = note('## On [@doe]\n\nAs [@doe] shows, it holds.');
    const body = c.bodies.get('notes/citing-note' as NodeId)!;
    expect(body.headings.map((h) => h.text)).toEqual(['On (Doe, 1931)']);
    expect(body.links.map((l) => l.context.sentence)).toEqual(['On (Doe, 1931)', 'As (Doe, 1931) shows, it holds.']);
  });
});
