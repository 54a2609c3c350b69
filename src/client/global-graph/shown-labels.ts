/**
 * Which labels the global graph shows: on a small graph cytoscape holds
 * every item and the labels are placed from its nodes (`graph-labels.ts`);
 * on a big one the candidates come from the positions, on screen and by
 * priority, and cytoscape is given just the items labelled or looked at.
 * The painter's first frame carries the labels placed the same way.
 */
import type { Core, NodeSingular } from 'cytoscape';
import { placeLabels, type LabelCandidate } from '../../lib/graph/labels';
import type { Viewport } from '../../lib/graph/viewport';
import { labelText, labelWidth, placeNow, type LabelSource } from '../graph-labels';
import { afterPaint, LABEL_HEIGHT, LABEL_OFFSET } from '../graph-style';
import { nodeElement } from './draw';
import type { PaintLabel } from './painter';
import type { DrawnGraph, GraphState } from './state';

/** Most labels on screen at once, besides those of what is hovered or selected. */
const MAX_LABELS = 40;
/** How many labels cytoscape holds after each of its first frames on a big graph. */
const FIRST_LABEL_STEPS = [4, 10, 17, 24, 32, MAX_LABELS];
/** Candidates taken from a big graph's view at most: the first on screen by priority fill the labels it can hold. */
const MAX_CANDIDATES = 600;

type Pan = { x: number; y: number };

function candidate(state: GraphState, i: number, zoom: number, pan: Pan): LabelCandidate {
  const { nodes, sizes } = state.data;
  return {
    id: nodes[i].id,
    x: nodes[i].x * zoom + pan.x,
    y: nodes[i].y * zoom + pan.y,
    radius: (sizes[i] / 2) * zoom,
    // Measured only for the candidates placement tests: measuring text is the costly part (190 ms for 4,000 titles).
    get width() {
      return labelWidth(nodes[i].title, !nodes[i].stub);
    },
  };
}

/** Label candidates of a big graph's view: the first items on screen, by priority. */
function onScreen(state: GraphState, zoom: number, pan: Pan, width: number, height: number): LabelCandidate[] {
  const { nodes } = state.data;
  const out: LabelCandidate[] = [];
  for (const i of state.data.order) {
    if (state.nodeHidden[i]) continue;
    const x = nodes[i].x * zoom + pan.x;
    const y = nodes[i].y * zoom + pan.y;
    if (x < 0 || y < 0 || x > width || y > height) continue;
    out.push(candidate(state, i, zoom, pan));
    if (out.length >= MAX_CANDIDATES) break;
  }
  return out;
}

/** The labels of a big graph's first frame, painted before cytoscape is up, for a canvas `width` by `height`. */
export function firstFrameLabels(state: GraphState, view: Viewport, width: number, height: number): PaintLabel[] {
  const { nodes, indexOf } = state.data;
  const { id: focusId, index: focusIndex } = state.focus;
  const candidates = onScreen(state, view.zoom, view.pan, width, height);
  // A shared `?focus=` item is labelled wherever it is.
  if (focusIndex !== undefined && !candidates.some((c) => c.id === focusId)) candidates.unshift(candidate(state, focusIndex, view.zoom, view.pan));
  const boxes = placeLabels(candidates, { height: LABEL_HEIGHT, offset: LABEL_OFFSET, width, heightOfView: height, max: MAX_LABELS, forced: new Set(focusId ? [focusId] : []) });
  return boxes.map((box) => {
    const n = nodes[indexOf.get(box.id)!];
    return { box, text: labelText(n.title, !n.stub), bold: !n.stub };
  });
}

/** What the labels of the drawing in `cy` are placed from. */
export function labelSource(state: GraphState, cy: Core): LabelSource {
  const { nodes, order, indexOf } = state.data;
  const forced = () => state.forced;
  const first = () => state.hood;
  if (!state.data.big) return { ordered: () => order.map((i) => cy.getElementById(nodes[i].id) as NodeSingular), forced, first, max: MAX_LABELS };
  // On a big graph, cytoscape holds the nodes labelled or looked at, and nothing else.
  const ensure = (chosen: ReadonlySet<string>) => {
    const keep = new Set([...chosen, ...state.forced, ...(state.hood ?? [])]);
    if (state.selected !== undefined) keep.add(nodes[state.selected].id);
    cy.nodes().forEach((n) => {
      if (!keep.has(n.id())) n.remove();
    });
    const missing = [...keep].filter((id) => cy.getElementById(id).empty()).map((id) => indexOf.get(id)!);
    if (missing.length > 0) cy.add(missing.map((i) => nodeElement(state, i)));
  };
  const candidates = (zoom: number, pan: Pan, width: number, height: number) => {
    const look = new Set([...state.forced, ...(state.hood ?? [])]);
    if (look.size === 0) return onScreen(state, zoom, pan, width, height);
    return [...look].map((id) => candidate(state, indexOf.get(id)!, zoom, pan));
  };
  return { ordered: () => [], candidates, ensure, forced, first, max: MAX_LABELS };
}

/**
 * Cytoscape's first labels on a big graph. They cost it one long frame (229 ms for 32 labels in a trace:
 * their textures and the first run of its label code), so they come a few a frame, over the first frame's
 * labels, which stay until cytoscape's are all drawn. Placement is greedy by priority: each step keeps the
 * boxes before it. A reader who hovers or selects meanwhile, or a placement for a new view, ends the steps.
 */
export async function labelInSteps(graph: DrawnGraph): Promise<void> {
  for (const max of FIRST_LABEL_STEPS) {
    if (graph.hovered !== undefined || graph.selected !== undefined || graph.cy.nodes('.labelled').length >= max) break;
    placeNow(graph.cy, { ...graph.labels, max });
    await afterPaint();
  }
}
