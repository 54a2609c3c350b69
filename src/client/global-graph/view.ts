/** Where the drawing sits in the window: the first view, fitting what is shown, and following the window's size. */
import { extentViewport, FOCUS_ZOOM, type Viewport } from '../../lib/graph/viewport';
import { repaint } from './draw';
import type { DrawnGraph, GraphState } from './state';

/** Space kept around the drawing when it is fitted. */
const FIT_MARGIN = 28;

/** The view that fits `points` below the controls (in a canvas `w` by `h`). */
export function fitTo(state: GraphState, points: Iterable<{ x: number; y: number }>, w = state.elements.container.clientWidth, h = state.elements.container.clientHeight): Viewport {
  const { page, bar, container } = state.elements;
  const barBottom = Math.max(0, bar.getBoundingClientRect().bottom - container.getBoundingClientRect().top);
  // On a wide window the drawing keeps clear of the open legend in the lower left.
  const legend = page.querySelector<HTMLDetailsElement>('[data-legend-communities]');
  const legendWidth = legend?.open && !legend.hidden && w >= 1000 ? legend.getBoundingClientRect().width : 0;
  return extentViewport(points, w, h, { top: barBottom + FIT_MARGIN, right: FIT_MARGIN, bottom: FIT_MARGIN + 8, left: legendWidth + FIT_MARGIN, maxZoom: 2.5 });
}

/** The items no filter hides. */
export const shownNodes = (state: GraphState) => state.data.nodes.filter((_, i) => !state.nodeHidden[i]);

/**
 * The first view of a canvas `width` by `height`: every item fitted below the controls (or the community
 * the overview opened); or, for a `?focus=` address, centred on that item.
 */
export function firstView(state: GraphState, width: number, height: number): Viewport {
  const view = fitTo(state, state.only ? shownNodes(state) : state.data.nodes, width, height);
  if (state.focus.index === undefined) return view;
  const n = state.data.nodes[state.focus.index];
  const z = Math.max(view.zoom, FOCUS_ZOOM);
  return { zoom: z, pan: { x: width / 2 - z * n.x, y: height / 2 - z * n.y } };
}

/** Fits again when the window changes size, unless the reader has moved the view or selected an item. */
export function followResize(graph: DrawnGraph): void {
  const { cy } = graph;
  const { container } = graph.elements;
  cy.on('dragpan scrollzoom pinchzoom', () => (graph.moved = true));
  let size = { w: container.clientWidth, h: container.clientHeight };
  new ResizeObserver(() => {
    // The first call only reports the size the graph was drawn at.
    if (container.clientWidth === size.w && container.clientHeight === size.h) return;
    size = { w: container.clientWidth, h: container.clientHeight };
    cy.resize();
    if (!graph.moved && graph.selected === undefined) cy.viewport(fitTo(graph, shownNodes(graph)));
    repaint(graph);
    graph.placeLabelsSoon();
  }).observe(container);
}
