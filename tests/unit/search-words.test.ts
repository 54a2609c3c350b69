/** How search reads words: scripts without spaces, accents, and queries no reader meant as words. */
import { describe, expect, it } from 'vitest';
import { loadWhole, searchFiles } from '../../src/lib/search';
import { tokenize, wordsOf } from '../../src/lib/search/wire/index-rules';
import { highlightRanges, highlightUrl, matchRanges, queryTerms, runQuery } from '../../src/lib/search/wire/query';
import { corpusOf, md } from '../helpers/corpus';

const corpus = corpusOf({
  'notes/wennuan.md': md('title: 温暖训练使语言模型不那么可靠', '温暖训练使语言模型不那么可靠，尤其是在医疗问答中。'),
  'notes/tokyo.md': md('title: 東京の研究ノート', '東京都に住んでいる研究者は日本語の文章を単語に分割します。'),
  'notes/thai.md': md('title: Thai note', 'ภาษาไทยไม่มีช่องว่างระหว่างคำ'),
  'notes/cafe.md': md('title: Café culture', 'A long evening at the café.'),
  'notes/long.md': md('title: A long run', '机器学习模型在大规模语料库上进行预训练以后再经过指令微调和人类反馈强化学习从而获得更好的对话能力与推理能力。'),
  'notes/mixed.md': md('title: Warmth and 温暖', 'Warmth, in Chinese 温暖, is the subject.'),
});
const index = loadWhole(searchFiles(corpus));
const titles = (q: string) => runQuery(index, q).hits.map((h) => corpus.graph.nodes.get([...corpus.graph.nodes.keys()][h.n])!.title);

describe('words in scripts written without spaces', () => {
  it('splits a Chinese run into words', () => {
    expect(tokenize('温暖训练使语言模型')).toEqual(['温暖', '训练', '使', '语言', '模型']);
  });

  it('splits Japanese and Thai runs, and keeps Latin words beside them whole', () => {
    expect(tokenize('東京都に住んでいます')).toContain('東京');
    expect(tokenize('ภาษาไทยไม่มีช่องว่าง')).toEqual(['ภาษา', 'ไทย', 'ไม่มี', 'ช่อง', 'ว่าง']);
    expect(tokenize('GPT模型 warmth, café')).toEqual(['GPT', '模型', 'warmth', 'café']);
  });

  it('gives each word its place in the text', () => {
    const text = 'A 语言模型!';
    for (const { word, start, end } of wordsOf(text)) expect(text.slice(start, end)).toBe(word);
  });

  it('finds a Chinese word in the middle of a run, in title and body', () => {
    expect(titles('模型')).toContain('温暖训练使语言模型不那么可靠');
    expect(titles('医疗')).toEqual(['温暖训练使语言模型不那么可靠']);
  });

  it('finds a Japanese word inside a sentence, and a Thai word', () => {
    expect(titles('単語')).toEqual(['東京の研究ノート']);
    expect(titles('ช่อง')).toEqual(['Thai note']);
  });

  it('indexes a run longer than 32 characters, word by word', () => {
    expect(titles('推理')).toEqual(['A long run']);
    expect(titles('语料库')).toEqual(['A long run']);
  });

  it('marks a word found inside a run, not the whole run', () => {
    const text = '温暖训练使语言模型不那么可靠';
    expect(matchRanges(text, ['模型']).map(([a, b]) => text.slice(a, b))).toEqual(['模型']);
  });
});

describe('accents and odd queries', () => {
  it('folds accents on both sides: café is cafe', () => {
    expect(titles('cafe')).toEqual(['Café culture']);
    expect(titles('CAFÉ')).toEqual(['Café culture']);
  });

  it('answers punctuation, a 5,000-character paste, an unmatched quote and mixed scripts quickly and without error', () => {
    const queries = ['?!…—"\'()', 'warmth '.repeat(715), 'x'.repeat(5000), '模型'.repeat(2500), '"warmth', '温暖 warmth'];
    for (const q of queries) {
      const started = performance.now();
      const outcome = runQuery(index, q);
      expect(performance.now() - started, q.slice(0, 20)).toBeLessThan(200);
      expect(outcome.hits.length + outcome.suggestions.length).toBeGreaterThanOrEqual(0);
    }
    expect(queryTerms('?!…—"\'()')).toEqual([]);
    expect(titles('"warmth')).toEqual(['Warmth and 温暖']);
    expect(titles('温暖 warmth')).toEqual(['Warmth and 温暖']);
    expect(queryTerms('warmth '.repeat(715)).length).toBeLessThanOrEqual(32);
  });
});

describe('marking the words on the page a result opens', () => {
  it('carries the query before the heading anchor', () => {
    expect(highlightUrl('/notes/deploy/#set-environment-variables', 'environment variables')).toBe('/notes/deploy/?highlight=environment+variables#set-environment-variables');
    expect(highlightUrl('/notes/deploy/', '  ')).toBe('/notes/deploy/');
    expect(new URL(highlightUrl('/a/', 'a&b=c #x'), 'http://x').searchParams.get('highlight')).toBe('a&b=c #x');
  });

  it('marks the words, their other forms, the typed start of the last word, and words inside a Chinese run', () => {
    const text = 'Deploying models: a model deploys. Configuration of 语言模型.';
    const marked = (q: string) => highlightRanges(text, q).map(([a, b]) => text.slice(a, b));
    expect(marked('deploy model')).toEqual(['Deploying', 'models', 'model', 'deploys']);
    expect(marked('models config')).toEqual(['models', 'model', 'Configuration']);
    expect(marked('模型')).toEqual(['模型']);
    expect(marked('?!')).toEqual([]);
  });
});
