import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Corpus } from '../../src/lib/corpus';
import { searchCorpus } from '../../src/lib/search/writer/documents';
import MiniSearch from 'minisearch';
import { decodeShard, frontCode, indexFiles, invertedIndex, loadWhole, MAX_COMPLETION_SHARDS, searchFiles, shardKeys, shardsForTerm } from '../../src/lib/search';
import { SearchClient, type FetchJson } from '../../src/lib/search/wire/loader';
import { indexTerm, manifestPath, parseSearchId, resultPath, SEARCH_FIELDS, searchId, shardPath, tokenize, type SearchDocument } from '../../src/lib/search/wire/index-rules';
import { searchBoxHtml, searchDialogHtml } from '../../src/lib/site/search-box';
import { queryTerms, resultSnippet, runQuery, snippet, type LoadedIndex } from '../../src/lib/search/wire/query';
import { corpusOf, md } from '../helpers/corpus';

/** What the whole index answers (every shard loaded at once): the reference a browser's few shards must match. */
function referenceQuery(whole: LoadedIndex, query: string) {
  const outcome = runQuery(whole, query);
  return { mode: outcome.mode, hits: outcome.hits.map((h): [string, string] => [h.id, h.score.toFixed(9)]) };
}

/** A fetch that serves the files the build writes, as JSON text, and counts what it served. */
function servedFiles(corpus: Corpus, sharding?: Parameters<typeof searchFiles>[1]) {
  const files = searchFiles(corpus, sharding);
  const served = new Map<string, string>([[manifestPath(), JSON.stringify(files.manifest)]]);
  for (const [key, shard] of files.shards) served.set(shardPath(key), JSON.stringify(shard));
  for (const record of files.records) served.set(resultPath(parseSearchId(record.id).n), JSON.stringify(record));
  const fetched: string[] = [];
  const fetchJson: FetchJson = async (path) => {
    fetched.push(path);
    const text = served.get(path);
    if (text === undefined) throw new Error(`404 ${path}`);
    return JSON.parse(text);
  };
  return { files, served, fetched, client: new SearchClient(fetchJson) };
}

const titlesOf = async (client: SearchClient, hits: { n: number }[]) => Promise.all(hits.map(async (h) => (await client.record(h.n)).title));

