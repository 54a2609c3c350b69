/**
 * The engine's layer rule, checked from its import statements: which folder
 * of `src/lib` may import which, which files browser code may reach, and no
 * import cycles anywhere. `tests/unit/architecture.test.ts` runs it on the
 * tree; `findViolations` works on any set of sources, so the test can also
 * show that a cycle or a wrong-way import is caught.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

/** What each layer folder of `src/lib` may import, besides itself. Order is bottom to top. */
export const LAYERS: Record<string, readonly string[]> = {
  content: [],
  markdown: ['content'],
  graph: ['content'],
  corpus: ['content', 'markdown', 'graph'],
  search: ['content', 'corpus'],
  import: ['content'],
  site: ['content', 'markdown', 'graph', 'corpus', 'search'],
};

/**
 * Files of `src/lib` that browser code (`src/client`) may import: pure code
 * with no Node modules and nothing that pulls in the build's libraries.
 * Everything they import must be on this list too.
 */
export const BROWSER_SAFE = [
  'src/lib/content/ids.ts',
  'src/lib/content/link-context.ts',
  'src/lib/content/stance.ts',
  'src/lib/content/text-fragment.ts',
  'src/lib/content/kind-vocabulary.ts',
  'src/lib/graph/graph.ts',
  'src/lib/graph/walks.ts',
  'src/lib/graph/viewport.ts',
  'src/lib/graph/compact.ts',
  'src/lib/graph/edge-vocabulary.ts',
  'src/lib/graph/stance-accessors.ts',
  'src/lib/graph/labels.ts',
  'src/lib/graph/local-groups.ts',
  'src/lib/site/urls.ts',
  'src/lib/site/search-box.ts',
  /^src\/lib\/search\/wire\//,
] as const;

/** A Node built-in, named with `node:` or without (`fs`, `fs/promises`): nothing a browser has. */
const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || NODE_BUILTINS.has(specifier);

const isBrowserSafe = (file: string) => BROWSER_SAFE.some((rule) => (typeof rule === 'string' ? rule === file : rule.test(file)));

export interface Violation {
  kind: 'cycle' | 'layer' | 'browser' | 'node-in-browser' | 'loose-file';
  files: string[];
  message: string;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC_IMPORT = /import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module a source names, as written. */
export function importsOf(source: string): string[] {
  return importStatements(source).map((i) => i.specifier);
}

/** Every import with whether it is `import type` (erased from the bundle: harmless in the browser, still part of a cycle). */
function importStatements(source: string): { specifier: string; typeOnly: boolean }[] {
  return [
    ...[...source.matchAll(IMPORT)].map((m) => ({ specifier: m[2], typeOnly: !!m[1] })),
    ...[...source.matchAll(DYNAMIC_IMPORT)].map((m) => ({ specifier: m[1], typeOnly: false })),
  ];
}

/** A relative specifier resolved against the known files (`x` → `x.ts` or `x/index.ts`), or undefined for packages. */
function resolve(from: string, specifier: string, files: Set<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  return [base, `${base}.ts`, `${base}/index.ts`].find((candidate) => files.has(candidate));
}

const layerOf = (file: string) => /^src\/lib\/([^/]+)\//.exec(file)?.[1];

/** Checks sources keyed by repository-relative path (`src/lib/graph/graph.ts`). */
export function findViolations(sources: Map<string, string>): Violation[] {
  const files = new Set(sources.keys());
  const edges = new Map<string, string[]>();
  const violations: Violation[] = [];
  for (const [file, source] of sources) {
    const targets: string[] = [];
    const browser = file.startsWith('src/client/') || isBrowserSafe(file);
    if (file.startsWith('src/lib/') && !layerOf(file)) {
      violations.push({ kind: 'loose-file', files: [file], message: `${file} sits loose in src/lib; put it in the layer folder that owns it` });
    }
    for (const { specifier, typeOnly } of importStatements(source)) {
      if (browser && isNodeBuiltin(specifier)) {
        violations.push({ kind: 'node-in-browser', files: [file], message: `${file} is browser code but imports ${specifier}` });
      }
      const target = resolve(file, specifier, files);
      if (!target) continue;
      targets.push(target);
      const [from, to] = [layerOf(file), layerOf(target)];
      if (from && to && from !== to && !LAYERS[from]?.includes(to)) {
        violations.push({ kind: 'layer', files: [file, target], message: `${file} (layer ${from}) imports ${target} (layer ${to}); ${from} may import only ${LAYERS[from]?.join(', ') || 'nothing else'}` });
      }
      if (from === 'search' && file.includes('/search/wire/') && target.includes('/search/writer/')) {
        violations.push({ kind: 'layer', files: [file, target], message: `${file} is the search wire format but imports the writer ${target}` });
      }
      // The engine is below everything: it never reaches up into the site's integrations or its browser code.
      if (file.startsWith('src/lib/') && (target.startsWith('src/integrations/') || target.startsWith('src/client/'))) {
        violations.push({ kind: 'layer', files: [file, target], message: `${file} is engine code but imports ${target}; the engine may not depend on integrations or browser code` });
      }
      if (browser && target.startsWith('src/integrations/')) {
        violations.push({ kind: 'browser', files: [file, target], message: `${file} is browser code but imports the build integration ${target}` });
      }
      if (browser && !typeOnly && target.startsWith('src/lib/') && !isBrowserSafe(target)) {
        violations.push({ kind: 'browser', files: [file, target], message: `${file} is browser code but imports ${target}, which is not meant for the browser` });
      }
    }
    edges.set(file, targets);
  }
  for (const cycle of cycles(edges)) {
    violations.push({ kind: 'cycle', files: cycle, message: `import cycle: ${[...cycle, cycle[0]].join(' → ')}` });
  }
  return violations;
}

/** Strongly connected components of more than one file (or a file importing itself), by Tarjan's algorithm. */
function cycles(edges: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges.get(v)?.includes(v)) found.push(component.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

/** The TypeScript sources of the engine and the browser code, read from `root`. */
export function readSources(root: string, folders = ['src/lib', 'src/client', 'src/integrations']): Map<string, string> {
  const sources = new Map<string, string>();
  for (const folder of folders) {
    for (const entry of readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const full = path.join(entry.parentPath, entry.name);
      sources.set(path.relative(root, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
    }
  }
  return sources;
}
