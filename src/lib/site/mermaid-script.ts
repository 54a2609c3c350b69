/**
 * The Mermaid library as a file of the site: published at `MERMAID_SCRIPT_PATH`
 * only when some page has a diagram (the library is large: a site without
 * diagrams does not carry it), copied as the package ships it (no bundling:
 * Rollup would spend a noticeable part of every build on it).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Corpus } from '../corpus';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('mermaid/package.json'));
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };

/** The library's file name: its version in the name, so a newer one is never served from an old cache. */
export const MERMAID_SCRIPT_NAME = `mermaid-${version}.min`;
export const MERMAID_SCRIPT_PATH = `/scripts/${MERMAID_SCRIPT_NAME}.js`;

/** The browser build of the library (UMD: it sets `window.mermaid`). */
export const mermaidLibrary = (): string => readFileSync(join(packageDir, 'dist/mermaid.min.js'), 'utf8');

/** What the Content-Security-Policy of a page with a diagram adds: the styles Mermaid writes as it draws. */
export const MERMAID_STYLE_DIRECTIVES = ["style-src-elem 'self' 'unsafe-inline'", "style-src-attr 'unsafe-inline'"] as const;

/** Does any published body hold a diagram? */
export const usesMermaid = (corpus: Corpus): boolean => mermaidPages(corpus).length > 0;

/** The site paths of the pages that draw a diagram. */
export const mermaidPages = (corpus: Corpus): string[] => [...corpus.bodies].filter(([, body]) => body.mermaid).map(([id]) => corpus.graph.nodes.get(id)?.url).filter((url): url is NonNullable<typeof url> => !!url);
