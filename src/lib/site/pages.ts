/**
 * What the pages show, computed from the corpus: plain data the Astro views
 * only lay out. Every list here is read off the graph's adjacency maps.
 */
import type { Document } from '../content/document';
import { KIND_FOLDER, KINDS, type Kind, type NodeId } from '../content/ids';
import type { Corpus } from '../corpus';
import { degree, groupByType, type Edge, type EdgeType, type GraphNode } from '../graph/graph';
import { edgeListLabel } from '../graph/vocabulary';
import type { RenderedBody } from '../markdown';

export interface EdgeGroup {
  type: EdgeType;
  label: string;
  items: { edge: Edge; node: GraphNode }[];
}

export interface PageModel {
  node: GraphNode;
  doc?: Document;
  body?: RenderedBody;
  outgoing: EdgeGroup[];
  incoming: EdgeGroup[];
}

function groups(corpus: Corpus, edges: Edge[], direction: 'outgoing' | 'incoming', kind: Kind): EdgeGroup[] {
  return groupByType(edges).map(([type, list]) => {
    return {
      type,
      label: edgeListLabel(type, direction, kind),
      items: list.map((edge) => ({ edge, node: corpus.graph.nodes.get(direction === 'outgoing' ? edge.target : edge.source)! })),
    };
  });
}

export function pageModel(corpus: Corpus, id: NodeId): PageModel {
  const node = corpus.graph.nodes.get(id);
  if (!node) throw new Error(`No node ${id}`);
  return {
    node,
    doc: corpus.documents.get(id),
    body: corpus.bodies.get(id),
    outgoing: groups(corpus, corpus.graph.outgoing.get(id) ?? [], 'outgoing', node.kind),
    incoming: groups(corpus, corpus.graph.incoming.get(id) ?? [], 'incoming', node.kind),
  };
}

/** Every node with a page: written items and stubs alike. */
export function pagePaths(corpus: Corpus): { kind: string; slug: string; id: NodeId }[] {
  return [...corpus.graph.nodes.values()].map((n) => {
    const [kind, ...slug] = n.id.split('/');
    return { kind, slug: slug.join('/'), id: n.id };
  });
}

export function nodesOfKind(corpus: Corpus, kind: Kind): GraphNode[] {
  return [...corpus.graph.nodes.values()].filter((n) => n.kind === kind);
}

export function countsByKind(corpus: Corpus): { kind: Kind; folder: string; written: number; stubs: number }[] {
  return KINDS.map((kind) => {
    const all = nodesOfKind(corpus, kind);
    const stubs = all.filter((n) => n.stub).length;
    return { kind, folder: KIND_FOLDER[kind], written: all.length - stubs, stubs };
  });
}

/** Written notes with a claim, most connected first: the landing page's ways in. */
export function mostConnectedClaims(corpus: Corpus, limit = 12): { node: GraphNode; degree: number }[] {
  return [...corpus.graph.nodes.values()]
    .filter((n) => n.kind === 'note' && !n.stub && n.claim)
    .map((node) => ({ node, degree: degree(corpus.graph, node.id) }))
    .sort((a, b) => b.degree - a.degree || a.node.title.localeCompare(b.node.title))
    .slice(0, limit);
}

/**
 * Tags and the written items carrying them, tags sorted by name. A nested
 * tag counts for its parents too: `#a/b` is listed under `a` and `a/b`.
 */
export function tagIndex(corpus: Corpus): Map<string, GraphNode[]> {
  const tags = new Map<string, GraphNode[]>();
  for (const node of corpus.graph.nodes.values()) {
    const withParents = new Set(node.tags.flatMap((tag) => tag.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
    for (const tag of withParents) {
      if (!tags.has(tag)) tags.set(tag, []);
      tags.get(tag)!.push(node);
    }
  }
  return new Map([...tags].sort(([a], [b]) => a.localeCompare(b)));
}

/** The sentence around a link, cut into before / the link / after, for highlighting. */
export function splitContext(ctx: { sentence: string; start: number; end: number }): [string, string, string] {
  return [ctx.sentence.slice(0, ctx.start), ctx.sentence.slice(ctx.start, ctx.end), ctx.sentence.slice(ctx.end)];
}

/** The wording tables and slug conversions views need, from the layers that own them. */
export { KIND_VOCABULARY } from '../content/vocabulary';
export { STANCE_SOURCE_VOCABULARY, STANCE_VOCABULARY, STATUS_VOCABULARY } from '../content/stance';
export { EDGE_VOCABULARY } from '../graph/vocabulary';
export { tagPath, tagSlug } from '../content/ids';
