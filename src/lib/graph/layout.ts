/**
 * Positions for the global graph, computed at build time so the browser
 * draws a preset layout instead of running a force simulation over thousands
 * of nodes. ForceAtlas2 with Barnes-Hut is near-linear per iteration; start
 * positions come from the node ids, so two builds of one corpus are
 * byte-identical.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import DEFAULT_SETTINGS from 'graphology-layout-forceatlas2/defaults.js';
import helpers from 'graphology-layout-forceatlas2/helpers.js';
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import type { GraphShape } from './graph';
import { linkGraph, type LinkAttributes, type LinkGraph } from './link-graph';
import type { Checkpoint } from '../content/checkpoint';
import type { NodeId } from '../content/ids';

export interface LayoutOptions {
  /** Force iterations; by default fewer as the graph grows, so a large collection's layout stays a small part of its build. */
  iterations?: number;
  /** Each node's community: links inside a community pull harder than links across, so communities draw apart. */
  communities?: ReadonlyMap<NodeId, number>;
  /**
   * Called after each iteration, so the caller can collect what it left: each iteration makes its
   * Barnes-Hut regions afresh, and V8, with memory to spare, lets that garbage pile up over many iterations
   * before it collects (src/integrations/graph-shape-worker.mjs).
   */
  checkpoint?: Checkpoint;
}

/** How much weaker a link across communities pulls than a link inside one. */
const ACROSS_WEIGHT = 0.15;

/** Iterations that settle a graph of this many nodes within a build's time budget. */
export const defaultIterations = (order: number) => (order <= 500 ? 400 : order <= 2000 ? 200 : order <= 6000 ? 100 : 60);

/** FNV-1a: a stable hash of an id, for start positions that depend on nothing but the id. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Node positions by id, rounded to a tenth so the output is compact and stable. `links`: the graph's links
 * as ./link-graph.ts reads them, when the caller has made them already; the layout writes its positions
 * into them.
 */
export function computeLayout(graph: GraphShape, options: LayoutOptions = {}, links: LinkGraph = linkGraph(graph)): Map<NodeId, { x: number; y: number }> {
  const order = links.order;
  const radius = Math.sqrt(order) * 10;
  links.updateEachNodeAttributes((id) => {
    const h = hash(id);
    const angle = ((h & 0xffff) / 0x10000) * 2 * Math.PI;
    const r = radius * Math.sqrt((h >>> 16) / 0x10000);
    return { x: r * Math.cos(angle), y: r * Math.sin(angle) };
  });
  const community = options.communities;
  // A pair joined by n links pulls as n single links would: ForceAtlas2's attraction and a node's mass
  // (1 + its weighted degree) are both linear in an edge's weight.
  const pull = (_edge: string, { weight }: LinkAttributes, source: string, target: string): number =>
    community && community.get(source as NodeId) !== community.get(target as NodeId) ? weight * ACROSS_WEIGHT : weight;
  const positions = new Map<NodeId, { x: number; y: number }>();
  if (order === 0) return positions;
  if (order > 1 && links.size > 0) {
    // Weights alone separate the communities (LinLog, tried on top, undid the separation).
    // θ = 1.2 is Gephi's default; graphology's 0.5 is finer than a preset drawing needs and costs each
    // iteration more time than the drawing gains.
    const settings = { ...DEFAULT_SETTINGS, ...forceAtlas2.inferSettings(links), barnesHutOptimize: order > 500, barnesHutTheta: 1.2, adjustSizes: false };
    const invalid = helpers.validateSettings(settings);
    if (invalid) throw new Error(`ForceAtlas2: ${invalid.message}`);
    // What forceAtlas2.assign does, with a call between iterations.
    const matrices = helpers.graphToByteArrays(links, pull);
    for (let i = options.iterations ?? defaultIterations(order); i > 0; i--) {
      iterate(settings, matrices.nodes, matrices.edges);
      options.checkpoint?.();
    }
    helpers.assignLayoutChanges(links, matrices.nodes, null);
  }
  links.forEachNode((id, a) => positions.set(id as NodeId, { x: round(a.x ?? 0), y: round(a.y ?? 0) }));
  return positions;
}

const round = (n: number) => (Number.isFinite(n) ? Math.round(n * 10) / 10 : 0);
