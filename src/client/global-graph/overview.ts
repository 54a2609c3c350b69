/**
 * The overview of a big graph: from `OVERVIEW_FROM` items on (src/lib/graph/compact.ts), `/graph/` opens
 * on the communities the build found, one node each, sized by how many items it holds, placed at the
 * centre of its items' build-time positions and named by its most linked item; a line joins two
 * communities that link, as thick as the links between them are many. Everything comes from
 * `/graph/communities.json`, a few kilobytes, so the overview is up long before the whole graph file.
 *
 * Opening a community (a click, Enter on the one with keyboard focus, or its button in the legend) starts
 * the whole graph (start.ts) on that community's items alone, the way the graph shows every item
 * below the threshold, and puts `?community=<index>` in the address. "All communities", Escape with
 * nothing selected, or the browser's Back returns to the overview.
 *
 * All the overview knows is one explicit state object (`OverviewState`); the functions below read and
 * change it, and nothing else is kept between events.
 */
import type { Core, ElementDefinition, StylesheetJson } from 'cytoscape';
import { readOverview, type CompactOverview, type OverviewCommunity } from '../../lib/graph/compact';
import { extentViewport } from '../../lib/graph/viewport';
import { GRAPH_OVERVIEW_PATH } from '../../lib/site/data-manifest';
import { dataFiles } from '../site-data';
import { keepLabelsPlaced, placeNow, type LabelSource } from '../graph-labels';
import { afterPaint, communityVar, cssVar, followTheme, labelStyle } from '../graph-style';
import { count, fill, text } from '../interface-text';

declare global {
  interface Window {
    /** The overview drawn (a cytoscape core of one node per community), for tests and the console. */
    graphOverview?: Core;
  }
}

/** What the overview asks of the whole graph when it starts it (start.ts `startGlobalGraph`). */
export interface GraphOptions {
  /** Show only the items of these communities, from the first frame on. */
  only?: ReadonlySet<number>;
  /** Show only the community of the `?focus=` item (a shared address opened on the overview). */
  onlyFocused?: boolean;
  /** Called when the graph shows another community by itself: Find, or a link in the side panel, reached an item outside the one shown. */
  onCommunity?: (community: number) => void;
  /** Started from the overview, which owns the legend and the choice of community: the graph neither fills the legend nor offers communities as presets. */
  fromOverview?: boolean;
}

/** The drawn graph, for the overview to show another community in it. */
export interface GraphHandle {
  /** Shows only the items of these communities (`undefined`: every item), fitted to the view. */
  showOnly(only: ReadonlySet<number> | undefined): void;
  /** The community of an item, by id; undefined when there is no such item. */
  communityOf(id: string): number | undefined;
}

export type StartGraph = (container: HTMLElement, options: GraphOptions) => Promise<GraphHandle>;

/** Everything the overview knows. */
export interface OverviewState {
  page: HTMLElement;
  /** The whole graph's canvas, hidden while the overview shows. */
  graphCanvas: HTMLElement;
  /** The overview's canvas. */
  canvas: HTMLElement;
  back: HTMLButtonElement;
  /** Names the community shown, beside the back button. */
  where: HTMLElement;
  status: HTMLElement;
  communities: OverviewCommunity[];
  between: { a: number; b: number; links: number }[];
  items: number;
  links: number;
  /** The overview drawn: cytoscape over the communities. */
  cy: Core;
  /** The community shown alone, or undefined on the overview. */
  open: number | undefined;
  /** Whether opening it added an entry to the browser's history (Back then returns to the overview). */
  entered: boolean;
  /** The community with keyboard focus (or hovered) on the overview. */
  focused: number | undefined;
  /** The whole graph, started the first time a community opens. */
  graph: Promise<GraphHandle> | undefined;
  start: StartGraph;
}

/** Model units across the overview's drawing: the build's positions are scaled to it, so sizes and line widths read as pixels at a zoom near 1. */
const SPAN = 1000;
/** The largest community's disc, at most, as a share of the drawing. */
const LARGEST = 0.32;
/** The smallest disc, as a share of the drawing, so that a community of one item can still be hit. */
const SMALLEST = 0.012;
/** Lines between communities drawn at most: the ones with the most links. */
const MAX_LINES = 3000;
/** Labels on screen at most. */
const MAX_LABELS = 40;

