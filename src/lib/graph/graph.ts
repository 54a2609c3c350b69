/**
 * The typed link graph, as adjacency maps built once. Backlinks, local
 * graphs and trails are read off these maps; nothing scans the corpus per page.
 */
import { pathOf, type Kind, type NodeId, type SitePath } from '../content/ids';
import type { LinkContext } from '../content/link-context';
import { textFragmentUrl } from '../content/text-fragment';
import { stanceStrength, type ClaimStatus, type Grounding, type PartSource, type Stance, type StanceCounts, type StanceOf, type StanceSource } from '../content/stance';

/**
 * - `cites`: a wiki link in a body;
 * - `source`: an inquiry line draws on a note;
 * - `related`: a note's related paper, with its rank;
 * - `next`: an inquiry line leads on to another;
 * - `similar`: a paper resembles another;
 * - `evidence`: a paper the item does not link to, whose text states a figure
 *   or quotation of the item (found through an item it links to);
 * - `query`: a note a Dataview query of the item lists (never evidence).
 */
export const EDGE_TYPES = ['cites', 'source', 'related', 'next', 'similar', 'evidence', 'query'] as const;
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
  /** For an item with a claim: where the claim stands, and how many items take each stance on it. */
  status?: ClaimStatus;
  stanceCounts?: StanceCounts;
  /** For an item with a claim: how far down its evidence reaches, over all its parts. */
  grounding?: Grounding;
  /** For an item with a claim: its parts, one for a simple claim, each with its own evidence, status and grounding. */
  parts?: ClaimPart[];
  /** Evidence that argues a compound claim as a whole rather than one of its parts. */
  wholeEvidence?: EvidenceTrail[];
  /** Questions the item leaves open ("Open question: …", or under a heading "Open questions"). */
  openQuestions?: string[];
}

/** A passage of a paper that grounds a piece of evidence, and the sentence of a written item that states what it matches. */
export interface GroundingPassage {
  paper: NodeId;
  section?: { text: string; anchor: string };
  /** The figure (`+8.6pp`) or quotation matched. */
  quote: string;
  /** The paper's sentence. */
  passage: string;
  /** The written item whose sentence states the quote, and that sentence. */
  from: NodeId;
  sentence: string;
}

/** One unwritten item a chain passes through, and the sentence of a written item that speaks for it. */
export interface ChainHop {
  id: NodeId;
  from: NodeId;
  sentence: string;
}

/**
 * One piece of evidence for a claim part, followed down to what grounds it:
 * the item linked, the unwritten items passed through (`via`, with the
 * sentence that made each hop), and the passage or the paper it ends at.
 */
export interface EvidenceTrail {
  id: NodeId;
  stance: Stance;
  stanceFrom: StanceSource;
  /** How the link was given to its part. */
  assigned: PartSource;
  via: NodeId[];
  hops: ChainHop[];
  passage?: GroundingPassage;
  /** A source paper named but not checked against (its text is not here, or states nothing of it). */
  paper?: NodeId;
  grounding: Grounding;
  /** Steps past the depth cap that were not followed. */
  notFollowed?: number;
}

export interface ClaimPart {
  text: string;
  /** Written in the frontmatter's `parts:` list rather than cut out of the claim. */
  declared: boolean;
  status: ClaimStatus;
  counts: StanceCounts;
  grounding: Grounding;
  evidence: EvidenceTrail[];
}

/** Where and why an edge is made: the sentence of a link, or the gloss a list gives. */
export interface EdgeContext extends LinkContext {
  line?: number;
  /** The heading a link points into. */
  heading?: string;
  /** What this place says of the link's stance, where it says anything. */
  stance?: StanceOf;
}

/** A passage of a paper that states what an item says: the check behind a verified stance. */
export interface VerifiedPassage {
  /** The item's own sentence. */
  sentence: string;
  /** The figure (`+8.6pp`) or the quotation matched. */
  quote: string;
  /** The paper's sentence that states it. */
  passage: string;
  section?: { text: string; anchor: string };
}

export interface Edge {
  source: NodeId;
  target: NodeId;
  type: EdgeType;
  /** 1-based position in a ranked list (related papers, a line's sources). */
  rank?: number;
  /** One entry per place the link is made; empty for bare list entries. */
  contexts: EdgeContext[];
  /**
   * What the link means for the source's claim, from its strongest place
   * (declared, then heading, then inferred), or from a verified passage.
   * Absent for links that take no stance (related reading, sources, next lines).
   */
  stance?: Stance;
  stanceFrom?: StanceSource;
  /** Verified passages, when the paper's text was found to state what the item says. */
  passages?: VerifiedPassage[];
}

export interface Graph {
  nodes: Map<NodeId, GraphNode>;
  edges: Edge[];
  outgoing: Map<NodeId, Edge[]>;
  incoming: Map<NodeId, Edge[]>;
}

/**
 * What communities and the layout read of a graph: its ids, which are stubs, and its links. Any `Graph` is
 * one; `graphShape` rebuilds one from `shapeData` in a worker thread, which cannot be handed the graph itself.
 */
export interface GraphShape {
  nodes: ReadonlyMap<NodeId, { stub: boolean }>;
  edges: readonly { source: NodeId; target: NodeId }[];
  outgoing: ReadonlyMap<NodeId, readonly { target: NodeId }[]>;
  incoming: ReadonlyMap<NodeId, readonly { source: NodeId }[]>;
}

