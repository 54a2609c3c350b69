import { describe, expect, it } from 'vitest';
import { findViolations, importsOf, readSources } from '../../scripts/lib/architecture';

const tree = readSources('.');

describe('the engine keeps its layers', () => {
  it('has no import cycle, no wrong-way import and no browser import of build code', () => {
    const violations = findViolations(tree);
    expect(violations.map((v) => v.message)).toEqual([]);
  });

  it('reads every kind of import statement', () => {
    const source = [
      "import a from './a';",
      "import type { B } from '../b';",
      "import { c,\n  d } from './c';",
      "export * from './e';",
      "export { f } from './f';",
      "import './side-effect';",
      "const g = await import('./g');",
    ].join('\n');
    expect(importsOf(source).sort()).toEqual(['../b', './a', './c', './e', './f', './g', './side-effect']);
  });

  it('names the files of a cycle introduced into the real tree', () => {
    const broken = new Map(tree);
    // content/ids is the bottom of the engine; make it import the graph, which imports it back.
    broken.set('src/lib/content/ids.ts', `import { degree } from '../graph/graph';\n${tree.get('src/lib/content/ids.ts')}`);
    const violations = findViolations(broken);
    const cycle = violations.find((v) => v.kind === 'cycle');
    expect(cycle?.files).toEqual(expect.arrayContaining(['src/lib/content/ids.ts', 'src/lib/graph/graph.ts']));
    expect(violations.find((v) => v.kind === 'layer')?.message).toMatch(/src\/lib\/content\/ids\.ts \(layer content\) imports src\/lib\/graph\/graph\.ts/);
  });

  it('refuses an import between the sibling layers markdown and graph', () => {
    const broken = new Map(tree);
    broken.set('src/lib/graph/trail.ts', `import type { WikiLinkRef } from '../markdown/types';\n${tree.get('src/lib/graph/trail.ts')}`);
    expect(findViolations(broken)).toEqual([expect.objectContaining({ kind: 'layer', files: ['src/lib/graph/trail.ts', 'src/lib/markdown/types.ts'] })]);
  });

  it('refuses browser code that reaches the build-time engine', () => {
    const broken = new Map(tree);
    broken.set('src/client/titles.ts', `import { loadCorpus } from '../lib/corpus';\n${tree.get('src/client/titles.ts')}`);
    expect(findViolations(broken)).toContainEqual(expect.objectContaining({ kind: 'browser', files: ['src/client/titles.ts', 'src/lib/corpus/index.ts'] }));
  });

  it('refuses the engine reaching up into an integration, and browser code reaching a build integration', () => {
    const broken = new Map(tree);
    broken.set('src/lib/site/pages.ts', `import { copyAttachments } from '../../integrations/attachments';\n${tree.get('src/lib/site/pages.ts')}`);
    broken.set('src/client/titles.ts', `import { copyAttachments } from '../integrations/attachments';\n${tree.get('src/client/titles.ts')}`);
    expect(findViolations(broken)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'layer', files: ['src/lib/site/pages.ts', 'src/integrations/attachments.ts'] }),
        expect.objectContaining({ kind: 'browser', files: ['src/client/titles.ts', 'src/integrations/attachments.ts'] }),
      ]),
    );
  });

  it('refuses browser code that imports a Node built-in, with or without node:', () => {
    const broken = new Map(tree);
    broken.set('src/client/global-graph/load.ts', `import { readFile } from 'fs/promises';\n${tree.get('src/client/global-graph/load.ts')}`);
    broken.set('src/client/global-graph/url.ts', `import path from 'node:path';\n${tree.get('src/client/global-graph/url.ts')}`);
    const found = findViolations(broken).filter((v) => v.kind === 'node-in-browser');
    expect(found.map((v) => v.files)).toEqual([['src/client/global-graph/load.ts'], ['src/client/global-graph/url.ts']]);
  });

  it('names the files of a cycle between browser modules', () => {
    const broken = new Map(tree);
    // The state is below every module of the global graph; make it import one that imports it back.
    broken.set('src/client/global-graph/state.ts', `import { select } from './selection';\n${tree.get('src/client/global-graph/state.ts')}`);
    const cycle = findViolations(broken).find((v) => v.kind === 'cycle');
    expect(cycle?.files).toEqual(expect.arrayContaining(['src/client/global-graph/state.ts', 'src/client/global-graph/selection.ts']));
  });

  it('refuses a file left loose in src/lib', () => {
    const broken = new Map(tree);
    broken.set('src/lib/helpers.ts', 'export const x = 1;\n');
    expect(findViolations(broken)).toContainEqual(expect.objectContaining({ kind: 'loose-file', files: ['src/lib/helpers.ts'] }));
  });
});
