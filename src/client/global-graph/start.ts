/**
 * The global graph. Positions and communities come from the build, so the
 * browser only draws. The canvas fills the window under the header; the
 * find box, view presets, filters and legend sit over it, and a click
 * opens a side panel on the item rather than leaving the page.
 *
 * Up to 1,000 nodes and 5,000 links cytoscape draws everything. Past that,
 * the painter (painter.ts) draws every node and link on a canvas of its own
 * (first, before cytoscape is even loaded), and cytoscape holds and draws
 * on top only what is shown in detail: the labelled items, what is hovered
 * or selected with its neighbours and links. Pointer events are matched to
 * items with a grid over the positions. Cytoscape measured here spends
 * 60–700 ms a frame on 15,000 nodes even when they are transparent, and
 * seconds on 150,000 links; a few hundred elements cost it nothing, so no
 * task runs long and the page answers as soon as cytoscape is loaded.
 *
 * This file puts the page together, in order; the graph's state is one
 * object (state.ts) that each concern's module reads and changes: loading
 * (load.ts), drawing (draw.ts), the view (view.ts), filters (filters.ts),
 * labels (labels.ts), selection and the side panel (selection.ts, panel.ts),
 * pointer (pointer.ts), keyboard (keyboard.ts), find (find.ts) and the
 * address (url.ts).
 */
import type { Core } from 'cytoscape';
import { keepLabelsPlaced, placeNow } from '../graph-labels';
import { afterPaint, nextFrame, webglAvailable } from '../graph-style';
import { createCytoscape, followThemeAndView, startPainting } from './draw';
import { hideFiltered, listenToFilters, reveal, setUpControls, showOnly } from './filters';
import { holdFinds, listenToFind } from './find';
import { listenToKeys } from './keyboard';
import { firstFrameLabels, labelInSteps, labelSource } from './shown-labels';
import { graphElements, loadGraph } from './load';
import type { GraphHandle, GraphOptions } from './overview';
import { listenToPointer } from './pointer';
import { select } from './selection';
import { createState, type DrawnGraph } from './state';
import { focusAsked, webglAsked } from './url';
import { firstView, followResize } from './view';

declare global {
  interface Window {
    /** The drawn graph (a cytoscape core), for tests and for anyone exploring in the console. */
    graphView?: Core;
  }
}

export async function startGlobalGraph(container: HTMLElement, options: GraphOptions = {}): Promise<GraphHandle> {
  const elements = graphElements(container);
  // A search asked for while the graph loads is kept and run once it can be.
  const finds = holdFinds(elements);
  // Cytoscape loads while the graph file downloads; neither waits for the other.
  const library = import('cytoscape');
  const state = createState(elements, await loadGraph(container.dataset.src!), options, focusAsked());
  const { big } = state.data;
  setUpControls(state);

  // The first view: every item, fitted below the controls; or `?focus=`, centred on that item.
  const { width, height } = container.getBoundingClientRect();
  // A community opened from the overview is the first frame, fitted to the view.
  if (state.only) hideFiltered(state);
  const view = firstView(state, width, height);

  let shown!: () => void;
  const firstFrameShown = new Promise<void>((done) => (shown = done));
  const ready = () => {
    container.setAttribute('data-graph-ready', '');
    performance.mark('graph:ready');
    shown();
  };
  let answer!: () => void;
  const answering = new Promise<void>((done) => (answer = done));
  // The first frame carries the labels cytoscape will show, placed the same way.
  if (big) startPainting(state, view, firstFrameLabels(state, view, width, height), ready, answering);

  const webgl = webglAvailable() && webglAsked();
  // On a big graph the painter's first frame comes before cytoscape, on any machine: the library loads
  // meanwhile, but building cytoscape first would hold up the frame the reader is waiting for.
  if (big) await firstFrameShown;
  const { default: cytoscape } = await library;
  const cy = createCytoscape(state, cytoscape, view, webgl);
  // Setting up comes in steps between frames, so that no one task holds the page.
  await nextFrame();
  window.graphView = cy;
  const labels = labelSource(state, cy);
  const graph: DrawnGraph = Object.assign(state, { cy, labels, placeLabelsSoon: keepLabelsPlaced(cy, labels) });
  followThemeAndView(graph);
  listenToFilters(graph);
  await nextFrame();

  listenToPanel(graph);
  listenToPointer(graph);
  listenToKeys(graph);
  listenToFind(graph);
  followResize(graph);

  await nextFrame();
  if (state.focus.index !== undefined) select(graph, state.focus.index, { centre: true, animate: false });
  else if (!big) placeNow(cy, labels);
  finds.release();
  performance.mark('graph:interactive');
  container.setAttribute('data-graph-interactive', '');
  answer();
  if (big && state.focus.index === undefined) await labelInSteps(graph);
  state.painting?.painter.dropLabels();

  // Cytoscape draws on its own animation frame; two frames on, its drawing is on screen.
  await afterPaint();
  if (!big) ready();
  container.setAttribute('data-graph-complete', '');
  performance.mark('graph:complete');
  return {
    showOnly: (only) => showOnly(graph, only),
    communityOf: (id) => {
      const i = state.data.indexOf.get(id);
      return i === undefined ? undefined : state.data.nodes[i].community;
    },
  };
}

/** The side panel's links select an item (shown again if a filter hid it); closing it clears the selection. */
function listenToPanel(graph: DrawnGraph): void {
  graph.panel.onSelect = (i) => {
    reveal(graph, i);
    select(graph, i, { centre: true });
  };
  graph.panel.onClose = () => {
    select(graph, undefined);
    graph.elements.container.focus();
  };
}
