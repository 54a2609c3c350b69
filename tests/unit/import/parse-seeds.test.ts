/**
 * Each seed export parsed on its own. Expected values were read off the seed
 * files by hand (titles, first and last list items, counts in the headings).
 */
import { describe, expect, it } from 'vitest';
import type { Block, Contribution } from '../../../src/lib/import/types';
import { SEED, parseSeed } from './helpers';

const headings = (c: Contribution) => (c.body as Block[]).filter((b) => b.type === 'heading').map((b) => b.text);
const paragraphs = (c: Contribution) => (c.body as Block[]).filter((b) => b.type === 'paragraph').map((b) => b.text);

describe('note export 000', () => {
  const parsed = parseSeed(SEED.note000);
  const [note] = parsed.contributions;

  it('is recognised as a note titled by its question', () => {
    expect(parsed.exportKind).toBe('note');
    expect(note).toMatchObject({ kind: 'note', full: true, title: 'Does empathy training make AI systems less reliable?' });
  });

  it('takes line 2 as summary and the line after "Original note title" as claim', () => {
    expect(note.fields.summary).toBe(
      'Explores whether training language models to be warm and empathetic systematically degrades their factual accuracy and trustworthiness, especially with vulnerable users.',
    );
    expect(note.fields.claim).toBe(
      'the warmth trap — why making AI more empathetic makes it less trustworthy and you wont know until users are vulnerable',
    );
  });

  it('reads all 133 inquiry lines and the 8 related papers in rank order', () => {
    const lines = note.fields.lines as string[];
    const papers = note.fields.papers as string[];
    expect(lines).toHaveLength(133);
    expect(lines[0]).toBe('Does positive sentiment bias in AI content harm information quality?');
    expect(lines[132]).toBe('Can we measure appropriate trust levels in human-AI assistant relationships?');
    expect(papers).toHaveLength(8);
    expect(papers[0]).toBe('Training language models to be warm and empathetic makes them less reliable and more sycophantic');
    expect(papers[1]).toBe('Computer says “No”: The Case Against Empathetic Conversational AI');
    expect(papers[7]).toBe('RLVER: Reinforcement Learning with Verifiable Emotion Rewards for Empathetic Agents');
  });

  it('turns the short section lines into headings and keeps the list explanations out of the body', () => {
    expect(headings(note)).toEqual([
      'The Hook', 'The Three-Layer Argument', 'The Invisible Threat', 'The Epistemic Destruction', 'The Clinical Manifestation', 'The Counter-Evidence',
    ]);
    expect(paragraphs(note)).toHaveLength(8);
    expect(paragraphs(note).join('\n')).not.toMatch(/This note is a source|ranked by cosine similarity/);
    expect(parsed.unclassified).toEqual([]);
  });

  it('names each listed line as a line stub that has this note as a source, and each paper as a paper stub', () => {
    const stubs = parsed.contributions.slice(1);
    expect(stubs.filter((c) => c.kind === 'line')).toHaveLength(133);
    expect(stubs.filter((c) => c.kind === 'paper')).toHaveLength(8);
    expect(stubs.every((c) => !c.full)).toBe(true);
    expect(stubs[0].fields.sources).toEqual([{ title: note.title }]);
  });
});

describe('note export 002', () => {
  const parsed = parseSeed(SEED.note002);
  const [note] = parsed.contributions;

  it('reads title, claim, 25 lines and 8 papers', () => {
    expect(note.title).toBe('Does training granularity change how AI empathy affects reliability?');
    expect(note.fields.claim).toBe(
      'trait-level warmth training corrupts reliability while behavior-level emotion rewards preserve it — ethical AI empathy requires accuracy-targeting not affect-maximizing rewards',
    );
    expect(note.fields.lines).toHaveLength(25);
    expect((note.fields.lines as string[])[24]).toBe('Can we adjust helpfulness and harmlessness at test time without retraining?');
    expect(note.fields.papers).toHaveLength(8);
    expect((note.fields.papers as string[])[7]).toBe('Machine Bullshit: Characterizing the Emergent Disregard for Truth in Large Language Models');
  });

  it('keeps run-in headings ("Trait-level warmth training corrupts.") inside their paragraphs', () => {
    expect(headings(note)).toEqual([]);
    expect(paragraphs(note)).toHaveLength(7);
    expect(paragraphs(note)[1]).toMatch(/^Trait-level warmth training corrupts\. Does warmth training/);
  });
});

