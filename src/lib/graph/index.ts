/**
 * The graph layer: the typed adjacency built once (graph.ts), walks over it
 * (walks.ts: shortest paths, neighbourhoods), the
 * build-time communities and layout (communities.ts, layout.ts, both over
 * the links read without direction, link-graph.ts, and the two in turn,
 * shape.ts), the compact form the browser loads
 * (compact.ts), viewports (viewport.ts) and the one table of edge wording
 * (vocabulary.ts).
 *
 * May import: `content/` only. Never `markdown/` (its sibling) or anything
 * above. Browser code imports the single files it needs (walks, viewport,
 * compact, vocabulary), never this index, which would pull in the layout.
 */
export * from './graph';
export * from './walks';
export * from './edge-vocabulary';
export * from './viewport';
export * from './compact';
export * from './layout';
