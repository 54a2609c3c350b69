/**
 * A vault's folders as readers browse them: each folder of vault notes has a
 * page at the address its notes share (`Algorithms/Sorting/Heap.md` is at
 * `/notes/algorithms/sorting/heap/`, so its folder is at
 * `/notes/algorithms/sorting/`), listing its subfolders and notes; each note
 * shows the folders above it as breadcrumbs. Folders are named as the vault
 * names them ("Deep Work"), addressed by their slugs.
 */
import type { NodeId, SitePath } from '../content/ids';
import type { Corpus } from '../corpus';
import type { GraphNode } from '../graph/graph';

export interface Folder {
  /** The folder's slug path below `/notes/` (`algorithms/sorting`). */
  slug: string;
  /** Its name as the vault writes it. */
  name: string;
  path: SitePath;
  /** The folder above, or undefined for a top folder. */
  parent?: string;
  /** Subfolders' slugs and notes, each sorted by name. */
  folders: string[];
  notes: GraphNode[];
  /** Notes in this folder and every folder below it. */
  total: number;
}

const trees = new WeakMap<Corpus, Map<string, Folder>>();

/** Every folder holding vault notes (at any depth below it), by slug path; computed once per corpus. */
export function folderTree(corpus: Corpus): Map<string, Folder> {
  let tree = trees.get(corpus);
  if (tree) return tree;
  tree = new Map();
  for (const doc of corpus.documents.values()) {
    if (!doc.vault) continue;
    const slugs = doc.id.split('/').slice(1);
    if (slugs.length < 2) continue;
    // The vault's own names for the folders, aligned from the end (a `notes/` folder read as a vault is not in the slug).
    const names = doc.file.split('/').slice(0, -1).slice(-(slugs.length - 1));
    let parent: string | undefined;
    for (let depth = 1; depth < slugs.length; depth++) {
      const slug = slugs.slice(0, depth).join('/');
      let folder = tree.get(slug);
      if (!folder) {
        folder = { slug, name: names[depth - 1] ?? slugs[depth - 1], path: `/notes/${slug}/` as SitePath, parent, folders: [], notes: [], total: 0 };
        tree.set(slug, folder);
        if (parent) tree.get(parent)!.folders.push(slug);
      }
      folder.total++;
      parent = slug;
    }
    const node = corpus.graph.nodes.get(doc.id);
    if (node && parent) tree.get(parent)!.notes.push(node);
  }
  for (const folder of tree.values()) {
    folder.folders.sort((a, b) => tree!.get(a)!.name.localeCompare(tree!.get(b)!.name));
    folder.notes.sort((a, b) => a.title.localeCompare(b.title));
  }
  trees.set(corpus, tree);
  return tree;
}

/** The folders that have a page: every folder whose address no item already has. */
export function folderPages(corpus: Corpus): Folder[] {
  return [...folderTree(corpus).values()].filter((f) => !corpus.graph.nodes.has(`notes/${f.slug}` as NodeId));
}

/** The folders above an item, top first, as breadcrumbs; empty for an item outside any vault folder. */
export function breadcrumbs(corpus: Corpus, id: NodeId): Folder[] {
  const tree = folderTree(corpus);
  const slugs = id.split('/').slice(1);
  const out: Folder[] = [];
  for (let depth = 1; depth < slugs.length; depth++) {
    const folder = tree.get(slugs.slice(0, depth).join('/'));
    if (folder) out.push(folder);
  }
  return out;
}

/** The top folders of the vault, for the notes index viewed by folder. */
export const topFolders = (corpus: Corpus): Folder[] =>
  [...folderTree(corpus).values()].filter((f) => !f.parent).sort((a, b) => a.name.localeCompare(b.name));
