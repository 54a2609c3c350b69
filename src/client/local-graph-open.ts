/**
 * Opening an item's local graph (LocalGraph.astro): Cytoscape and the neighbourhood load only when a reader
 * opens it, or arrives at #local-graph.
 */
import { KINDS } from '../lib/content/ids';
import { KIND_VOCABULARY } from '../lib/content/kind-vocabulary';

/**
 * The graph's controls, canvas and legend, made when the reader first opens it: as markup they were 0.9 KB of
 * every item's page (4% of the median note page), hidden inside the closed <details> until then.
 */
function fill(details: HTMLDetailsElement) {
  const swatch = (classes: string, label: string) => `<li><span class="swatch ${classes}" aria-hidden="true"></span>${label}</li>`;
  details.insertAdjacentHTML(
    'beforeend',
    '<div><fieldset><legend>Show</legend>' +
      '<label><input type="radio" name="local-depth" value="1" checked> Direct links</label>' +
      '<label><input type="radio" name="local-depth" value="2"> Two steps out</label></fieldset>' +
      '<div class="graph-canvas" data-local-canvas role="img"></div>' +
      '<p class="graph-status" data-local-status role="status" aria-live="polite">Loading…</p>' +
      '<ul class="legend">' +
      KINDS.map((k) => swatch(`node ${k}`, KIND_VOCABULARY[k].one)).join('') +
      swatch('node stub', 'Not written yet') +
      swatch('node group', 'A group of links (click to unfold)') +
      (details.dataset.trail ? swatch('edge trail', 'Evidence trail') : '') +
      '</ul></div>',
  );
  const title = details.closest('article')?.querySelector('h1')?.textContent ?? '';
  details.querySelector('[data-local-canvas]')!.setAttribute('aria-label', `Drawing of the items linked to “${title}”; the lists on this page hold the same links.`);
}

for (const details of document.querySelectorAll<HTMLDetailsElement>('[data-local-graph]')) {
  details.addEventListener('toggle', async () => {
    if (!details.open || details.dataset.loaded) return;
    details.dataset.loaded = 'true';
    fill(details);
    const { mountLocalGraph } = await import('./local-graph');
    await mountLocalGraph(details);
  });
  if (location.hash === `#${details.id}`) {
    details.open = true;
    details.scrollIntoView();
  }
}
