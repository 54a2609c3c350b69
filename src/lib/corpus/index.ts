/**
 * The corpus layer: a folder of files becomes documents, rendered bodies and
 * one typed graph (build.ts orchestrates; one stage per file), and the
 * figures and quotations of notes are matched to the passages of papers
 * (provenance.ts).
 *
 * May import: `content/`, `markdown/`, `graph/`. Nothing above (search, site).
 */
export * from './types';
export { buildCorpus, loadCorpus, HELPER_FROM, type BuildOptions, type LoadOptions } from './build';
export { renderFromTheEnd, type RenderHelper, type RenderSources, type StartRenderHelper, type HelperSide } from './two-thread-rendering';
export type { CachedBody, RenderCache } from './render-cache';
export type { SourceFile } from '../content/files';
export { redirectPath, type Redirect } from './redirects';
