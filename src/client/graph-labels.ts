/**
 * Keeps a cytoscape drawing's labels readable: after every change of view
 * (and of what is hovered, selected or filtered) it places labels by
 * priority without overlaps (src/lib/graph/labels.ts) and gives the chosen
 * nodes the `labelled` class, with a font size that keeps the label the
 * same size on screen at any zoom, and their text as shown (`shown`: cut to
 * the maximum width).
 */
import type { Core, NodeSingular } from 'cytoscape';
import { placeLabels, type LabelBox, type LabelCandidate } from '../lib/graph/labels';
export type { LabelCandidate };
import { LABEL_FONT_FAMILY, LABEL_FONT_SIZE, LABEL_HEIGHT, LABEL_MAX_WIDTH, LABEL_OFFSET } from './graph-style';

let measureCtx: CanvasRenderingContext2D | undefined;
const measured = new Map<string, number | string>();

/** Text widths at the label font, bold or not; each answer (`make`) is kept under its key. */
function atLabelFont<T extends number | string>(key: string, bold: boolean, make: (width: (text: string) => number) => T): T {
  let value = measured.get(key) as T | undefined;
  if (value === undefined) {
    measureCtx ??= document.createElement('canvas').getContext('2d')!;
    measureCtx.font = `${bold ? '600 ' : ''}${LABEL_FONT_SIZE}px ${LABEL_FONT_FAMILY}`;
    value = make((text) => measureCtx!.measureText(text).width);
    measured.set(key, value);
  }
  return value;
}

/** A label's width on screen: its text at the label font, cut at the maximum width as cytoscape's ellipsis does. */
export function labelWidth(text: string, bold = false, max = LABEL_MAX_WIDTH): number {
  // The label's background padding on both sides, and the margin cytoscape adds to its box.
  return atLabelFont(`w${bold ? 'b' : 'n'}${max}|${text}`, bold, (width) => Math.min(width(text), max) + 12);
}

/**
 * A label's text cut to the maximum width with an ellipsis, measured here at the label font. Cytoscape's own
 * ellipsis measures the text one character longer at a time, again at every zoom (its font size is set for
 * the zoom): 99 ms of one frame for the labels of a 15,000-item graph. Given text that fits, it measures once.
 */
export function labelText(text: string, bold = false, max = LABEL_MAX_WIDTH): string {
  return atLabelFont(`t${bold ? 'b' : 'n'}${max}|${text}`, bold, (width) => {
    // A pixel short of the limit, so that cytoscape, measuring at another font size, finds it fits too.
    const fits = (t: string) => width(t) <= max - 1;
    if (fits(text)) return text;
    let [lo, hi] = [0, text.length - 1];
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(`${text.slice(0, mid).trimEnd()}…`)) lo = mid;
      else hi = mid - 1;
    }
    return `${text.slice(0, lo).trimEnd()}…`;
  });
}

export interface LabelSource {
  /** Nodes in priority order (most important first), as cytoscape nodes. */
  ordered: () => Iterable<NodeSingular>;
  /** Ids that must show their label (what is hovered or selected). */
  forced: () => ReadonlySet<string>;
  /** Ids whose labels come before all others, still without overlaps (the neighbours of what is looked at); when given, only these and the forced ones show. */
  first?: () => ReadonlySet<string> | undefined;
  /** Most labels to show besides the forced ones. */
  max?: number;
  /** Candidates computed without cytoscape (a big graph, where cytoscape holds only what is shown); `ordered` is then unused. */
  candidates?: (zoom: number, pan: { x: number; y: number }, width: number, height: number) => LabelCandidate[];
  /** Called with the ids chosen before they are labelled: cytoscape must hold them by then. */
  ensure?: (chosen: ReadonlySet<string>) => void;
}

/** Places labels now; returns the boxes. */
export function placeNow(cy: Core, source: LabelSource): LabelBox[] {
  const zoom = cy.zoom();
  const pan = cy.pan();
  const width = cy.width();
  const height = cy.height();
  const forced = source.forced();
  const first = source.first?.();
  // A drawing may ask for narrower labels (a local graph on a phone).
  const maxWidth = (cy.scratch('labelMaxWidth') as number | undefined) ?? LABEL_MAX_WIDTH;
  const candidates: LabelCandidate[] = source.candidates ? source.candidates(zoom, pan, width, height) : [];
  const forcedFirst: LabelCandidate[] = [];
  // Only nodes on screen are candidates; at most a few thousand are tested.
  let tested = 0;
  const margin = LABEL_MAX_WIDTH;
  for (const node of source.candidates ? [] : source.ordered()) {
    const isForced = forced.has(node.id()) || !!first?.has(node.id());
    if (!isForced && tested > 4000) continue;
    if (node.hasClass('hidden') || (!isForced && node.hasClass('faded'))) continue;
    const p = node.position();
    const x = p.x * zoom + pan.x;
    const y = p.y * zoom + pan.y;
    if (!isForced && (x < -margin || x > width + margin || y < -margin || y > height + margin)) continue;
    tested++;
    const c: LabelCandidate = { id: node.id(), x, y, radius: (node.data('size') / 2) * zoom, width: labelWidth(node.data('label'), !!node.data('written') || node.hasClass('group'), maxWidth), align: node.data('align') };
    (isForced ? forcedFirst : candidates).push(c);
  }
  const boxes = placeLabels([...forcedFirst, ...candidates], { height: LABEL_HEIGHT, offset: LABEL_OFFSET, width, heightOfView: height, forced, first, onlyFirst: first !== undefined && first.size > 0, max: source.max });
  const chosen = new Set(boxes.map((b) => b.id));
  cy.batch(() => {
    source.ensure?.(chosen);
    cy.nodes('.labelled').forEach((n) => {
      if (!chosen.has(n.id())) n.removeClass('labelled');
    });
    // Font size, margin and width in model units, so the label has the same size on screen at this zoom.
    const style = { 'font-size': LABEL_FONT_SIZE / zoom, 'text-max-width': `${maxWidth / zoom}px`, 'text-margin-y': (LABEL_OFFSET + 2) / zoom, 'text-margin-x': 0, 'text-background-padding': `${1 / zoom}px` };
    for (const id of chosen) {
      const n = cy.getElementById(id);
      const align = n.data('align');
      n.data('shown', labelText(n.data('label'), !!n.data('written') || n.hasClass('group'), maxWidth));
      n.style(align === 'right' || align === 'left' ? { ...style, 'text-margin-y': 0, 'text-margin-x': (align === 'right' ? 1 : -1) * (LABEL_OFFSET + 2) / zoom } : style);
      n.addClass('labelled');
    }
  });
  return boxes;
}

/**
 * Re-places labels once the view settles (a pan or zoom in progress keeps
 * the labels it started with); returns a function to ask for a placement.
 */
export function keepLabelsPlaced(cy: Core, source: LabelSource, settle = 60): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const request = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!cy.destroyed()) placeNow(cy, source);
    }, settle);
  };
  cy.on('viewport resize', request);
  return request;
}
