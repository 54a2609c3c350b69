/**
 * Computes the global graph's communities and layout in a worker thread, so
 * Louvain and ForceAtlas2 run while Astro renders the pages (at 10,000 notes,
 * about 10 s of a build on the other core). Receives the graph's shape as
 * `workerData` (see `shapeData` in src/lib/graph/graph.ts) and posts back the
 * communities and positions.
 *
 * Plain JavaScript that registers tsx's loader first: the engine is
 * TypeScript, which Node 20 cannot run on its own.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { graphShape } = await import('../lib/graph/graph.ts');
const { computeGraphShape } = await import('../lib/graph/shape.ts');
const { workerHeapCollector } = await import('./heap-collector.ts');
// Collected by hand between steps: at 50,000 notes V8 let this worker grow the build's memory by 1.7 GB, most
// of it the layout's garbage, while the pages rendered beside it; checked after every step, by 0.8 GB.
const heap = workerHeapCollector();
parentPort.postMessage(computeGraphShape(graphShape(workerData), heap.check));