describe('search over the basic fixture', () => {
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = await loadCorpus('tests/fixtures/basic');
  });

  it('"warmht" (a typo) finds the warmth note', async () => {
    const { client } = servedFiles(corpus);
    const outcome = await client.search('warmht');
    expect(await titlesOf(client, outcome.hits)).toContain('Does warmth training make language models less reliable?');
  });

  it('"RLVER" finds the stub paper and the note that mentions it, the written note first', async () => {
    const { client } = servedFiles(corpus);
    const outcome = await client.search('RLVER');
    const records = await Promise.all(outcome.hits.map((h) => client.record(h.n)));
    const stub = records.find((r) => r.title.startsWith('RLVER:'));
    expect(stub).toMatchObject({ kind: 'paper', stub: true });
    const note = records.find((r) => r.title === 'Can emotion rewards make language models genuinely empathic?');
    expect(note).toBeDefined();
    expect(records.indexOf(note!)).toBeLessThan(records.indexOf(stub!));
  });

  it('the kind filter keeps one kind and still counts every kind', async () => {
    const { client } = servedFiles(corpus);
    const all = await client.search('warm');
    const papers = await client.search('warm', 'paper');
    expect(all.counts.note).toBeGreaterThan(0);
    expect(all.counts.paper).toBeGreaterThan(0);
    expect(papers.hits.length).toBe(all.counts.paper);
    expect(papers.hits.every((h) => h.kind === 'paper')).toBe(true);
    expect(papers.counts).toEqual(all.counts);
  });

  it('the index the build writes, searched in the few shards a query fetches, answers exactly as the whole index', async () => {
    // Tiny shards force splitting, so queries must combine several files.
    const { client, files, fetched } = servedFiles(corpus, { targetBytes: 200, maxKeyLength: 4 });
    expect(files.shards.size).toBeGreaterThan(20);
    const whole = loadWhole(searchFiles(corpus, { targetBytes: 1e9, maxKeyLength: 2 }));
    const queries = ['warmth', 'warmht reliab', 'RLVER', 'empathic rewards', 'medqa', 'clinically dangerous', 'emp', 'reliabilty', 'models warm', 'emotion emotion', 'rlver granularity'];
    for (const q of queries) {
      const fromShards = await client.search(q);
      const reference = referenceQuery(whole, q);
      expect(reference.hits.length, q).toBeGreaterThan(0);
      expect(fromShards.mode, q).toBe(reference.mode);
      expect(fromShards.hits.map((h) => [h.id, h.score.toFixed(9)]), q).toEqual(reference.hits);
      expect(fromShards.total, q).toBe(reference.hits.length);
    }
    const shardFiles = fetched.filter((p) => p.includes('/terms/'));
    expect(shardFiles.length).toBeLessThan(files.shards.size);
  });

  it('makes the same files whatever its hooks do, and calls back between its steps', () => {
    const sharding = { targetBytes: 200, maxKeyLength: 4 };
    const { documents } = searchCorpus(corpus);
    const plain = indexFiles(documents, sharding);
    let calls = 0;
    let checkpoints = 0;
    const hooked = indexFiles([...documents], sharding, { afterStep: () => calls++, checkpoint: () => checkpoints++ });
    expect(calls).toBe(2);
    // Once a shard, at least (the fixture has fewer documents than are indexed between two checkpoints).
    expect(checkpoints).toBeGreaterThanOrEqual(plain.shards.size);
    expect(hooked.manifest).toEqual(plain.manifest);
    expect([...hooked.shards]).toEqual([...plain.shards]);
    // Letting go of the texts at the first call changes nothing: they are indexed by then.
    const copy = [...documents];
    expect(indexFiles(copy, sharding, { afterStep: () => (copy.length = 0) }).manifest).toEqual(plain.manifest);
  });

  it('the inverted index counts every posting, field length and average as MiniSearch does', () => {
    const { documents } = searchCorpus(corpus);
    const reference = new MiniSearch<SearchDocument>({ idField: 'id', fields: [...SEARCH_FIELDS], storeFields: [], tokenize, processTerm: indexTerm });
    reference.addAll(documents);
    const expected = reference.toJSON();
    const ours = invertedIndex(documents);
    expect(ours.documentCount).toBe(expected.documentCount);
    expect(Object.fromEntries(SEARCH_FIELDS.map((f, i) => [f, i]))).toEqual(expected.fieldIds);
    ours.averageFieldLength.forEach((average, field) => expect(average).toBeCloseTo(expected.averageFieldLength[field], 9));
    documents.forEach((_, doc) => {
      SEARCH_FIELDS.forEach((_, field) => expect(ours.fieldLength[doc * SEARCH_FIELDS.length + field]).toBe(expected.fieldLength[doc][field]));
    });
    expect([...ours.terms.keys()].sort()).toEqual(expected.index.map(([term]) => term).sort());
    for (const [term, fields] of expected.index) {
      const postings = ours.terms.get(term)!;
      for (const [field, frequencies] of Object.entries(fields)) {
        const pairs: [number, number][] = [];
        for (let i = 0; i < postings[Number(field)].length; i += 2) pairs.push([postings[Number(field)][i], postings[Number(field)][i + 1]]);
        expect(pairs.sort((a, b) => a[0] - b[0]), term).toEqual(Object.entries(frequencies).map(([doc, tf]) => [Number(doc), tf]));
      }
      expect(Object.keys(postings).sort(), term).toEqual(Object.keys(fields).sort());
    }
  });

  it('every word of the fixture, whole, cut short or with a typo, scores from its own shards as from the whole index', async () => {
    const files = searchFiles(corpus, { targetBytes: 200, maxKeyLength: 4 });
    const { client } = servedFiles(corpus, { targetBytes: 200, maxKeyLength: 4 });
    const whole = loadWhole(searchFiles(corpus, { targetBytes: 1e9, maxKeyLength: 2 }));
    const words = [...files.shards.values()].flatMap((shard) => shard.terms.map(([term]) => term)).filter((_, i) => i % 2 === 0);
    expect(words.length).toBeGreaterThan(40);
    const modes = new Set<string>();
    for (const word of words) {
      // The word, its start (a prefix being typed), two letters swapped past the shard key's four (a typo), and paired with the next word.
      const typo = word.length > 6 ? word.slice(0, 4) + word[5] + word[4] + word.slice(6) : word;
      for (const q of [word, word.slice(0, Math.max(2, word.length - 2)), typo, `${word} ${words[(words.indexOf(word) + 1) % words.length]}`]) {
        // A short start of many shards' words is matched as typed (see the test after next).
        const last = queryTerms(q).at(-1) ?? '';
        if (shardKeys(files.manifest.shards).filter((k) => k.startsWith(last) && k !== last).length > MAX_COMPLETION_SHARDS) continue;
        const ours = await client.search(q);
        const reference = referenceQuery(whole, q);
        expect(ours.mode, q).toBe(reference.mode);
        expect(ours.hits.map((h) => [h.id, h.score.toFixed(9)]), q).toEqual(reference.hits);
        modes.add(ours.mode);
      }
    }
    expect([...modes].sort()).toEqual(['all', 'any']);
  });

  it('asking for the first results gives the head of the full ranking, with the counts of all', async () => {
    const { client } = servedFiles(corpus);
    const all = await client.search('model');
    expect(all.hits.length).toBeGreaterThan(4);
    for (const limit of [1, 2, 4]) {
      const first = await client.search('model', 'all', limit);
      expect(first.hits.map((h) => h.id)).toEqual(all.hits.slice(0, limit).map((h) => h.id));
      expect(first.total).toBe(all.hits.length);
      expect(first.counts).toEqual(all.counts);
    }
  });

  it('a query fetches only the shards of its own words', async () => {
    const { client, files, fetched } = servedFiles(corpus, { targetBytes: 200, maxKeyLength: 4 });
    await client.search('medqa');
    const holder = [...files.shards].find(([, shard]) => shard.terms.some(([term]) => term === 'medqa'))![0];
    expect(fetched.filter((p) => p.includes('/terms/'))).toEqual([shardPath(holder)]);
  });

  it('a word being typed is completed only from a few shards; a short start of many is matched as typed', async () => {
    const { client, files, fetched } = servedFiles(corpus, { targetBytes: 200, maxKeyLength: 4 });
    const starting = shardKeys(files.manifest.shards).filter((k) => k.startsWith('re'));
    expect(starting.length).toBeGreaterThan(MAX_COMPLETION_SHARDS);
    await client.search('re');
    expect(fetched.filter((p) => p.includes('/terms/'))).toEqual(shardKeys(files.manifest.shards).filter((k) => k === 're').map(shardPath));
  });

  it('a no-result query suggests the closest titles', async () => {
    const { client } = servedFiles(corpus);
    const outcome = await client.search('grnlrity');
    expect(outcome.hits).toEqual([]);
    expect(await titlesOf(client, outcome.suggestions)).toContain('Does training granularity change how AI empathy affects reliability?');
  });

  it('a result record carries what the result shows, and its snippet marks the matched word', async () => {
    const { client } = servedFiles(corpus);
    const outcome = await client.search('medqa');
    const hit = outcome.hits[0];
    const record = await client.record(hit.n);
    const shown = resultSnippet(record, hit)!;
    expect(shown.highlights.length).toBeGreaterThan(0);
    expect(shown.highlights.map(([s, e]) => shown.text.slice(s, e).toLowerCase())).toContain('medqa');
  });
});

