import { describe, expect, it } from 'vitest';
import { isSafeSlug, nodeId, parseNodeId, pathOf, slugify, tagSlug, titleKey } from '../../src/lib/content/ids';

describe('titleKey', () => {
  it('ignores case, runs of whitespace, quote styles and dash styles', () => {
    expect(titleKey('Computer says “No”: The Case')).toBe(titleKey('computer   says "no": the case'));
    expect(titleKey('warmth–reliability trade-off')).toBe(titleKey('Warmth - reliability trade—off'));
    expect(titleKey("Don't panic")).toBe(titleKey('Don’t panic'));
  });
  it('keeps distinct titles distinct', () => {
    expect(titleKey('Does X help?')).not.toBe(titleKey('Does Y help?'));
  });
});

describe('slugify', () => {
  it('makes readable, URL-safe slugs from titles', () => {
    expect(slugify('Does warmth training make language models less reliable?')).toBe('does-warmth-training-make-language-models-less-reliable');
    expect(slugify('RLVER: Reinforcement Learning with Verifiable Emotion Rewards')).toBe('rlver-reinforcement-learning-with-verifiable-emotion-rewards');
    expect(slugify('Computer says “No”: The Case')).toBe('computer-says-no-the-case');
  });
  it('never yields path tricks or an empty slug', () => {
    for (const t of ['../../etc/passwd', 'a/b%2F..', '???', '']) {
      const s = slugify(t);
      expect(s).not.toMatch(/\.\.|\/|%/);
      expect(s.length).toBeGreaterThan(0);
    }
  });
  it('caps very long titles at a word boundary', () => {
    const s = slugify('word '.repeat(60));
    expect(s.length).toBeLessThanOrEqual(96);
    expect(s.endsWith('-')).toBe(false);
  });
  it('accepts only safe file names as slugs', () => {
    expect(isSafeSlug('warm-and-empathetic')).toBe(true);
    expect(isSafeSlug('has space')).toBe(false);
    expect(isSafeSlug('..')).toBe(false);
  });
});

describe('node ids and paths', () => {
  it('round-trips kind and slug, and gives a directory URL', () => {
    const id = nodeId('paper', slugify('A paper'));
    expect(id).toBe('papers/a-paper');
    expect(parseNodeId(id)).toEqual({ kind: 'paper', slug: 'a-paper' });
    expect(pathOf(id)).toBe('/papers/a-paper/');
  });
});

describe('the documented examples', () => {
  it('slugify, titleKey and tagSlug do what their @example says', () => {
    expect(slugify('Does warmth training make models less reliable?')).toBe('does-warmth-training-make-models-less-reliable');
    expect(slugify('Café “crème”')).toBe('cafe-creme');
    expect(slugify('???')).toBe('untitled');
    expect(titleKey('Computer says “No” — again')).toBe('computer says no-again');
    expect(titleKey('  Warmth   Trap ')).toBe(titleKey('warmth trap'));
    expect(tagSlug('Reliability/Factual')).toBe('reliability/factual');
    expect(tagSlug('AI safety')).toBe('ai-safety');
  });
});
