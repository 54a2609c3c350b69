/**
 * Full collections run by hand, when the heap has grown well past what it
 * holds. With memory to spare, V8 lets a heap grow to two or three times its
 * live data before it collects in full: the build's heap (./heap-bound.ts)
 * and its workers' heaps (./workers/render.ts, ./workers/graph-shape.ts,
 * ./workers/search.ts) each check theirs with `heapCollector` and collect
 * when `collectionDue` says so.
 */
import { getHeapStatistics } from 'node:v8';

/** Heap growth over the last live size that triggers a collection, unless the option `heapGrowth` says otherwise. */
export const DEFAULT_GROWTH = 1.5;
/** Below this much heap in use nothing is collected by hand. */
export const FLOOR = 384 * 2 ** 20;
/**
 * The most the heap may grow past its live size, whatever `growth` allows: on a large corpus a factor alone
 * lets the heap grow by gigabytes between collections (docs/benchmarks.md, "the heap grows at most 768 MiB").
 * On smaller ones the factor decides.
 */
export const MAX_HEADROOM = 768 * 2 ** 20;

/**
 * The floor of the build's worker threads, whose live data is small beside their garbage: the Markdown
 * helper holds its copy of the files, the graph worker its graph of the links.
 */
export const WORKER_FLOOR = 128 * 2 ** 20;

/**
 * V8's full collection, which Node gives scripts only when started with `--expose-gc` (the npm scripts
 * `build` and `start` do; `NODE_OPTIONS=--expose-gc` works too). Undefined without it: then V8 alone
 * looks after the heap.
 */
export function fullCollection(): (() => void) | undefined {
  return (globalThis as { gc?: () => void }).gc;
}

/** Whether a heap of `used` bytes, `live` bytes after the last full collection, is due one. */
export function collectionDue(used: number, live: number, growth: number, floor = FLOOR, headroom = MAX_HEADROOM): boolean {
  return used > Math.max(floor, Math.min(live * growth, live + headroom));
}

export interface HeapCollector {
  /** Collects if due; reading the heap's size costs about a microsecond, so call it as often as you like. */
  check(): void;
  /** Collects now: where the caller knows a step's results have just become garbage. */
  collect(): void;
  /** Full collections run so far, and the milliseconds they took. */
  readonly collections: number;
  readonly spentMs: number;
  /** The most heap in use that a check saw. */
  readonly highest: number;
}

/** Checks of this thread's heap against `growth`, `headroom` and `floor` (see `collectionDue`); `gc` is V8's full collection. */
export function heapCollector(growth = DEFAULT_GROWTH, { headroom = MAX_HEADROOM, floor = FLOOR } = {}, gc: () => void = fullCollection() ?? (() => {})): HeapCollector {
  let live = 0;
  const state = {
    collections: 0,
    spentMs: 0,
    highest: 0,
    check() {
      const used = getHeapStatistics().used_heap_size;
      state.highest = Math.max(state.highest, used);
      if (collectionDue(used, live, growth, floor, headroom)) state.collect();
    },
    collect() {
      const start = performance.now();
      gc();
      state.spentMs += performance.now() - start;
      state.collections++;
      live = getHeapStatistics().used_heap_size;
    },
  };
  return state;
}

/**
 * The collector of one of the build's worker threads, with the build's `growth` (passed in its workerData),
 * from `WORKER_FLOOR`. With no growth, or a Node not started with `--expose-gc`, V8 alone looks after the
 * worker's heap: neither call collects.
 */
export function workerHeapCollector(growth: number | undefined): Pick<HeapCollector, 'check' | 'collect'> {
  const gc = fullCollection();
  if (growth === undefined || !gc) return { check: () => {}, collect: () => {} };
  return heapCollector(growth, { floor: WORKER_FLOOR }, gc);
}
