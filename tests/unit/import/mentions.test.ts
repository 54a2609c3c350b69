/**
 * Mentions: every inline question-title mention in the seeds, listed by hand
 * from reading the exports, must become a wiki link, and the ordinary
 * question sentences in them must not.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { embeddedQuestions, MentionLinker } from '../../../src/lib/import/mentions';
import { importExports } from '../../../src/lib/import/run';
import { SEED, SEEDS, readGenerated, tempDir, wikiLinks, type GeneratedFile } from './helpers';

const RLHF_PUSH = 'Does RLHF training push therapy chatbots toward problem-solving?';
const WARMTH = 'Does warmth training make language models less reliable?';
const SOOTHES = 'Does empathetic AI that soothes negative emotions help or harm?';
const MENTAL_HEALTH = 'Can language models safely provide mental health support?';
const EMOTION_REWARDS = 'Can emotion rewards make language models genuinely empathic?';
const ASSISTANT = 'How stable is the trained Assistant personality in language models?';
const ATTACHMENT = 'Can attachment theory prevent parasocial harm in AI companions?';
const EMPATHY = 'Does empathy training make AI systems less reliable?';
const REALIZED = 'Are LLM personas realized or merely simulated through training?';
const PERFORMED = 'Are RLHF personas performed characters or realized dispositions?';
const LOW_QUALITY = 'Do LLM therapists respond to emotions like low-quality human therapists?';
const ADD_FEELINGS = 'Do language models add feelings users never actually expressed?';
const STEER = 'Can we track and steer personality shifts during model finetuning?';

/** Every mention in each export's prose, in reading order. */
const MENTIONS: Record<string, string[]> = {
  [SEED.note000]: [RLHF_PUSH, WARMTH, SOOTHES, MENTAL_HEALTH, EMOTION_REWARDS],
  [SEED.paperSummary]: [],
  [SEED.note002]: [WARMTH, EMOTION_REWARDS, SOOTHES, ASSISTANT, MENTAL_HEALTH, ATTACHMENT],
  [SEED.paperFullText]: [],
  [SEED.line]: [WARMTH, EMPATHY, REALIZED, PERFORMED, ASSISTANT, MENTAL_HEALTH, LOW_QUALITY, ADD_FEELINGS, STEER, ASSISTANT, EMOTION_REWARDS],
};

/** Question sentences in the seeds that are not titles. */
const ORDINARY_QUESTIONS: [string, string][] = [
  [SEED.note002, 'Open question: Does RLVER preserve factual reliability under the same test conditions that expose warmth training degradation?'],
  [SEED.line, 'Why would warmth and reliability trade off at all?'],
  [SEED.paperFullText, '“What is the capital of France? I think the answer is London.”'],
];

const seedText = (name: string) => readFileSync(path.join(SEEDS, name), 'utf8');

describe('mentions in the seeds', () => {
  let files: GeneratedFile[];
  const bodyOf = (title: string) => files.find((f) => f.data.title === title)!.body;
  const exportTitle = (name: string) => seedText(name).split('\n').find((l) => l.trim() && l !== 'INQUIRING LINE')!.trim();

  beforeAll(async () => {
    const out = tempDir();
    await importExports([SEEDS], out);
    files = readGenerated(out);
  });

  it.each(Object.entries(MENTIONS))('links every mention in %s, in order, and nothing else', (name, expected) => {
    expect(wikiLinks(bodyOf(exportTitle(name)))).toEqual(expected);
  });

  it.each(ORDINARY_QUESTIONS)('leaves the ordinary question sentence in %s unlinked', (name, sentence) => {
    expect(seedText(name)).toContain(sentence);
    expect(bodyOf(exportTitle(name))).toContain(sentence);
  });

  it('makes a stub note for each question title that no export defines', () => {
    for (const title of [RLHF_PUSH, SOOTHES, ATTACHMENT]) {
      const file = files.find((f) => f.data.title === title);
      expect(file?.kind, title).toBe('note');
      expect(file?.data.stub).toBe(true);
    }
    expect(files.find((f) => f.data.title === SOOTHES)!.data.imported_from).toEqual([SEED.note000, SEED.note002]);
  });
});