describe('paper summary export 001', () => {
  const parsed = parseSeed(SEED.paperSummary);
  const [paper] = parsed.contributions;

  it('puts every field in frontmatter fields', () => {
    expect(parsed.exportKind).toBe('paper-summary');
    expect(paper.title).toBe('Training language models to be warm and empathetic makes them less reliable and more sycophantic');
    expect(paper.fields).toMatchObject({ date: '2025-07-29', citations: 0, influential: 0, has_pdf: true });
    expect(paper.fields.summary).toMatch(/^This study investigates the trade-off between “warmth” and “reliability”/);
    expect(paper.fields.summary).toMatch(/socially interactive AI systems\.$/);
    expect(paper.fields.abstract).toMatch(/^Artificial intelligence \(AI\) developers/);
    expect(paper.fields.abstract).toMatch(/reshaping human relationships and social interaction\.$/);
  });

  it('reads problem and innovation without their explanatory sentence, and keeps empty categories empty', () => {
    expect(paper.fields.problem).toEqual([
      'Trade-off between warmth and reliability in AI models',
      'Increased error rates in empathetic language models',
      'Validation of incorrect beliefs in vulnerable users',
    ]);
    expect(paper.fields.innovation).toEqual([
      'Training models for warmth reduces reliability',
      'Empathetic models increase error rates significantly',
      'Standard benchmarks fail to detect systematic risks',
    ]);
    expect(paper.fields.technology_category).toEqual([]);
    expect(paper.fields.application_category).toEqual([]);
  });

  it('reads "No similar papers found." as an empty list', () => {
    expect(paper.fields.similar).toEqual([]);
    expect(parsed.contributions).toHaveLength(1);
    expect(parsed.unclassified).toEqual([]);
  });
});

describe('paper full-text export 003', () => {
  const parsed = parseSeed(SEED.paperFullText);
  const [paper] = parsed.contributions;

  it('is recognised as the full text of the same paper', () => {
    expect(parsed.exportKind).toBe('paper-fulltext');
    expect(paper.title).toBe('Training language models to be warm and empathetic makes them less reliable and more sycophantic');
  });

  it('keeps the abstract paragraph first in the body, offers it as a fallback abstract, and makes the section lines headings', () => {
    expect(paragraphs(paper)[0]).toMatch(/^Artificial intelligence \(AI\) developers.*may fail to detect\.$/);
    expect(paper.fallback?.abstract).toBe(paragraphs(paper)[0]);
    expect(paper.fields.abstract).toBeUndefined();
    expect(headings(paper)).toEqual([
      'Warm models show systematic reliability degradation',
      'Interpersonal context amplifies reliability problems',
      'Warm models are more likely to affirm false beliefs',
    ]);
    expect(paragraphs(paper)).toHaveLength(8);
  });
});

describe('inquiry line export 004', () => {
  const parsed = parseSeed(SEED.line);
  const [line] = parsed.contributions;
  const description =
    'This explores whether training a model to sound warm and empathetic — the very thing that makes it pleasant in emotional moments — quietly makes it worse at the high-stakes reasoning those moments often require.';

  it('reads the question and keeps the twice-printed description once, as the summary', () => {
    expect(parsed.exportKind).toBe('line');
    expect(line.title).toBe('Does persona training for warmth actually make language models more clinically dangerous?');
    expect(line.fields.summary).toBe(description);
    expect(paragraphs(line).join('\n')).not.toContain(description);
    expect(paragraphs(line)[0]).toMatch(/^The corpus says yes, and unusually directly/);
    expect(paragraphs(line)).toHaveLength(5);
  });

  it('reads the 10 sources in order, each with its one-line summary', () => {
    const sources = line.fields.sources as { title: string; summary?: string }[];
    expect(sources).toHaveLength(10);
    expect(sources[0]).toEqual({
      title: 'Does warmth training make language models less reliable?',
      summary:
        'Five models trained for warmth showed 5–9pp error increases on medical reasoning, factual accuracy, and disinformation resistance. Emotional context amplified errors by 19.4%, and standard safety benchmarks failed to detect the degradation.',
    });
    expect(sources[9].title).toBe('Can emotion rewards make language models genuinely empathic?');
    expect(sources.every((s) => s.summary && s.summary.length > 50)).toBe(true);
  });

  it('treats the empty "Next inquiring lines" list at the end of the file as empty', () => {
    expect(line.fields.next).toEqual([]);
    expect(parsed.warnings).toEqual([]);
  });

  it('makes each source a note stub carrying its summary and this line', () => {
    const stubs = parsed.contributions.slice(1);
    expect(stubs).toHaveLength(10);
    expect(stubs[1]).toMatchObject({
      kind: 'note',
      title: 'Does empathy training make AI systems less reliable?',
      full: false,
      fields: { lines: [line.title] },
    });
    expect(stubs[1].fields.summary).toMatch(/^Research shows persona training for empathy/);
  });
});
