/**
 * The typed link graph, as adjacency maps built once. Backlinks, local
 * graphs and trails are read off these maps; nothing scans the corpus per page.
 */
import { pathOf, type Kind, type NodeId, type SitePath } from '../content/ids';
import type { LinkContext } from '../content/link-context';

/**
 * - `cites`: a wiki link in a body;
 * - `source`: an inquiry line draws on a note;
 * - `related`: a note's related paper, with its rank;
 * - `next`: an inquiry line leads on to another;
 * - `similar`: a paper resembles another.
 */
export const EDGE_TYPES = ['cites', 'source', 'related', 'next', 'similar'] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

export interface GraphNode {
  id: NodeId;
  kind: Kind;
  title: string;
  url: SitePath;
  /** Referenced but not written yet. */
  stub: boolean;
  claim?: string;
  summary?: string;
  aliases: string[];
  tags: string[];
  /** The content file, for written items and stubs that have one. */
  file?: string;
}

/** Where and why an edge is made: the sentence of a link, or the gloss a list gives. */
export interface EdgeContext extends LinkContext {
  line?: number;
  /** The heading a link points into. */
  heading?: string;
}

export interface Edge {
  source: NodeId;
  target: NodeId;
  type: EdgeType;
  /** 1-based position in a ranked list (related papers, a line's sources). */
  rank?: number;
  /** One entry per place the link is made; empty for bare list entries. */
  contexts: EdgeContext[];
}

export interface Graph {
  nodes: Map<NodeId, GraphNode>;
  edges: Edge[];
  outgoing: Map<NodeId, Edge[]>;
  incoming: Map<NodeId, Edge[]>;
}

/** Collects nodes and edges; one edge per (source, type, target), however often it is made. */
export class GraphBuilder {
  private readonly nodes = new Map<NodeId, GraphNode>();
  private readonly edgeByKey = new Map<string, Edge>();

  addNode(node: Omit<GraphNode, 'url'>): GraphNode {
    const full = { ...node, url: pathOf(node.id) };
    this.nodes.set(node.id, full);
    return full;
  }

  hasNode(id: NodeId): boolean {
    return this.nodes.has(id);
  }

  addEdge(source: NodeId, target: NodeId, type: EdgeType, extra: { rank?: number; context?: EdgeContext } = {}): void {
    const key = `${source}\u0000${type}\u0000${target}`;
    let edge = this.edgeByKey.get(key);
    if (!edge) {
      edge = { source, target, type, contexts: [] };
      this.edgeByKey.set(key, edge);
    }
    if (extra.rank !== undefined && edge.rank === undefined) edge.rank = extra.rank;
    if (extra.context && !edge.contexts.some((c) => c.sentence === extra.context!.sentence && c.start === extra.context!.start)) {
      edge.contexts.push(extra.context);
    }
  }

  build(): Graph {
    const nodes = new Map([...this.nodes].sort(([a], [b]) => compareIds(a, b)));
    const outgoing = new Map<NodeId, Edge[]>();
    const incoming = new Map<NodeId, Edge[]>();
    for (const id of nodes.keys()) {
      outgoing.set(id, []);
      incoming.set(id, []);
    }
    const edges = [...this.edgeByKey.values()].filter((e) => nodes.has(e.source) && nodes.has(e.target));
    for (const edge of edges) {
      outgoing.get(edge.source)!.push(edge);
      incoming.get(edge.target)!.push(edge);
    }
    return { nodes, edges, outgoing, incoming };
  }
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Number of distinct neighbours, either direction. */
export function degree(graph: Graph, id: NodeId): number {
  return (graph.outgoing.get(id)?.length ?? 0) + (graph.incoming.get(id)?.length ?? 0);
}

/** Edges grouped by type, in the order of EDGE_TYPES, empty groups left out. */
export function groupByType(edges: Edge[]): [EdgeType, Edge[]][] {
  const groups = new Map<EdgeType, Edge[]>();
  for (const edge of edges) {
    if (!groups.has(edge.type)) groups.set(edge.type, []);
    groups.get(edge.type)!.push(edge);
  }
  return EDGE_TYPES.filter((t) => groups.has(t)).map((t) => [t, sortEdges(groups.get(t)!)]);
}

function sortEdges(edges: Edge[]): Edge[] {
  return [...edges].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || compareIds(a.target, b.target) || compareIds(a.source, b.source));
}

/** The whole graph as plain JSON, the format `dist/graph.json` documents. */
export interface GraphJson {
  nodes: { id: NodeId; kind: Kind; title: string; claim?: string; summary?: string; url: SitePath; stub: boolean }[];
  edges: { source: NodeId; target: NodeId; type: EdgeType; rank?: number }[];
}

export function toGraphJson(graph: Graph): GraphJson {
  return {
    nodes: [...graph.nodes.values()].map(({ id, kind, title, claim, summary, url, stub }) => ({ id, kind, title, claim, summary, url, stub })),
    edges: graph.edges.map(({ source, target, type, rank }) => (rank === undefined ? { source, target, type } : { source, target, type, rank })),
  };
}
