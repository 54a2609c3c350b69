/**
 * The CSS variable that colours each kind of item in graphs and badges (both themes define it). What the site
 * calls each kind is in the interface text (src/lib/site/interface-text/), in the site's language.
 */
import type { Kind } from './ids';

export const KIND_VOCABULARY = {
  note: { colourVar: '--note' },
  paper: { colourVar: '--paper' },
  line: { colourVar: '--line' },
} as const satisfies Record<Kind, { colourVar: `--${Kind}` }>;
