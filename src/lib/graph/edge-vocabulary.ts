/**
 * How the site names each edge type, in one table: the legend and filter
 * label, the heading of a page's list from either end, the verb of a path
 * step walked either way, and the CSS variable that colours it. An edge
 * with a stance is named by its stance instead (`STANCE_VOCABULARY`). `satisfies` makes a missing type a compile error.
 */
import type { Kind } from '../content/ids';
import { STANCE_VOCABULARY, type Stance } from '../content/stance';
import type { EdgeType } from './graph';

export interface EdgeWording {
  /** The type's name in a legend or a filter. */
  label: string;
  /** Heading of the list of these edges on the page they leave, by the page's kind where it differs. */
  outgoing: Partial<Record<Kind, string>> & { default: string };
  /** Heading of the list on the page they reach. */
  incoming: Partial<Record<Kind, string>> & { default: string };
  /** How a path step reads in the direction it is walked: "A cites B", "A is cited by B". */
  step: { forward: string; backward: string };
  /** The CSS custom property of its colour (both themes define it). */
  colourVar: `--edge-${EdgeType}`;
}

export const EDGE_VOCABULARY = {
  cites: {
    label: 'Cites (a link in the text)',
    outgoing: { default: 'Links to' },
    incoming: { default: 'Linked from' },
    step: { forward: 'cites', backward: 'is cited by' },
    colourVar: '--edge-cites',
  },
  source: {
    label: 'Source of a line',
    outgoing: { default: 'Sources' },
    incoming: { default: 'Inquiry lines that use this note' },
    step: { forward: 'draws on', backward: 'is a source of' },
    colourVar: '--edge-source',
  },
  related: {
    label: 'Related reading (similarity)',
    outgoing: { default: 'Related reading: papers on the same topic, ranked by similarity' },
    incoming: { default: 'Listed as related reading by' },
    step: { forward: 'is related to', backward: 'is related to' },
    colourVar: '--edge-related',
  },
  next: {
    label: 'Next line',
    outgoing: { default: 'Next inquiry lines' },
    incoming: { default: 'Inquiry lines that lead here' },
    step: { forward: 'leads on to', backward: 'follows from' },
    colourVar: '--edge-next',
  },
  similar: {
    label: 'Similar paper',
    outgoing: { default: 'Similar papers' },
    incoming: { default: 'Listed as similar by' },
    step: { forward: 'is similar to', backward: 'is listed as similar by' },
    colourVar: '--edge-similar',
  },
  evidence: {
    label: 'Verified evidence',
    outgoing: { default: 'Papers whose text states its figures or quotations' },
    incoming: { default: 'Items whose figures or quotations this paper states' },
    step: { forward: 'is checked against', backward: 'states a passage of' },
    colourVar: '--edge-evidence',
  },
  query: {
    label: 'Listed by a query',
    outgoing: { default: 'Listed by its queries' },
    incoming: { default: 'Listed by the queries of' },
    step: { forward: 'lists, by a query,', backward: 'is listed by a query of' },
    colourVar: '--edge-query',
  },
} as const satisfies Record<EdgeType, EdgeWording>;

/** The heading of a list of `type` edges on a page of `kind`, seen from `direction`. */
export function edgeListLabel(type: EdgeType, direction: 'outgoing' | 'incoming', kind: Kind): string {
  const labels: EdgeWording['outgoing'] = EDGE_VOCABULARY[type][direction];
  return labels[kind] ?? labels.default;
}

/**
 * How a path step reads, walked forward or backward: by its stance where it
 * has one ("supports", "is challenged by"), else by its type.
 */
export function stepWording(type: EdgeType, stance: Stance | undefined, direction: 'forward' | 'backward'): string {
  if (stance) return direction === 'forward' ? STANCE_VOCABULARY[stance].verb : STANCE_VOCABULARY[stance].inverse;
  return EDGE_VOCABULARY[type].step[direction];
}
