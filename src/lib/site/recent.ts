/**
 * Items by date: what the feed lists and the landing page's "Recently
 * updated" shows. Only written items with a known date take part.
 */
import type { Corpus } from '../corpus';
import { itemDates, type FileHistory, type ItemDates } from '../corpus/dates';
import type { GraphNode } from '../graph/graph';

export interface DatedItem {
  node: GraphNode;
  dates: ItemDates;
  /** The date the item is listed under: its last update, else its creation. */
  when: string;
}

/** Written items with a date, newest first (ties by title), at most `limit`. */
export function recentItems(corpus: Corpus, history: FileHistory, limit = Infinity): DatedItem[] {
  const items: DatedItem[] = [];
  for (const node of corpus.graph.nodes.values()) {
    if (node.stub) continue;
    const dates = itemDates(corpus.documents.get(node.id), history);
    const when = dates.updated ?? dates.created;
    if (when) items.push({ node, dates, when });
  }
  items.sort((a, b) => (a.when === b.when ? a.node.title.localeCompare(b.node.title) : a.when < b.when ? 1 : -1));
  return items.slice(0, limit);
}
