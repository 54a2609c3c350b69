/**
 * The global graph: positions come precomputed from the build, so the
 * browser only draws (`preset` layout). Sized for thousands of nodes: on a
 * big graph the first frame is painted straight from the positions (see
 * graph-snapshot.ts) while cytoscape loads and takes in the elements behind
 * it; then WebGL where available, edges hidden and a texture shown while
 * panning, labels only past a zoom level, one device pixel per CSS pixel.
 */
import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import { expandCompactGraph, type CompactGraph } from '../lib/compact-graph';
import { extentViewport, FOCUS_ZOOM, focusViewport } from '../lib/graph-viewport';
import { paintSnapshot, paintSnapshotLinks } from './graph-snapshot';
import { followTheme, graphStyle, highlightOnHover, nodeSize, webglAvailable } from './graph-style';
import { fillTitles } from './titles';
import { itemHref } from '../lib/site/urls';

declare global {
  interface Window {
    /** The drawn graph, for tests and for anyone scripting the page. */
    __graph?: Core;
  }
}

/** Past either size, cytoscape's first frame is slow enough to paint one ourselves first. */
const BIG_NODES = 1000;
const BIG_EDGES = 5000;
/** On a big graph, labels for the best-connected few at first, then for what is in view once zoomed in. */
const LABELS_AT_FIRST = 150;
const LABELS_IN_VIEW = 400;
const LABEL_ZOOM = 0.6;

/** Resolves once the frames drawn so far are on screen. */
const afterPaint = () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));

async function main(container: HTMLElement) {
  const status = document.querySelector<HTMLElement>('[data-graph-status]')!;
  const find = document.querySelector<HTMLFormElement>('[data-graph-find]')!;
  // A search asked for while the graph loads is kept and run once it can be.
  let pendingFind = false;
  const holdFind = (event: SubmitEvent) => {
    event.preventDefault();
    pendingFind = true;
    status.textContent = 'Loading the graph; the item will be found when it is in.';
  };
  find.addEventListener('submit', holdFind);
  // Cytoscape loads while the graph file downloads; neither waits for the other.
  const library = import('cytoscape');
  performance.mark('graph:fetch');
  const response = await fetch(container.dataset.src!);
  const compact = (await response.json()) as CompactGraph;
  const { nodes, edges } = expandCompactGraph(compact);
  performance.mark('graph:parsed');
  const big = nodes.length > BIG_NODES || edges.length > BIG_EDGES;
  const labelled = new Set(big ? [...nodes].sort((a, b) => b.degree - a.degree).slice(0, LABELS_AT_FIRST).map((n) => n.id) : nodes.map((n) => n.id));

  // `?focus=` opens centred on that item: the first frame and cytoscape start from the same view.
  const initial = new URL(location.href).searchParams.get('focus');
  const initialNode = initial ? nodes.find((n) => n.id === initial) : undefined;
  const { width, height } = container.getBoundingClientRect();
  let view = extentViewport(nodes, width, height);
  if (initialNode) view = focusViewport(initialNode, width, height, view.zoom);

  const ready = () => {
    container.setAttribute('data-graph-ready', '');
    performance.mark('graph:ready');
  };
  // `?webgl=0` forces the canvas renderer, for comparing the two or working around a faulty GPU driver.
  const webgl = webglAvailable() && new URL(location.href).searchParams.get('webgl') !== '0';
  let snapshot: HTMLCanvasElement | undefined;
  if (big) {
    snapshot = paintSnapshot(container, nodes, view, { labelled, focused: initialNode?.id });
    container.append(snapshot);
    performance.mark('graph:painted');
    await afterPaint();
    ready();
    paintSnapshotLinks(snapshot, nodes, compact.e, compact.types, view, webgl ? 1 : 0);
    performance.mark('graph:links-painted');
    // Cytoscape takes in the elements in one long task: let the links reach the screen before it starts.
    await afterPaint();
  }

  const elements: ElementDefinition[] = [];
  for (const n of nodes) {
    elements.push({ group: 'nodes', data: { id: n.id, label: n.title, kind: n.kind, stub: n.stub, degree: n.degree, size: nodeSize(n.degree) }, position: { x: n.x, y: n.y }, classes: labelled.has(n.id) ? 'labelled' : '' });
  }
  edges.forEach((e, i) => elements.push({ group: 'edges', data: { id: `e${i}`, source: e.source, target: e.target, type: e.type }, classes: big ? 'bulk' : '' }));

  const { default: cytoscape } = await library;
  const cy = cytoscape({
    container,
    elements,
    style: graphStyle(),
    // The viewport comes from the positions' extent: fitting would first measure every element's bounding box.
    layout: { name: 'preset', fit: false },
    ...view,
    minZoom: 0.002,
    maxZoom: 4,
    hideEdgesOnViewport: big,
    textureOnViewport: big,
    pixelRatio: big ? 1 : 'auto',
    // @ts-expect-error `webgl` is the canvas renderer's option; older typings lack it.
    renderer: { name: 'canvas', webgl },
    boxSelectionEnabled: false,
  });
  window.__graph = cy;
  performance.mark('graph:created');
  followTheme(cy);
  highlightOnHover(cy);

  if (big) labelInView(cy);

  // The painted first frame stays until cytoscape's own drawing is on screen, or the reader moves the view first.
  const dropSnapshot = () => {
    snapshot?.remove();
    snapshot = undefined;
  };
  cy.one('viewport tapstart mouseover', dropSnapshot);

  const form = document.querySelector<HTMLFormElement>('[data-graph-filters]')!;
  let filtered = false;
  const applyFilters = () => {
    const kinds = new Set(new FormData(form).getAll('kind'));
    const types = new Set(new FormData(form).getAll('type'));
    const hideStubs = new FormData(form).has('hide-stubs');
    const everything = kinds.size === form.querySelectorAll('[name="kind"]').length && types.size === form.querySelectorAll('[name="type"]').length && !hideStubs;
    if (everything && !filtered) {
      // Nothing to hide on first load: skip touching every element of a big graph.
      status.textContent = `Showing all ${cy.nodes().length} items and ${cy.edges().length} links.`;
      return;
    }
    filtered = true;
    dropSnapshot();
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        n.toggleClass('hidden', !kinds.has(n.data('kind')) || (hideStubs && n.data('stub')));
      });
      cy.edges().forEach((e) => {
        e.toggleClass('hidden', !types.has(e.data('type')));
      });
    });
    const shown = cy.nodes(':visible').length;
    status.textContent = `Showing ${shown} of ${cy.nodes().length} items and ${cy.edges(':visible').length} links.`;
  };
  form.addEventListener('change', applyFilters);
  applyFilters();

  const details = document.querySelector<HTMLElement>('[data-graph-focus]')!;
  const focus = (node: NodeSingular, animate = true) => {
    cy.nodes('.focused').removeClass('focused');
    node.addClass('focused');
    const view = { center: { eles: node }, zoom: Math.max(cy.zoom(), FOCUS_ZOOM) };
    if (animate) cy.animate(view, { duration: 300 });
    else cy.viewport({ zoom: view.zoom, pan: { x: 0, y: 0 } }).center(node);
    const url = new URL(location.href);
    url.searchParams.set('focus', node.id());
    history.replaceState(null, '', url);
    showFocus(details, node);
  };

  const input = find.querySelector('input')!;
  const byTitle = new Map(nodes.map((n) => [n.title.toLowerCase(), n.id]));
  fillTitles(document.querySelector<HTMLDataListElement>('#graph-titles'), nodes.map((n) => n.title));
  find.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input.value.trim().toLowerCase();
    if (!query) return;
    const id = byTitle.get(query) ?? nodes.find((n) => n.title.toLowerCase().includes(query))?.id;
    if (!id) {
      status.textContent = `No item matches “${input.value.trim()}”.`;
      return;
    }
    const node = cy.getElementById(id);
    if (node.hasClass('hidden')) node.removeClass('hidden');
    dropSnapshot();
    focus(node);
    status.textContent = `Found “${node.data('label')}”.`;
  });

  cy.on('tap', 'node', (event) => {
    location.href = itemHref(event.target.id());
  });

  if (initialNode) focus(cy.getElementById(initialNode.id), false);
  find.removeEventListener('submit', holdFind);
  if (pendingFind) find.requestSubmit();

  // Cytoscape draws on its own animation frame; two frames after ready, its drawing is on screen.
  cy.ready(async () => {
    await afterPaint();
    if (!big) ready();
    dropSnapshot();
    container.setAttribute('data-graph-complete', '');
    performance.mark('graph:complete');
  });
}