/**
 * Positions and diameters of the overview's discs, in model units: the
 * build's centres scaled to `SPAN`, each disc's area proportional to its
 * community's size, as large as the biggest communities allow without two
 * of them (among the 40 largest) overlapping, and never larger than
 * `LARGEST` of the drawing nor smaller than `SMALLEST`.
 */
export function overviewGeometry(communities: readonly { size: number; x: number; y: number }[]): { x: number; y: number; diameter: number }[] {
  if (communities.length === 0) return [];
  const xs = communities.map((c) => c.x);
  const ys = communities.map((c) => c.y);
  const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const scale = extent > 0 ? SPAN / extent : 1;
  const [cx, cy] = [(Math.max(...xs) + Math.min(...xs)) / 2, (Math.max(...ys) + Math.min(...ys)) / 2];
  const placed = communities.map((c) => ({ x: (c.x - cx) * scale, y: (c.y - cy) * scale, root: Math.sqrt(c.size) }));
  const largest = Math.max(...placed.map((p) => p.root));
  // Diameter = k · √size: the largest k for which no two of the biggest discs overlap.
  let k = (LARGEST * SPAN) / largest;
  const big = placed.slice(0, 40);
  for (let i = 0; i < big.length; i++) {
    for (let j = i + 1; j < big.length; j++) {
      const d = Math.hypot(big[i].x - big[j].x, big[i].y - big[j].y);
      if (d > 0) k = Math.min(k, (0.92 * 2 * d) / (big[i].root + big[j].root));
    }
  }
  return placed.map((p) => ({ x: p.x, y: p.y, diameter: Math.max(SMALLEST * SPAN, k * p.root) }));
}

/** Starts the page on the overview: reads the overview file, draws it, and opens a community asked for in the address. */
export async function startOverview(graphCanvas: HTMLElement, start: StartGraph): Promise<OverviewState> {
  const page = graphCanvas.closest<HTMLElement>('[data-graph-page]')!;
  const canvas = page.querySelector<HTMLElement>('[data-graph-overview]')!;
  const back = page.querySelector<HTMLButtonElement>('[data-graph-back]')!;
  const status = page.querySelector<HTMLElement>('[data-graph-status]')!;
  const where = page.querySelector<HTMLElement>('[data-graph-community]')!;
  page.dataset.at = 'overview';
  graphCanvas.hidden = true;
  canvas.hidden = false;
  const library = import('cytoscape');
  const data = readOverview(await dataFiles.json<CompactOverview>(GRAPH_OVERVIEW_PATH));
  const { default: cytoscape } = await library;
  const geometry = overviewGeometry(data.communities);
  const strongest = [...data.between].sort((p, q) => q.links - p.links).slice(0, MAX_LINES);
  const most = Math.max(1, ...strongest.map((p) => p.links));
  const elements: ElementDefinition[] = [
    ...data.communities.map((c, i): ElementDefinition => ({
      group: 'nodes',
      data: { id: `c${i}`, label: c.name, written: true, size: geometry[i].diameter, index: i, colour: communityVar(i) },
      position: { x: geometry[i].x, y: geometry[i].y },
    })),
    ...strongest.map((p, i): ElementDefinition => ({ group: 'edges', data: { id: `b${i}`, source: `c${p.a}`, target: `c${p.b}`, width: 1 + 7 * Math.sqrt(p.links / most), links: p.links } })),
  ];
  const cy = cytoscape({ container: canvas, elements, style: overviewStyle(), layout: { name: 'preset', fit: false }, minZoom: 0.05, maxZoom: 40, boxSelectionEnabled: false, autounselectify: true, autoungrabify: true });
  window.graphOverview = cy;
  const state: OverviewState = { page, graphCanvas, canvas, back, where, status, communities: data.communities, between: data.between, items: data.items, links: data.links, cy, open: undefined, entered: false, focused: undefined, graph: undefined, start };
  fitOverview(state);
  const labels: LabelSource = {
    ordered: () => cy.nodes().sort((a, b) => a.data('index') - b.data('index')),
    forced: () => new Set(state.focused === undefined ? [] : [`c${state.focused}`]),
    max: MAX_LABELS,
  };
  const placeSoon = keepLabelsPlaced(cy, labels);
  placeNow(cy, labels);
  followTheme(() => {
    cy.style(overviewStyle());
    placeSoon();
  });
  fillLegend(page, data.communities.map((c) => ({ ...c, title: c.name })), (c) => openCommunity(state, c, { focus: false }));
  listen(state, () => placeNow(cy, labels));
  new ResizeObserver(() => {
    if (state.open !== undefined || canvas.clientWidth === 0) return;
    cy.resize();
    fitOverview(state);
  }).observe(canvas);

  const url = new URL(location.href);
  const asked = Number(url.searchParams.get('community') ?? NaN);
  if (Number.isInteger(asked) && asked >= 0 && asked < data.communities.length) openCommunity(state, asked, { push: false, focus: false });
  else if (url.searchParams.has('focus')) openFocused(state);
  else showOverview(state, { push: false });
  await afterPaint();
  // The same marks as the whole graph's, so that the page's timings (npm run bench) read the first view, whichever it is.
  for (const mark of ['data-overview-ready', 'data-graph-ready', 'data-graph-interactive', 'data-graph-complete']) canvas.setAttribute(mark, '');
  performance.mark('graph:overview-ready');
  return state;
}

