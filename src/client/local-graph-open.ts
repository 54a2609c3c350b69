/**
 * Opening an item's local graph (LocalGraph.astro): Cytoscape and the neighbourhood load only when a reader
 * opens it, or arrives at #local-graph.
 */
import { KINDS } from '../lib/content/ids';
import { fill, text } from './interface-text';

/**
 * The graph's controls, canvas and legend, made when the reader first opens it: as markup they were 0.9 KB of
 * every item's page (4% of the median note page), hidden inside the closed <details> until then.
 */
const words = text.localGraph;

function fillIn(details: HTMLDetailsElement) {
  const swatch = (classes: string, label: string) => `<li><span class="swatch ${classes}" aria-hidden="true"></span>${label}</li>`;
  details.insertAdjacentHTML(
    'beforeend',
    `<div><fieldset><legend>${words.show}</legend>` +
      `<label><input type="radio" name="local-depth" value="1" checked> ${words.direct}</label>` +
      `<label><input type="radio" name="local-depth" value="2"> ${words.twoSteps}</label></fieldset>` +
      '<div class="graph-canvas" data-local-canvas role="img"></div>' +
      `<p class="graph-status" data-local-status role="status" aria-live="polite">${words.loading}</p>` +
      '<ul class="legend">' +
      KINDS.map((k) => swatch(`node ${k}`, text.kinds[k].one)).join('') +
      swatch('node stub', text.stub.notWrittenYet) +
      swatch('node group', words.group) +
      (details.dataset.trail ? swatch('edge trail', words.trail) : '') +
      '</ul></div>',
  );
  const title = details.closest('article')?.querySelector('h1')?.textContent ?? '';
  details.querySelector('[data-local-canvas]')!.setAttribute('aria-label', fill(words.drawing, { title }));
}

for (const details of document.querySelectorAll<HTMLDetailsElement>('[data-local-graph]')) {
  details.addEventListener('toggle', async () => {
    if (!details.open || details.dataset.loaded) return;
    details.dataset.loaded = 'true';
    fillIn(details);
    const { mountLocalGraph } = await import('./local-graph');
    await mountLocalGraph(details);
  });
  if (location.hash === `#${details.id}`) {
    details.open = true;
    details.scrollIntoView();
  }
}
