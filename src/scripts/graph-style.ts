/**
 * What the global and the local graph share: colours read from the page's
 * CSS variables (so both themes apply), the stylesheet, and theme tracking.
 * The WebGL renderer draws only solid straight or bezier edges with triangle
 * arrows, so edge types differ by colour and width rather than dash patterns.
 */
import type { Core, StylesheetJson } from 'cytoscape';

export const KIND_VARS = { note: '--note', paper: '--paper', line: '--line' } as const;
export const EDGE_VARS = { cites: '--edge-cites', related: '--edge-related', source: '--edge-source', next: '--edge-next', similar: '--edge-similar' } as const;

/** Label metrics, shared with the first frame painted before cytoscape is up. */
export const LABEL_FONT_SIZE = 11;
export const LABEL_MIN_ZOOMED_SIZE = 9;
export const LABEL_MAX_WIDTH = 160;
/** Whether cytoscape shows a label at this zoom (`min-zoomed-font-size`). */
export const labelShown = (zoom: number) => LABEL_FONT_SIZE * zoom >= LABEL_MIN_ZOOMED_SIZE;

export const cssVar = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';

export function graphStyle(): StylesheetJson {
  const fg = cssVar('--fg');
  const bg = cssVar('--bg');
  const accent = cssVar('--focus');
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': cssVar('--stub'),
        color: fg,
        'font-size': LABEL_FONT_SIZE,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-background-color': bg,
        'text-background-opacity': 0.7,
        'text-background-padding': '1px',
      },
    },
    // Only labelled nodes carry a label: measuring thousands of labels is most of the cost of a first paint.
    { selector: 'node.labelled, node.lit, node.focused, node.trail', style: { label: 'data(label)', 'min-zoomed-font-size': LABEL_MIN_ZOOMED_SIZE, 'text-wrap': 'ellipsis', 'text-max-width': `${LABEL_MAX_WIDTH}px` } },
    ...Object.entries(KIND_VARS).map(([kind, v]) => ({ selector: `node[kind = "${kind}"]`, style: { 'background-color': cssVar(v) } })),
    { selector: 'node[?stub]', style: { 'background-opacity': 0.45, 'border-width': 1, 'border-color': cssVar('--stub') } },
    {
      selector: 'edge',
      style: { width: 1, 'line-color': cssVar('--border'), 'curve-style': 'straight', 'target-arrow-shape': 'triangle', 'target-arrow-color': cssVar('--border'), 'arrow-scale': 0.6, opacity: 0.8 },
    },
    ...Object.entries(EDGE_VARS).map(([type, v]) => ({ selector: `edge[type = "${type}"]`, style: { 'line-color': cssVar(v), 'target-arrow-color': cssVar(v), width: type === 'cites' ? 1 : 1.6 } })),
    // Haystack edges are the cheapest cytoscape draws: straight, no arrows, used where links number in the tens of thousands.
    { selector: 'edge.bulk', style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none' } },
    { selector: '.hidden', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0 } },
    { selector: 'node.lit', style: { 'z-index': 10 } },
    { selector: 'edge.lit', style: { opacity: 1, width: 2.2 } },
    { selector: 'node.trail', style: { 'border-width': 3, 'border-color': accent, 'min-zoomed-font-size': 0 } },
    { selector: 'edge.trail', style: { 'line-color': accent, 'target-arrow-color': accent, width: 3, opacity: 1, 'z-index': 9 } },
    { selector: 'node:selected, node.focused', style: { 'border-width': 4, 'border-color': accent, 'min-zoomed-font-size': 0, 'font-weight': 'bold', 'z-index': 11 } },
  ] as StylesheetJson;
}

/** Restyles a graph whenever the reader switches theme or the system scheme changes; returns how to stop. */
export function followTheme(cy: Core): () => void {
  const restyle = () => cy.style(graphStyle());
  const observer = new MutationObserver(restyle);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const scheme = matchMedia('(prefers-color-scheme: dark)');
  scheme.addEventListener('change', restyle);
  return () => {
    observer.disconnect();
    scheme.removeEventListener('change', restyle);
  };
}

/** Node size grows with the square root of degree, so hubs stand out without swallowing their neighbours. */
export const nodeSize = (degree: number) => Math.round(8 + 4 * Math.sqrt(degree));

/** Cytoscape's WebGL mode needs WebGL 2; without it the canvas renderer draws. */
export function webglAvailable(): boolean {
  try {
    return !!document.createElement('canvas').getContext('webgl2');
  } catch {
    return false;
  }
}

/**
 * Lights up a node's neighbourhood while the pointer is over it. On a small
 * graph the rest fades too; on a big one that would restyle tens of
 * thousands of elements per hover, so only the neighbourhood changes.
 */
export function highlightOnHover(cy: Core, fadeUpTo = 2000): void {
  cy.on('mouseover', 'node', (event) => {
    const hood = event.target.closedNeighborhood();
    cy.batch(() => {
      if (cy.nodes().length <= fadeUpTo) cy.elements().not(hood).addClass('faded');
      hood.addClass('lit');
    });
  });
  cy.on('mouseout', 'node', () => cy.batch(() => cy.elements('.faded, .lit').removeClass('faded lit')));
}
