/**
 * The CSS variable that colours each edge type (both themes define it); an edge with a stance is coloured by its
 * stance instead (`STANCE_VOCABULARY`). What the site calls each type, in legends, lists and path steps, is in
 * the interface text (src/lib/site/interface-text/). `satisfies` makes a missing type a compile error.
 */
import type { EdgeType } from './graph';

export const EDGE_VOCABULARY = {
  cites: { colourVar: '--edge-cites' },
  source: { colourVar: '--edge-source' },
  related: { colourVar: '--edge-related' },
  next: { colourVar: '--edge-next' },
  similar: { colourVar: '--edge-similar' },
  evidence: { colourVar: '--edge-evidence' },
  query: { colourVar: '--edge-query' },
} as const satisfies Record<EdgeType, { colourVar: `--edge-${EdgeType}` }>;