describe('ranking', () => {
  const corpus = corpusOf({
    'notes/a.md': md('title: Notes on sycophancy'),
    'notes/b.md': md('title: A note about models', 'Models flatter. Sycophancy, sycophancy and more sycophancy appear in the body of this long note about models.'),
    'notes/c.md': md('title: Stub referrer\npapers:\n  - Sycophancy benchmarks'),
  });
  const index = loadWhole(indexFiles(searchCorpus(corpus).documents));
  const kindsAndTitles = (q: string) => runQuery(index, q).hits.map((h) => corpus.graph.nodes.get([...corpus.graph.nodes.keys()][h.n])!.title);

  it('a title match outranks a body match', () => {
    const titles = kindsAndTitles('sycophancy');
    expect(titles.indexOf('Notes on sycophancy')).toBeLessThan(titles.indexOf('A note about models'));
  });

  it('a stub is findable but comes after every written item, even one matched only in its body', () => {
    expect(kindsAndTitles('sycophancy')).toEqual(['Notes on sycophancy', 'A note about models', 'Sycophancy benchmarks']);
  });

  it('matches words by prefix while typing', () => {
    expect(kindsAndTitles('sycoph')).toContain('Notes on sycophancy');
  });

  it('needs every word when some item has them all, and falls back to any word otherwise', () => {
    expect(runQuery(index, 'sycophancy flatter').mode).toBe('all');
    expect(kindsAndTitles('sycophancy flatter')).toEqual(['A note about models']);
    const any = runQuery(index, 'sycophancy zebra');
    expect(any.mode).toBe('any');
    expect(any.hits.length).toBeGreaterThan(0);
  });
});

