/**
 * Drawing the global graph: cytoscape's elements and its set-up, and on a
 * big graph the painter (`painter.ts`), which paints every node and link
 * under cytoscape, first of all before cytoscape is loaded. Colours follow
 * the choice of colouring and the theme; the painter follows the view.
 */
import type { Core, CytoscapeOptions, ElementDefinition } from 'cytoscape';
import { edgeAt, type EdgeColumns } from '../../lib/graph/compact';
import type { Viewport } from '../../lib/graph/viewport';
import { afterPaint, EDGE_VARS, followTheme, graphStyle, nodeColourVar, STANCE_VARS } from '../graph-style';
import { GraphPainter, nextSlice, type PaintEdges, type PaintLabel } from './painter';
import type { DrawnGraph, GraphState } from './state';

/** How long the view stays still before the painter paints it again (until then it moves the last picture). */
const REPAINT_AFTER = 140;

/** Item `i` as a cytoscape node, hidden when a filter hides it. */
export function nodeElement(state: GraphState, i: number): ElementDefinition {
  const n = state.data.nodes[i];
  return {
    group: 'nodes',
    data: { id: n.id, label: n.title, kind: n.kind, stub: n.stub, written: !n.stub, degree: n.degree, size: state.data.sizes[i], community: n.community, index: i },
    position: { x: n.x, y: n.y },
    classes: state.nodeHidden[i] ? 'hidden' : '',
  };
}

/** Link `i` as a cytoscape edge. */
export function edgeElement(state: GraphState, i: number, classes = ''): ElementDefinition {
  const e = edgeAt(state.data.links, state.data.nodes, i);
  return { group: 'edges', data: { id: `e${i}`, source: e.source, target: e.target, type: e.type, ...(e.stance ? { stance: e.stance } : {}) }, classes };
}

/**
 * Paints a big graph's first frame (with `labels`, the ones cytoscape will show) and keeps the painter in
 * the state. `ready` is called once the nodes are on screen; the links wait until `answering` resolves.
 */
export function startPainting(state: GraphState, view: Viewport, labels: PaintLabel[], ready: () => void, answering: Promise<void>): void {
  const { container } = state.elements;
  const painter = new GraphPainter(container);
  const nodes = state.data.nodes.map((n, i) => ({ x: n.x, y: n.y, size: state.data.sizes[i], kind: n.kind, stub: n.stub, colour: nodeColourVar(n, state.colourBy), hidden: state.nodeHidden[i] }));
  const edges = paintColumns(state.data.links, state.edgeHidden);
  state.painting = { painter, nodes, edges, repaintTimer: undefined };
  const links = painter.paint(nodes, edges, view, labels, async () => {
    // The nodes reach the screen first; the links wait until the graph answers the reader, so that stroking
    // them (150,000 at 10,000 notes, 19 slices) never holds up cytoscape, then go in at background priority.
    if (!container.hasAttribute('data-graph-ready')) {
      performance.mark('graph:painted');
      await afterPaint();
      ready();
      await answering;
    } else await nextSlice();
  });
  void links.then(async () => {
    performance.mark('graph:links-painted');
    // A big graph without links never reached the call between link slices: its nodes are the whole frame.
    if (!container.hasAttribute('data-graph-ready')) {
      await afterPaint();
      ready();
    }
  });
}

/** The painter's view of the links: each link's colour by stance, else by type, as an index into one palette. */
function paintColumns(links: EdgeColumns, hidden: Uint8Array): PaintEdges {
  const palette = [...links.types.map((t) => EDGE_VARS[t]), ...links.stances.map((s) => STANCE_VARS[s])];
  const colour = new Uint8Array(links.count);
  for (let i = 0; i < links.count; i++) colour[i] = links.stance[i] >= 0 ? links.types.length + links.stance[i] : links.type[i];
  return { count: links.count, source: links.source, target: links.target, colour, palette, hidden };
}

/**
 * Cytoscape on the canvas at `view`: every item and link on a small graph; on a big one nothing yet, as
 * it will hold only what is labelled or looked at.
 */
export function createCytoscape(state: GraphState, cytoscape: (options: CytoscapeOptions) => Core, view: Viewport, webgl: boolean): Core {
  const { big, nodes, links } = state.data;
  const cy = cytoscape({
    container: state.elements.container,
    elements: big ? [] : [...nodes.map((_, i) => nodeElement(state, i)), ...Array.from({ length: links.count }, (_, i) => edgeElement(state, i, state.edgeHidden[i] ? 'hidden' : ''))],
    style: graphStyle({ colourBy: state.colourBy, drawsBulk: !big }),
    layout: { name: 'preset', fit: false },
    ...view,
    minZoom: 0.002,
    maxZoom: 6,
    pixelRatio: big ? 1 : 'auto',
    // @ts-expect-error `webgl` is the canvas renderer's option; older typings lack it.
    renderer: { name: 'canvas', webgl },
    boxSelectionEnabled: false,
    autounselectify: true,
    // Positions come from the build; dragging an item would only move it away from its community.
    autoungrabify: true,
  });
  performance.mark('graph:created');
  return cy;
}

/** Paints a big graph again at cytoscape's view. */
export function repaint(graph: DrawnGraph): void {
  const { painting, cy } = graph;
  if (!painting) return;
  clearTimeout(painting.repaintTimer);
  void painting.painter.paint(painting.nodes, painting.edges, { zoom: cy.zoom(), pan: cy.pan() });
}

/** Colours every item again, by the colouring chosen, in the theme's colours. */
export function applyColours(graph: DrawnGraph): void {
  const { nodes } = graph.data;
  graph.painting?.nodes.forEach((p, i) => (p.colour = nodeColourVar(nodes[i], graph.colourBy)));
  graph.cy.style(graphStyle({ colourBy: graph.colourBy, drawsBulk: !graph.data.big }));
  repaint(graph);
}

/** The colours follow the theme; the painter follows the view: moved at once, painted again once the view settles. */
export function followThemeAndView(graph: DrawnGraph): void {
  followTheme(() => applyColours(graph));
  const { painting, cy } = graph;
  if (!painting) return;
  cy.on('viewport', () => {
    painting.painter.follow({ zoom: cy.zoom(), pan: cy.pan() });
    clearTimeout(painting.repaintTimer);
    painting.repaintTimer = setTimeout(() => repaint(graph), REPAINT_AFTER);
  });
}