/** A graph's shape as plain data: ids, the indexes of the stubs, and each link as two indexes. */
export interface ShapeData {
  ids: NodeId[];
  stubs: number[];
  /** source, target, source, target… */
  links: Uint32Array;
}

export function shapeData(graph: GraphShape): ShapeData {
  const ids = [...graph.nodes.keys()];
  const index = new Map(ids.map((id, i) => [id, i]));
  const stubs = ids.flatMap((id, i) => (graph.nodes.get(id)!.stub ? [i] : []));
  const links = new Uint32Array(graph.edges.length * 2);
  graph.edges.forEach((e, i) => {
    links[2 * i] = index.get(e.source)!;
    links[2 * i + 1] = index.get(e.target)!;
  });
  return { ids, stubs, links };
}

export function graphShape({ ids, stubs, links }: ShapeData): GraphShape {
  const stub = new Set(stubs);
  const nodes = new Map(ids.map((id, i) => [id, { stub: stub.has(i) }]));
  const edges: { source: NodeId; target: NodeId }[] = [];
  const outgoing = new Map<NodeId, { target: NodeId }[]>(ids.map((id) => [id, []]));
  const incoming = new Map<NodeId, { source: NodeId }[]>(ids.map((id) => [id, []]));
  for (let i = 0; i < links.length; i += 2) {
    const edge = { source: ids[links[i]], target: ids[links[i + 1]] };
    edges.push(edge);
    outgoing.get(edge.source)!.push(edge);
    incoming.get(edge.target)!.push(edge);
  }
  return { nodes, edges, outgoing, incoming };
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

  /** Adds (or adds a place to) an edge, and hands it back so the caller can read the stance it settled on. */
  addEdge(source: NodeId, target: NodeId, type: EdgeType, extra: { rank?: number; context?: EdgeContext; stance?: StanceOf } = {}): Edge {
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
    const stance = extra.stance ?? extra.context?.stance;
    if (stance && (!edge.stanceFrom || stanceStrength(stance.from) < stanceStrength(edge.stanceFrom))) {
      edge.stance = stance.stance;
      edge.stanceFrom = stance.from;
    }
    return edge;
  }

  /** The edge made so far, if any. */
  edge(source: NodeId, target: NodeId, type: EdgeType): Edge | undefined {
    return this.edgeByKey.get(`${source}\u0000${type}\u0000${target}`);
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
/** A claim part as `graph.json` writes it. */
export interface PartJson {
  text: string;
  status: ClaimStatus;
  grounding: Grounding;
  /** `part` is absent for evidence that argues the claim as a whole. */
  evidence: EvidenceJson[];
}

export interface EvidenceJson {
  id: NodeId;
  stance: Stance;
  stanceFrom: StanceSource;
  /** How the link was given to its part. */
  assigned: PartSource;
  /** The unwritten items passed through, in order. */
  via: NodeId[];
  grounding: Grounding;
  passage?: { paper: NodeId; section?: string; quote: string; passage: string; url: string };
  /** The paper named as the source, when no passage of it is here. */
  paper?: NodeId;
}

const evidenceJson = (t: EvidenceTrail): EvidenceJson => ({
  id: t.id,
  stance: t.stance,
  stanceFrom: t.stanceFrom,
  assigned: t.assigned,
  via: t.via,
  grounding: t.grounding,
  ...(t.passage ? { passage: { paper: t.passage.paper, section: t.passage.section?.text, quote: t.passage.quote, passage: t.passage.passage, url: textFragmentUrl(pathOf(t.passage.paper), t.passage.passage) } } : {}),
  ...(t.paper ? { paper: t.paper } : {}),
});

/** A node's grounding, claim parts, evidence for the whole claim and open questions, in the form `graph.json` documents. */
export function claimJson(node: GraphNode): Pick<GraphJson['nodes'][number], 'grounding' | 'parts' | 'wholeEvidence' | 'openQuestions'> {
  return {
    grounding: node.grounding,
    parts: node.parts?.map((p) => ({ text: p.text, status: p.status, grounding: p.grounding, evidence: p.evidence.map(evidenceJson) })),
    wholeEvidence: node.wholeEvidence?.map(evidenceJson),
    openQuestions: node.openQuestions,
  };
}

export interface GraphJson {
  nodes: {
    id: NodeId;
    kind: Kind;
    title: string;
    claim?: string;
    summary?: string;
    url: SitePath;
    stub: boolean;
    status?: ClaimStatus;
    grounding?: Grounding;
    parts?: PartJson[];
    wholeEvidence?: EvidenceJson[];
    openQuestions?: string[];
  }[];
  edges: {
    source: NodeId;
    target: NodeId;
    type: EdgeType;
    rank?: number;
    stance?: Stance;
    stanceFrom?: StanceSource;
    passages?: { paper: NodeId; section?: string; quote: string; passage: string }[];
  }[];
}

export function toGraphJson(graph: Graph): GraphJson {
  return {
    nodes: [...graph.nodes.values()].map((node) => {
      const { id, kind, title, claim, summary, url, stub, status } = node;
      return { id, kind, title, claim, summary, url, stub, status, ...claimJson(node) };
    }),
    edges: graph.edges.map(({ source, target, type, rank, stance, stanceFrom, passages }) => ({
      source,
      target,
      type,
      rank,
      stance,
      stanceFrom,
      passages: passages?.map((p) => ({ paper: target, section: p.section?.text, quote: p.quote, passage: p.passage })),
    })),
  };
}
