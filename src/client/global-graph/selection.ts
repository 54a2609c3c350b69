/**
 * What the reader looks at: the item selected (shown in the side panel and
 * kept in the address) and the one hovered. The hovered item, else the
 * selected one, is lit with its neighbourhood, whose labels come first.
 */
import { FOCUS_ZOOM } from '../../lib/graph/viewport';
import { placeNow } from '../graph-labels';
import { edgeElement } from './draw';
import type { DrawnGraph, GraphState } from './state';
import { writeFocus } from './url';

/** Item `i` with its linked items (ids) and the links shown between them. */
function hoodOf(state: GraphState, i: number): { ids: Set<string>; links: number[] } {
  const { nodes, links, linksOf } = state.data;
  const ids = new Set([nodes[i].id]);
  const lit: number[] = [];
  for (const l of linksOf[i]) {
    if (state.edgeHidden[l]) continue;
    lit.push(l);
    ids.add(nodes[links.source[l]].id);
    ids.add(nodes[links.target[l]].id);
  }
  return { ids, links: lit };
}

/** Lights and labels what is looked at; on a big graph, brings it into cytoscape. */
export function showLooked(graph: DrawnGraph): void {
  const { cy } = graph;
  const { nodes, big } = graph.data;
  const i = graph.hovered ?? graph.selected;
  const looked = i === undefined ? undefined : hoodOf(graph, i);
  graph.forced = new Set(i === undefined ? [] : [nodes[i].id]);
  if (graph.selected !== undefined) graph.forced.add(nodes[graph.selected].id);
  graph.hood = looked?.ids;
  // Labels first: on a big graph this is also what brings the neighbourhood's nodes into cytoscape.
  placeNow(cy, graph.labels);
  cy.batch(() => {
    cy.elements('.lit, .faded').removeClass('lit faded');
    if (big) cy.edges().remove();
    cy.nodes('.focused').removeClass('focused');
    if (graph.selected !== undefined) cy.getElementById(nodes[graph.selected].id).addClass('focused');
    if (!looked) return;
    if (big) cy.add(looked.links.map((l) => edgeElement(graph, l, 'lit')));
    else looked.links.forEach((l) => cy.getElementById(`e${l}`).addClass('lit'));
    for (const id of looked.ids) cy.getElementById(id).addClass('lit');
    if (!big) cy.elements().not('.lit').addClass('faded');
  });
}

/** Selects item `i` (or nothing): the side panel, the address, the lit neighbourhood; `centre` moves the view to it. */
export function select(graph: DrawnGraph, i: number | undefined, options: { centre?: boolean; animate?: boolean } = {}): void {
  const { nodes } = graph.data;
  graph.selected = i;
  if (i === undefined) graph.panel.close();
  else graph.panel.show(i);
  writeFocus(i === undefined ? undefined : nodes[i].id);
  showLooked(graph);
  if (i !== undefined && options.centre) centreOn(graph, nodes[i], options.animate ?? true);
}

/** Centres the item in the part of the canvas the side panel leaves free. */
function centreOn(graph: DrawnGraph, p: { x: number; y: number }, animate: boolean): void {
  const { cy } = graph;
  const zoom = Math.max(cy.zoom(), FOCUS_ZOOM);
  const panelBox = graph.panel.box();
  const canvasBox = graph.elements.container.getBoundingClientRect();
  const besidePanel = panelBox && panelBox.height > canvasBox.height / 2;
  const freeWidth = besidePanel ? panelBox.left - canvasBox.left : cy.width();
  const freeHeight = panelBox && !besidePanel ? panelBox.top - canvasBox.top : cy.height();
  const pan = { x: freeWidth / 2 - zoom * p.x, y: freeHeight / 2 - zoom * p.y };
  if (animate) cy.animate({ zoom, pan }, { duration: 400, easing: 'ease-in-out-cubic' });
  else cy.viewport({ zoom, pan });
}
