import { describe, expect, it } from 'vitest';
import { decodeUtf8, parseDocument } from '../../src/lib/content/document';
import { formatProblem } from '../../src/lib/content/problems';
import type { NodeId, Slug } from '../../src/lib/content/ids';
import { corpusOf, md } from '../helpers/corpus';

const parse = (kind: 'note' | 'paper' | 'line', text: string) => parseDocument(kind, 'x' as Slug, 'notes/x.md', text);

describe('parseDocument', () => {
  it('reads frontmatter, defaults lists, and keeps the body with its starting line', () => {
    const result = parse('note', md('title: Does X help?\nclaim: X helps.', 'Body text.\n'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.data).toMatchObject({ title: 'Does X help?', claim: 'X helps.', papers: [], lines: [], aliases: [], stub: false });
    expect(result.doc.body).toBe('Body text.\n');
    expect(result.doc.bodyLine).toBe(5);
    expect(result.doc.id).toBe('notes/x');
  });

  it('turns a YAML date into an ISO date string', () => {
    const result = parse('paper', md('title: P\ndate: 2025-07-29\ncitations: 3'));
    expect(result.ok && result.doc.data).toMatchObject({ date: '2025-07-29', citations: 3 });
  });

  it('reads line sources given as titles or as title and summary', () => {
    const result = parse('line', md('title: L?\nsources:\n  - A?\n  - title: B?\n    summary: Why B.'));
    expect(result.ok && (result.doc.data as { sources: unknown }).sources).toEqual([{ title: 'A?', summary: undefined }, { title: 'B?', summary: 'Why B.' }]);
  });

  it('names the file, line and field of a field of the wrong type', () => {
    const result = parse('note', md('title: T\nsummary: fine\npapers: one string'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    const [p] = result.problems;
    expect(p).toMatchObject({ file: 'notes/x.md', line: 4, field: 'papers', severity: 'error' });
    expect(formatProblem(p)).toBe('error: notes/x.md:4: field "papers": expected a list, found text [frontmatter/invalid-field]');
  });

  it('names a nested field inside a list', () => {
    const result = parse('line', md('title: L\nsources:\n  - title: A\n  - title: 42'));
    expect(!result.ok && result.problems[0]).toMatchObject({ line: 5, field: 'sources.1.title' });
  });

  it('says which required field is missing and how to add it', () => {
    const result = parse('note', md('summary: no title here'));
    expect(!result.ok && result.problems[0]).toMatchObject({ rule: 'frontmatter/invalid-field', field: 'title' });
    expect(!result.ok && result.problems[0].message).toMatch(/needs "title".*add a line/);
  });

  it('reports an unknown field on its own line, with a hint about spelling', () => {
    const result = parse('note', md('title: T\ntitel: typo'));
    expect(!result.ok && result.problems[0]).toMatchObject({ rule: 'frontmatter/unknown-field', line: 3, field: 'titel' });
    expect(!result.ok && result.problems[0].message).toMatch(/unknown field.*spelling/);
  });

  it('reports malformed YAML with its line instead of throwing', () => {
    const result = parse('note', '---\ntitle: T\npapers: [unclosed\n---\nbody');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatchObject({ rule: 'frontmatter/invalid-yaml' });
    expect(!result.ok && result.problems[0].line).toBeGreaterThanOrEqual(3);
  });

  it('refuses a paper URL that is not http(s)', () => {
    const result = parse('paper', md('title: P\nurl: "javascript:alert(1)"'));
    expect(!result.ok && result.problems[0]).toMatchObject({ field: 'url', line: 3 });
  });
});

describe('decodeUtf8', () => {
  it('refuses bytes that are not UTF-8 and names the line', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('---\ntitle: T\n---\nok\n'), 0xff, 0xfe]);
    const result = decodeUtf8(bytes, 'notes/bad.md');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatchObject({ file: 'notes/bad.md', line: 5 });
  });
  it('accepts multi-byte characters', () => {
    expect(decodeUtf8(new TextEncoder().encode('émoji 🧪 עברית'), 'f')).toEqual({ ok: true, text: 'émoji 🧪 עברית' });
  });
});

describe('titles YAML reads as numbers or dates', () => {
  it('are read as the text written, as Obsidian reads them', () => {
    for (const [yaml, title] of [['123', '123'], ['2024-05-01', '2024-05-01'], ['1.5', '1.5']]) {
      const result = parseDocument('note', 'x' as Slug, 'notes/x.md', `---\ntitle: ${yaml}\nclaim: 42\n---\nBody`);
      expect(result.ok && [result.doc.data.title, result.doc.data.claim]).toEqual([title, '42']);
    }
  });
});

describe('a link into a block marked on the line under it', () => {
  it('finds the block, with no warning', () => {
    const corpus = corpusOf({
      'notes/a.md': '---\ntitle: A\n---\n> [!note] Callout\n> Body.\n^callout-id\n\n| a |\n| - |\n| 1 |\n^table-id\n',
      'notes/b.md': '---\ntitle: B\n---\nSee [[A#^callout-id]] and [[A#^table-id]].\n',
    });
    expect(corpus.problems).toEqual([]);
    expect(corpus.bodies.get('notes/a' as NodeId)!.blocks).toEqual(['callout-id', 'table-id']);
  });
});
