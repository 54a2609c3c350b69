import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { escapeBlockStart, serialize } from '../../../src/lib/import/write';

describe('content file serialisation', () => {
  it('writes keys in the fixed order of the kind, lists as [] when empty, and nothing unknown', () => {
    const text = serialize('line', { stub: true, imported_from: ['a.txt'], title: 'Does order matter?', extra: 1 }, '');
    expect(text).toBe(
      '---\ntitle: Does order matter?\nsources: []\nnext: []\naliases: []\ntags: []\nimported_from:\n  - a.txt\nstub: true\n---\n',
    );
  });

  it('writes a date that a YAML 1.1 reader (gray-matter) reads back as the same text', () => {
    const text = serialize('paper', { title: 'A Paper', date: '2025-07-29', summary: 'no' }, 'Body.');
    const { data, content } = matter(text);
    expect(data.date).toBe('2025-07-29');
    expect(data.summary).toBe('no');
    expect(content).toBe('\nBody.\n');
  });

  it('escapes paragraphs that would otherwise read as a heading, list or quote', () => {
    expect(escapeBlockStart('# not a heading')).toBe('\\# not a heading');
    expect(escapeBlockStart('- not a list')).toBe('\\- not a list');
    expect(escapeBlockStart('> not a quote')).toBe('\\> not a quote');
    expect(escapeBlockStart('1. not a list')).toBe('1\\. not a list');
    expect(escapeBlockStart('2025 was a year. +10 points')).toBe('2025 was a year. +10 points');
  });
});
