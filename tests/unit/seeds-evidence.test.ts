/**
 * The seed corpus, imported afresh from its raw exports, read as a researcher
 * reads it: what supports and what challenges each claim, and where each
 * stance comes from. These are the promises the content format makes about
 * the seeds' headings ("The Counter-Evidence") and lists ("ranked by cosine
 * similarity").
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Corpus } from '../../src/lib/corpus';
import { importExports } from '../../src/lib/import/run';
import type { GraphNode } from '../../src/lib/graph';
import { SEEDS, tempDir } from './import/helpers';

let corpus: Corpus;
const byTitle = (title: string) => [...corpus.graph.nodes.values()].find((n) => n.title === title)!;
const byClaim = (start: string) => [...corpus.graph.nodes.values()].find((n) => n.claim?.startsWith(start))!;
const stances = (node: GraphNode) => new Map((corpus.graph.outgoing.get(node.id) ?? []).filter((e) => e.stance).map((e) => [corpus.graph.nodes.get(e.target)!.title, e]));

beforeAll(async () => {
  const out = tempDir();
  await importExports([SEEDS], out);
  corpus = await loadCorpus(out);
});

describe('the warmth trap', () => {
  it('is contested: the note under "The Counter-Evidence" challenges it', () => {
    const note = byClaim('the warmth trap');
    expect(note.status).toBe('contested');
    expect(stances(note).get('Can emotion rewards make language models genuinely empathic?')).toMatchObject({ stance: 'challenges', stanceFrom: 'heading' });
  });

  it('is supported, by inference, by the notes cited in "The Three-Layer Argument"', () => {
    const s = stances(byClaim('the warmth trap'));
    for (const title of ['Does RLHF training push therapy chatbots toward problem-solving?', 'Does warmth training make language models less reliable?']) {
      expect(s.get(title)).toMatchObject({ stance: 'supports', stanceFrom: 'inferred' });
    }
  });

  it('has +8.6pp and +19.4% verified in the warmth paper, which makes that paper evidence', () => {
    const paper = stances(byClaim('the warmth trap')).get('Training language models to be warm and empathetic makes them less reliable and more sycophantic')!;
    expect(paper).toMatchObject({ type: 'related', stance: 'supports', stanceFrom: 'verified' });
    expect(paper.passages!.map((p) => p.quote)).toEqual(expect.arrayContaining(['+8.6pp', '+19.4%']));
  });

  it('keeps the other seven similarity papers as related reading only, in its counts too', () => {
    const note = byClaim('the warmth trap');
    const related = (corpus.graph.outgoing.get(note.id) ?? []).filter((e) => e.type === 'related');
    expect(related).toHaveLength(8);
    expect(related.filter((e) => !e.stance)).toHaveLength(7);
    const paperSupports = [...stances(note).values()].filter((e) => e.stance === 'supports' && corpus.graph.nodes.get(e.target)!.kind === 'paper');
    expect(paperSupports).toHaveLength(1);
    expect(note.stanceCounts).toEqual({ supports: 5, challenges: 1, qualifies: 0 });
  });
});

describe('trait-level warmth training corrupts reliability', () => {
  it('is supported, among others by the warmth note and by the emotion-rewards note', () => {
    const note = byClaim('trait-level warmth training corrupts reliability');
    expect(note.status).toBe('supported');
    const s = stances(note);
    expect(s.get('Does warmth training make language models less reliable?')?.stance).toBe('supports');
    expect(s.get('Can emotion rewards make language models genuinely empathic?')?.stance).toBe('supports');
    expect(byTitle('Does training granularity change how AI empathy affects reliability?').id).toBe(note.id);
  });
});

describe('the granularity claim, traced to its sources', () => {
  const WARMTH_STUB = 'Does warmth training make language models less reliable?';
  const REWARDS_STUB = 'Can emotion rewards make language models genuinely empathic?';
  const part = (word: string) => byClaim('trait-level warmth training').parts!.find((p) => p.text.includes(word))!;

  it('has a trait-level part verified through the unwritten warmth note, down to the MedQA passage of the warmth paper', () => {
    const trait = part('trait-level');
    expect(trait.grounding).toBe('verified');
    const trail = trait.evidence.find((t) => t.grounding === 'verified')!;
    expect(trail.via).toEqual([byTitle(WARMTH_STUB).id]);
    expect(trail.passage!.passage).toContain('8.6 percentage points (pp) on MedQA');
    expect(corpus.graph.nodes.get(trail.passage!.paper)!.title).toMatch(/^Training language models to be warm and empathetic/);
    // The hop is made by the warmth-trap note's "Layer 2" sentence; its next sentence states the figure.
    expect(trail.hops[0]).toMatchObject({ from: byClaim('the warmth trap').id, sentence: expect.stringMatching(/^Layer 2: Warmth training degrades reliability/) });
    expect(trail.passage!.sentence).toMatch(/^Even without RLHF.*\(\+8\.6pp\)/);
  });

  it('has a behavior-level part cited through the unwritten emotion-rewards note, ending at RLVER', () => {
    const behavior = part('behavior-level');
    expect(behavior.grounding).toBe('cited');
    const trail = behavior.evidence[0];
    expect(trail.via).toEqual([byTitle(REWARDS_STUB).id]);
    expect(corpus.graph.nodes.get(trail.paper!)!.title).toBe('RLVER: Reinforcement Learning with Verifiable Emotion Rewards for Empathetic Agents');
  });

  it('lists its open question', () => {
    expect(byClaim('trait-level warmth training').openQuestions).toEqual([expect.stringMatching(/^Does RLVER preserve factual reliability/)]);
  });

  it('leaves the warmth trap contested, one part, and verified', () => {
    const trap = byClaim('the warmth trap');
    expect(trap).toMatchObject({ status: 'contested', grounding: 'verified' });
    expect(trap.parts).toHaveLength(1);
  });
});
