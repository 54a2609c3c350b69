/**
 * The site layer: what Astro pages and endpoints read. The build session,
 * which owns the corpus (session.ts); the site's options (options.ts); page models (pages.ts); evidence shown on
 * item pages (evidence.ts); the graph file (graph-data.ts); the search files
 * (search-files.ts); formatted references (references.ts);
 * every address a page writes (urls.ts); link previews (previews.ts); items by
 * date (recent.ts); a vault's folders and the explorer's tree of them (folders.ts, explorer.ts).
 *
 * May import every layer below it. Nothing in `src/lib` imports this layer.
 */
export * from './options';
export * from './session';
export * from './pages';
export * from './folders';
export * from './explorer';
export * from './evidence';
export * from './graph-data';
export * from './search-file-set';
export * from './claims';
export * from './graphml';
export * from './references';
export * from './mermaid-script';
export * from './shape-cache';
export * from './urls';
export * from './previews';
export * from './recent';
export * from './language';
export * from './csp';
export { itemDates, type FileHistory, type ItemDates } from '../corpus/dates';
export * from './markup';
