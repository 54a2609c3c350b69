/** Ranking on small fixtures: word forms, sections, field weights and length. */
import { describe, expect, it } from 'vitest';
import { loadWhole, searchFiles } from '../../src/lib/search';
import { RANKING, stemOf } from '../../src/lib/search/wire/index-rules';
import { runQuery, sectionSnippet } from '../../src/lib/search/wire/query';
import type { Corpus } from '../../src/lib/corpus';
import { corpusOf, md } from '../helpers/corpus';

function searchOf(corpus: Corpus) {
  const files = searchFiles(corpus);
  const index = loadWhole(files);
  const nodes = [...corpus.graph.nodes.values()];
  const titles = (q: string) => runQuery(index, q).hits.map((h) => nodes[h.n].title);
  return { files, index, titles };
}

describe('word forms', () => {
  it('reduces a word and its inflections to one stem', () => {
    expect(stemOf('models')).toBe(stemOf('model'));
    expect(stemOf('trained')).toBe(stemOf('training'));
    expect(stemOf('studies')).toBe(stemOf('study'));
    expect(stemOf('模型')).toBe('模型');
  });

  const { titles } = searchOf(
    corpusOf({
      'notes/a.md': md('title: Training small models'),
      'notes/b.md': md('title: A model zoo'),
      'notes/c.md': md('title: Deploying things', 'We deployed it twice.'),
    }),
  );

  it('finds another form of a word, and ranks the exact form above it', () => {
    expect(titles('models')).toEqual(['Training small models', 'A model zoo']);
    expect(titles('model')).toEqual(['A model zoo', 'Training small models']);
  });

  it('finds a past tense from the present and the other way round', () => {
    expect(titles('deploy')).toContain('Deploying things');
    expect(titles('deploys things')).toEqual(['Deploying things']);
  });
});

describe('fields', () => {
  const { titles } = searchOf(
    corpusOf({
      'notes/a.md': md('title: Brewing notes\ntags: [zymurgy]'),
      'notes/b.md': md('title: Fermenting grain\naliases: [Mashing]'),
      'notes/c.md': md('title: Kitchen log', 'Zymurgy, zymurgy, zymurgy: mashing once, mashing twice, mashing at length in this body.'),
      'notes/algo/Leaky bucket.md': md('title: Rate limiting', 'Requests drain at a fixed rate.'),
    }),
  );

  it('weighs aliases and tags like titles', () => {
    expect(RANKING.boost.aliases).toBe(RANKING.boost.title);
    expect(titles('zymurgy')[0]).toBe('Brewing notes');
    expect(titles('mashing')[0]).toBe('Fermenting grain');
  });

  it('finds an item by its file name and its folder', () => {
    expect(titles('leak bucket')).toEqual(['Rate limiting']);
    expect(titles('algo')).toEqual(['Rate limiting']);
  });
});

describe('sections', () => {
  const corpus = corpusOf({
    'notes/deploy.md': md(
      'title: Deployment',
      'How the site goes live.\n\n## Hosting providers\n\nPick a host that serves static files.\n\n## Set environment variables\n\nSecrets go in environment variables, never in the repository.\n\n## Set environment variables\n\nAgain, for the preview.',
    ),
    'notes/other.md': md('title: Caching', 'A cache keeps variables close. The environment matters less.'),
    'notes/short.md': md('title: Bread', 'Sourdough.'),
    'notes/long.md': md('title: Baking diary', 'Sourdough. ' + 'Flour water salt time patience oven heat crust crumb. '.repeat(30)),
  });
  const { files, index, titles } = searchOf(corpus);
  const nodes = [...corpus.graph.nodes.values()];
  const record = (n: number) => files.records[n];

  it('a heading is a result under its page, with its anchor, and the page shows once', () => {
    const outcome = runQuery(index, 'environment variables');
    const pages = outcome.hits.map((h) => nodes[h.n].title);
    expect(pages.filter((t) => t === 'Deployment')).toHaveLength(1);
    const deploy = outcome.hits.find((h) => nodes[h.n].title === 'Deployment')!;
    expect(deploy.sections.length).toBeGreaterThan(0);
    const section = record(deploy.n).sections![deploy.sections[0].index];
    expect(section).toMatchObject({ heading: 'Set environment variables', anchor: 'set-environment-variables' });
    expect(sectionSnippet(record(deploy.n), deploy.sections[0])!.text).toContain('Secrets go in environment variables');
  });

  it('a repeated heading gets the anchor the page gives it', () => {
    expect(record(nodes.findIndex((n) => n.title === 'Deployment')).sections!.map((s) => s.anchor)).toEqual(['hosting-providers', 'set-environment-variables', 'set-environment-variables-1']);
  });

  it('heading words weigh more than body words', () => {
    expect(titles('environment variables')).toEqual(['Deployment', 'Caching']);
    expect(titles('hosting')).toEqual(['Deployment']);
  });

  it('a word in a short text outranks the same word once in a long one (length normalisation)', () => {
    expect(titles('sourdough')).toEqual(['Bread', 'Baking diary']);
  });
});
