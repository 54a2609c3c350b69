/**
 * Full collections run by hand, when the heap has grown well past what it
 * holds. With memory to spare, V8 lets a heap grow to two or three times its
 * live data before it collects in full: the build's heap (./heap-bound.ts)
 * and its workers' heaps (./render-worker.mjs, ./graph-shape-worker.mjs,
 * ./search-worker.mjs) each check theirs with `heapCollector` and collect
 * when `collectionDue` says so.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Heap growth over the last live size that triggers a collection, unless `BUILD_HEAP_GROWTH` says otherwise. */
export const DEFAULT_GROWTH = 1.5;
/** Below this much heap in use nothing is collected by hand. */
export const FLOOR = 384 * 2 ** 20;
/**
 * The most the heap may grow past its live size, whatever `growth` allows. At 50,000 notes about 3.5 GB is
 * live while the pages render: 1.5× let the heap grow by 1.7 GB between collections, and the build peaked
 * at 6,429 MiB; with 1 GiB of headroom the page phase peaked at 6,029 MiB, with 768 MiB at about
 * 6,070 MiB (sampled every second). At 10,000 notes (about 600 MB live) growth alone decides.
 */
export const MAX_HEADROOM = 768 * 2 ** 20;

/**
 * The floor of the build's worker threads, whose live data is small beside their garbage: the Markdown
 * helper holds its copy of the files, the graph worker its graph of the links (110 MB at 10,000 notes).
 */
export const WORKER_FLOOR = 128 * 2 ** 20;

/** V8's full collection, which scripts are not given unless asked for: a context made after the flag has `gc`. */
export function fullCollection(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
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

/** Checks of this thread's heap against `growth`, `headroom` and `floor` (see `collectionDue`). */
export function heapCollector(growth = DEFAULT_GROWTH, { headroom = MAX_HEADROOM, floor = FLOOR } = {}): HeapCollector {
  const gc = fullCollection();
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

/** `BUILD_HEAP_GROWTH`: a factor above 1, or `off`; anything else is an error that names the setting. */
export function heapGrowthSetting(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return DEFAULT_GROWTH;
  if (value === 'off') return undefined;
  const growth = Number(value);
  if (!(growth > 1)) throw new Error(`BUILD_HEAP_GROWTH must be a number above 1 (such as 1.5) or "off", not "${value}"`);
  return growth;
}

/** This process's `BUILD_HEAP_GROWTH`; a value that cannot be read is the default, and `onInvalid` hears why. */
export function buildHeapGrowth(onInvalid: (message: string) => void = () => {}): number | undefined {
  try {
    return heapGrowthSetting(process.env.BUILD_HEAP_GROWTH);
  } catch (e) {
    onInvalid(`${(e as Error).message}; using ${DEFAULT_GROWTH}`);
    return DEFAULT_GROWTH;
  }
}

/**
 * The collector of one of the build's worker threads: `BUILD_HEAP_GROWTH` as the build reads it (the build's
 * own check warns of a value it cannot read), from `WORKER_FLOOR`. With `off`, V8 alone looks after the
 * worker's heap too: neither call collects.
 */
export function workerHeapCollector(): Pick<HeapCollector, 'check' | 'collect'> {
  const growth = buildHeapGrowth();
  if (growth === undefined) return { check: () => {}, collect: () => {} };
  return heapCollector(growth, { floor: WORKER_FLOOR });
}
