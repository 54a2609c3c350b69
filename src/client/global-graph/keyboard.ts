/** The keyboard on the global graph: Tab reaches the canvas, arrows walk to linked items, Enter opens, Esc clears. */
import { towardScore } from './overview';
import { select } from './selection';
import type { DrawnGraph, GraphState } from './state';
import { openItem } from './url';
import { fill, text } from '../interface-text';
import type { Kind } from '../../lib/content/ids';

const ARROWS: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

export function listenToKeys(graph: DrawnGraph): void {
  const { cy } = graph;
  const { container, status } = graph.elements;
  const { nodes, order, linksOf } = graph.data;
  container.addEventListener('keydown', (event) => {
    const { selected } = graph;
    if (event.key in ARROWS) {
      event.preventDefault();
      if (selected === undefined) {
        const first = order.find((i) => !graph.nodeHidden[i]);
        if (first !== undefined) select(graph, first, { centre: true });
        return;
      }
      const next = neighbourToward(graph, selected, ARROWS[event.key]);
      if (next === undefined) status.textContent = fill(text.graph.noLinkThatWay, { title: nodes[selected].title });
      else {
        const p = { x: nodes[next].x * cy.zoom() + cy.pan().x, y: nodes[next].y * cy.zoom() + cy.pan().y };
        select(graph, next, { centre: p.x < 0 || p.y < 0 || p.x > cy.width() || p.y > cy.height() });
        status.textContent = fill(text.graph.reached, { title: nodes[next].title, what: nodes[next].stub ? text.stub.notWrittenYetLower : text.kinds[nodes[next].kind as Kind].one.toLowerCase(), n: linksOf[next].length });
      }
    } else if (event.key === 'Enter' && selected !== undefined) {
      event.preventDefault();
      openItem(nodes[selected].id);
    } else if (event.key === 'Escape' && selected !== undefined) {
      event.preventDefault();
      select(graph, undefined);
      status.textContent = text.graph.selectionCleared;
    }
  });
}

/** The linked item whose direction from `from` is closest to `dir` (within 70°), nearest first on ties. */
function neighbourToward(state: GraphState, from: number, dir: [number, number]): number | undefined {
  const { nodes, links, linksOf } = state.data;
  let best: number | undefined;
  let bestScore = Infinity;
  const a = nodes[from];
  for (const l of linksOf[from]) {
    if (state.edgeHidden[l]) continue;
    const other = links.source[l] === from ? links.target[l] : links.source[l];
    if (other === from || state.nodeHidden[other]) continue;
    const score = towardScore(a, nodes[other], dir);
    if (score !== undefined && score < bestScore) [best, bestScore] = [other, score];
  }
  return best;
}
