/**
 * Claims traced to what grounds them: parts cut from a compound claim or
 * declared, links given to the part they argue, chains through unwritten
 * notes, the four grades, and open questions.
 */
import { describe, expect, it } from 'vitest';
import { assignBlock, distinctiveWords, mergeIndistinct, splitClaim } from '../../src/lib/corpus/claim-parts';
import { CHAIN_LIMITS } from '../../src/lib/corpus/grounding';
import { openQuestions } from '../../src/lib/corpus/open-questions';
import type { RenderedBody } from '../../src/lib/markdown';
import { corpusOf, idOf, md } from '../helpers/corpus';

const PAPER_TEXT = '## Results\n\nWarm models erred more, increasing 8.6 percentage points (pp) on MedQA.';

describe('cutting a claim into parts', () => {
  it('cuts at while, whereas, but, a semicolon and a dash clause', () => {
    expect(splitClaim('trait-level warmth training corrupts reliability while behavior-level emotion rewards preserve it — ethical AI empathy requires accuracy-targeting rewards')).toEqual([
      'trait-level warmth training corrupts reliability',
      'behavior-level emotion rewards preserve it',
      'ethical AI empathy requires accuracy-targeting rewards',
    ]);
    expect(splitClaim('small models learn arithmetic quickly; large models learn grammar slowly')).toHaveLength(2);
    expect(splitClaim('sleep improves recall of facts, whereas caffeine improves recall of faces')).toEqual(['sleep improves recall of facts', 'caffeine improves recall of faces']);
    expect(splitClaim('rewards shape empathy but scale shapes accuracy of answers')).toEqual(['rewards shape empathy', 'scale shapes accuracy of answers']);
    expect(splitClaim('While warm models comfort users, cold models correct false beliefs')).toEqual(['warm models comfort users', 'cold models correct false beliefs']);
  });

  it('keeps a simple claim, "not only … but also", and a short label before a dash whole', () => {
    expect(splitClaim('warmth training degrades factual accuracy')).toEqual(['warmth training degrades factual accuracy']);
    expect(splitClaim('persona training changes not only tone but also factual accuracy')).toHaveLength(1);
    expect(splitClaim('the warmth trap — why making AI more empathetic makes it less trustworthy')).toHaveLength(1);
  });

  it('merges parts that no word tells apart, and says which', () => {
    const { parts, merged } = mergeIndistinct(['warm models err more often', 'warm models err more']);
    expect(parts).toEqual(['warm models err more often; warm models err more']);
    expect(merged).toEqual([{ part: 'warm models err more', into: 'warm models err more often' }]);
  });

  it('gives a block to the part its lead sentence restates, else its section heading, else the whole claim', () => {
    const parts = ['trait-level warmth training corrupts reliability', 'behavior-level emotion rewards preserve it'];
    const distinct = distinctiveWords(parts);
    const block = (text: string, section: string[] = []) => ({ text, section: section.map((h, i) => ({ depth: i + 2, text: h, anchor: '', line: 0 })) });
    expect(assignBlock(block('Behavior-level emotion rewards preserve. More follows here.'), parts, distinct)).toEqual({ part: 1, from: 'paragraph' });
    expect(assignBlock(block('Trait-level warmth training corrupts. The model learns a prior.'), parts, distinct)).toEqual({ part: 0, from: 'paragraph' });
    expect(assignBlock(block('Here is another study that found the same thing in a different setting.', ['Emotion rewards']), parts, distinct)).toEqual({ part: 1, from: 'section' });
    expect(assignBlock(block('Here is another study that found the same thing in a different setting.'), parts, distinct)).toEqual({ from: 'whole' });
    // Words both parts share ("reliability" is not in part 2, "level" is in both) tell nothing.
    expect(assignBlock(block('The level of this matters a great deal for everyone involved here.'), parts, distinct)).toEqual({ from: 'whole' });
    expect(assignBlock(block('Whatever the paragraph says first. (part:: 2)'), parts, distinct)).toEqual({ part: 1, from: 'declared' });
    expect(assignBlock(block('Whatever it says. [part:: trait-level]'), parts, distinct)).toEqual({ part: 0, from: 'declared' });
    expect(assignBlock(block('Whatever it says. (part:: 7)'), parts, distinct)).toEqual({ from: 'whole', unknown: '7' });
  });
});