/** Once zoomed in, labels the nodes in view (a bounded number), so titles appear without labelling thousands. */
function labelInView(cy: Core) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  cy.on('viewport', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (cy.zoom() < LABEL_ZOOM) return;
      const { x1, x2, y1, y2 } = cy.extent();
      const inView = cy.nodes().filter((n) => {
        const p = n.position();
        return p.x >= x1 && p.x <= x2 && p.y >= y1 && p.y <= y2;
      });
      if (inView.length <= LABELS_IN_VIEW) cy.batch(() => inView.addClass('labelled'));
    }, 150);
  });
}

/** The focused item in words, with links: what the canvas shows, for keyboards and screen readers. */
function showFocus(panel: HTMLElement, node: NodeSingular) {
  const link = (n: NodeSingular) => {
    const a = document.createElement('a');
    a.href = itemHref(n.id());
    a.textContent = n.data('label');
    return a;
  };
  panel.replaceChildren();
  const heading = document.createElement('h2');
  heading.textContent = 'Focused item';
  const title = document.createElement('p');
  title.append(link(node), ` (${node.data('kind')}${node.data('stub') ? ', not written yet' : ''})`);
  const list = document.createElement('ul');
  list.className = 'plain-list';
  node.neighborhood('node').forEach((n) => {
    const li = document.createElement('li');
    li.append(link(n));
    list.append(li);
  });
  const count = document.createElement('p');
  count.textContent = `${node.neighborhood('node').length} connected items:`;
  panel.append(heading, title, count, list);
  panel.hidden = false;
}

const container = document.querySelector<HTMLElement>('[data-graph]');
if (container) void main(container);
