/**
 * The global graph. Positions and communities come from the build, so the
 * browser only draws. The canvas fills the window under the header; the
 * find box, view presets, filters and legend sit over it, and a click
 * opens a side panel on the item rather than leaving the page.
 *
 * Up to 1,000 nodes and 5,000 links cytoscape draws everything. Past that,
 * the painter (graph-snapshot.ts) draws every node and link on a canvas of
 * its own (first, before cytoscape is even loaded), and cytoscape holds and
 * draws on top only what is shown in detail: the labelled items, what is
 * hovered or selected with its neighbours and links. Pointer events are
 * matched to items with a grid over the positions. Cytoscape measured here
 * spends 60–700 ms a frame on 15,000 nodes even when they are transparent,
 * and seconds on 150,000 links; a few hundred elements cost it nothing, so
 * no task runs long and the page answers as soon as cytoscape is loaded.
 */
import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import { edgeAt, overviewFrom, readCompactGraph, type CompactGraph, type EdgeColumns, type ExpandedNode } from '../lib/graph/compact';
import { extentViewport, FOCUS_ZOOM, type Viewport } from '../lib/graph/viewport';
import { byLabelPriority, placeLabels, type LabelCandidate } from '../lib/graph/labels';
import { keepLabelsPlaced, labelText, labelWidth, placeNow } from './graph-labels';
import { GraphPanel } from './graph-panel';
import { GraphPainter, nextSlice, type PaintEdges, type PaintNode } from './graph-snapshot';
import {
  afterPaint,
  EDGE_VARS,
  followTheme,
  graphStyle,
  LABEL_HEIGHT,
  LABEL_OFFSET,
  nextFrame,
  nodeColourVar,
  nodeSize,
  STANCE_VARS,
  webglAvailable,
  type ColourBy,
} from './graph-style';
import { fillTitles } from './titles';
import { itemHref } from '../lib/site/urls';
import { fillLegend, startOverview, towardScore, type GraphHandle, type GraphOptions } from './graph-overview';

declare global {
  interface Window {
    /** The drawn graph (a cytoscape core), for tests and for anyone exploring in the console. */
    graphView?: Core;
  }
}

/** Past either size, the painter draws the bulk of the graph and cytoscape only what is looked at. */
const BIG_NODES = 1000;
const BIG_EDGES = 5000;
/** Most labels on screen at once, besides those of what is hovered or selected. */
const MAX_LABELS = 40;
/** How many labels cytoscape holds after each of its first frames on a big graph. */
const FIRST_LABEL_STEPS = [4, 10, 17, 24, 32, MAX_LABELS];
/** Space kept around the drawing when it is fitted. */
const FIT_MARGIN = 28;

interface Filters {
  kinds: Set<string>;
  types: Set<string>;
  stances: Set<string>;
  hideStubs: boolean;
  preset: string;
}

