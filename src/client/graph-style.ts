/**
 * What the global and the local graph share: colours read from the page's
 * CSS variables (so both themes apply), node sizes and shapes, the
 * stylesheet, and theme tracking.
 *
 * Nodes are tinted by community (or by kind, at the reader's choice) and
 * shaped by kind: notes round, papers square, inquiry lines diamonds.
 * Stubs are smaller and paler. Links are faint until one of their ends is
 * hovered or selected; they are coloured by type, or by stance where a link
 * carries one. Labels are set per node by graph-labels.ts, at a constant
 * size on screen.
 */
import type { Core, StylesheetJson } from 'cytoscape';
import { KINDS, type Kind } from '../lib/content/ids';
import { STANCE_VOCABULARY, STANCES, type Stance } from '../lib/content/stance';
import { KIND_VOCABULARY } from '../lib/content/kind-vocabulary';
import { EDGE_TYPES, type EdgeType } from '../lib/graph/graph';
import { EDGE_VOCABULARY } from '../lib/graph/edge-vocabulary';

/** The colour variable of each kind, edge type and stance, read off the one wording table of each. */
export const KIND_VARS = Object.fromEntries(KINDS.map((k) => [k, KIND_VOCABULARY[k].colourVar])) as Record<Kind, string>;
export const EDGE_VARS = Object.fromEntries(EDGE_TYPES.map((t) => [t, EDGE_VOCABULARY[t].colourVar])) as Record<EdgeType, string>;
export const STANCE_VARS = Object.fromEntries(STANCES.map((s) => [s, STANCE_VOCABULARY[s].colourVar])) as Record<Stance, string>;
export const KIND_SHAPES = { note: 'ellipse', paper: 'round-rectangle', line: 'diamond' } as const;
/** Communities past this many share the neutral colour. */
export const COMMUNITY_COLOURS = 10;
export const communityVar = (index: number) => (index >= 0 && index < COMMUNITY_COLOURS ? `--community-${index}` : '--community-other');

/** Label metrics on screen, shared with the first frame and the label placement. */
export const LABEL_FONT_SIZE = 12;
/** The box a label takes as cytoscape measures it (line height, background padding and margin included). */
export const LABEL_HEIGHT = 24;
export const LABEL_OFFSET = 1;
export const LABEL_MAX_WIDTH = 170;
export const LABEL_FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Opacity of a link nobody is looking at, and of a stub. */
export const EDGE_FAINT = 0.28;
export const STUB_OPACITY = 0.42;

export type ColourBy = 'community' | 'kind';

export const cssVar = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';

/** Node size grows with the square root of degree, so hubs stand out without swallowing their neighbours; stubs are smaller. */
export const nodeSize = (degree: number, stub = false) => Math.round((stub ? 5 : 9) + (stub ? 1.5 : 2.8) * Math.sqrt(degree));

/** A node's colour variable for the chosen colouring. */
export const nodeColourVar = (node: { kind: string; community: number }, by: ColourBy) =>
  by === 'community' ? communityVar(node.community) : node.kind in KIND_VARS ? KIND_VARS[node.kind as keyof typeof KIND_VARS] : '--stub';

/** A node's label: under it, cut with an ellipsis, on a pale box of the page's background `bg`. */
export const labelStyle = (bg: string) => ({
  'font-family': LABEL_FONT_FAMILY,
  'font-size': LABEL_FONT_SIZE,
  'text-valign': 'bottom',
  'text-halign': 'center',
  'text-wrap': 'ellipsis',
  'text-max-width': `${LABEL_MAX_WIDTH}px`,
  'text-background-color': bg,
  'text-background-opacity': 0.78,
  'text-background-padding': '1px',
  'text-background-shape': 'roundrectangle',
});

/**
 * The stylesheet. `drawsBulk` is false on a big graph, where the painter
 * (global-graph/painter.ts) draws every node and link underneath and cytoscape
 * draws only what is labelled, lit or selected on top.
 */
