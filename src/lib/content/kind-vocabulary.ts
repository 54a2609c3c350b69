/**
 * How the site names each kind of item, in one table: singular and plural
 * labels and the CSS variable that colours it in graphs and badges.
 */
import type { Kind } from './ids';

export const KIND_VOCABULARY = {
  note: { one: 'Note', many: 'Notes', colourVar: '--note' },
  paper: { one: 'Paper', many: 'Papers', colourVar: '--paper' },
  line: { one: 'Inquiry line', many: 'Inquiry lines', colourVar: '--line' },
} as const satisfies Record<Kind, { one: string; many: string; colourVar: `--${Kind}` }>;
