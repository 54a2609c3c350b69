/**
 * An item's neighbourhood, drawn on demand: rings by distance around the
 * item (a concentric layout is instant and reads well at this size), the
 * evidence trail highlighted as a path, a click opening the item.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { expandCompactGraph, type CompactGraph } from '../lib/compact-graph';
import { adjacencyOf, neighbourhood } from '../lib/paths';
import { followTheme, graphStyle, highlightOnHover, nodeSize } from './graph-style';
import { itemHref } from '../lib/site/urls';

declare global {
  interface Window {
    __localGraph?: Core;
  }
}

/** No more nodes than a small drawing shows legibly; nearer ones are kept first. */
const LIMIT = 150;

export async function mountLocalGraph(details: HTMLElement): Promise<void> {
  const canvas = details.querySelector<HTMLElement>('[data-local-canvas]')!;
  const status = details.querySelector<HTMLElement>('[data-local-status]')!;
  const center = details.dataset.center!;
  const trail = new Set((JSON.parse(details.dataset.trail || '[]') as [string, string, string][]).map(([s, t, type]) => `${s}|${t}|${type}`));
  let graph: ReturnType<typeof expandCompactGraph>;
  try {
    const response = await fetch(details.dataset.src!);
    if (!response.ok) throw new Error(String(response.status));
    graph = expandCompactGraph((await response.json()) as CompactGraph);
  } catch {
    status.textContent = 'The local graph could not be loaded.';
    return;
  }
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const adjacency = adjacencyOf(byId.keys(), graph.edges);

  let cy: Core | undefined;
  let stopTheme: (() => void) | undefined;
  const draw = (depth: number) => {
    const hood = neighbourhood(adjacency, center, depth, { limit: LIMIT });
    const elements: ElementDefinition[] = [];
    for (const [id, d] of hood.depth) {
      const n = byId.get(id)!;
      elements.push({ data: { id, label: n.title, kind: n.kind, stub: n.stub, depth: d, size: nodeSize(n.degree) }, classes: id === center ? 'labelled focused' : 'labelled' });
    }
    hood.edges.forEach(({ source, target, type }, i) => {
      elements.push({ data: { id: `l${i}`, source, target, type }, classes: trail.has(`${source}|${target}|${type}`) ? 'trail' : '' });
    });
    stopTheme?.();
    cy?.destroy();
    cy = cytoscape({
      container: canvas,
      elements,
      style: graphStyle(),
      layout: { name: 'concentric', concentric: (n) => 10 - n.data('depth'), levelWidth: () => 1, minNodeSpacing: 18, animate: false, padding: 20 },
      minZoom: 0.2,
      maxZoom: 3,
      boxSelectionEnabled: false,
    });
    cy.edges('.trail').connectedNodes().addClass('trail');
    cy.on('tap', 'node', (event) => {
      if (event.target.id() !== center) location.href = itemHref(event.target.id());
    });
    highlightOnHover(cy);
    stopTheme = followTheme(cy);
    window.__localGraph = cy;
    const count = hood.depth.size - 1;
    const more = hood.omitted > 0 ? `, and ${hood.omitted} more not drawn` : '';
    status.textContent = `${count} linked ${count === 1 ? 'item' : 'items'}${more}. Click an item to open it.`;
    canvas.setAttribute('data-graph-ready', '');
  };

  details.querySelectorAll<HTMLInputElement>('input[name="local-depth"]').forEach((radio) =>
    radio.addEventListener('change', () => {
      if (radio.checked) draw(Number(radio.value));
    }),
  );
  draw(Number(details.querySelector<HTMLInputElement>('input[name="local-depth"]:checked')?.value ?? 1));
}
