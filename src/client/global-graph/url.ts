/** What the address says to the global graph, and what the graph writes back into it. */
import { itemHref } from '../../lib/site/urls';

/** The item a shared address opens on (`?focus=`). */
export const focusAsked = (): string | null => new URL(location.href).searchParams.get('focus');

/** `?webgl=1` asks for cytoscape's WebGL renderer: faster on a real GPU, slower than the canvas on a software one. */
export const webglAsked = (): boolean => new URL(location.href).searchParams.get('webgl') === '1';

/** Keeps the selected item in the address, so that it can be shared; without replacing the page in the history. */
export function writeFocus(id: string | undefined): void {
  const url = new URL(location.href);
  if (id === undefined) url.searchParams.delete('focus');
  else url.searchParams.set('focus', id);
  history.replaceState(null, '', url);
}

/** Leaves the graph for the item's page. */
export function openItem(id: string): void {
  location.href = itemHref(id);
}
