import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus';
import { evidenceTrail, trimTrail, type TrailStep } from '../../src/lib/graph/trail';
import type { NodeId } from '../../src/lib/content/ids';
import { corpusOf, idOf, md } from '../helpers/corpus';

const titles = (steps: TrailStep[]) => steps.map((s) => s.node.title);
const find = (step: TrailStep, title: string): TrailStep | undefined =>
  step.node.title === title ? step : step.children.map((c) => find(c, title)).find(Boolean);

describe('the evidence trail on the seed corpus', async () => {
  const corpus = await loadCorpus('content');
  const granularity = idOf('note', 'Does training granularity change how AI empathy affects reliability?');
  const trail = evidenceTrail(corpus.graph, granularity)!;

  it('starts from the note whose claim it traces', () => {
    expect(trail.root.node.claim).toMatch(/^trait-level warmth training corrupts reliability while behavior-level emotion rewards preserve it/);
  });

  it('traces the claim to the two notes it cites, each with the sentence that cites it', () => {
    const warmth = find(trail.root, 'Does warmth training make language models less reliable?')!;
    const rewards = find(trail.root, 'Can emotion rewards make language models genuinely empathic?')!;
    expect(warmth.edge?.type).toBe('cites');
    expect(warmth.contexts[0].sentence).toContain('Trait-level warmth training corrupts');
    expect(rewards.edge?.type).toBe('cites');
    expect(rewards.contexts[0].sentence).toContain('behavior-level optimization achieves empathic quality');
  });

  it('arrives at the warmth paper and the RLVER paper', () => {
    const papers = trail.papers.map((p) => p.node.title);
    expect(papers).toContain('Training language models to be warm and empathetic makes them less reliable and more sycophantic');
    expect(papers.some((t) => t.startsWith('RLVER:'))).toBe(true);
    expect(trail.root.reachesPaper).toBe(true);
  });

  it('lists the edges it walks, for highlighting in the local graph', () => {
    expect(trail.edges.every((e) => ['cites', 'related', 'source'].includes(e.type))).toBe(true);
    expect(trail.edges.some((e) => e.source === granularity && e.target === idOf('paper', 'Training language models to be warm and empathetic makes them less reliable and more sycophantic'))).toBe(true);
  });
});

describe('evidence trails', () => {
  const corpus = corpusOf({
    'notes/claim.md': md('title: Claim\nclaim: X holds', 'X holds, as [[Middle]] argues.'),
    'notes/middle.md': md('title: Middle\npapers: [The Paper]', 'Middle rests on evidence from [[Deep]] and [[Claim]].'),
    'notes/deep.md': md('title: Deep', 'Deep goes back to [[Middle]] and on to [[Deeper]].'),
    'notes/deeper.md': md('title: Deeper', 'Deeper still: [[Deepest]].'),
    'papers/the-paper.md': md('title: The Paper', 'The paper cites [[Claim]] in passing.'),
  });
  const trail = evidenceTrail(corpus.graph, idOf('note', 'Claim'))!;

  it('goes on from a cited note to the papers that note relates', () => {
    const middle = trail.root.children[0];
    expect(middle.node.title).toBe('Middle');
    expect(titles(middle.children)).toEqual(['Deep', 'Claim', 'The Paper']);
    expect(middle.children.find((c) => c.node.title === 'The Paper')!.edge!.type).toBe('related');
    expect(trail.papers).toEqual([expect.objectContaining({ depth: 2, node: expect.objectContaining({ title: 'The Paper' }) })]);
  });

  it('breaks cycles: a node met again is a leaf marked as shown above', () => {
    const middle = trail.root.children[0];
    const backToClaim = middle.children.find((c) => c.node.title === 'Claim')!;
    expect(backToClaim.seeAbove).toBe(true);
    expect(backToClaim.children).toEqual([]);
  });

  it('marks which branches lead to a paper', () => {
    const middle = trail.root.children[0];
    expect(middle.reachesPaper).toBe(true);
    expect(middle.children.find((c) => c.node.title === 'Deep')!.reachesPaper).toBe(true); // via Middle, shown above
  });

  it('stops at the depth it is given', () => {
    const shallow = evidenceTrail(corpus.graph, idOf('note', 'Claim'), { maxDepth: 1 })!;
    expect(shallow.root.children.map((c) => c.children.length)).toEqual([0]);
    const deep = evidenceTrail(corpus.graph, idOf('note', 'Claim'), { maxDepth: 3 })!;
    expect(find(deep.root, 'Deeper')).toBeDefined();
    expect(find(deep.root, 'Deepest')).toBeUndefined();
  });

  it('does not go on from a paper: papers are where a trail arrives', () => {
    const paper = find(trail.root, 'The Paper')!;
    expect(paper.children).toEqual([]);
  });

  it('is undefined for an id the graph does not hold', () => {
    expect(evidenceTrail(corpus.graph, 'notes/nothing' as NodeId)).toBeUndefined();
  });
});

describe('trimming a trail for reading', () => {
  const files: Record<string, string> = {
    'notes/hub.md': md('title: Hub\nclaim: Everything connects', Array.from({ length: 30 }, (_, i) => `Point [[Spoke ${i}]].`).join(' ')),
  };
  for (let i = 0; i < 30; i++) {
    files[`notes/spoke-${i}.md`] = md(`title: Spoke ${i}${i % 3 === 0 ? '\npapers: [Paper ' + i + ']' : ''}`, Array.from({ length: 10 }, (_, j) => `See [[Leaf ${i}-${j}]].`).join(' '));
  }
  const corpus = corpusOf(files);
  const full = evidenceTrail(corpus.graph, idOf('note', 'Hub'))!;
  const trimmed = trimTrail(full, { rootChildren: 12, children: 4 });

  it('keeps at most the limit of the claim’s own links, papers’ branches first, and says how many are left out', () => {
    expect(full.root.children).toHaveLength(30);
    expect(trimmed.root.children).toHaveLength(12);
    expect(trimmed.root.omitted).toBe(18);
    expect(trimmed.root.children.slice(0, 10).every((c) => c.reachesPaper)).toBe(true);
  });

  it('below the claim keeps only the steps that lead to a paper', () => {
    const spoke = trimmed.root.children.find((c) => c.node.title === 'Spoke 0')!;
    expect(titles(spoke.children)).toEqual(['Paper 0']);
    expect(spoke.omitted).toBe(10);
    const bare = trimmed.root.children.find((c) => !c.reachesPaper)!;
    expect(bare.children).toEqual([]);
  });

  it('keeps every paper it reaches and only the edges it shows', () => {
    expect(trimmed.papers).toEqual(full.papers);
    const shown = new Set<string>();
    const walk = (s: TrailStep) => s.children.forEach((c) => { shown.add(`${c.edge!.source}>${c.edge!.target}`); walk(c); });
    walk(trimmed.root);
    expect(new Set(trimmed.edges.map((e) => `${e.source}>${e.target}`))).toEqual(shown);
  });
});