function overviewStyle(): StylesheetJson {
  const bg = cssVar('--bg');
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': cssVar('--community-other'),
        'background-opacity': 0.88,
        'border-width': 1.5,
        'border-color': bg,
        color: cssVar('--fg'),
        ...labelStyle(bg),
        'font-weight': 600,
      },
    },
    ...Array.from({ length: 10 }, (_, i) => ({ selector: `node[index = ${i}]`, style: { 'background-color': cssVar(communityVar(i)) } })),
    { selector: 'node.labelled', style: { label: 'data(shown)' } },
    { selector: 'node.focused', style: { 'border-width': 4, 'border-color': cssVar('--focus'), 'z-index': 10 } },
    { selector: 'edge', style: { width: 'data(width)', 'line-color': cssVar('--fg-soft'), opacity: 0.3, 'curve-style': 'haystack' } },
    { selector: 'edge.lit', style: { opacity: 0.8, 'line-color': cssVar('--focus') } },
  ] as StylesheetJson;
}

/** Fits the overview below the control bar, clear of the open legend on a wide window. */
function fitOverview(state: OverviewState): void {
  const { cy, page, canvas } = state;
  const bar = page.querySelector<HTMLElement>('[data-graph-bar]');
  const top = Math.max(0, (bar?.getBoundingClientRect().bottom ?? 0) - canvas.getBoundingClientRect().top);
  const legend = page.querySelector<HTMLDetailsElement>('[data-legend-communities]');
  const left = legend?.open && canvas.clientWidth >= 1000 ? legend.getBoundingClientRect().width : 0;
  const discs = cy.nodes().toArray().flatMap((n) => {
    const { x, y } = n.position();
    const r = n.data('size') / 2;
    return [{ x: x - r, y: y - r }, { x: x + r, y: y + r + 20 }];
  });
  cy.viewport(extentViewport(discs, canvas.clientWidth, canvas.clientHeight, { top: top + 24, right: 24, bottom: 24, left: left + 24, maxZoom: 3 }));
}

