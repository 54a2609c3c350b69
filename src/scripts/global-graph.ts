/**
 * The global graph: positions come precomputed from the build, so the
 * browser only draws (`preset` layout). Sized for thousands of nodes: WebGL
 * where available, edges hidden and a texture shown while panning, labels
 * only past a zoom level, one device pixel per CSS pixel on big graphs.
 */
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { expandCompactGraph, type CompactGraph } from '../lib/compact-graph';
import { followTheme, graphStyle, highlightOnHover, nodeSize, webglAvailable } from './graph-style';
import { fillTitles } from './titles';

declare global {
  interface Window {
    /** The drawn graph, for tests and for anyone scripting the page. */
    __graph?: Core;
  }
}

const BIG = 2000;
/** On a big graph, labels for the best-connected few at first, then for what is in view once zoomed in. */
const LABELS_AT_FIRST = 150;
const LABELS_IN_VIEW = 400;
const LABEL_ZOOM = 0.6;

async function main(container: HTMLElement) {
  const status = document.querySelector<HTMLElement>('[data-graph-status]')!;
  performance.mark('graph:fetch');
  const response = await fetch(container.dataset.src!);
  const { nodes, edges } = expandCompactGraph((await response.json()) as CompactGraph);
  performance.mark('graph:parsed');
  const big = nodes.length > BIG;
  const labelled = new Set(big ? [...nodes].sort((a, b) => b.degree - a.degree).slice(0, LABELS_AT_FIRST).map((n) => n.id) : nodes.map((n) => n.id));
  const elements: ElementDefinition[] = [];
  for (const n of nodes) {
    elements.push({ group: 'nodes', data: { id: n.id, label: n.title, kind: n.kind, stub: n.stub, degree: n.degree, size: nodeSize(n.degree) }, position: { x: n.x, y: n.y }, classes: labelled.has(n.id) ? 'labelled' : '' });
  }
  const edgeElements: ElementDefinition[] = edges.map((e, i) => ({ group: 'edges', data: { id: `e${i}`, source: e.source, target: e.target, type: e.type }, classes: big ? 'bulk' : '' }));
  // A big graph paints its nodes first and adds its links a frame later: the links cost most of a first frame.
  if (!big) elements.push(...edgeElements);

  // `?webgl=0` forces the canvas renderer, for comparing the two or working around a faulty GPU driver.
  const webgl = webglAvailable() && new URL(location.href).searchParams.get('webgl') !== '0';
  const cy = cytoscape({
    container,
    elements,
    style: graphStyle(),
    // The viewport comes from the positions' extent: fitting would first measure every element's bounding box.
    layout: { name: 'preset', fit: false },
    ...initialViewport(nodes, container),
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
    const view = { center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) };
    if (animate) cy.animate(view, { duration: 300 });
    else cy.viewport({ zoom: view.zoom, pan: { x: 0, y: 0 } }).center(node);
    const url = new URL(location.href);
    url.searchParams.set('focus', node.id());
    history.replaceState(null, '', url);
    showFocus(details, node);
  };

  const find = document.querySelector<HTMLFormElement>('[data-graph-find]')!;
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
    focus(node);
    status.textContent = `Found “${node.data('label')}”.`;
  });

  cy.on('tap', 'node', (event) => {
    location.href = `/${event.target.id()}/`;
  });

  const initial = new URL(location.href).searchParams.get('focus');
  if (initial && cy.getElementById(initial).nonempty()) focus(cy.getElementById(initial), false);

  // Cytoscape draws on its own animation frame; two frames after ready, the first paint is on screen.
  const afterPaint = (then: () => void) => requestAnimationFrame(() => requestAnimationFrame(then));
  cy.ready(() =>
    afterPaint(() => {
      container.setAttribute('data-graph-ready', '');
      performance.mark('graph:ready');
      if (!big) return container.setAttribute('data-graph-complete', '');
      setTimeout(() => {
        cy.add(edgeElements);
        applyFilters();
        afterPaint(() => {
          container.setAttribute('data-graph-complete', '');
          performance.mark('graph:complete');
        });
      });
    }),
  );
}

/** Zoom and pan that show every position, with a margin. */
function initialViewport(nodes: { x: number; y: number }[], container: HTMLElement): { zoom: number; pan: { x: number; y: number } } {
  if (nodes.length === 0) return { zoom: 1, pan: { x: 0, y: 0 } };
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const { x, y } of nodes) {
    [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
  }
  const margin = 40;
  const { width, height } = container.getBoundingClientRect();
  const zoom = Math.min(1, (width - 2 * margin) / Math.max(maxX - minX, 1), (height - 2 * margin) / Math.max(maxY - minY, 1));
  return { zoom, pan: { x: width / 2 - zoom * (minX + maxX) / 2, y: height / 2 - zoom * (minY + maxY) / 2 } };
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
    a.href = `/${n.id()}/`;
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
