/**
 * Which labels a graph drawing shows: by priority (written items before
 * stubs, items with a claim first, then the best connected), each one only
 * if its box on screen collides with no label already placed. Items the
 * reader is looking at (hovered, selected, their neighbours) always get
 * theirs. Pure geometry in screen pixels, shared by the global graph, the
 * first frame painted before cytoscape is up, and the local graph.
 */

export interface LabelRanked {
  id: string;
  stub: boolean;
  claim: boolean;
  degree: number;
}

/** Sorts most important first: written before stubs, claims first, then degree, then id (so the order is stable). */
export function byLabelPriority(a: LabelRanked, b: LabelRanked): number {
  return Number(a.stub) - Number(b.stub) || Number(b.claim) - Number(a.claim) || b.degree - a.degree || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A label to place: its node's centre and radius on screen, and the label's width there. */
export interface LabelCandidate {
  id: string;
  x: number;
  y: number;
  radius: number;
  width: number;
  /** Where the label sits: below the node (the default) or beside it. */
  align?: 'below' | 'left' | 'right';
}

export interface LabelBox {
  id: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PlaceOptions {
  /** Label height on screen, background included. */
  height: number;
  /** Gap between a node's edge and its label's top. */
  offset: number;
  /** Free space kept around each label. */
  gap?: number;
  /** The visible area: labels outside it are skipped. */
  width: number;
  heightOfView: number;
  /** Shown whatever they overlap (placed first, in the given order). */
  forced?: ReadonlySet<string>;
  /** Placed before all others (still without overlaps), e.g. the neighbours of what is hovered. */
  first?: ReadonlySet<string>;
  /** Only `forced` and `first` are candidates: the rest of the drawing keeps quiet while something is looked at. */
  onlyFirst?: boolean;
  /** At most this many labels besides the forced ones. */
  max?: number;
}

/** The box a label takes below or beside its node. */
export function labelBox(c: LabelCandidate, height: number, offset: number): LabelBox {
  if (c.align === 'right' || c.align === 'left') {
    const left = c.align === 'right' ? c.x + c.radius + offset : c.x - c.radius - offset - c.width;
    return { id: c.id, left, right: left + c.width, top: c.y - height / 2, bottom: c.y + height / 2 };
  }
  const top = c.y + c.radius + offset;
  return { id: c.id, left: c.x - c.width / 2, right: c.x + c.width / 2, top, bottom: top + height };
}

export const overlaps = (a: Omit<LabelBox, 'id'>, b: Omit<LabelBox, 'id'>) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Places labels greedily in the order given (most important first): a label
 * is kept when its box, grown by `gap`, meets no kept box. A grid of cells
 * keeps each test to the boxes nearby, so thousands of candidates cost
 * milliseconds.
 */
export function placeLabels(candidates: Iterable<LabelCandidate>, options: PlaceOptions): LabelBox[] {
  const { height, offset, width, heightOfView } = options;
  const gap = options.gap ?? 2;
  const forced = options.forced ?? new Set<string>();
  const max = options.max ?? Infinity;
  const cell = 96;
  const grid = new Map<number, LabelBox[]>();
  const keyOf = (cx: number, cy: number) => cx * 65536 + cy;
  const cellsOf = (b: Omit<LabelBox, 'id'>) => {
    const keys: number[] = [];
    for (let cx = Math.floor(b.left / cell); cx <= Math.floor(b.right / cell); cx++) {
      for (let cy = Math.floor(b.top / cell); cy <= Math.floor(b.bottom / cell); cy++) keys.push(keyOf(cx, cy));
    }
    return keys;
  };
  const placed: LabelBox[] = [];
  const add = (box: LabelBox) => {
    placed.push(box);
    for (const k of cellsOf(box)) {
      if (!grid.has(k)) grid.set(k, []);
      grid.get(k)!.push(box);
    }
  };
  const first = options.first ?? new Set<string>();
  const early: LabelCandidate[] = [];
  const late: LabelCandidate[] = [];
  for (const c of candidates) {
    if (forced.has(c.id)) add(labelBox(c, height, offset));
    else if (first.has(c.id)) early.push(c);
    else if (!options.onlyFirst) late.push(c);
  }
  const rest = [...early, ...late];
  let free = 0;
  for (const c of rest) {
    if (free >= max) break;
    const box = labelBox(c, height, offset);
    // A label cut by the edge of the view cannot be read: it waits until the view moves.
    if (box.left < 0 || box.right > width || box.top < 0 || box.bottom > heightOfView) continue;
    const grown = { left: box.left - gap, right: box.right + gap, top: box.top - gap, bottom: box.bottom + gap };
    const hit = cellsOf(grown).some((k) => grid.get(k)?.some((other) => overlaps(grown, other)));
    if (hit) continue;
    add(box);
    free++;
  }
  return placed;
}
