/** The find box: a title, or part of one, found and centred, shown again if a filter hid it. */
import { fillTitles } from '../titles';
import { reveal } from './filters';
import { select } from './selection';
import type { DrawnGraph, GraphElements } from './state';
import { fill, text } from '../interface-text';

/**
 * Holds a search asked for while the graph loads; `release` stops holding
 * and runs the one asked for, once the graph can answer it.
 */
export function holdFinds(elements: GraphElements): { release(): void } {
  const { find, status } = elements;
  let pending = false;
  const hold = (event: SubmitEvent) => {
    event.preventDefault();
    pending = true;
    status.textContent = text.graph.findWaiting;
  };
  find.addEventListener('submit', hold);
  return {
    release() {
      find.removeEventListener('submit', hold);
      if (pending) find.requestSubmit();
    },
  };
}

/** Offers the titles to the find box and finds what is asked. */
export function listenToFind(graph: DrawnGraph): void {
  const { find, page, status } = graph.elements;
  const { nodes } = graph.data;
  const input = find.querySelector('input')!;
  const byTitle = new Map(nodes.map((n, i) => [n.title.toLowerCase(), i]));
  void fillTitles(page.querySelector<HTMLDataListElement>('#graph-titles'), nodes.map((n) => n.title));
  find.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input.value.trim().toLowerCase();
    if (!query) return;
    const i = byTitle.get(query) ?? nodes.findIndex((n) => n.title.toLowerCase().includes(query));
    if (i === undefined || i < 0) {
      status.textContent = fill(text.graph.noMatch, { query: input.value.trim() });
      return;
    }
    reveal(graph, i);
    select(graph, i, { centre: true });
    status.textContent = fill(text.graph.found, { title: nodes[i].title });
  });
}
