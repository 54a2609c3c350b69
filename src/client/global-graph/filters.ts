/**
 * What is shown: the filters (kinds, link types, stances, stubs), the view
 * presets and the communities the overview opened decide which items and
 * links are hidden. The painter and cytoscape both read the flags in the
 * state. The filter form also chooses how items are coloured.
 */
import type { EdgeColumns, ExpandedNode } from '../../lib/graph/compact';
import type { ColourBy } from '../graph-style';
import { applyColours, repaint } from './draw';
import { fillLegend } from './overview';
import { select } from './selection';
import { isDrawn, type Community, type DrawnGraph, type Evidence, type GraphState } from './state';
import { fitTo, shownNodes } from './view';
import { fill, text } from '../interface-text';

interface Filters {
  kinds: Set<string>;
  types: Set<string>;
  stances: Set<string>;
  hideStubs: boolean;
  preset: string;
}

/** Fills the controls the graph offers: the legend's communities and the presets (unless the overview owns them), stances and colouring. */
export function setUpControls(state: GraphState): void {
  const { page } = state.elements;
  const { communities } = state.data;
  // Opened from the overview of communities, the overview owns the legend and the choice of community.
  if (state.options.fromOverview) page.querySelector('[data-preset-communities]')?.remove();
  else {
    fillLegend(page, communities, (c) => choosePreset(state, `community:${c}`));
    fillPresets(page, communities);
  }
  if (state.data.hasStances) page.querySelector<HTMLElement>('[data-stance-filters]')?.removeAttribute('hidden');
  page.querySelector<HTMLInputElement>(`input[name="colour-by"][value="${state.colourBy}"]`)!.checked = true;
  if (communities.length <= 1) page.querySelector<HTMLElement>('[data-colour-by]')?.setAttribute('hidden', '');
}

/** The presets of the largest communities, each showing that community alone. */
function fillPresets(page: HTMLElement, communities: Community[]) {
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

function readFilters(state: GraphState): Filters {
  const data = new FormData(state.elements.form);
  return {
    kinds: new Set(data.getAll('kind').map(String)),
    types: new Set(data.getAll('type').map(String)),
    stances: new Set(data.getAll('stance').map(String)),
    hideStubs: data.has('hide-stubs'),
    preset: state.elements.presetSelect.value,
  };
}

/** Sets the hidden flags for the filters and the communities shown; true when any changed. */
export function hideFiltered(state: GraphState, f: Filters = readFilters(state)): boolean {
  const { nodes, links } = state.data;
  const { nodeHidden, edgeHidden, only } = state;
  if (f.preset === 'claims') state.evidence ??= evidenceOf(nodes, links);
  const evidence = state.evidence;
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
}

/** Items with a claim, what they link to (their evidence), and any link that takes a stance. */
function evidenceOf(nodes: ExpandedNode[], links: EdgeColumns): Evidence {
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

/** Hides what the filters hide, says how much is shown, and fits the view to it when `refit` asks. */
export function applyFilters(graph: DrawnGraph, refit: boolean): void {
  const { cy } = graph;
  const { form, status } = graph.elements;
  const { nodes, links, big } = graph.data;
  const { nodeHidden, edgeHidden } = graph;
  const f = readFilters(graph);
  const everything = graph.only === undefined && f.preset === 'all' && !f.hideStubs && f.kinds.size === form.querySelectorAll('[name="kind"]').length && f.types.size === form.querySelectorAll('[name="type"]').length && f.stances.size === form.querySelectorAll('[name="stance"]').length;
  if (everything && !graph.filtered) {
    // Nothing hidden yet and nothing to hide: skip touching every element of a big graph.
    status.textContent = fill(text.graph.showingAll, { items: nodes.length, links: links.count });
    return;
  }
  const changed = hideFiltered(graph, f);
  graph.painting?.nodes.forEach((p, i) => (p.hidden = nodeHidden[i]));
  const shown = nodeHidden.filter((h) => !h).length;
  const shownEdges = edgeHidden.reduce((n, h) => n + 1 - h, 0);
  graph.filtered = true;
  status.textContent = fill(shown === nodes.length && shownEdges === links.count ? text.graph.showingAll : text.graph.showingSome, { shown, items: nodes.length, shownLinks: shownEdges, links: links.count });
  if (!changed && !refit) return;
  if (!big) {
    cy.batch(() => {
      nodes.forEach((n, i) => cy.getElementById(n.id).toggleClass('hidden', nodeHidden[i]));
      for (let i = 0; i < links.count; i++) cy.getElementById(`e${i}`).toggleClass('hidden', edgeHidden[i] === 1);
    });
  }
  if (graph.selected !== undefined && nodeHidden[graph.selected]) select(graph, undefined);
  if (refit && shown > 0) {
    const v = fitTo(graph, shownNodes(graph));
    cy.animate({ zoom: v.zoom, pan: v.pan }, { duration: 350 });
  } else {
    repaint(graph);
    graph.placeLabelsSoon();
  }
}

/**
 * Chooses a preset (a community's button in the legend). One chosen before the drawing is up is applied
 * with the rest of the filters when it is.
 */
function choosePreset(state: GraphState, value: string): void {
  state.elements.presetSelect.value = value;
  if (isDrawn(state)) applyFilters(state, true);
}

/** Applies the filters as they are, and again whenever they change; the colouring chosen in the same form colours the items again. */
export function listenToFilters(graph: DrawnGraph): void {
  const { form, presetSelect } = graph.elements;
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.name === 'colour-by') {
      graph.colourBy = target.value as ColourBy;
      applyColours(graph);
      return;
    }
    applyFilters(graph, false);
  });
  presetSelect.addEventListener('change', () => applyFilters(graph, true));
  applyFilters(graph, false);
}

/** Shows a filtered-out item: everything again, or its community when one community is shown. */
export function reveal(graph: DrawnGraph, i: number): void {
  if (!graph.nodeHidden[i]) return;
  const { nodes } = graph.data;
  graph.elements.form.reset();
  graph.elements.presetSelect.value = 'all';
  if (graph.only && !graph.only.has(nodes[i].community)) {
    graph.only = new Set([nodes[i].community]);
    graph.options.onCommunity?.(nodes[i].community);
  }
  applyFilters(graph, false);
}

/** Shows only the items of these communities (every item for `undefined`), fitted to the view: the overview's choice. */
export function showOnly(graph: DrawnGraph, only: ReadonlySet<number> | undefined): void {
  graph.only = only;
  if (graph.selected !== undefined && only && !only.has(graph.data.nodes[graph.selected].community)) select(graph, undefined);
  graph.moved = false;
  graph.cy.resize();
  applyFilters(graph, true);
}
