/**
 * The /graph/ page's script: the whole graph, or from `OVERVIEW_FROM` items on (or `?overview-from=`) the
 * overview of communities first, which starts the whole graph when a community is opened.
 */
import { overviewFrom } from '../../lib/graph/compact';
import { startOverview } from './overview';
import { startGlobalGraph } from './start';
import { fetchGraph } from './load';

const container = document.querySelector<HTMLElement>('[data-graph]');
if (container) {
  const items = Number(container.dataset.items);
  // The overview is drawn from a small file; the whole graph downloads meanwhile, for the community opened.
  void fetchGraph().catch(() => undefined);
  if (items >= overviewFrom(location.search)) void startOverview(container, startGlobalGraph);
  else void startGlobalGraph(container);
}