describe('query words and snippets', () => {
  it('drops stop words and single letters, but keeps a stop word still being typed', () => {
    expect(queryTerms('Does the warmth a')).toEqual(['warmth']);
    expect(queryTerms('warmth the')).toEqual(['warmth', 'the']);
    expect(queryTerms('Résumé')).toEqual(['resume']);
  });

  it('a snippet centres on the matched words and marks each of them', () => {
    const text = 'Intro words. '.repeat(40) + 'Warm models erred more on MedQA than cold ones. ' + 'Outro words. '.repeat(40);
    const s = snippet(text, ['medqa', 'warm'])!;
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['Warm', 'MedQA']);
  });

  it('search ids carry kind and stub', () => {
    expect(parseSearchId(searchId('paper', true, 12))).toEqual({ kind: 'paper', stub: true, n: 12 });
    expect(parseSearchId(searchId('line', false, 0))).toEqual({ kind: 'line', stub: false, n: 0 });
  });

  it('a shard split keeps every term reachable from its own key', () => {
    const corpus = corpusOf({ 'notes/a.md': md('title: war warm warmth warning wash', 'was wax') });
    const { manifest, shards } = indexFiles(searchCorpus(corpus).documents, { targetBytes: 10, maxKeyLength: 4 });
    for (const [key, shard] of shards) {
      for (const [term] of shard.terms) expect(shardsForTerm(term, shardKeys(manifest.shards)), term).toEqual([key]);
    }
    expect(shardsForTerm('w', shardKeys(manifest.shards))).toEqual([]);
  });
});

