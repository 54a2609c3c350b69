/**
 * The explorer beside a page: a vault's folders as a tree a reader opens and
 * closes, with the notes in each, as Obsidian's file explorer shows them; a
 * Dendron vault's dotted hierarchy (`python.fixtures` under `python`) is the
 * same tree, a note with children being a branch.
 *
 * A page must not carry the whole tree: at 10,000 notes it would weigh more
 * than the page, in every page. Each page carries the top of the tree and, in
 * each branch on the way to itself, the one row that leads on; every branch's
 * rows are a small file (`/explorer/<key>.json`, see `explorerPath`) the
 * browser fetches when the branch is open, and keeps. A branch lists its first
 * `BRANCH_NOTES` notes (and the current one); its page lists them all.
 */
import type { NodeId, SitePath } from '../content/ids';
import type { Corpus } from '../corpus';
import type { GraphNode } from '../graph/graph';
import { folderTree, type Folder } from './folders';
import { explorerPath } from './urls';

/** Notes a branch lists before it says how many more its page holds. */
export const BRANCH_NOTES = 50;

/** One row of the explorer: a note, or a branch (a folder, a Dendron note with children) that opens. */
export interface ExplorerEntry {
  label: string;
  path: SitePath;
  /** A branch's key: its entries are the file `explorerPath(key)`. */
  branch?: string;
  /** Notes below a folder, or children of a Dendron note. */
  count?: number;
  /** A folder's page, which is no item (and has no link preview). */
  folder?: true;
}

/** A branch's entries, as a branch file holds them. */
export interface ExplorerList {
  entries: ExplorerEntry[];
  /** Notes left out of the list; the branch's page lists them. */
  more?: number;
}

/** An entry as a page shows it: the page's own entry is marked, the branches on the way to it are open. */
export interface ExplorerItem extends ExplorerEntry {
  current?: boolean;
  open?: ExplorerView;
}

export interface ExplorerView {
  entries: ExplorerItem[];
  more?: number;
  /** Only the rows on the way to the page: the branch's file has the others. */
  partial?: true;
}

/** The page an explorer is shown on: an item, a folder's page, or neither (an index). */
export type ExplorerPlace = { item: NodeId } | { folder: string } | undefined;

const FOLDER_KEY = 'folders/';
const folderKey = (slug: string) => FOLDER_KEY + slug;

/** The explorer's tree of one corpus: where each branch's entries come from. */
interface Tree {
  folders: Map<string, Folder>;
  /** Dendron notes' children, by note. */
  children: Map<NodeId, NodeId[]>;
  /** Dendron notes that the hierarchy puts below another (the root note's children are not). */
  below: Set<NodeId>;
  /** Vault notes outside any folder, by title. */
  top: GraphNode[];
  corpus: Corpus;
}

const trees = new WeakMap<Corpus, Tree>();

function treeOf(corpus: Corpus): Tree {
  let tree = trees.get(corpus);
  if (tree) return tree;
  const roots = new Set([...corpus.hierarchy].filter(([id, place]) => !place.parent && isDendronRoot(corpus, id)).map(([id]) => id));
  const children = new Map<NodeId, NodeId[]>();
  const below = new Set<NodeId>();
  for (const [id, place] of corpus.hierarchy) {
    if (place.children.length && !roots.has(id)) children.set(id, place.children);
    if (place.parent && !roots.has(place.parent)) below.add(id);
  }
  for (const id of roots) below.add(id);
  tree = { folders: folderTree(corpus), children, below, top: topVaultNotes(corpus), corpus };
  trees.set(corpus, tree);
  return tree;
}

/** Dendron's `root.md`, the note above every top note: the explorer shows its children at the top instead. */
const isDendronRoot = (corpus: Corpus, id: NodeId) => /(^|\/)root\.md$/i.test(corpus.documents.get(id)?.file ?? '');

/** Does the collection have a tree to explore: vault folders, or a Dendron hierarchy? */
export const hasExplorer = (corpus: Corpus): boolean => treeOf(corpus).folders.size > 0 || treeOf(corpus).children.size > 0;

const noteEntry = (tree: Tree, node: GraphNode): ExplorerEntry => {
  const children = tree.children.get(node.id);
  return children ? { label: node.title, path: node.url, branch: node.id, count: children.length } : { label: node.title, path: node.url };
};

/** The notes a branch holds directly, before any cut, in the order shown. */
function notesOf(tree: Tree, key: string | undefined): GraphNode[] {
  const { corpus } = tree;
  if (key && !key.startsWith(FOLDER_KEY)) return (tree.children.get(key as NodeId) ?? []).map((id) => corpus.graph.nodes.get(id)!).filter(Boolean);
  const folder = key ? tree.folders.get(key.slice(FOLDER_KEY.length)) : undefined;
  const notes = folder ? folder.notes : tree.top;
  // A note at a subfolder's own address is that folder's page: the folder's row stands for both.
  const folderPaths = new Set(foldersOf(tree, key).map((f) => f.path));
  return notes.filter((n) => !tree.below.has(n.id) && !folderPaths.has(n.url));
}

