import { createHash } from 'node:crypto';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { SCHEMAS } from '../../src/lib/content/schema';
import { KIND_FOLDER, slugify, titleKey } from '../../src/lib/content/ids';
import { LINES_PER_NOTE, MAX_LINKS, MIN_LINKS, PAPERS_PER_NOTE, SyntheticCorpus, corpusCounts, generateCorpus, mulberry32 } from '../../scripts/bench/synthetic-corpus';

const digest = (files: { path: string; content: string }[]) => {
  const h = createHash('sha256');
  for (const f of files) h.update(f.path).update('\0').update(f.content).update('\0');
  return h.digest('hex');
};
const WIKI_LINK = /\[\[([^\]]+)\]\]/g;
const linksOf = (body: string) => [...body.matchAll(WIKI_LINK)].map((m) => m[1]);

describe('synthetic corpus', () => {
  const files = generateCorpus({ notes: 400, seed: 7 });
  const parsed = files.map((f) => ({ ...f, ...matter(f.content) }));

  it('is deterministic: same seed, same bytes; other seed, other bytes', () => {
    expect(digest(generateCorpus({ notes: 400, seed: 7 }))).toBe(digest(files));
    const other = generateCorpus({ notes: 400, seed: 8 });
    expect(digest(other)).not.toBe(digest(files));
    expect(other[0].content).not.toBe(files[0].content);
  });

  it('--queries adds a Dataview query to that many notes, spread out, and changes nothing else', () => {
    const withQueries = generateCorpus({ notes: 400, seed: 7, queries: 40 });
    const QUERY_SECTION = /\n\n## Related by query\n\n```dataview\n[^\n]+\n```\n$/;
    const holders = withQueries.flatMap((f, i) => (QUERY_SECTION.test(f.content) ? [i] : []));
    expect(holders.length).toBe(40);
    expect(holders.every((i) => withQueries[i].kind === 'note')).toBe(true);
    // Spread over the notes, not bunched at the start.
    expect(holders[holders.length - 1]).toBeGreaterThan(350);
    expect(withQueries.map((f) => f.content.replace(QUERY_SECTION, '\n'))).toEqual(files.map((f) => f.content));
    expect(digest(generateCorpus({ notes: 400, seed: 7, queries: 40 }))).toBe(digest(withQueries));
  });

  it('mulberry32 is a stable, seedable stream in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
  });

  it('keeps the proportions of the real collection', () => {
    for (const n of [10, 400, 1000, 10000]) {
      const c = corpusCounts(n);
      expect(c).toEqual({ notes: n, papers: Math.round(n * PAPERS_PER_NOTE), lines: Math.round(n * LINES_PER_NOTE) });
    }
    const byKind = (k: string) => files.filter((f) => f.kind === k).length;
    expect([byKind('note'), byKind('paper'), byKind('line')]).toEqual([400, 120, 60]);
  });

  it('writes each file at <folder>/<slugify(title)>.md, with unique titles and paths', () => {
    for (const f of parsed) expect(f.path).toBe(`${KIND_FOLDER[f.kind]}/${slugify(f.data.title)}.md`);
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
    expect(new Set(files.map((f) => titleKey(f.title))).size).toBe(files.length);
  });

  it('every file validates against the schema of its kind', () => {
    for (const f of parsed) {
      const result = SCHEMAS[f.kind].safeParse(f.data);
      expect(result.success, `${f.path}: ${result.success ? '' : result.error.message}`).toBe(true);
    }
    const notes = parsed.filter((f) => f.kind === 'note');
    expect(notes.every((n) => n.data.title.endsWith('?'))).toBe(true);
    expect(notes.every((n) => /^## /m.test(n.content))).toBe(true);
  });

  it('gives every note 5–15 distinct wiki links, mostly to notes, with some stubs', () => {
    const titles = new Map(files.map((f) => [titleKey(f.title), f.kind]));
    let toNotes = 0;
    let toStubs = 0;
    let total = 0;
    for (const f of parsed.filter((p) => p.kind === 'note')) {
      const links = linksOf(f.content);
      expect(links.length).toBeGreaterThanOrEqual(MIN_LINKS);
      expect(links.length).toBeLessThanOrEqual(MAX_LINKS);
      expect(new Set(links).size).toBe(links.length);
      expect(links).not.toContain(f.title);
      for (const l of links) {
        const kind = titles.get(titleKey(l));
        total++;
        if (kind === 'note') toNotes++;
        if (kind === undefined) toStubs++;
      }
    }
    expect(toNotes / total).toBeGreaterThan(0.7);
    expect(toStubs / total).toBeGreaterThan(0.04);
    expect(toStubs / total).toBeLessThan(0.11);
  });

  it('keeps relations consistent: a note lists exactly the lines that use it', () => {
    const lines = parsed.filter((p) => p.kind === 'line');
    const usedBy = new Map<string, string[]>();
    for (const line of lines) for (const s of line.data.sources) usedBy.set(s.title, [...(usedBy.get(s.title) ?? []), line.data.title]);
    for (const note of parsed.filter((p) => p.kind === 'note')) expect([...note.data.lines].sort()).toEqual([...(usedBy.get(note.data.title) ?? [])].sort());
    for (const line of lines) expect(linksOf(line.content)).toEqual(line.data.sources.map((s: { title: string }) => s.title));
  });

  it('gives about 30% of papers a full text of thousands of words with figures', () => {
    const papers = parsed.filter((p) => p.kind === 'paper');
    const full = papers.filter((p) => p.content.split(/\s+/).length > 1500);
    expect(full.length / papers.length).toBeGreaterThan(0.18);
    expect(full.length / papers.length).toBeLessThan(0.42);
    const text = full.map((p) => p.content).join('\n');
    expect(text).toMatch(/## Results/);
    expect(text).toMatch(/\d+\.\d percentage points/);
    expect(text).toMatch(/\d+\.\d%/);
    expect(text).toMatch(/p < 0\.0+1/);
  });

  it('draws words with a Zipf shape: frequency falls roughly as 1/rank', () => {
    const corpus = new SyntheticCorpus({ notes: 300, seed: 3 });
    const lexicon = new Set(corpus.lexicon);
    const counts = new Map<string, number>();
    for (const f of corpus.files()) {
      for (const w of matter(f.content).content.toLowerCase().match(/[a-z]+/g) ?? []) if (lexicon.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    const freq = [...counts.values()].sort((a, b) => b - a);
    // Least-squares slope of log(frequency) against log(rank) over ranks 1..100.
    const xs = freq.slice(0, 100).map((_, i) => Math.log(i + 1));
    const ys = freq.slice(0, 100).map(Math.log);
    const mx = xs.reduce((a, b) => a + b) / xs.length;
    const my = ys.reduce((a, b) => a + b) / ys.length;
    const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    expect(slope).toBeGreaterThan(-1.25);
    expect(slope).toBeLessThan(-0.75);
    expect(freq[0] / freq[9]).toBeGreaterThan(5);
    expect(freq[0] / freq[9]).toBeLessThan(20);
    // A generated lexicon, not a short repeated list.
    expect(counts.size).toBeGreaterThan(2000);
  });
});
