/**
 * The whole import on the seeds and on small fixtures: what is written, how
 * exports of one item merge, stubs, idempotence, hand-written files, errors.
 */
import { execFile } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMAS } from '../../../src/lib/content/schema';
import { formatReport, type ImportReport } from '../../../src/lib/import/report';
import { importExports } from '../../../src/lib/import/run';
import { SEED, SEEDS, fixture, readGenerated, tempDir, type GeneratedFile } from './helpers';

const PAPER = 'Training language models to be warm and empathetic makes them less reliable and more sycophantic';
const NOTE_000 = 'Does empathy training make AI systems less reliable?';
const LINE = 'Does persona training for warmth actually make language models more clinically dangerous?';
const seedPath = (name: string) => path.join(SEEDS, name);

describe('importing the seeds', () => {
  let out: string;
  let report: ImportReport;
  let files: GeneratedFile[];
  const byTitle = (title: string) => files.find((f) => f.data.title === title)!;

  beforeAll(async () => {
    out = tempDir();
    report = await importExports([SEEDS], out);
    files = readGenerated(out);
  });

  it('reports the five exports, no errors, warnings or unclassified text', () => {
    expect(report.exports.map((e) => e.kind)).toEqual(['note', 'paper-summary', 'note', 'paper-fulltext', 'line']);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.unclassified).toEqual([]);
  });

  it('writes two full notes, one full paper and one full line', () => {
    const full = files.filter((f) => f.data.stub === false).map((f) => [f.kind, f.data.title]);
    expect(full.sort()).toEqual(
      [['line', LINE], ['note', NOTE_000], ['note', 'Does training granularity change how AI empathy affects reliability?'], ['paper', PAPER]].sort(),
    );
    expect(report.items).toEqual({ note: 2, paper: 1, line: 1 });
  });

  it('makes a stub for every note, paper and line the seeds name', () => {
    const seedLines = ['000_d8fdf720284b6379.txt', '002_7b4f3540f4dfc5b7.txt'].flatMap((n) => {
      const text = readFileSync(seedPath(n), 'utf8');
      const [linesPart, papersPart] = text.split(/^Related papers in this collection \d+$/m);
      const items = (part: string) => part.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2).trim());
      return [...items(linesPart).map((t) => ['line', t]), ...items(papersPart).map((t) => ['paper', t])];
    });
    const named = new Set(seedLines.map(([k, t]) => `${k}:${t}`));
    const have = new Set(files.map((f) => `${f.kind}:${f.data.title}`));
    for (const key of named) expect(have, key).toContain(key);
    // 136 distinct lines (133 + 25, 22 shared) and 11 distinct papers are named in the two notes.
    expect(files.filter((f) => f.kind === 'line')).toHaveLength(136);
    expect(files.filter((f) => f.kind === 'paper')).toHaveLength(11);
    // 10 sources (one of them the full note 000) and 3 titles only mentioned in prose.
    expect(files.filter((f) => f.kind === 'note')).toHaveLength(2 + 9 + 3);
    expect(report.stubs).toEqual({ note: 12, paper: 10, line: 135 });
  });

  it('merges the paper summary and the full text into one paper: summary fields from one, body from the other', () => {
    const paper = byTitle(PAPER);
    expect(files.filter((f) => f.data.title === PAPER)).toHaveLength(1);
    expect(paper.data).toMatchObject({ date: '2025-07-29', citations: 0, influential: 0, has_pdf: true, stub: false });
    expect(paper.data.abstract).toMatch(/As human-like AI systems are deployed at an unprecedented scale/);
    expect(paper.data.summary).toMatch(/^This study investigates/);
    expect(paper.data.problem).toHaveLength(3);
    expect(paper.body).toMatch(/^\nArtificial intelligence \(AI\) developers/);
    expect(paper.body).toContain('\n## Warm models show systematic reliability degradation\n');
    expect(paper.body).toContain('\n## Warm models are more likely to affirm false beliefs\n');
    expect(paper.data.imported_from).toEqual(expect.arrayContaining([SEED.paperSummary, SEED.paperFullText]));
  });

  it('gives each source stub the summary the inquiry line gives it', () => {
    const source = byTitle('Do language models add feelings users never actually expressed?');
    expect(source.kind).toBe('note');
    expect(source.data).toMatchObject({ stub: true, lines: [LINE], imported_from: [SEED.line] });
    expect(source.data.summary).toMatch(/^Therapists reviewing GPT-4 in the CaiTI system found it "reads into" user feelings/);
    const notes = files.filter((f) => f.kind === 'note' && f.data.stub === true && (f.data.lines as string[]).includes(LINE));
    expect(notes).toHaveLength(9);
    expect(notes.every((n) => typeof n.data.summary === 'string')).toBe(true);
  });

  it('keeps the full note\'s own summary when the line lists it as a source, and loses none of its lists', () => {
    const note = byTitle(NOTE_000);
    expect(note.data.summary).toMatch(/^Explores whether training language models to be warm/);
    expect(note.data.lines).toHaveLength(133);
    expect(note.data.lines).toContain(LINE);
    expect(note.data.papers).toHaveLength(8);
    expect(note.data.claim).toMatch(/^the warmth trap/);
    expect(note.data.imported_from).toEqual([SEED.note000, SEED.line]);
    const line = byTitle(LINE);
    expect((line.data.sources as { title: string; summary: string }[])[1].summary).toMatch(/^Research shows persona training for empathy/);
  });

  it('writes files that gray-matter reads and the schema of their kind accepts', () => {
    for (const f of files) {
      const result = SCHEMAS[f.kind].safeParse(f.data);
      expect(result.success, `${f.path}: ${result.success ? '' : JSON.stringify(result.error.issues[0])}`).toBe(true);
      expect(path.basename(f.path)).toMatch(/^[a-z0-9-]+\.md$/);
    }
  });

  it('changes no byte when the same exports are imported again', async () => {
    const before = new Map(files.map((f) => [f.path, f.raw]));
    const again = await importExports([SEEDS], out);
    expect(again.written).toEqual([]);
    expect(again.unchanged).toBe(before.size);
    const after = readGenerated(out);
    expect(after.map((f) => f.path)).toEqual([...before.keys()]);
    for (const f of after) expect(f.raw, f.path).toBe(before.get(f.path));
  });

  it('writes the same bytes whatever order the exports are given in', async () => {
    const other = tempDir();
    await importExports([...Object.values(SEED)].reverse().map(seedPath), other);
    const mine = readGenerated(other).map((f) => [path.relative(other, f.path), f.raw]);
    expect(mine).toEqual(files.map((f) => [path.relative(out, f.path), f.raw]));
  });

  it('prints counts by kind, stubs, mentions, unclassified text, warnings and errors', () => {
    const text = formatReport(report);
    expect(text).toContain('Items: notes 2, papers 1, lines 1');
    expect(text).toContain('Stubs: notes 12, papers 10, lines 135');
    expect(text).toContain('Mentions linked: 22');
    expect(text).toMatch(/Unclassified text: 0\nWarnings: 0\nErrors: 0$/);
  });
});