describe('open questions', () => {
  const body = (text: string, headings: { depth: number; text: string }[] = []) => ({ text, headings: headings.map((h) => ({ ...h, anchor: '', line: 0 })) }) as unknown as RenderedBody;

  it('reads "Open question:" lines, keeping the question itself', () => {
    expect(openQuestions(body('Some text.\nOpen question: Does RLVER preserve factual reliability? If not, the distinction fails.\nMore text.'))).toEqual(['Does RLVER preserve factual reliability?']);
    expect(openQuestions(body('Open questions: whether scale matters at all'))).toEqual(['whether scale matters at all']);
  });

  it('reads every block under a heading named open questions or unanswered, and a list after a bare "Open questions:"', () => {
    const text = 'Intro.\nOpen Questions\nDoes scale matter?\nWhat of rewards?\nNext\nNot a question here.\nOpen questions:\nIs it stable?\nHow long does it last?\nThis ends the list.';
    expect(openQuestions(body(text, [{ depth: 2, text: 'Open Questions' }, { depth: 2, text: 'Next' }]))).toEqual(['Does scale matter?', 'What of rewards?', 'Is it stable?', 'How long does it last?']);
    expect(openQuestions(body('Unanswered\nWhy does it drift?', [{ depth: 2, text: 'Unanswered' }]))).toEqual(['Why does it drift?']);
    const heading = 'Open question: does typed input skip the staging tier?';
    expect(openQuestions(body(`${heading}\nTwo options follow.`, [{ depth: 3, text: heading }]))).toEqual(['does typed input skip the staging tier?']);
  });

  it('finds none in text that only mentions them', () => {
    expect(openQuestions(body('We have no open question left; the questions were answered.'))).toEqual([]);
  });
});