/** Pointer and keyboard on the overview, the back button, Escape and the browser's Back. */
function listen(state: OverviewState, relabel: () => void): void {
  const { cy, canvas, back, graphCanvas } = state;
  cy.on('tap', 'node', (event) => openCommunity(state, event.target.data('index'), { focus: false }));
  cy.on('mouseover', 'node', (event) => {
    canvas.style.cursor = 'pointer';
    focusCommunity(state, event.target.data('index'), relabel);
  });
  cy.on('mouseout', 'node', () => {
    canvas.style.cursor = '';
  });
  canvas.addEventListener('keydown', (event) => {
    const arrows: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    if (event.key in arrows) {
      event.preventDefault();
      focusCommunity(state, state.focused === undefined ? 0 : toward(state, state.focused, arrows[event.key]), relabel);
    } else if ((event.key === 'Enter' || event.key === ' ') && state.focused !== undefined) {
      event.preventDefault();
      openCommunity(state, state.focused);
    }
  });
  back.addEventListener('click', () => leaveCommunity(state));
  // Escape in a community with nothing selected (the graph clears a selection first, and says so by preventing the default).
  graphCanvas.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) leaveCommunity(state);
  });
  addEventListener('popstate', () => {
    const asked = Number(new URL(location.href).searchParams.get('community') ?? NaN);
    state.entered = false;
    if (Number.isInteger(asked) && asked >= 0 && asked < state.communities.length) openCommunity(state, asked, { push: false, focus: false });
    else showOverview(state, { push: false });
  });
}

