/**
 * Stage: Dendron's hierarchy. A Dendron vault names its notes by dotted
 * paths (`python.fixtures.md` sits under `python.md`, and every top note
 * under `root.md`): each note's parent is its nearest written ancestor, and
 * its children the notes whose parent it is. Hierarchy is navigation, not
 * links: it adds no edge to the graph.
 */
import path from 'node:path';
import type { Document } from '../content/document';
import type { NodeId } from '../content/ids';

export interface HierarchyPlace {
  parent?: NodeId;
  /** In the order of their dotted names. */
  children: NodeId[];
}

/** Each Dendron note's place in its vault's hierarchy; notes of other dialects have none. */
export function dendronHierarchy(documents: Iterable<Document>): Map<NodeId, HierarchyPlace> {
  const byName = new Map<string, Document>();
  for (const doc of documents) {
    if (doc.dialect !== 'dendron') continue;
    byName.set(hierarchyName(doc), doc);
  }
  const places = new Map<NodeId, HierarchyPlace>();
  const placeOf = (id: NodeId) => places.get(id) ?? places.set(id, { children: [] }).get(id)!;
  for (const [name, doc] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
    if (name.slice(name.lastIndexOf('/') + 1) === 'root') continue;
    const parent = ancestorOf(name, byName);
    placeOf(doc.id);
    if (!parent) continue;
    placeOf(doc.id).parent = parent.id;
    placeOf(parent.id).children.push(doc.id);
  }
  return places;
}

/** A Dendron note's dotted name, its file name in the vault's folder, lower-cased as Dendron compares them. */
const hierarchyName = (doc: Document) => `${path.posix.dirname(doc.file)}/${path.posix.basename(doc.file, '.md')}`.replace(/^\.\//, '').toLowerCase();

function ancestorOf(name: string, byName: Map<string, Document>): Document | undefined {
  const slash = name.lastIndexOf('/') + 1;
  const folder = name.slice(0, slash);
  let stem = name.slice(slash);
  while (stem.includes('.')) {
    stem = stem.slice(0, stem.lastIndexOf('.'));
    const found = byName.get(folder + stem);
    if (found) return found;
  }
  return byName.get(`${folder}root`);
}