describe('postings in the files', () => {
  it("name a word's places on a page by steps, one character a posting, and are read back at those places", () => {
    const corpus = corpusOf({ 'notes/a.md': md('title: Alpha', 'Zebra here.\n\n## One\n\nZebra again.\n\n## Two\n\nNothing.\n\n## Three\n\nZebra, zebra.') });
    const shard = [...searchFiles(corpus).shards.values()].find((s) => s.terms.some(([term]) => term === 'zebra'))!;
    const body = String(SEARCH_FIELDS.indexOf('body'));
    const [gaps, values] = shard.terms.find(([term]) => term === 'zebra')![1][body];
    expect(gaps).toEqual([0, 0, 0]);
    // Steps 0 (the page), 1 (section one), 2 (on to section three).
    expect([...values].map((c) => Math.floor((c.charCodeAt(0) - 0x30) / 10))).toEqual([0, 1, 2]);
    const decoded = decodeShard({ terms: [['zebra', { [body]: [gaps, values] }]] }).postings[0][0];
    expect([...decoded.docs]).toEqual([0, 0, 0]);
    expect([...decoded.places]).toEqual([0, 1, 3]);
    // Twice in its section: more weight than once in a section as long.
    expect(decoded.impacts[2]).toBeGreaterThan(decoded.impacts[1]);
  });
});

describe('shard keys in the manifest', () => {
  it('are written front-coded, each as what it shares with the key before and the rest, and read back', () => {
    expect(frontCode(['ab', 'abc', 'abd', 'ac', 'b2', 'b21'])).toBe('0ab 2c 2d 1c 0b2 21');
    const keys = ['21', '2x', 'ab', 'abc', 'c+', 'c++', 'zy', '东京', '东京都', '𠀀a', '𠀁b', 'ñu'].sort();
    expect(shardKeys(frontCode(keys))).toEqual(keys);
    expect(shardKeys(frontCode([]))).toEqual([]);
  });

  it('list every shard the build writes', () => {
    const files = searchFiles(corpusOf({ 'notes/a.md': md('title: war warm warmth warning wash', 'was wax 2021 模型') }), { targetBytes: 10, maxKeyLength: 4 });
    expect(shardKeys(files.manifest.shards)).toEqual([...files.shards.keys()].sort());
  });
});

describe('the search box markup shared by the landing page and the dialog', () => {
  const attrs = (html: string, selector: RegExp) => selector.exec(html)?.[0] ?? '';

  it('labels the box and ties it to its status line and results', () => {
    const html = searchBoxHtml({ id: 'x', label: 'Search "all" <items>', variant: 'page', action: '/kg/' });
    expect(html).toContain('<label for="x-input" class="search-label">Search &#34;all&#34; &#60;items&#62;</label>');
    const input = attrs(html, /<input [^>]*>/);
    expect(input).toContain('id="x-input"');
    expect(input).toContain('role="combobox"');
    expect(input).toContain('aria-controls="x-results"');
    expect(input).toContain('aria-describedby="x-status"');
    expect(html).toContain('<ul id="x-results" class="search-results" role="listbox" aria-label="Search results"');
    expect(html).toContain('<p id="x-status" class="search-status" role="status"');
    expect(html).toContain('action="/kg/"');
    expect(html).toContain('data-search="page"');
  });

  it('offers a filter for each kind, all pressed at first', () => {
    const html = searchBoxHtml({ id: 'x', label: 'Search', variant: 'page', action: '/' });
    const kinds = [...html.matchAll(/data-kind="([a-z]+)"[^>]*aria-pressed="(true|false)">([^<]+)</g)].map((m) => [m[1], m[2], m[3].trim()]);
    expect(kinds).toEqual([['all', 'true', 'All'], ['note', 'false', 'Notes'], ['paper', 'false', 'Papers'], ['line', 'false', 'Inquiry lines']]);
  });

  it('wraps a dialog variant in a dialog named by its heading, with a close button', () => {
    const html = searchDialogHtml('/');
    expect(html).toMatch(/^<dialog class="search-dialog" data-search-dialog aria-labelledby="dialog-search-title">/);
    expect(html).toContain('<h2 id="dialog-search-title">Search</h2>');
    expect(html).toContain('aria-label="Close search"');
    expect(html).toContain('data-search="dialog"');
    expect(html).toContain('<label for="dialog-search-input"');
  });
});
