/** Reading the graph file the build wrote, and what the page derives from it once. */
import { readCompactGraph, type CompactGraph } from '../../lib/graph/compact';
import { byLabelPriority } from '../../lib/graph/labels';
import { nodeSize } from '../graph-style';
import type { GraphData, GraphElements } from './state';
import { GRAPH_DATA_PATH } from '../../lib/site/data-manifest';
import { dataFiles } from '../site-data';

/** Past either size, the painter draws the bulk of the graph and cytoscape only what is looked at. */
const BIG_NODES = 1000;
const BIG_EDGES = 5000;

/** The page's elements the graph uses, found from its canvas. */
export function graphElements(container: HTMLElement): GraphElements {
  const page = container.closest<HTMLElement>('[data-graph-page]')!;
  return {
    page,
    container,
    status: page.querySelector<HTMLElement>('[data-graph-status]')!,
    find: page.querySelector<HTMLFormElement>('[data-graph-find]')!,
    bar: page.querySelector<HTMLElement>('[data-graph-bar]')!,
    form: page.querySelector<HTMLFormElement>('[data-graph-filters]')!,
    presetSelect: page.querySelector<HTMLSelectElement>('[data-graph-preset]')!,
  };
}

let graphFile: Promise<CompactGraph> | undefined;

/**
 * Starts downloading the graph file, once: as the page opens, so that it arrives while the overview is drawn
 * (the page cannot preload it: its name carries its hash, which only `/files.json` knows).
 */
export function fetchGraph(): Promise<CompactGraph> {
  if (!graphFile) {
    performance.mark('graph:fetch');
    graphFile = dataFiles.json<CompactGraph>(GRAPH_DATA_PATH);
    graphFile.catch(() => (graphFile = undefined));
  }
  return graphFile;
}

/** Fetches (or awaits the download already started) and reads the graph file. */
export async function loadGraph(): Promise<GraphData> {
  const compact = await fetchGraph();
  const { nodes, links, communities } = readCompactGraph(compact);
  performance.mark('graph:parsed');
  const linksOf: number[][] = nodes.map(() => []);
  for (let l = 0; l < links.count; l++) {
    linksOf[links.source[l]].push(l);
    linksOf[links.target[l]].push(l);
  }
  return {
    nodes,
    links,
    communities,
    big: nodes.length > BIG_NODES || links.count > BIG_EDGES,
    indexOf: new Map(nodes.map((n, i) => [n.id, i])),
    order: nodes.map((_, i) => i).sort((a, b) => byLabelPriority(nodes[a], nodes[b])),
    sizes: nodes.map((n) => nodeSize(n.degree, n.stub)),
    linksOf,
    hasStances: links.stance.some((k) => k >= 0),
  };
}