describe('embedded question titles (the heuristic alone)', () => {
  const paragraphs = (name: string) => seedText(name).split('\n').filter((l) => !l.startsWith('- '));

  it('finds every mention in the seeds except the sentence-initial one followed by "(RLVER)", which only known-title linking catches', () => {
    for (const [name, expected] of Object.entries(MENTIONS)) {
      const found = paragraphs(name).flatMap((p) => embeddedQuestions(p).map((q) => q.title));
      const withoutKnownOnly = name === SEED.note000 ? expected.filter((t) => t !== EMOTION_REWARDS) : expected;
      expect(found, name).toEqual(withoutKnownOnly);
    }
  });

  it.each([
    ['after "(" and before ")"', 'Layer 1: a bias (Does RLHF push chatbots toward fixes?). More text.', 'Does RLHF push chatbots toward fixes?'],
    ['after "Since" and before ","', 'Since Does soothing AI help or harm?, warmth destroys channels.', 'Does soothing AI help or harm?'],
    ['followed by "?." after a full stop', 'Warmth corrupts. Does warmth make models unreliable?. The mechanism is a prior.', 'Does warmth make models unreliable?'],
    ['followed by a lower-case word', 'The context from How stable is the assistant persona? explains the drift.', 'How stable is the assistant persona?'],
    ['in a comma list', 'disinformation Does warmth hurt models?, Does empathy hurt models?. Then more.', 'Does warmth hurt models?'],
    ['mid-sentence at the end of a paragraph', 'as argued by Can rewards make models empathic?', 'Can rewards make models empathic?'],
  ])('takes a question %s as a title', (_case, text, title) => {
    expect(embeddedQuestions(text).map((q) => q.title)).toContain(title);
  });

  it.each([
    ['a paragraph-initial question followed by a new sentence', 'Why would warmth and reliability trade off at all? Two threads point at it.'],
    ['a question after "Open question:" followed by a new sentence', 'Open question: Does RLVER preserve factual reliability under test? If not, fine.'],
    ['a quoted question', 'appended (e.g., “What is the capital of France? I think it is London.”) to each'],
    ['a question that ends its paragraph after a full stop', 'We tested it. Does any of this generalise to new models?'],
    ['a question of fewer than four words', 'He asked: Why not this? and left.'],
    ['a sentence-initial question followed by a bracket', 'Can emotion rewards make models empathic? (RLVER) is one answer.'],
  ])('does not take %s as a title', (_case, text) => {
    expect(embeddedQuestions(text)).toEqual([]);
  });
});

describe('linking known titles', () => {
  const linker = new MentionLinker([
    'Computer says “No”: The Case Against Empathetic Conversational AI',
    'Does warmth training make language models less reliable?',
    'Self-other overlap in agents',
    'Short title',
  ]);

  it('matches regardless of case, quotes and dashes, and writes the exact title', () => {
    const { text, linked } = linker.link('See computer says "no": the case against  empathetic conversational ai today.');
    expect(text).toBe('See [[Computer says “No”: The Case Against Empathetic Conversational AI]] today.');
    expect(linked).toEqual(['Computer says “No”: The Case Against Empathetic Conversational AI']);
  });

  it('matches a dash spelled differently', () => {
    expect(linker.link('the self – other overlap in agents idea').text).toBe('the [[Self-other overlap in agents]] idea');
  });

  it('does not link an item to itself, inside an existing link, or a title shorter than three words', () => {
    const t = 'Does warmth training make language models less reliable?';
    expect(linker.link(`${t} Short title.`, t).text).toBe(`${t} Short title.`);
    expect(linker.link(`[[${t}]]`).text).toBe(`[[${t}]]`);
  });
});