export async function startGlobalGraph(container: HTMLElement, options: GraphOptions = {}): Promise<GraphHandle> {
  const page = container.closest<HTMLElement>('[data-graph-page]')!;
  const status = page.querySelector<HTMLElement>('[data-graph-status]')!;
  const find = page.querySelector<HTMLFormElement>('[data-graph-find]')!;
  const bar = page.querySelector<HTMLElement>('[data-graph-bar]')!;
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
  const { nodes, links, communities } = readCompactGraph(compact);
  performance.mark('graph:parsed');
  const big = nodes.length > BIG_NODES || links.count > BIG_EDGES;
  const indexOf = new Map(nodes.map((n, i) => [n.id, i]));
  const order = nodes.map((_, i) => i).sort((a, b) => byLabelPriority(nodes[a], nodes[b]));
  const sizes = nodes.map((n) => nodeSize(n.degree, n.stub));
  // Each node's links, by index into the link columns.
  const linksOf: number[][] = nodes.map(() => []);
  for (let l = 0; l < links.count; l++) {
    linksOf[links.source[l]].push(l);
    linksOf[links.target[l]].push(l);
  }
  const hasStances = links.stance.some((k) => k >= 0);
  let colourBy: ColourBy = communities.length > 1 ? 'community' : 'kind';

  const panel = new GraphPanel(page, { nodes, links, linksOf, communities });
  // Opened from the overview of communities, the overview owns the legend and the choice of community.
  if (options.fromOverview) page.querySelector('[data-preset-communities]')?.remove();
  else {
    fillLegend(page, communities, (c) => setPreset(`community:${c}`));
    fillPresets(page, communities);
  }
  if (hasStances) page.querySelector<HTMLElement>('[data-stance-filters]')?.removeAttribute('hidden');
  page.querySelector<HTMLInputElement>(`input[name="colour-by"][value="${colourBy}"]`)!.checked = true;
  if (communities.length <= 1) page.querySelector<HTMLElement>('[data-colour-by]')?.setAttribute('hidden', '');

  // The first view: every item, fitted below the controls; or `?focus=`, centred on that item.
  const initial = new URL(location.href).searchParams.get('focus');
  const initialIndex = initial ? indexOf.get(initial) : undefined;
  const { width, height } = container.getBoundingClientRect();
  const fitTo = (points: Iterable<{ x: number; y: number }>, w = container.clientWidth, h = container.clientHeight): Viewport => {
    const barBottom = Math.max(0, bar.getBoundingClientRect().bottom - container.getBoundingClientRect().top);
    // On a wide window the drawing keeps clear of the open legend in the lower left.
    const legend = page.querySelector<HTMLDetailsElement>('[data-legend-communities]');
    const legendWidth = legend?.open && !legend.hidden && w >= 1000 ? legend.getBoundingClientRect().width : 0;
    return extentViewport(points, w, h, { top: barBottom + FIT_MARGIN, right: FIT_MARGIN, bottom: FIT_MARGIN + 8, left: legendWidth + FIT_MARGIN, maxZoom: 2.5 });
  };
  // What is shown: filters, presets and the community opened decide; the painter and cytoscape both read these flags.
  const nodeHidden = new Array<boolean>(nodes.length).fill(false);
  const edgeHidden = new Uint8Array(links.count);
  const form = page.querySelector<HTMLFormElement>('[data-graph-filters]')!;
  const presetSelect = page.querySelector<HTMLSelectElement>('[data-graph-preset]')!;
  const readFilters = (): Filters => {
    const data = new FormData(form);
    return {
      kinds: new Set(data.getAll('kind').map(String)),
      types: new Set(data.getAll('type').map(String)),
      stances: new Set(data.getAll('stance').map(String)),
      hideStubs: data.has('hide-stubs'),
      preset: presetSelect.value,
    };
  };
  let only = options.onlyFocused && initialIndex !== undefined ? new Set([nodes[initialIndex].community]) : options.only;
  let evidence: ReturnType<typeof evidenceOf> | undefined;
  /** Sets the hidden flags for `f` and the community shown; true when any changed. */
  const hideFor = (f: Filters) => {
    if (f.preset === 'claims') evidence ??= evidenceOf(nodes, links);
    const community = f.preset.startsWith('community:') ? Number(f.preset.slice('community:'.length)) : undefined;
    let changed = false;
    nodes.forEach((n, i) => {
      const hide =
        !f.kinds.has(n.kind) ||
        (f.hideStubs && n.stub) ||
        (f.preset === 'written' && n.stub) ||
        (f.preset === 'claims' && !evidence!.nodes.has(i)) ||
        (community !== undefined && n.community !== community) ||
        (only !== undefined && !only.has(n.community));
      if (hide !== nodeHidden[i]) changed = true;
      nodeHidden[i] = hide;
    });
    for (let i = 0; i < links.count; i++) {
      const stance = links.stance[i];
      const hide =
        !f.types.has(links.types[links.type[i]]) ||
        (stance >= 0 && !f.stances.has(links.stances[stance])) ||
        nodeHidden[links.source[i]] ||
        nodeHidden[links.target[i]] ||
        (f.preset === 'claims' && !evidence!.edges.has(i));
      if (Number(hide) !== edgeHidden[i]) changed = true;
      edgeHidden[i] = Number(hide);
    }
    return changed;
  };
  // A community opened from the overview is the first frame, fitted to the view.
  if (only) hideFor(readFilters());
  const shownNodes = () => nodes.filter((_, i) => !nodeHidden[i]);
  let view = fitTo(only ? shownNodes() : nodes, width, height);
  if (initialIndex !== undefined) {
    const n = nodes[initialIndex];
    const z = Math.max(view.zoom, FOCUS_ZOOM);
    view = { zoom: z, pan: { x: width / 2 - z * n.x, y: height / 2 - z * n.y } };
  }

  let shown!: () => void;
  const firstFrameShown = new Promise<void>((done) => (shown = done));
  const ready = () => {
    container.setAttribute('data-graph-ready', '');
    performance.mark('graph:ready');
    shown();
  };

  const paintNodes: PaintNode[] = nodes.map((n, i) => ({ x: n.x, y: n.y, size: sizes[i], kind: n.kind, stub: n.stub, colour: nodeColourVar(n, colourBy), hidden: nodeHidden[i] }));
  const paintEdges = paintColumns(links, edgeHidden);

  const candidate = (i: number, zoom: number, pan: { x: number; y: number }): LabelCandidate => ({
    id: nodes[i].id,
    x: nodes[i].x * zoom + pan.x,
    y: nodes[i].y * zoom + pan.y,
    radius: (sizes[i] / 2) * zoom,
    // Measured only for the candidates placement tests: measuring text is the costly part (190 ms for 4,000 titles).
    get width() {
      return labelWidth(nodes[i].title, !nodes[i].stub);
    },
  });
  /** Label candidates of a big graph's view: the first few hundred items on screen, by priority, fill the labels a view can hold. */
  const onScreen = (zoom: number, pan: { x: number; y: number }, width: number, height: number) => {
    const out: LabelCandidate[] = [];
    for (const i of order) {
      if (nodeHidden[i]) continue;
      const x = nodes[i].x * zoom + pan.x;
      const y = nodes[i].y * zoom + pan.y;
      if (x < 0 || y < 0 || x > width || y > height) continue;
      out.push(candidate(i, zoom, pan));
      if (out.length >= 600) break;
    }
    return out;
  };

  let answer!: () => void;
  const answering = new Promise<void>((done) => (answer = done));
  let painter: GraphPainter | undefined;
  if (big) {
    painter = new GraphPainter(container);
    // The first frame carries the labels cytoscape will show, placed the same way.
    const candidates = onScreen(view.zoom, view.pan, width, height);
    // A shared `?focus=` item is labelled wherever it is.
    if (initialIndex !== undefined && !candidates.some((c) => c.id === initial)) candidates.unshift(candidate(initialIndex, view.zoom, view.pan));
    const boxes = placeLabels(candidates, { height: LABEL_HEIGHT, offset: LABEL_OFFSET, width, heightOfView: height, max: MAX_LABELS, forced: new Set(initial ? [initial] : []) });
    const labels = boxes.map((box) => {
      const n = nodes[indexOf.get(box.id)!];
      return { box, text: labelText(n.title, !n.stub), bold: !n.stub };
    });
    const links = painter.paint(paintNodes, paintEdges, view, labels, async () => {
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

  // `?webgl=1` asks for cytoscape's WebGL renderer: faster on a real GPU, slower than the canvas on a software one.
  const webgl = webglAvailable() && new URL(location.href).searchParams.get('webgl') === '1';
  const nodeElement = (n: ExpandedNode, i: number): ElementDefinition => ({
    group: 'nodes',
    data: { id: n.id, label: n.title, kind: n.kind, stub: n.stub, written: !n.stub, degree: n.degree, size: sizes[i], community: n.community, index: i },
    position: { x: n.x, y: n.y },
    classes: nodeHidden[i] ? 'hidden' : '',
  });
  const edgeElement = (i: number, classes = ''): ElementDefinition => {
    const e = edgeAt(links, nodes, i);
    return { group: 'edges', data: { id: `e${i}`, source: e.source, target: e.target, type: e.type, ...(e.stance ? { stance: e.stance } : {}) }, classes };
  };

  // On a big graph the painter's first frame comes before cytoscape, on any machine: the library loads
  // meanwhile, but building cytoscape first would hold up the frame the reader is waiting for.
  if (big) await firstFrameShown;
  const { default: cytoscape } = await library;
  const cy = cytoscape({
    container,
    elements: big ? [] : [...nodes.map(nodeElement), ...Array.from({ length: links.count }, (_, i) => edgeElement(i, edgeHidden[i] ? 'hidden' : ''))],
    style: graphStyle({ colourBy, drawsBulk: !big }),
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
  // Setting up comes in steps between frames, so that no one task holds the page.
  await nextFrame();
  window.graphView = cy;
  const orderedNodes = () => order.map((i) => cy.getElementById(nodes[i].id) as NodeSingular);

  // What is looked at: the hovered item, else the selected one; their neighbourhood is lit and labelled.
  let selected: number | undefined;
  let hovered: number | undefined;
  let forced = new Set<string>();
  let hood: Set<string> | undefined;
  const hoodOf = (i: number) => {
    const ids = new Set([nodes[i].id]);
    const lit: number[] = [];
    for (const l of linksOf[i]) {
      if (edgeHidden[l]) continue;
      lit.push(l);
      ids.add(nodes[links.source[l]].id);
      ids.add(nodes[links.target[l]].id);
    }
    return { ids, links: lit };
  };
  // On a big graph, cytoscape holds the nodes labelled or looked at, and nothing else.
  const ensure = (chosen: ReadonlySet<string>) => {
    const keep = new Set([...chosen, ...forced, ...(hood ?? [])]);
    if (selected !== undefined) keep.add(nodes[selected].id);
    cy.nodes().forEach((n) => {
      if (!keep.has(n.id())) n.remove();
    });
    const missing = [...keep].filter((id) => cy.getElementById(id).empty()).map((id) => indexOf.get(id)!);
    if (missing.length > 0) cy.add(missing.map((i) => nodeElement(nodes[i], i)));
  };
  const bigCandidates = (zoom: number, pan: { x: number; y: number }, width: number, height: number) => {
    const look = new Set([...forced, ...(hood ?? [])]);
    if (look.size === 0) return onScreen(zoom, pan, width, height);
    return [...look].map((id) => candidate(indexOf.get(id)!, zoom, pan));
  };
  const labels = big
    ? { ordered: () => [], candidates: bigCandidates, ensure, forced: () => forced, first: () => hood, max: MAX_LABELS }
    : { ordered: orderedNodes, forced: () => forced, first: () => hood, max: MAX_LABELS };
  const placeLabelsSoon = keepLabelsPlaced(cy, labels);
  const showLooked = () => {
    const i = hovered ?? selected;
    const looked = i === undefined ? undefined : hoodOf(i);
    forced = new Set(i === undefined ? [] : [nodes[i].id]);
    if (selected !== undefined) forced.add(nodes[selected].id);
    hood = looked?.ids;
    // Labels first: on a big graph this is also what brings the neighbourhood's nodes into cytoscape.
    placeNow(cy, labels);
    cy.batch(() => {
      cy.elements('.lit, .faded').removeClass('lit faded');
      if (big) cy.edges().remove();
      cy.nodes('.focused').removeClass('focused');
      if (selected !== undefined) cy.getElementById(nodes[selected].id).addClass('focused');
      if (!looked) return;
      if (big) cy.add(looked.links.map((l) => edgeElement(l, 'lit')));
      else looked.links.forEach((l) => cy.getElementById(`e${l}`).addClass('lit'));
      for (const id of looked.ids) cy.getElementById(id).addClass('lit');
      if (!big) cy.elements().not('.lit').addClass('faded');
    });
  };

  const applyColours = () => {
    paintNodes.forEach((p, i) => (p.colour = nodeColourVar(nodes[i], colourBy)));
    cy.style(graphStyle({ colourBy, drawsBulk: !big }));
    repaint();
  };
  followTheme(applyColours);

  // The painter follows the view: moved at once, painted again once the view settles.
  let repaintTimer: ReturnType<typeof setTimeout> | undefined;
  const repaint = () => {
    if (!painter) return;
    clearTimeout(repaintTimer);
    void painter.paint(paintNodes, paintEdges, { zoom: cy.zoom(), pan: cy.pan() });
  };
  if (painter) {
    cy.on('viewport', () => {
      painter!.follow({ zoom: cy.zoom(), pan: cy.pan() });
      clearTimeout(repaintTimer);
      repaintTimer = setTimeout(repaint, 140);
    });
  }

  // Filters and presets.
  let filtered = only !== undefined;
  const applyFilters = (refit: boolean) => {
    const f = readFilters();
    const everything = only === undefined && f.preset === 'all' && !f.hideStubs && f.kinds.size === form.querySelectorAll('[name="kind"]').length && f.types.size === form.querySelectorAll('[name="type"]').length && f.stances.size === form.querySelectorAll('[name="stance"]').length;
    if (everything && !filtered) {
      // Nothing hidden yet and nothing to hide: skip touching every element of a big graph.
      status.textContent = `Showing all ${nodes.length} items and ${links.count} links.`;
      return;
    }
    const changed = hideFor(f);
    paintNodes.forEach((p, i) => (p.hidden = nodeHidden[i]));
    const shown = nodeHidden.filter((h) => !h).length;
    const shownEdges = edgeHidden.reduce((n, h) => n + 1 - h, 0);
    filtered = true;
    status.textContent = shown === nodes.length && shownEdges === links.count ? `Showing all ${nodes.length} items and ${links.count} links.` : `Showing ${shown} of ${nodes.length} items and ${shownEdges} of ${links.count} links.`;
    if (!changed && !refit) return;
    if (!big) {
      cy.batch(() => {
        nodes.forEach((n, i) => cy.getElementById(n.id).toggleClass('hidden', nodeHidden[i]));
        for (let i = 0; i < links.count; i++) cy.getElementById(`e${i}`).toggleClass('hidden', edgeHidden[i] === 1);
      });
    }
    if (selected !== undefined && nodeHidden[selected]) select(undefined);
    if (refit && shown > 0) {
      const v = fitTo(shownNodes());
      cy.animate({ zoom: v.zoom, pan: v.pan }, { duration: 350 });
    } else {
      repaint();
      placeLabelsSoon();
    }
  };
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.name === 'colour-by') {
      colourBy = target.value as ColourBy;
      applyColours();
      return;
    }
    applyFilters(false);
  });
  function setPreset(value: string) {
    presetSelect.value = value;
    applyFilters(true);
  }
  presetSelect.addEventListener('change', () => applyFilters(true));
  applyFilters(false);
  await nextFrame();

  // Selection: the side panel, the address, the lit neighbourhood.
  const select = (i: number | undefined, options: { centre?: boolean; animate?: boolean } = {}) => {
    selected = i;
    const url = new URL(location.href);
    if (i === undefined) {
      url.searchParams.delete('focus');
      panel.close();
    } else {
      url.searchParams.set('focus', nodes[i].id);
      panel.show(i);
    }
    history.replaceState(null, '', url);
    showLooked();
    if (i !== undefined && options.centre) centreOn(nodes[i], options.animate ?? true);
  };
  /** Centres the item in the part of the canvas the side panel leaves free. */
  const centreOn = (p: { x: number; y: number }, animate: boolean) => {
    const zoom = Math.max(cy.zoom(), FOCUS_ZOOM);
    const panelBox = panel.box();
    const canvasBox = container.getBoundingClientRect();
    const besidePanel = panelBox && panelBox.height > canvasBox.height / 2;
    const freeWidth = besidePanel ? panelBox.left - canvasBox.left : cy.width();
    const freeHeight = panelBox && !besidePanel ? panelBox.top - canvasBox.top : cy.height();
    const pan = { x: freeWidth / 2 - zoom * p.x, y: freeHeight / 2 - zoom * p.y };
    if (animate) cy.animate({ zoom, pan }, { duration: 400, easing: 'ease-in-out-cubic' });
    else cy.viewport({ zoom, pan });
  };
  /** Shows a filtered-out item: everything again, or its community when one community is shown. */
  const reveal = (i: number) => {
    if (!nodeHidden[i]) return;
    form.reset();
    presetSelect.value = 'all';
    if (only && !only.has(nodes[i].community)) {
      only = new Set([nodes[i].community]);
      options.onCommunity?.(nodes[i].community);
    }
    applyFilters(false);
  };
  panel.onSelect = (i) => {
    reveal(i);
    select(i, { centre: true });
  };
  panel.onClose = () => {
    select(undefined);
    container.focus();
  };

  const open = (i: number) => {
    location.href = itemHref(nodes[i].id);
  };
  if (big) {
    // Pointer events matched to items on a grid over the positions: cytoscape holds only a few of them.
    const hit = hitTester(nodes, sizes, nodeHidden);
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
        if (i !== hovered) {
          hovered = i;
          container.style.cursor = i === undefined ? '' : 'pointer';
          showLooked();
        }
      });
      queued = event;
    });
    container.addEventListener('pointerleave', () => {
      if (hovered === undefined) return;
      hovered = undefined;
      showLooked();
    });
    let down: { x: number; y: number } | undefined;
    container.addEventListener('pointerdown', (event) => (down = { x: event.clientX, y: event.clientY }));
    container.addEventListener('click', (event) => {
      // A drag that panned the view is not a click.
      if (down && Math.hypot(event.clientX - down.x, event.clientY - down.y) > 4) return;
      select(at(event));
    });
    container.addEventListener('dblclick', (event) => {
      const i = at(event);
      if (i !== undefined) open(i);
    });
  } else {
    // A second tap on the same item within 400 ms opens it (cytoscape's own double tap misses fast clicks).
    let lastTap = { id: '', at: 0 };
    cy.on('tap', 'node', (event) => {
      const id = event.target.id();
      const now = Date.now();
      if (lastTap.id === id && now - lastTap.at < 400) open(indexOf.get(id)!);
      else select(indexOf.get(id));
      lastTap = { id, at: now };
    });
    cy.on('tap', (event) => {
      if (event.target === cy) select(undefined);
    });
    cy.on('mouseover', 'node', (event) => {
      hovered = indexOf.get(event.target.id());
      showLooked();
    });
    cy.on('mouseout', 'node', () => {
      hovered = undefined;
      showLooked();
    });
  }

  // Keyboard: Tab reaches the canvas, arrows walk to linked items, Enter opens, Esc clears.
  container.addEventListener('keydown', (event) => {
    const arrows: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    if (event.key in arrows) {
      event.preventDefault();
      if (selected === undefined) {
        const first = order.find((i) => !nodeHidden[i]);
        if (first !== undefined) select(first, { centre: true });
        return;
      }
      const next = neighbourToward(selected, arrows[event.key]);
      if (next === undefined) status.textContent = `No linked item that way from “${nodes[selected].title}”.`;
      else {
        const p = { x: nodes[next].x * cy.zoom() + cy.pan().x, y: nodes[next].y * cy.zoom() + cy.pan().y };
        select(next, { centre: p.x < 0 || p.y < 0 || p.x > cy.width() || p.y > cy.height() });
        status.textContent = `${nodes[next].title}: ${nodes[next].stub ? 'not written yet' : nodes[next].kind}, ${linksOf[next].length} links.`;
      }
    } else if (event.key === 'Enter' && selected !== undefined) {
      event.preventDefault();
      open(selected);
    } else if (event.key === 'Escape' && selected !== undefined) {
      event.preventDefault();
      select(undefined);
      status.textContent = 'Selection cleared.';
    }
  });
  /** The linked item whose direction from `from` is closest to `dir` (within 70°), nearest first on ties. */
  const neighbourToward = (from: number, dir: [number, number]) => {
    let best: number | undefined;
    let bestScore = Infinity;
    const a = nodes[from];
    for (const l of linksOf[from]) {
      if (edgeHidden[l]) continue;
      const other = links.source[l] === from ? links.target[l] : links.source[l];
      if (other === from || nodeHidden[other]) continue;
      const score = towardScore(a, nodes[other], dir);
      if (score !== undefined && score < bestScore) [best, bestScore] = [other, score];
    }
    return best;
  };

  // Find and centre.
  const input = find.querySelector('input')!;
  const byTitle = new Map(nodes.map((n, i) => [n.title.toLowerCase(), i]));
  void fillTitles(page.querySelector<HTMLDataListElement>('#graph-titles'), nodes.map((n) => n.title));
  find.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input.value.trim().toLowerCase();
    if (!query) return;
    const i = byTitle.get(query) ?? nodes.findIndex((n) => n.title.toLowerCase().includes(query));
    if (i === undefined || i < 0) {
      status.textContent = `No item matches “${input.value.trim()}”.`;
      return;
    }
    reveal(i);
    select(i, { centre: true });
    status.textContent = `Found “${nodes[i].title}”.`;
  });

  // Fit again when the window changes size, unless the reader has moved the view.
  let moved = false;
  cy.on('dragpan scrollzoom pinchzoom', () => (moved = true));
  let size = { w: container.clientWidth, h: container.clientHeight };
  new ResizeObserver(() => {
    // The first call only reports the size the graph was drawn at.
    if (container.clientWidth === size.w && container.clientHeight === size.h) return;
    size = { w: container.clientWidth, h: container.clientHeight };
    cy.resize();
    if (!moved && selected === undefined) {
      const v = fitTo(nodes.filter((_, i) => !nodeHidden[i]));
      cy.viewport(v);
    }
    repaint();
    placeLabelsSoon();
  }).observe(container);

  await nextFrame();
  if (initialIndex !== undefined) select(initialIndex, { centre: true, animate: false });
  else if (!big) placeNow(cy, labels);
  find.removeEventListener('submit', holdFind);
  if (pendingFind) find.requestSubmit();
  performance.mark('graph:interactive');
  container.setAttribute('data-graph-interactive', '');
  answer();
  if (big && initialIndex === undefined) {
    // Cytoscape's first labels cost it one long frame (229 ms for 32 labels in a trace: their textures and
    // the first run of its label code), so they come a few a frame, over the first frame's labels, which
    // stay until cytoscape's are all drawn. Placement is greedy by priority: each step keeps the boxes
    // before it. A reader who hovers or selects meanwhile, or a placement for a new view, ends the steps.
    for (const max of FIRST_LABEL_STEPS) {
      if (hovered !== undefined || selected !== undefined || cy.nodes('.labelled').length >= max) break;
      placeNow(cy, { ...labels, max });
      await afterPaint();
    }
  }
  painter?.dropLabels();

  // Cytoscape draws on its own animation frame; two frames on, its drawing is on screen.
  await afterPaint();
  if (!big) ready();
  container.setAttribute('data-graph-complete', '');
  performance.mark('graph:complete');
  return {
    showOnly(next) {
      only = next;
      if (selected !== undefined && only && !only.has(nodes[selected].community)) select(undefined);
      moved = false;
      cy.resize();
      applyFilters(true);
    },
    communityOf: (id) => {
      const i = indexOf.get(id);
      return i === undefined ? undefined : nodes[i].community;
    },
  };
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

