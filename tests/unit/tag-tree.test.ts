import { describe, expect, it } from 'vitest';
import { tagIndex, tagTree } from '../../src/lib/site/pages';
import { corpusOf, md } from '../helpers/corpus';

describe('the tag tree', () => {
  it('puts a nested tag under its parent, each counting the items of the tags below it', () => {
    const corpus = corpusOf({
      'notes/a.md': md('title: A\ntags: [ai/safety/evals, ai/ethics]'),
      'notes/b.md': md('title: B\ntags: [ai/safety, misc]'),
    });
    const tree = tagTree(tagIndex(corpus));
    const shape = (branches: typeof tree): unknown => branches.map((b) => [b.name, b.count, shape(b.children)]);
    expect(shape(tree)).toEqual([
      ['ai', 2, [['ethics', 1, []], ['safety', 2, [['evals', 1, []]]]]],
      ['misc', 1, []],
    ]);
    expect(tree[0].children[1].children[0].tag).toBe('ai/safety/evals');
  });
});