export function graphStyle(options: { colourBy?: ColourBy; drawsBulk?: boolean } = {}): StylesheetJson {
  const by = options.colourBy ?? 'kind';
  const bulk = options.drawsBulk ?? true;
  const fg = cssVar('--fg');
  const soft = cssVar('--fg-soft');
  const bg = cssVar('--bg');
  const accent = cssVar('--focus');
  const colours: StylesheetJson = [];
  if (by === 'community') {
    for (let i = 0; i < COMMUNITY_COLOURS; i++) colours.push({ selector: `node[community = ${i}]`, style: { 'background-color': cssVar(communityVar(i)) } });
  } else {
    for (const [kind, v] of Object.entries(KIND_VARS)) colours.push({ selector: `node[kind = "${kind}"]`, style: { 'background-color': cssVar(v) } });
  }
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        shape: 'ellipse',
        'background-color': cssVar(by === 'community' ? '--community-other' : '--stub'),
        color: fg,
        ...labelStyle(bg),
        'border-width': 0,
        ...(bulk ? {} : { opacity: 0 }),
      },
    },
    ...Object.entries(KIND_SHAPES).map(([kind, shape]) => ({ selector: `node[kind = "${kind}"]`, style: { shape } })),
    ...colours,
    { selector: 'node[?stub]', style: { 'background-opacity': STUB_OPACITY, color: soft } },
    { selector: 'node[align = "right"]', style: { 'text-halign': 'right', 'text-valign': 'center' } },
    { selector: 'node[align = "left"]', style: { 'text-halign': 'left', 'text-valign': 'center' } },
    // Only labelled nodes carry a label: graph-labels.ts decides which, and sizes them for the zoom.
    { selector: 'node.labelled', style: { label: 'data(shown)', ...(bulk ? {} : { opacity: 1, 'background-opacity': 0 }) } },
    { selector: 'node[?written].labelled', style: { 'font-weight': 600 } },
    {
      selector: 'edge',
      style: { width: 1, 'line-color': cssVar('--border'), 'curve-style': 'straight', 'target-arrow-shape': 'triangle', 'target-arrow-color': cssVar('--border'), 'arrow-scale': 0.6, opacity: EDGE_FAINT },
    },
    ...Object.entries(EDGE_VARS).map(([type, v]) => ({ selector: `edge[type = "${type}"]`, style: { 'line-color': cssVar(v), 'target-arrow-color': cssVar(v), width: type === 'cites' ? 1 : 1.5 } })),
    ...Object.entries(STANCE_VARS).map(([stance, v]) => ({ selector: `edge[stance = "${stance}"]`, style: { 'line-color': cssVar(v), 'target-arrow-color': cssVar(v), width: 2 } })),
    { selector: 'node.group', style: { shape: 'round-rectangle', 'background-color': cssVar('--bg-soft'), 'border-width': 1.5, 'border-color': cssVar('--fg-soft'), 'border-style': 'dashed', 'background-opacity': 1 } },
    { selector: 'node.group.labelled', style: { 'font-weight': 600, color: fg } },
    { selector: 'edge.group', style: { 'line-style': 'dashed', opacity: 0.6 } },
    { selector: '.hidden', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: bulk ? 0.1 : 0, 'text-opacity': 0.25 } },
    { selector: 'node.lit', style: { 'z-index': 10, opacity: 1, 'background-opacity': 1 } },
    { selector: 'edge.lit', style: { opacity: 0.95, width: 2 } },
    { selector: 'node.trail', style: { 'border-width': 2, 'border-color': accent } },
    { selector: 'edge.trail', style: { 'line-color': accent, 'target-arrow-color': accent, width: 2.2, opacity: 0.9, 'z-index': 9 } },
    { selector: 'node.focused', style: { 'border-width': 4, 'border-color': accent, 'font-weight': 'bold', 'z-index': 11, opacity: 1, 'background-opacity': 1 } },
  ] as StylesheetJson;
}

export { followTheme } from './theme';

/** Cytoscape's WebGL mode needs WebGL 2. */
export function webglAvailable(): boolean {
  try {
    return !!document.createElement('canvas').getContext('webgl2');
  } catch {
    return false;
  }
}

/** Resolves once the frames drawn so far are on screen. */
export const afterPaint = () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));

/**
 * Yields to the browser between slices of work, so input and drawing get
 * their turn: `scheduler.yield()` where the browser has it (the rest of the
 * work keeps its place in the queue), else a zero timeout.
 */
export const nextFrame = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise<void>((done) => setTimeout(done, 0));
};

/** Lights up a node's closed neighbourhood (and fades the rest where the whole graph is drawn by cytoscape). */
export function lightUp(cy: Core, ids: string[] | undefined, fade: boolean): void {
  cy.batch(() => {
    cy.elements('.lit, .faded').removeClass('lit faded');
    if (!ids) return;
    let hood = cy.collection();
    for (const id of ids) hood = hood.union(cy.getElementById(id));
    const lit = hood.closedNeighborhood();
    lit.addClass('lit');
    if (fade) cy.elements().not(lit).addClass('faded');
  });
}
