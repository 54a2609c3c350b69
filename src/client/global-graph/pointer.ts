/**
 * The pointer on the global graph: hovering lights an item, a click
 * selects it (or clears the selection), a double click opens its page. On
 * a big graph cytoscape holds only a few items, so pointer events are
 * matched to items with a grid over the build-time positions.
 */
import type { ExpandedNode } from '../../lib/graph/compact';
import { select, showLooked } from './selection';
import type { DrawnGraph } from './state';
import { openItem } from './url';

/** A second tap on the same item within this time opens it. */
const DOUBLE_TAP_MS = 400;
/** A pointer that moved further than this between press and release dragged the view: no click. */
const DRAG_PX = 4;

export function listenToPointer(graph: DrawnGraph): void {
  if (graph.data.big) listenOnGrid(graph);
  else listenOnCytoscape(graph);
}

function listenOnGrid(graph: DrawnGraph): void {
  const { cy } = graph;
  const { container } = graph.elements;
  const { nodes, sizes } = graph.data;
  const hit = hitTester(nodes, sizes, graph.nodeHidden);
  const at = (event: MouseEvent) => {
    const box = container.getBoundingClientRect();
    return hit(event.clientX - box.left, event.clientY - box.top, cy.zoom(), cy.pan());
  };
  let queued: MouseEvent | undefined;
  container.addEventListener('pointermove', (event) => {
    if (event.buttons !== 0) return;
    if (!queued) requestAnimationFrame(() => {
      const i = at(queued!);
      queued = undefined;
      if (i !== graph.hovered) {
        graph.hovered = i;
        container.style.cursor = i === undefined ? '' : 'pointer';
        showLooked(graph);
      }
    });
    queued = event;
  });
  container.addEventListener('pointerleave', () => {
    if (graph.hovered === undefined) return;
    graph.hovered = undefined;
    showLooked(graph);
  });
  let down: { x: number; y: number } | undefined;
  container.addEventListener('pointerdown', (event) => (down = { x: event.clientX, y: event.clientY }));
  container.addEventListener('click', (event) => {
    if (down && Math.hypot(event.clientX - down.x, event.clientY - down.y) > DRAG_PX) return;
    select(graph, at(event));
  });
  container.addEventListener('dblclick', (event) => {
    const i = at(event);
    if (i !== undefined) openItem(nodes[i].id);
  });
}

function listenOnCytoscape(graph: DrawnGraph): void {
  const { cy } = graph;
  const { indexOf } = graph.data;
  // Cytoscape's own double tap misses fast clicks.
  let lastTap = { id: '', at: 0 };
  cy.on('tap', 'node', (event) => {
    const id = event.target.id();
    const now = Date.now();
    if (lastTap.id === id && now - lastTap.at < DOUBLE_TAP_MS) openItem(id);
    else select(graph, indexOf.get(id));
    lastTap = { id, at: now };
  });
  cy.on('tap', (event) => {
    if (event.target === cy) select(graph, undefined);
  });
  cy.on('mouseover', 'node', (event) => {
    graph.hovered = indexOf.get(event.target.id());
    showLooked(graph);
  });
  cy.on('mouseout', 'node', () => {
    graph.hovered = undefined;
    showLooked(graph);
  });
}

/**
 * Finds the item under a point of the canvas: a grid over the build-time
 * positions, searched in the cells around the point; the nearest item whose
 * disc (at least 6 pixels across) holds the point wins.
 */
function hitTester(nodes: ExpandedNode[], sizes: number[], hidden: boolean[]) {
  const cell = 64;
  const grid = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    const key = `${Math.floor(n.x / cell)},${Math.floor(n.y / cell)}`;
    if (!grid.has(key)) grid.set(key, []);
    grid.get(key)!.push(i);
  });
  const largest = Math.max(1, ...sizes) / 2;
  return (sx: number, sy: number, zoom: number, pan: { x: number; y: number }): number | undefined => {
    const x = (sx - pan.x) / zoom;
    const y = (sy - pan.y) / zoom;
    const reach = Math.max(largest, 6 / zoom);
    let best: number | undefined;
    let bestDistance = Infinity;
    for (let cx = Math.floor((x - reach) / cell); cx <= Math.floor((x + reach) / cell); cx++) {
      for (let cy = Math.floor((y - reach) / cell); cy <= Math.floor((y + reach) / cell); cy++) {
        for (const i of grid.get(`${cx},${cy}`) ?? []) {
          if (hidden[i]) continue;
          const d = Math.hypot(nodes[i].x - x, nodes[i].y - y);
          const r = Math.max(sizes[i] / 2, 6 / zoom);
          if (d <= r && d < bestDistance) [best, bestDistance] = [i, d];
        }
      }
    }
    return best;
  };
}