/** The community whose centre lies most nearly in direction `dir` from `from` (within 70°), nearest first on ties; `from` when none does. */
function toward(state: OverviewState, from: number, dir: [number, number]): number {
  const a = state.cy.getElementById(`c${from}`).position();
  let best = from;
  let bestScore = Infinity;
  state.cy.nodes().forEach((n) => {
    const i = n.data('index') as number;
    const score = i === from ? undefined : towardScore(a, n.position(), dir);
    if (score !== undefined && score < bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

/** How well `to` lies in direction `dir` from `from`, lower is better (the angle first, then the distance); undefined beyond 70°. */
export function towardScore(from: { x: number; y: number }, to: { x: number; y: number }, [dx, dy]: [number, number]): number | undefined {
  const [vx, vy] = [to.x - from.x, to.y - from.y];
  const dist = Math.hypot(vx, vy) || 1;
  const angle = Math.acos(Math.max(-1, Math.min(1, (vx * dx + vy * dy) / dist)));
  return angle > (70 * Math.PI) / 180 ? undefined : angle * 4 + Math.log(dist + 1);
}

/** Gives a community the keyboard focus: ringed, labelled, its lines lit, and named in the status line. */
function focusCommunity(state: OverviewState, index: number, relabel: () => void): void {
  const { cy } = state;
  state.focused = index;
  cy.batch(() => {
    cy.elements('.focused, .lit').removeClass('focused lit');
    const node = cy.getElementById(`c${index}`);
    node.addClass('focused');
    node.connectedEdges().addClass('lit');
  });
  relabel();
  const c = state.communities[index];
  const linked = state.between.filter((p) => p.a === index || p.b === index).length;
  state.status.textContent = count(text.graph.communityStatus, linked, { name: c.name, size: c.size.toLocaleString(text.lang) });
}

/**
 * Shows one community's items in the whole graph, starting the graph the first time. `push`: add an entry
 * to the browser's history (not when the address already says so); `focus`: move the keyboard focus to
 * the graph (not after a pointer's click, which would ring the canvas).
 */
export function openCommunity(state: OverviewState, index: number, options: { push?: boolean; focus?: boolean } = {}): void {
  const only = new Set([index]);
  setOpen(state, index, options.push ?? true);
  if (options.focus ?? true) state.graphCanvas.focus({ preventScroll: true });
  if (state.graph) void state.graph.then((graph) => graph.showOnly(only));
  else state.graph = state.start(state.graphCanvas, { only, onCommunity: (c) => setOpen(state, c, false), fromOverview: true });
}

/** A shared `?focus=` address: the graph starts on the focused item's community. */
function openFocused(state: OverviewState): void {
  state.page.dataset.at = 'community';
  state.canvas.hidden = true;
  state.graphCanvas.hidden = false;
  state.back.hidden = false;
  state.graph = state.start(state.graphCanvas, { onlyFocused: true, onCommunity: (c) => setOpen(state, c, false), fromOverview: true });
  void state.graph.then((graph) => {
    const focus = new URL(location.href).searchParams.get('focus');
    const c = focus ? graph.communityOf(focus) : undefined;
    if (c === undefined) showOverview(state, { push: false });
    else setOpen(state, c, false);
  });
}

/** The page's state and address for community `index` shown alone. */
function setOpen(state: OverviewState, index: number, push: boolean): void {
  state.open = index;
  state.page.dataset.at = 'community';
  state.canvas.hidden = true;
  state.graphCanvas.hidden = false;
  state.back.hidden = false;
  state.back.textContent = text.graph.allCommunities;
  const url = new URL(location.href);
  if (url.searchParams.get('community') !== String(index)) {
    url.searchParams.set('community', String(index));
    if (push) {
      url.searchParams.delete('focus');
      history.pushState(null, '', url);
      state.entered = true;
    } else history.replaceState(null, '', url);
  }
  const c = state.communities[index];
  state.graphCanvas.setAttribute('aria-label', fill(text.graph.communityLabel, { name: c.name, size: c.size }));
  state.where.hidden = false;
  state.where.textContent = c.name;
  state.where.title = fill(text.graph.communityLabel, { name: c.name, size: c.size.toLocaleString(text.lang) });
}

/** Back to the overview: through the browser's history when opening added an entry, so that Back and this agree. */
function leaveCommunity(state: OverviewState): void {
  if (state.open === undefined) return;
  if (state.entered) history.back();
  else showOverview(state, { push: true });
}

function showOverview(state: OverviewState, options: { push: boolean }): void {
  const was = state.open;
  state.open = undefined;
  state.entered = false;
  state.page.dataset.at = 'overview';
  state.graphCanvas.hidden = true;
  state.canvas.hidden = false;
  state.back.hidden = true;
  state.where.hidden = true;
  // The side panel belongs to the graph's selection.
  state.page.querySelector<HTMLElement>('[data-graph-panel]')?.setAttribute('hidden', '');
  const url = new URL(location.href);
  if (url.searchParams.has('community') || url.searchParams.has('focus')) {
    url.searchParams.delete('community');
    url.searchParams.delete('focus');
    if (options.push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }
  state.cy.resize();
  fitOverview(state);
  state.status.textContent = fill(text.graph.overviewStatus, { communities: state.communities.length.toLocaleString(text.lang), items: state.items.toLocaleString(text.lang), links: state.links.toLocaleString(text.lang) });
  if (was !== undefined) {
    state.focused = was;
    state.cy.elements('.focused, .lit').removeClass('focused lit');
    state.cy.getElementById(`c${was}`).addClass('focused');
    state.canvas.focus({ preventScroll: true });
  }
}

/** The legend's communities: colour, name, size; a click shows that community (`show`). */
export function fillLegend(page: HTMLElement, communities: { index: number; size: number; title: string }[], show: (c: number) => void): void {
  const list = page.querySelector<HTMLElement>('[data-community-legend]');
  if (!list) return;
  const legend = list.closest<HTMLDetailsElement>('[data-legend-communities]')!;
  // On a phone the legend starts folded, leaving the graph the screen.
  if (matchMedia('(max-width: 700px)').matches) legend.open = false;
  const shown = communities.filter((c) => c.size > 1).slice(0, 10);
  if (shown.length < 2) {
    legend.querySelector('summary')!.textContent = text.graph.legend;
    return;
  }
  for (const c of shown) {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'community-button';
    const swatch = document.createElement('span');
    swatch.className = 'swatch node';
    swatch.style.background = `var(--community-${c.index})`;
    swatch.setAttribute('aria-hidden', 'true');
    const title = document.createElement('span');
    title.className = 'community-title';
    title.textContent = c.title;
    const size = document.createElement('span');
    size.className = 'community-size';
    size.textContent = `${c.size}`;
    button.append(swatch, title, size);
    button.title = fill(text.graph.onlyCommunity, { n: c.size });
    button.addEventListener('click', () => show(c.index));
    li.append(button);
    list.append(li);
  }
}
