/**
 * Everything the global graph knows, in one object: created once when the
 * graph file is in (`createState`) and handed to every module of the page,
 * which read and change it; nothing else is kept between events. Once
 * cytoscape holds the drawing the same object carries it too, typed
 * `DrawnGraph`: what needs cytoscape takes that type, so it cannot be
 * called before the drawing is up.
 */
import type { Core } from 'cytoscape';
import type { EdgeColumns, ExpandedNode, readCompactGraph } from '../../lib/graph/compact';
import type { LabelSource } from '../graph-labels';
import type { ColourBy } from '../graph-style';
import type { GraphOptions } from './overview';
import type { GraphPainter, PaintEdges, PaintNode } from './painter';
import { GraphPanel } from './panel';

/** The elements of the page the graph reads and writes. */
export interface GraphElements {
  /** The page's frame (`[data-graph-page]`): the controls, the panel and the legend are inside it. */
  page: HTMLElement;
  /** The canvas's element: cytoscape (and the painter, on a big graph) draw in it; it takes the keyboard. */
  container: HTMLElement;
  /** The line that says what was found, shown or selected (a live region). */
  status: HTMLElement;
  /** The find box. */
  find: HTMLFormElement;
  /** The control bar over the top of the canvas: the drawing is fitted below it. */
  bar: HTMLElement;
  /** The filters: kinds, link types, stances, stubs, colour. */
  form: HTMLFormElement;
  presetSelect: HTMLSelectElement;
}

export type Community = ReturnType<typeof readCompactGraph>['communities'][number];

/** The graph as the build wrote it, with what is derived from it once: fixed from then on. */
export interface GraphData {
  nodes: ExpandedNode[];
  links: EdgeColumns;
  communities: Community[];
  /** Past the sizes in `load.ts`: the painter draws the bulk, cytoscape only what is labelled or looked at. */
  big: boolean;
  indexOf: Map<string, number>;
  /** Node indices, most important label first. */
  order: number[];
  /** Each node's diameter in model units. */
  sizes: number[];
  /** Each node's links, by index into the link columns. */
  linksOf: number[][];
  hasStances: boolean;
}

/** The items with a claim and what they link to, and the links that take a stance (the `claims` preset). */
export interface Evidence {
  nodes: Set<number>;
  edges: Set<number>;
}

/** The painter of a big graph and what it paints (`painter.ts`); only a big graph has one. */
export interface Painting {
  painter: GraphPainter;
  nodes: PaintNode[];
  edges: PaintEdges;
  /** The painting again once the view settles. */
  repaintTimer: ReturnType<typeof setTimeout> | undefined;
}

export interface GraphState {
  readonly elements: GraphElements;
  readonly data: GraphData;
  readonly options: GraphOptions;
  readonly panel: GraphPanel;
  /** The item the address asked for (`?focus=`), as asked and as found. */
  readonly focus: { id: string | null; index: number | undefined };

  // What is shown: filters, presets and the community opened decide; the painter and cytoscape both read these flags.
  readonly nodeHidden: boolean[];
  /** 1 for a link hidden (the painter's columns share this array). */
  readonly edgeHidden: Uint8Array;
  /** Only the items of these communities, when the overview opened one. */
  only: ReadonlySet<number> | undefined;
  /** Found the first time the `claims` preset is chosen. */
  evidence: Evidence | undefined;
  /** Whether any filter has been applied yet: until then, showing everything touches no element. */
  filtered: boolean;
  colourBy: ColourBy;
  painting: Painting | undefined;

  // What is looked at: the hovered item, else the selected one; their neighbourhood is lit and labelled.
  selected: number | undefined;
  hovered: number | undefined;
  /** Ids whose labels must show. */
  forced: Set<string>;
  /** Ids of the neighbourhood looked at, whose labels come first. */
  hood: Set<string> | undefined;

  /** Whether the reader has panned or zoomed: then a resize keeps the view. */
  moved: boolean;
}

/** The state once cytoscape holds the drawing. */
export interface DrawnGraph extends GraphState {
  readonly cy: Core;
  /** What the labels are placed from (`labels.ts`). */
  readonly labels: LabelSource;
  /** Asks for the labels to be placed again once the view settles. */
  readonly placeLabelsSoon: () => void;
}

export const isDrawn = (state: GraphState): state is DrawnGraph => 'cy' in state;

export function createState(elements: GraphElements, data: GraphData, options: GraphOptions, focusId: string | null): GraphState {
  const { nodes, links, linksOf, communities } = data;
  const focusIndex = focusId ? data.indexOf.get(focusId) : undefined;
  const only = options.onlyFocused && focusIndex !== undefined ? new Set([nodes[focusIndex].community]) : options.only;
  return {
    elements,
    data,
    options,
    panel: new GraphPanel(elements.page, { nodes, links, linksOf, communities }),
    focus: { id: focusId, index: focusIndex },
    nodeHidden: new Array<boolean>(nodes.length).fill(false),
    edgeHidden: new Uint8Array(links.count),
    only,
    evidence: undefined,
    filtered: only !== undefined,
    colourBy: communities.length > 1 ? 'community' : 'kind',
    painting: undefined,
    selected: undefined,
    hovered: undefined,
    forced: new Set(),
    hood: undefined,
    moved: false,
  };
}