describe('an item first seen as a stub, then exported in full', () => {
  it('replaces the stub and keeps what the stub knew', async () => {
    const out = tempDir();
    await importExports([seedPath(SEED.line)], out);
    let note = readGenerated(out).find((f) => f.data.title === NOTE_000)!;
    expect(note.data).toMatchObject({ stub: true, lines: [LINE] });
    expect(note.data.summary).toMatch(/^Research shows persona training/);

    await importExports([seedPath(SEED.note000)], out);
    note = readGenerated(out).find((f) => f.data.title === NOTE_000)!;
    expect(note.data.stub).toBe(false);
    expect(note.data.summary).toMatch(/^Explores whether/);
    expect(note.data.lines).toHaveLength(133);
    expect(note.data.imported_from).toEqual([SEED.note000, SEED.line]);
    expect(note.body).toContain('## The Hook');
  });

  it('keeps the full text when the paper summary is imported in a later run', async () => {
    const out = tempDir();
    await importExports([seedPath(SEED.paperFullText)], out);
    await importExports([seedPath(SEED.paperSummary)], out);
    const [paper] = readGenerated(out);
    expect(paper.data.abstract).toMatch(/reshaping human relationships and social interaction\.$/);
    expect(paper.data.citations).toBe(0);
    expect(paper.body).toContain('## Interpersonal context amplifies reliability problems');
    expect(paper.data.imported_from).toEqual([SEED.paperSummary, SEED.paperFullText]);
  });
});