describe('grades and chains', () => {
  const corpus = corpusOf({
    'notes/granular.md': md(
      'title: Granular\nclaim: trait-level warmth training corrupts reliability while behavior-level emotion rewards preserve it',
      'Trait-level warmth training corrupts. [[Warmth stub]] shows it.\n\nBehavior-level emotion rewards preserve. Since [[Rewards stub]], all is well.\n\nOpen question: Do rewards hold up under sadness?',
    ),
    'notes/trap.md': md(
      'title: Trap\npapers: [Warm paper]',
      'Layer 2: warmth degrades reliability ([[Warmth stub]]). Warm models err more on medical reasoning (+8.6pp).\n\n[[Rewards stub]] (RLVER) shows rewards can help, unlike [[Other]].',
    ),
    'notes/other.md': md('title: Other', 'Written text.'),
    'notes/inferred.md': md('title: Inferred\nclaim: notes alone argue this point well', 'It follows from [[Lonely stub]] and from [[Other]].'),
    'notes/cites.md': md('title: Cites\nclaim: a paper is named for this point', 'See [[RLVER: Reinforcement Learning with Verifiable Emotion Rewards]].'),
    'notes/nothing.md': md('title: Nothing\nclaim: nothing at all argues this point'),
    'notes/secret.md': md('title: Secret\npublish: false\npapers: [Warm paper]', 'About [[Lonely stub]]: warm models err more (+8.6pp).'),
    'papers/warm-paper.md': md('title: Warm paper', PAPER_TEXT),
    'papers/rlver.md': md('title: "RLVER: Reinforcement Learning with Verifiable Emotion Rewards"'),
  });
  const node = (title: string) => corpus.graph.nodes.get(idOf('note', title))!;

  it('grounds a part verified through an unwritten note, at the paper passage its stand-in paragraph states, naming the sentence of the hop', () => {
    const [trait] = node('Granular').parts!;
    expect(trait.text).toBe('trait-level warmth training corrupts reliability');
    expect(trait.grounding).toBe('verified');
    const [trail] = trait.evidence;
    expect(trail).toMatchObject({ id: idOf('note', 'Warmth stub'), assigned: 'paragraph', via: [idOf('note', 'Warmth stub')], grounding: 'verified' });
    expect(trail.hops).toEqual([{ id: idOf('note', 'Warmth stub'), from: idOf('note', 'Trap'), sentence: 'Layer 2: warmth degrades reliability (Warmth stub).' }]);
    expect(trail.passage).toMatchObject({ paper: idOf('paper', 'Warm paper'), quote: '+8.6pp', passage: 'Warm models erred more, increasing 8.6 percentage points (pp) on MedQA.', section: { text: 'Results', anchor: 'results' } });
  });

  it('grades a part cited when the stand-in sentence names a paper by its short name', () => {
    const [, behavior] = node('Granular').parts!;
    expect(behavior.grounding).toBe('cited');
    expect(behavior.evidence[0]).toMatchObject({ id: idOf('note', 'Rewards stub'), paper: 'papers/rlver', grounding: 'cited' });
    // The sentence links elsewhere too, so only it speaks for the stub, not its paragraph.
    expect(behavior.evidence[0].hops[0].sentence).toBe('Rewards stub (RLVER) shows rewards can help, unlike Other.');
    expect(node('Granular').grounding).toBe('verified');
  });

  it('grades cited a claim that links a paper whose text is not here', () => {
    expect(node('Cites')).toMatchObject({ status: 'supported', grounding: 'cited' });
  });

  it('grades inferred a claim whose links end at notes that nothing grounds, never at a private note', () => {
    const inferred = node('Inferred');
    expect(inferred).toMatchObject({ status: 'supported', grounding: 'inferred' });
    // The only place that states a figure about the stub is private.
    expect(inferred.parts![0].evidence.find((t) => t.id === idOf('note', 'Lonely stub'))).toMatchObject({ grounding: 'inferred', via: [idOf('note', 'Lonely stub')], hops: [] });
  });

  it('grades none a claim with no evidence', () => {
    expect(node('Nothing')).toMatchObject({ status: 'open', grounding: 'none' });
    expect(node('Nothing').parts).toEqual([expect.objectContaining({ text: 'nothing at all argues this point', evidence: [], grounding: 'none' })]);
  });

  it('lists open questions on the item', () => {
    expect(node('Granular').openQuestions).toEqual(['Do rewards hold up under sadness?']);
  });
});

