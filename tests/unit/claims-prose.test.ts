/**
 * A collection written only in plain prose (tests/fixtures/claims-prose):
 * the parts, grounding and open questions it builds to, as graph.json writes them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Corpus } from '../../src/lib/corpus';
import { toGraphJson, type GraphJson } from '../../src/lib/graph/graph';

let corpus: Corpus;
let nodes: Map<string, GraphJson['nodes'][number]>;
beforeAll(async () => {
  corpus = await loadCorpus('tests/fixtures/claims-prose');
  nodes = new Map(toGraphJson(corpus.graph).nodes.map((n) => [n.id, n]));
});

describe('a compound claim in plain prose', () => {
  const SLEEP = 'notes/does-sleep-timing-change-what-we-remember';

  it('has three parts, each argued by the paragraph that restates it', () => {
    const node = nodes.get(SLEEP)!;
    expect(node.parts!.map((p) => [p.text, p.grounding, p.evidence.map((e) => [e.id, e.assigned])])).toEqual([
      ['an afternoon nap consolidates word-list recall', 'verified', [['notes/do-naps-help-word-list-recall', 'paragraph']]],
      ['late caffeine erodes slow-wave sleep', 'cited', [['notes/does-evening-caffeine-change-deep-sleep', 'paragraph']]],
      ['nap timing matters more than nap length', 'inferred', [['notes/when-should-a-nap-end', 'paragraph']]],
    ]);
    expect(node.grounding).toBe('verified');
  });

  it('is verified through an unwritten note at the passage of the paper another note links', () => {
    const [evidence] = nodes.get(SLEEP)!.parts![0].evidence;
    expect(evidence.via).toEqual(['notes/do-naps-help-word-list-recall']);
    expect(evidence.passage).toMatchObject({ paper: 'papers/naps-and-declarative-memory', quote: '12.4 percentage points', section: 'Results' });
    expect(evidence.passage!.url).toMatch(/^\/papers\/naps-and-declarative-memory\/#:~:text=After%20a%2060%2Dminute/);
  });

  it('is cited where a note names the paper by its short name, "(CAFSWS)"', () => {
    expect(nodes.get(SLEEP)!.parts![1].evidence[0]).toMatchObject({ grounding: 'cited', paper: 'papers/cafsws' });
  });

  it('is never grounded by a private draft, however well its figure checks', () => {
    expect(nodes.get(SLEEP)!.parts![2].evidence[0]).toMatchObject({ grounding: 'inferred', via: ['notes/when-should-a-nap-end'] });
    expect(corpus.privateFiles).toEqual(['notes/private-draft.md']);
  });

  it('lists its open question', () => {
    expect(nodes.get(SLEEP)!.openQuestions).toEqual(['Does the nap benefit survive when the learner also drank coffee that morning?']);
  });
});

describe('other items', () => {
  it('a claim whose links all end at unwritten notes that nothing grounds is inferred', () => {
    expect(nodes.get('notes/is-coffee-bad-for-memory')).toMatchObject({ status: 'supported', grounding: 'inferred', openQuestions: ['Does decaffeinated coffee have any of the same effect?'] });
  });

  it('a note with no claim keeps the open questions listed under its heading', () => {
    const node = nodes.get('notes/what-we-know-about-naps')!;
    expect(node.openQuestions).toEqual(['Is the nap effect the same for faces as for words?', 'How long does the benefit last in older adults?']);
    expect(node.grounding).toBeUndefined();
  });

  it('raises no problem', () => {
    expect(corpus.problems).toEqual([]);
  });
});
