/**
 * What the pages show, computed from the corpus: plain data the Astro views
 * only lay out. Every list here is read off the graph's adjacency maps.
 */
import type { Document } from '../content/document';
import { KIND_FOLDER, KINDS, type Kind, type NodeId, type SitePath } from '../content/ids';
import { KIND_VOCABULARY } from '../content/kind-vocabulary';
import type { Corpus } from '../corpus';
import { degree, groupByType, type Edge, type EdgeType, type GraphNode } from '../graph/graph';
import { edgeListLabel } from '../graph/edge-vocabulary';
import type { RenderedBody } from '../markdown';

/**
 * How much a page lists before it points elsewhere: a hub note has hundreds
 * of backlinks, each with its sentence, and listed whole they made its page
 * heavier than all the rest of it. Past `perGroup` a group shows its count and
 * links to its full list, and index pages show `perPage` items a page.
 */
export const LIST_LIMITS = { perGroup: 30, contextsPerItem: 2, perPage: 200 } as const;

export type Direction = 'outgoing' | 'incoming';

export interface EdgeGroup {
  type: EdgeType;
  direction: Direction;
  label: string;
  /** The first `LIST_LIMITS.perGroup` items. */
  items: { edge: Edge; node: GraphNode }[];
  total: number;
  /** The page listing them all, when not all are shown here. */
  fullList?: SitePath;
  /** Items left out of `items` because the evidence section above already lists them. */
  inEvidence?: number;
}

export interface PageModel {
  node: GraphNode;
  doc?: Document;
  body?: RenderedBody;
  outgoing: EdgeGroup[];
  incoming: EdgeGroup[];
  /** A Dendron note's place in its hierarchy: its parent and children. */
  hierarchy?: { parent?: GraphNode; children: GraphNode[] };
}

function groups(corpus: Corpus, id: NodeId, direction: Direction, kind: Kind, limit: number = LIST_LIMITS.perGroup): EdgeGroup[] {
  const edges = corpus.graph[direction].get(id) ?? [];
  return groupByType(edges).map(([type, list]) => ({
    type,
    direction,
    label: edgeListLabel(type, direction, kind),
    items: list.slice(0, limit).map((edge) => ({ edge, node: corpus.graph.nodes.get(direction === 'outgoing' ? edge.target : edge.source)! })),
    total: list.length,
    fullList: list.length > limit ? linkListPath(id, direction, type) : undefined,
  }));
}

/** The page that lists every `type` link of an item in one direction (`/links/notes/x/incoming-cites/`). */
export const linkListPath = (id: NodeId, direction: Direction, type: EdgeType, page = 1) => pagePath(`/links/${id}/${direction}-${type}/`, page);

/** Page `page` of a paginated list at `base`: the base itself, then `base~2/`… (`~` is in no slug or tag). */
export const pagePath = (base: string, page: number) => (page <= 1 ? base : `${base}~${page}/`) as SitePath;

/** Splits a list into pages of `LIST_LIMITS.perPage`; an empty list is one empty page. */
export function paginate<T>(items: T[], perPage: number = LIST_LIMITS.perPage): { items: T[]; page: number; pages: number }[] {
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  return Array.from({ length: pages }, (_, i) => ({ items: items.slice(i * perPage, (i + 1) * perPage), page: i + 1, pages }));
}

/** Every full list a page points to: one per group of an item longer than `LIST_LIMITS.perGroup`, paginated. */
export function linkListPages(corpus: Corpus): { path: string; node: GraphNode; group: EdgeGroup; page: number; pages: number }[] {
  const out: { path: string; node: GraphNode; group: EdgeGroup; page: number; pages: number }[] = [];
  for (const node of corpus.graph.nodes.values()) {
    for (const direction of ['outgoing', 'incoming'] as const) {
      if ((corpus.graph[direction].get(node.id)?.length ?? 0) <= LIST_LIMITS.perGroup) continue;
      for (const group of groups(corpus, node.id, direction, node.kind, Infinity)) {
        if (group.total <= LIST_LIMITS.perGroup) continue;
        for (const { items, page, pages } of paginate(group.items)) {
          out.push({ path: linkListPath(node.id, direction, group.type, page).slice('/links/'.length, -1), node, group: { ...group, items }, page, pages });
        }
      }
    }
  }
  return out;
}

export function pageModel(corpus: Corpus, id: NodeId): PageModel {
  const node = corpus.graph.nodes.get(id);
  if (!node) throw new Error(`No node ${id}`);
  return {
    node,
    doc: corpus.documents.get(id),
    body: corpus.bodies.get(id),
    outgoing: groups(corpus, id, 'outgoing', node.kind),
    incoming: groups(corpus, id, 'incoming', node.kind),
    hierarchy: hierarchyOf(corpus, id),
  };
}

/** A Dendron note's parent and children, as nodes, or undefined outside a Dendron vault. */
function hierarchyOf(corpus: Corpus, id: NodeId): PageModel['hierarchy'] {
  const place = corpus.hierarchy.get(id);
  if (!place) return undefined;
  const node = (n: NodeId) => corpus.graph.nodes.get(n)!;
  return { parent: place.parent && node(place.parent), children: place.children.map(node) };
}

/** Every node with a page: written items and stubs alike. */
export function pagePaths(corpus: Corpus): { kind: string; slug: string; id: NodeId }[] {
  return [...corpus.graph.nodes.values()].map((n) => {
    const [kind, ...slug] = n.id.split('/');
    return { kind, slug: slug.join('/'), id: n.id };
  });
}