describe('chains through several unwritten notes', () => {
  // A → B → C, each spoken for only in a sentence that links the next; C's paragraph states a verified figure.
  const files = (depth: number) => {
    const stubs = Array.from({ length: depth }, (_, i) => `Step ${i + 1}`);
    const out: Record<string, string> = {
      'notes/claim.md': md('title: Claim\nclaim: warm models err more on medicine', `This rests on [[${stubs[0]}]].`),
      'papers/warm-paper.md': md('title: Warm paper', PAPER_TEXT),
      [`notes/last.md`]: md('title: Last\npapers: [Warm paper]', `About [[${stubs[depth - 1]}]]: warm models err more (+8.6pp).`),
    };
    stubs.slice(0, -1).forEach((stub, i) => {
      out[`notes/bridge-${i}.md`] = md(`title: Bridge ${i}`, `We read [[${stub}]] together with [[${stubs[i + 1]}]].`);
    });
    return out;
  };

  it('follows up to the depth cap, naming each hop', () => {
    const corpus = corpusOf(files(CHAIN_LIMITS.depth));
    const [trail] = corpus.graph.nodes.get(idOf('note', 'Claim'))!.parts![0].evidence;
    expect(trail.grounding).toBe('verified');
    expect(trail.via).toEqual(['Step 1', 'Step 2', 'Step 3'].map((t) => idOf('note', t)));
    expect(trail.hops.map((h) => h.from)).toEqual([idOf('note', 'Bridge 0'), idOf('note', 'Bridge 1'), idOf('note', 'Last')]);
    expect(trail.notFollowed).toBeUndefined();
  });

  it('stops at the cap and counts the steps not followed', () => {
    const corpus = corpusOf(files(CHAIN_LIMITS.depth + 1));
    const [trail] = corpus.graph.nodes.get(idOf('note', 'Claim'))!.parts![0].evidence;
    expect(trail.grounding).toBe('inferred');
    expect(trail.notFollowed).toBe(1);
  });

  it('never loops: two unwritten notes that speak only of each other end inferred', () => {
    const corpus = corpusOf({
      'notes/claim.md': md('title: Claim\nclaim: warm models err more on medicine', 'This rests on [[Ping]].'),
      'notes/a.md': md('title: A', 'We read [[Ping]] with [[Pong]].'),
      'notes/b.md': md('title: B', 'We read [[Pong]] with [[Ping]].'),
    });
    const [trail] = corpus.graph.nodes.get(idOf('note', 'Claim'))!.parts![0].evidence;
    expect(trail).toMatchObject({ grounding: 'inferred', via: [idOf('note', 'Ping')] });
  });
});

describe('declared parts', () => {
  const corpus = corpusOf({
    'notes/declared.md': md(
      'title: Declared\nclaim: warmth matters\nparts:\n  - warm replies comfort grieving users\n  - warm replies mislead anxious patients\n  - cold replies are rated lower by everyone',
      'First point here, argued at length. [[Comfort]] (part:: 1)\n\nSecond point: anxious patients are misled. [part:: mislead] [[Mislead]]',
    ),
    'notes/same.md': md('title: Same\nclaim: warm models err more while warm models err more often', 'See [[Comfort]].'),
    'notes/unknown.md': md('title: Unknown\nclaim: sleep helps recall of word lists while coffee harms deep sleep at night', 'A paragraph. [[Comfort]] (part:: 9)'),
  });
  const problems = (rule: string) => corpus.problems.filter((p) => p.rule === rule).map((p) => [p.file, p.message]);

  it('replace the cut, take links by their part:: field, and warn for a part no link argues', () => {
    const parts = corpus.graph.nodes.get(idOf('note', 'Declared'))!.parts!;
    expect(parts.map((p) => [p.text, p.declared, p.evidence.map((t) => [t.id, t.assigned]), p.grounding])).toEqual([
      ['warm replies comfort grieving users', true, [[idOf('note', 'Comfort'), 'declared']], 'inferred'],
      ['warm replies mislead anxious patients', true, [[idOf('note', 'Mislead'), 'declared']], 'inferred'],
      ['cold replies are rated lower by everyone', true, [], 'none'],
    ]);
    expect(problems('claim/part-without-evidence')).toEqual([['notes/declared.md', expect.stringContaining('"cold replies are rated lower by everyone"')]]);
  });

  it('warns for a part:: field that names no part, and gives its links to the whole claim', () => {
    expect(problems('claim/unknown-part')).toEqual([['notes/unknown.md', expect.stringContaining('"part:: 9"')]]);
    expect(corpus.graph.nodes.get(idOf('note', 'Unknown'))!.wholeEvidence!.map((t) => [t.id, t.assigned])).toEqual([[idOf('note', 'Comfort'), 'whole']]);
  });

  it('merges parts that cannot be told apart, with a warning', () => {
    expect(corpus.graph.nodes.get(idOf('note', 'Same'))!.parts).toHaveLength(1);
    expect(problems('claim/parts-merged')).toEqual([['notes/same.md', expect.stringContaining('"warm models err more"')]]);
  });
});
