/**
 * How the site names each edge type, in one table: the legend and filter
 * label, the heading of a page's list from either end, the verb of an
 * evidence-trail step and of a path step walked either way, and the CSS
 * variable that colours it. `satisfies` makes a missing type a compile error.
 */
import type { Kind } from '../content/ids';
import type { EdgeType } from './graph';

export interface EdgeWording {
  /** The type's name in a legend or a filter. */
  label: string;
  /** Heading of the list of these edges on the page they leave, by the page's kind where it differs. */
  outgoing: Partial<Record<Kind, string>> & { default: string };
  /** Heading of the list on the page they reach. */
  incoming: Partial<Record<Kind, string>> & { default: string };
  /** How a trail step says what its link is, read from the item above it. */
  trailVerb: string;
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
    trailVerb: 'cites',
    step: { forward: 'cites', backward: 'is cited by' },
    colourVar: '--edge-cites',
  },
  source: {
    label: 'Source of a line',
    outgoing: { default: 'Sources' },
    incoming: { default: 'Inquiry lines that use this note' },
    trailVerb: 'draws on',
    step: { forward: 'draws on', backward: 'is a source of' },
    colourVar: '--edge-source',
  },
  related: {
    label: 'Related paper',
    outgoing: { default: 'Related papers' },
    incoming: { default: 'Notes that rely on this paper' },
    trailVerb: 'rests on the paper',
    step: { forward: 'rests on the paper', backward: 'is a paper behind' },
    colourVar: '--edge-related',
  },
  next: {
    label: 'Next line',
    outgoing: { default: 'Next inquiry lines' },
    incoming: { default: 'Inquiry lines that lead here' },
    trailVerb: 'leads on to',
    step: { forward: 'leads on to', backward: 'follows from' },
    colourVar: '--edge-next',
  },
  similar: {
    label: 'Similar paper',
    outgoing: { default: 'Similar papers' },
    incoming: { default: 'Listed as similar by' },
    trailVerb: 'is similar to',
    step: { forward: 'is similar to', backward: 'is listed as similar by' },
    colourVar: '--edge-similar',
  },
} as const satisfies Record<EdgeType, EdgeWording>;

/** The heading of a list of `type` edges on a page of `kind`, seen from `direction`. */
export function edgeListLabel(type: EdgeType, direction: 'outgoing' | 'incoming', kind: Kind): string {
  const labels: EdgeWording['outgoing'] = EDGE_VOCABULARY[type][direction];
  return labels[kind] ?? labels.default;
}