const kindOrders = new WeakMap<Corpus, Map<Kind, { items: GraphNode[]; written: number; stubs: number }>>();

/**
 * A kind's index in reading order, computed once per corpus however many of
 * its pages render: written items first (papers newest first, others by
 * title), then stubs by title.
 */
export function kindIndex(corpus: Corpus, kind: Kind): { items: GraphNode[]; written: number; stubs: number } {
  let byKind = kindOrders.get(corpus);
  if (!byKind) kindOrders.set(corpus, (byKind = new Map()));
  let entry = byKind.get(kind);
  if (!entry) {
    const all = nodesOfKind(corpus, kind).sort((a, b) => a.title.localeCompare(b.title));
    const date = (n: GraphNode) => (corpus.documents.get(n.id)?.data as { date?: string } | undefined)?.date ?? '';
    const written = all.filter((n) => !n.stub);
    if (kind === 'paper') written.sort((a, b) => date(b).localeCompare(date(a)) || a.title.localeCompare(b.title));
    const stubs = all.filter((n) => n.stub);
    entry = { items: [...written, ...stubs], written: written.length, stubs: stubs.length };
    byKind.set(kind, entry);
  }
  return entry;
}

export function nodesOfKind(corpus: Corpus, kind: Kind): GraphNode[] {
  return [...corpus.graph.nodes.values()].filter((n) => n.kind === kind);
}

const kindCounts = new WeakMap<Corpus, { kind: Kind; folder: string; written: number; stubs: number }[]>();

/** The kinds the collection holds, with their written and stub counts; one pass per corpus, as every page's search button asks. */
export function countsByKind(corpus: Corpus): { kind: Kind; folder: string; written: number; stubs: number }[] {
  let counts = kindCounts.get(corpus);
  if (!counts) {
    const tally = new Map(KINDS.map((kind) => [kind, { kind, folder: KIND_FOLDER[kind], written: 0, stubs: 0 }]));
    for (const n of corpus.graph.nodes.values()) tally.get(n.kind)![n.stub ? 'stubs' : 'written']++;
    counts = [...tally.values()].filter((c) => c.written + c.stubs > 0);
    kindCounts.set(corpus, counts);
  }
  return counts;
}

/** The site's sections in menu order, with whether the collection has anything for each. */
const SECTIONS = [
  ...KINDS.map((kind) => ({ key: KIND_FOLDER[kind], path: `/${KIND_FOLDER[kind]}/` as const, label: KIND_VOCABULARY[kind].many })),
  { key: 'claims', path: '/claims/', label: 'Claims' },
  { key: 'tags', path: '/tags/', label: 'Tags' },
  { key: 'graph', path: '/graph/', label: 'Graph' },
  { key: 'path', path: '/path/', label: 'Find a path' },
] as const;
export type SectionKey = (typeof SECTIONS)[number]['key'];

const sectionLists = new WeakMap<Corpus, (typeof SECTIONS)[number][]>();

/**
 * The sections the menu offers: a kind's index only when the collection holds that kind, claims only when
 * some item makes a claim, tags only when some item has one. Research furniture stays out of a plain vault.
 */
export function siteSections(corpus: Corpus): readonly (typeof SECTIONS)[number][] {
  let list = sectionLists.get(corpus);
  if (!list) {
    const shown = new Set<SectionKey>();
    for (const n of corpus.graph.nodes.values()) {
      shown.add(KIND_FOLDER[n.kind]);
      if (n.claim && !n.stub) shown.add('claims');
      if (n.tags.length > 0) shown.add('tags');
    }
    if (corpus.graph.nodes.size > 0) shown.add('graph');
    if (corpus.graph.edges.length > 0) shown.add('path');
    list = SECTIONS.filter((s) => shown.has(s.key));
    sectionLists.set(corpus, list);
  }
  return list;
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

/** A tag in the tag tree: its last part, the items carrying it or a tag below it, and the tags below it. */
export interface TagBranch {
  tag: string;
  name: string;
  count: number;
  children: TagBranch[];
}

/** The tags of `tagIndex` as a tree: `a/b/c` below `a/b`, below `a`, each level sorted by name. */
export function tagTree(tags: Map<string, GraphNode[]>): TagBranch[] {
  const top: TagBranch[] = [];
  const byTag = new Map<string, TagBranch>();
  for (const [tag, nodes] of [...tags].sort(([a], [b]) => a.localeCompare(b))) {
    const cut = tag.lastIndexOf('/');
    const branch: TagBranch = { tag, name: tag.slice(cut + 1), count: nodes.length, children: [] };
    byTag.set(tag, branch);
    (byTag.get(tag.slice(0, Math.max(cut, 0)))?.children ?? top).push(branch);
  }
  return top;
}

/** The sentence around a link, cut into before / the link / after, for highlighting. */
export function splitContext(ctx: { sentence: string; start: number; end: number }): [string, string, string] {
  return [ctx.sentence.slice(0, ctx.start), ctx.sentence.slice(ctx.start, ctx.end), ctx.sentence.slice(ctx.end)];
}

/** The wording tables and slug conversions views need, from the layers that own them. */
export { KIND_VOCABULARY } from '../content/kind-vocabulary';
export { STANCE_SOURCE_VOCABULARY, STANCE_VOCABULARY, STATUS_VOCABULARY } from '../content/stance';
export { EDGE_VOCABULARY } from '../graph/edge-vocabulary';
export { tagPath, tagSlug } from '../content/ids';
