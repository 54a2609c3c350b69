import { describe, expect, it } from 'vitest';
import { ENVIRONMENT, OptionsError, resolveOptions } from '../../src/integrations/options-schema';
import { DEFAULT_GROWTH } from '../../src/integrations/heap-collector';
import { HELPER_FROM } from '../../src/lib/corpus';

const failure = (run: () => unknown): string => {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(OptionsError);
    return (e as Error).message;
  }
  throw new Error('expected the options to be refused');
};

describe('researchGraph options', () => {
  it('has a default for every option', () => {
    const o = resolveOptions({}, {});
    expect(o).toMatchObject({ content: 'content', title: 'Research graph', lang: 'en', bibliography: [], citationStyle: 'apa', publishUncited: false, dialect: undefined, prefix: '/', renderCache: true, renderHelperFrom: HELPER_FROM, heapGrowth: DEFAULT_GROWTH });
    expect(o.parallelism).toBeGreaterThanOrEqual(1);
  });

  it('takes what is written, in the forms people write it', () => {
    const o = resolveOptions({ content: 'vault', title: 'Lab', lang: 'zh-Hans', bibliography: 'refs.bib', prefix: 'research', dialect: 'dendron', renderHelperFrom: 'off', heapGrowth: 'off', parallelism: 4, publishUncited: true }, {});
    expect(o).toMatchObject({ content: 'vault', title: 'Lab', lang: 'zh-Hans', bibliography: ['refs.bib'], prefix: '/research/', dialect: 'dendron', renderHelperFrom: Infinity, heapGrowth: undefined, parallelism: 4, publishUncited: true });
  });

  it('lets each environment variable of the table override its option', () => {
    const env = {
      CONTENT_DIR: '/tmp/vault', SITE_TITLE: 'From env', SITE_LANG: 'ar', BIBLIOGRAPHY: 'a.bib, b.json', CITATION_STYLE: 'vancouver',
      BIBLIOGRAPHY_PUBLISH: 'all', CONTENT_DIALECT: 'Vault', RENDER_CACHE: '0', RENDER_HELPER_FROM: '250', BUILD_HEAP_GROWTH: '2', BUILD_PARALLELISM: '3',
    };
    expect(Object.keys(env).sort()).toEqual(Object.keys(ENVIRONMENT).sort());
    const o = resolveOptions({ content: 'content', title: 'Written' }, env);
    expect(o).toMatchObject({ content: '/tmp/vault', title: 'From env', lang: 'ar', bibliography: ['a.bib', 'b.json'], citationStyle: 'vancouver', publishUncited: true, dialect: 'vault', renderCache: false, renderHelperFrom: 250, heapGrowth: 2, parallelism: 3 });
    // An empty variable is no override.
    expect(resolveOptions({ title: 'Written' }, { SITE_TITLE: '' }).title).toBe('Written');
  });

  it('refuses a wrong value with a line naming the option, or the variable, and what to write', () => {
    expect(failure(() => resolveOptions({ renderHelperFrom: -3 }, {}))).toMatch(/^researchGraph option renderHelperFrom is -3: write a whole number of bodies \(such as 1000\) or "off"$/);
    expect(failure(() => resolveOptions({}, { RENDER_HELPER_FROM: 'many' }))).toMatch(/^RENDER_HELPER_FROM \(option renderHelperFrom\) is "many": write a whole number/);
    expect(failure(() => resolveOptions({}, { BUILD_HEAP_GROWTH: '1' }))).toMatch(/^BUILD_HEAP_GROWTH \(option heapGrowth\) is 1: write a number above 1 \(such as 1.5\) or "off"$/);
    expect(failure(() => resolveOptions({}, { BUILD_HEAP_GROWTH: 'fast' }))).toMatch(/BUILD_HEAP_GROWTH .*"off"/);
    expect(failure(() => resolveOptions({}, { CONTENT_DIALECT: 'logseq' }))).toMatch(/^CONTENT_DIALECT \(option dialect\) is "logseq": write "auto", "research", "vault", "dendron"$/);
    expect(failure(() => resolveOptions({ lang: 'English' }, {}))).toMatch(/option lang is "English": write a language tag/);
    expect(failure(() => resolveOptions({ prefix: '../up' }, {}))).toMatch(/option prefix .* write a folder path/);
    expect(failure(() => resolveOptions({ titel: 'x' } as never, {}))).toMatch(/has no option titel: the options are content, title, lang/);
    // Every wrong setting is named, one line each.
    expect(failure(() => resolveOptions({ lang: '?' }, { RENDER_CACHE: 'maybe' })).split('\n')).toHaveLength(2);
  });
});