describe('files written by hand', () => {
  const setUp = () => {
    const out = tempDir();
    cpSync(fixture('hand-written'), out, { recursive: true });
    return out;
  };

  it('are never overwritten by a full export: the clash is an error and the other exports still import', async () => {
    const out = setUp();
    const target = path.join(out, 'notes/does-the-importer-keep-text-it-cannot-classify.md');
    const before = readFileSync(target, 'utf8');
    const report = await importExports([fixture('note-with-stray-text.txt'), fixture('line-with-next.txt')], out);
    expect(readFileSync(target, 'utf8')).toBe(before);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0].file).toBe(target);
    expect(report.errors[0]).toMatchObject({ rule: 'import/hand-written', severity: 'error' });
    expect(readGenerated(out).some((f) => f.data.title === 'Does a line list the lines that follow it?')).toBe(true);
  });

  it('stand in for a stub the exports name, with a warning', async () => {
    const out = setUp();
    const target = path.join(out, 'notes/a-hand-written-note-named-by-a-list.md');
    const before = readFileSync(target, 'utf8');
    const report = await importExports([fixture('line-with-next.txt')], out);
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => [w.file, w.rule])).toEqual([[target, 'import/hand-written']]);
    expect(readFileSync(target, 'utf8')).toBe(before);
    expect(readGenerated(out).filter((f) => f.data.title === 'Does a cut-off export lose its links?')).toHaveLength(1);
  });
});

describe('lists and unclassified text', () => {
  it('reads "Next inquiring lines N" into next and makes line stubs of them', async () => {
    const out = tempDir();
    await importExports([fixture('line-with-next.txt')], out);
    const files = readGenerated(out);
    const line = files.find((f) => f.data.title === 'Does a line list the lines that follow it?')!;
    expect(line.data.next).toEqual(['Can a line have two next lines?', 'Why would a reader follow the next line?']);
    expect(files.find((f) => f.data.title === 'Can a line have two next lines?')).toMatchObject({ kind: 'line', data: { stub: true } });
  });

  it('keeps text it cannot classify in the body and lists it in the report', async () => {
    const out = tempDir();
    const report = await importExports([fixture('note-with-stray-text.txt')], out);
    expect(report.unclassified.map((u) => [u.line, u.text])).toEqual([
      [7, 'this line is not a list item'],
      [10, 'and so is this one'],
    ]);
    const [note] = readGenerated(out).filter((f) => f.kind === 'note');
    expect(note.data).toMatchObject({ claim: 'stray lines are kept', papers: ['A Paper About Stray Lines'] });
    expect(note.body).toContain('## Unclassified export text\n\nthis line is not a list item\n\nand so is this one');
  });
});

describe('exports that cannot be imported', () => {
  it.each([
    ['empty.txt', 1, 'import/empty', /the file is empty/],
    ['blank-lines.txt', 1, 'import/empty', /the file is empty/],
    ['binary-nul.txt', 2, 'import/binary', /a NUL byte/],
    ['invalid-utf8.txt', 2, 'import/not-utf8', /UTF-8/],
    ['truncated-note.txt', 5, 'import/truncated', /"Inquiring lines that use this note as a source 5" announces 5 items but only 3 follow/],
    ['truncated-line.txt', 11, 'import/truncated', /"Sources 3 notes" announces 3 items but only 2 follow/],
    ['unknown-layout.txt', 1, 'import/unknown-layout', /expected a note/],
  ])('%s gets an error naming the file, line %i and rule %s, and the other files still import', async (name, line, rule, message) => {
    const out = tempDir();
    const report = await importExports([fixture(name), fixture('line-with-next.txt')], out);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ file: fixture(name), line, rule, severity: 'error' });
    expect(report.errors[0].message).toMatch(message);
    expect(report.exports.map((e) => e.file)).toEqual(['line-with-next.txt']);
    expect(readGenerated(out).some((f) => f.data.title === 'Does a line list the lines that follow it?')).toBe(true);
  });
});

describe('the command line', () => {
  const run = promisify(execFile);
  const cli = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], { cwd: path.resolve(__dirname, '../../..') }).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );

  it('exits 0 and prints the report when every file imports', async () => {
    const out = tempDir();
    const { code, stdout } = await cli([fixture('line-with-next.txt'), '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toContain('Items: notes 0, papers 0, lines 1');
  });

  it('exits non-zero after importing everything else when a file fails', async () => {
    const out = tempDir();
    writeFileSync(path.join(out, 'ignored'), '');
    const { code, stdout } = await cli([fixture('empty.txt'), fixture('line-with-next.txt'), '--out', out]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/Errors: 1\n.*empty\.txt:1: the file is empty/);
    expect(readGenerated(out).length).toBeGreaterThan(0);
  });
});