/** Vault notes outside any folder, by title. */
const topVaultNotes = (corpus: Corpus): GraphNode[] =>
  [...corpus.documents.values()]
    .filter((d) => d.vault && d.id.split('/').length === 2)
    .map((d) => corpus.graph.nodes.get(d.id))
    .filter((n): n is GraphNode => n !== undefined)
    .sort((a, b) => a.title.localeCompare(b.title));

function foldersOf(tree: Tree, key: string | undefined): Folder[] {
  if (key && !key.startsWith(FOLDER_KEY)) return [];
  const slugs = key ? tree.folders.get(key.slice(FOLDER_KEY.length))?.folders ?? [] : [...tree.folders.values()].filter((f) => !f.parent).map((f) => f.slug);
  return slugs.map((s) => tree.folders.get(s)!).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A branch's entries (the top of the tree without a key): its folders, then its notes, the first
 * `BRANCH_NOTES` of them and `keep` wherever it stands.
 */
function listOf(tree: Tree, key: string | undefined, keep?: SitePath): ExplorerList {
  const folders = foldersOf(tree, key).map((f): ExplorerEntry => {
    const entry: ExplorerEntry = { label: f.name, path: f.path, branch: folderKey(f.slug), count: f.total };
    return tree.corpus.graph.nodes.has(`notes/${f.slug}` as NodeId) ? entry : { ...entry, folder: true };
  });
  const notes = notesOf(tree, key);
  const shown = notes.filter((n, i) => i < BRANCH_NOTES || n.url === keep);
  const list: ExplorerList = { entries: [...folders, ...shown.map((n) => noteEntry(tree, n))] };
  if (notes.length > shown.length) list.more = notes.length - shown.length;
  return list;
}

/** The branches from the top of the tree down to a place, each by its key, and the place's own address. */
function trailTo(tree: Tree, place: ExplorerPlace): { keys: string[]; path?: SitePath } {
  if (!place) return { keys: [] };
  if ('folder' in place) {
    const keys: string[] = [];
    for (let f = tree.folders.get(place.folder); f; f = f.parent ? tree.folders.get(f.parent) : undefined) keys.unshift(folderKey(f.slug));
    return { keys, path: tree.folders.get(place.folder)?.path };
  }
  const node = tree.corpus.graph.nodes.get(place.item);
  if (!node) return { keys: [] };
  const keys: string[] = [];
  // Dendron: the note itself when it has children, and every note above it.
  for (let id: NodeId | undefined = place.item; id; id = tree.below.has(id) ? tree.corpus.hierarchy.get(id)?.parent : undefined) {
    if (tree.children.has(id)) keys.unshift(id);
  }
  const slugs = place.item.split('/').slice(1, -1);
  const folders = slugs.map((_, i) => slugs.slice(0, i + 1).join('/')).filter((s) => tree.folders.has(s));
  // A folder note (`notes/a/b` beside the folder `a/b`) opens its folder too.
  const own = place.item.split('/').slice(1).join('/');
  if (tree.folders.has(own)) folders.push(own);
  return { keys: [...folders.map(folderKey), ...keys], path: node.url };
}

/**
 * The explorer as the page at `place` shows it: the top of the tree, and in each branch on the way to the page
 * only the row that leads on (the page's own row last, marked). The rest of those branches' rows are in their
 * files, which the browser fetches as the page opens (`partial`); without JavaScript, "N more" leads to the
 * branch's page.
 */
export function explorerView(corpus: Corpus, place: ExplorerPlace): ExplorerView | undefined {
  if (!hasExplorer(corpus)) return undefined;
  const tree = treeOf(corpus);
  const { keys, path } = trailTo(tree, place);
  const open = new Set(keys);
  const item = (e: ExplorerEntry): ExplorerItem => ({
    ...e,
    ...(e.path === path ? { current: true } : {}),
    ...(e.branch && open.has(e.branch) ? { open: view(e.branch) } : {}),
  });
  const view = (key: string | undefined): ExplorerView => {
    const list = listOf(tree, key, path);
    const shown = key ? list.entries.filter((e) => (e.branch && open.has(e.branch)) || e.path === path) : list.entries;
    const more = list.entries.length + (list.more ?? 0) - shown.length;
    return { entries: shown.map(item), ...(key ? { partial: true as const } : {}), ...(more > 0 ? { more } : {}) };
  };
  return view(undefined);
}

/** Every branch's file: site path → JSON text. */
export function explorerFileContents(corpus: Corpus): Map<string, string> {
  const tree = treeOf(corpus);
  const keys = [...[...tree.folders.keys()].map(folderKey), ...tree.children.keys()];
  return new Map(keys.map((key) => [explorerPath(key), JSON.stringify(listOf(tree, key))]));
}