/** Items with a claim, what they link to (their evidence), and any link that takes a stance. */
function evidenceOf(nodes: ExpandedNode[], links: EdgeColumns) {
  const keep = new Set<number>();
  const kept = new Set<number>();
  for (let i = 0; i < links.count; i++) {
    const s = links.source[i];
    const t = links.target[i];
    const type = links.types[links.type[i]];
    const fromClaim = nodes[s].claim && (type === 'cites' || type === 'related');
    if (fromClaim || links.stance[i] >= 0) {
      keep.add(s);
      keep.add(t);
      kept.add(i);
    }
  }
  nodes.forEach((n, i) => n.claim && keep.add(i));
  return { nodes: keep, edges: kept };
}

/** The painter's view of the links: each link's colour by stance, else by type, as an index into one palette. */
function paintColumns(links: EdgeColumns, hidden: Uint8Array): PaintEdges {
  const palette = [...links.types.map((t) => EDGE_VARS[t]), ...links.stances.map((s) => STANCE_VARS[s])];
  const colour = new Uint8Array(links.count);
  for (let i = 0; i < links.count; i++) colour[i] = links.stance[i] >= 0 ? links.types.length + links.stance[i] : links.type[i];
  return { count: links.count, source: links.source, target: links.target, colour, palette, hidden };
}

function fillPresets(page: HTMLElement, communities: { index: number; title: string; size: number }[]) {
  const group = page.querySelector<HTMLOptGroupElement>('[data-preset-communities]');
  if (!group) return;
  const shown = communities.filter((c) => c.size > 1).slice(0, 10);
  if (shown.length < 2) {
    group.remove();
    return;
  }
  for (const c of shown) {
    const option = document.createElement('option');
    option.value = `community:${c.index}`;
    option.textContent = `${c.title.length > 60 ? c.title.slice(0, 59) + '…' : c.title} (${c.size})`;
    group.append(option);
  }
}

const container = document.querySelector<HTMLElement>('[data-graph]');
if (container) {
  // From `OVERVIEW_FROM` items on (or `?overview-from=`), the page opens on the overview of communities.
  const items = Number(container.dataset.items);
  if (container.dataset.overviewSrc && items >= overviewFrom(location.search)) void startOverview(container, startGlobalGraph);
  else void startGlobalGraph(container);
}
