/**
 * An item's neighbourhood, drawn on demand and readable for hubs: the
 * neighbours grouped by link type, the groups that matter most drawn item
 * by item with labels, the long ones folded into a node ("133 inquiry
 * lines") that unfolds on click (src/lib/graph/local-groups.ts); a radial
 * layout with labels beside their nodes, placed without overlaps; the
 * evidence trail highlighted as a path.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { expandCompactGraph, type CompactGraph } from '../lib/graph/compact';
import { byLabelPriority } from '../lib/graph/labels';
import { planLocalGraph, type LocalNode } from '../lib/graph/local-groups';
import { adjacencyOf } from '../lib/graph/walks';
import { keepLabelsPlaced, placeNow } from './graph-labels';
import { extentViewport } from '../lib/graph/viewport';
import { followTheme, graphStyle, LABEL_MAX_WIDTH, lightUp, nodeSize } from './graph-style';
import { itemHref } from '../lib/site/urls';
import { GRAPH_DATA_PATH } from '../lib/site/data-manifest';
import { dataFiles } from './site-data';
import { count, text } from './interface-text';
import { groupLabel } from '../lib/site/interface-text/fill';

declare global {
  interface Window {
    __localGraph?: Core;
  }
}

export async function mountLocalGraph(details: HTMLElement): Promise<void> {
  const canvas = details.querySelector<HTMLElement>('[data-local-canvas]')!;
  const status = details.querySelector<HTMLElement>('[data-local-status]')!;
  const center = details.dataset.center!;
  // The evidence trail: "target|type" pairs of links from the centre (see LocalGraph.astro).
  const trail = new Set((details.dataset.trail ?? '').split(' ').filter(Boolean).map((pair) => `${center}|${pair}`));
  let graph: ReturnType<typeof expandCompactGraph>;
  try {
    graph = expandCompactGraph(await dataFiles.json<CompactGraph>(GRAPH_DATA_PATH));
  } catch {
    status.textContent = text.localGraph.failed;
    return;
  }
  const byId = new Map<string, LocalNode & { community: number }>(graph.nodes.map((n) => [n.id, { id: n.id, title: n.title, kind: n.kind, stub: n.stub, claim: n.claim, degree: n.degree, community: n.community }]));
  const adjacency = adjacencyOf(byId.keys(), graph.edges);

  let cy: Core | undefined;
  let stopTheme: (() => void) | undefined;
  const expanded = new Set<string>();
  let depth: 1 | 2 = 1;
  const draw = () => {
    // On a narrow canvas the ring stands upright and the labels are narrower, so they still fit beside their nodes.
    const narrow = canvas.clientWidth < 560;
    const maxWidth = narrow ? Math.max(80, Math.round(canvas.clientWidth * 0.3)) : LABEL_MAX_WIDTH;
    const side = Math.min(maxWidth + 32, canvas.clientWidth * 0.4);
    const plan = planLocalGraph(adjacency, byId, center, { depth, expanded });
    const stretch = narrow ? Math.max(1, (canvas.clientHeight - 52) / Math.max(60, canvas.clientWidth - 2 * side)) : 1;
    for (const p of [...plan.items, ...plan.groups]) p.y *= stretch;
    const elements: ElementDefinition[] = [];
    const c = byId.get(center)!;
    elements.push({ data: { id: center, label: c.title, kind: c.kind, stub: c.stub, written: !c.stub, size: nodeSize(c.degree, c.stub) + 6, degree: c.degree, community: c.community }, position: { x: 0, y: 0 }, classes: 'focused' });
    for (const item of plan.items) {
      const n = byId.get(item.id)!;
      elements.push({ data: { id: item.id, label: n.title, kind: n.kind, stub: n.stub, written: !n.stub, claim: n.claim, depth: item.depth, size: Math.min(nodeSize(n.degree, n.stub), 26), degree: n.degree, align: item.align, community: n.community }, position: { x: item.x, y: item.y } });
    }
    for (const g of plan.groups) {
      elements.push({ data: { id: g.id, label: `${groupLabel(text.lang, text.localGraph, g)} ▸`, kind: 'group', size: 22, degree: g.members.length, align: g.align, members: g.members.length, depth: g.depth }, position: { x: g.x, y: g.y }, classes: 'group' });
    }
    plan.edges.forEach(({ source, target, type, group }, i) => {
      elements.push({ data: { id: `l${i}`, source, target, type }, classes: [group ? 'group' : '', trail.has(`${source}|${target}|${type}`) ? 'trail' : ''].join(' ').trim() });
    });
    stopTheme?.();
    cy?.destroy();
    const instance = cytoscape({
      container: canvas,
      elements,
      style: graphStyle({ colourBy: 'kind' }),
      layout: { name: 'preset', fit: false },
      minZoom: 0.2,
      maxZoom: 3,
      boxSelectionEnabled: false,
      autounselectify: true,
    });
    cy = instance;
    instance.scratch('labelMaxWidth', maxWidth);
    // Fitted with room on either side for the labels beside the nodes.
    instance.viewport(extentViewport(instance.nodes().map((n) => n.position()), instance.width(), instance.height(), { left: side, right: side, top: 24, bottom: 28, maxZoom: 1.6 }));
    instance.edges('.trail').connectedNodes().addClass('trail');
    // Labels: the centre, then trail items, then groups, then the items in the plan's order (the nearest groups'
    // best-ranked first: a hub's cited items before its long tail); hovered neighbourhoods always.
    const planned = new Map(plan.items.map((item, i) => [item.id, i]));
    const rank = (id: string) => (id === center ? 0 : instance.getElementById(id).hasClass('trail') ? 1 : instance.getElementById(id).hasClass('group') ? 2 : 3);
    const ordered = instance
      .nodes()
      .toArray()
      .sort(
        (a, b) =>
          rank(a.id()) - rank(b.id()) ||
          (planned.get(a.id()) ?? Infinity) - (planned.get(b.id()) ?? Infinity) ||
          (byId.has(a.id()) && byId.has(b.id()) ? byLabelPriority(byId.get(a.id())!, byId.get(b.id())!) : 0),
      );
    const forced = new Set<string>([center]);
    let hood: Set<string> | undefined;
    const labels = { ordered: () => ordered, forced: () => forced, first: () => hood };
    keepLabelsPlaced(instance, labels);
    placeNow(instance, labels);
    instance.on('mouseover', 'node', (event) => {
      hood = new Set(event.target.closedNeighborhood('node').map((n: { id(): string }) => n.id()));
      lightUp(instance, [event.target.id()], true);
      placeNow(instance, labels);
    });
    instance.on('mouseout', 'node', () => {
      hood = undefined;
      lightUp(instance, undefined, true);
      placeNow(instance, labels);
    });
    instance.on('tap', 'node.group', (event) => {
      expanded.add(event.target.id());
      draw();
    });
    instance.on('tap', 'node', (event) => {
      const id = event.target.id();
      if (id !== center && !event.target.hasClass('group')) location.href = itemHref(id);
    });
    stopTheme = followTheme(() => {
      instance.style(graphStyle({ colourBy: 'kind' }));
      placeNow(instance, labels);
    });
    window.__localGraph = instance;
    const shown = plan.items.length;
    const folded = plan.groups.reduce((s, g) => s + g.members.length, 0);
    const foldedText = plan.groups.length > 0 ? count(text.localGraph.folded, plan.groups.length, { folded }) : '';
    status.textContent = count(text.localGraph.drawn, shown, { folded: foldedText });
    canvas.setAttribute('data-graph-ready', '');
  };

  details.querySelectorAll<HTMLInputElement>('input[name="local-depth"]').forEach((radio) =>
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      depth = radio.value === '2' ? 2 : 1;
      draw();
    }),
  );
  depth = details.querySelector<HTMLInputElement>('input[name="local-depth"]:checked')?.value === '2' ? 2 : 1;
  draw();
}
