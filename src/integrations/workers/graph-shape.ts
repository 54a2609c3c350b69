/**
 * Computes the global graph's communities and layout in a worker thread, so Louvain and ForceAtlas2 run while
 * Astro renders the pages. Receives the graph's shape (see `shapeData` in src/lib/graph/graph.ts) and the
 * build's heap growth as `workerData` and posts back the communities and positions.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { graphShape, type ShapeData } from '../../lib/graph/graph';
import { computeGraphShape } from '../../lib/graph/shape';
import { workerHeapCollector } from '../heap-collector';

const { shape, heapGrowth } = workerData as { shape: ShapeData; heapGrowth?: number };
// Collected by hand between steps: the layout's garbage would otherwise grow the build's memory while the
// pages render beside it (docs/benchmarks.md, "the workers' heaps").
const heap = workerHeapCollector(heapGrowth);
parentPort!.postMessage(computeGraphShape(graphShape(shape), heap.check));
