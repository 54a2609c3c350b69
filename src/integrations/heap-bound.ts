/**
 * Keeps the build's heap near what it actually holds. With memory to spare,
 * V8 lets the heap grow to two or three times its live data before a full
 * collection: at 10,000 notes the build's memory climbed from 1.1 to 2.3 GB
 * while the pages rendered, though a full collection at any moment brought
 * it back to about 1.0 GB. During `astro build` this looks at the heap every
 * second and runs a full collection once it has grown past `growth` × what
 * was live after the last one, or by more than `MAX_HEADROOM` (and past a
 * floor, so small sites never pay).
 * Each collection costs 0.5–1 s at 10,000 notes; the build log says how many
 * ran. `BUILD_HEAP_GROWTH=off` leaves the heap to V8. The check runs on a
 * timer, and also every 200 bodies while the corpus renders them: a cold build
 * renders every body in one synchronous loop (`buildCorpus`, about 40 s at
 * 10,000 notes) in which no timer runs.
 *
 * Measured at 10,000 notes: with the bodies in the render cache, peak RSS
 * 1.56 GB against 2.32 GB, 7 collections costing 3.2 s; cold, with the
 * checks from the corpus, 1.54 GB against 1.73 GB with the timer alone.
 */
import type { AstroIntegration } from 'astro';
import { getHeapStatistics } from 'node:v8';
import { duringRendering } from '../lib/site/corpus';
import { fullCollection } from './full-collection';

/** Heap growth over the last live size that triggers a collection, unless `BUILD_HEAP_GROWTH` says otherwise. */
export const DEFAULT_GROWTH = 1.5;
/** Below this much heap in use nothing is collected by hand. */
const FLOOR = 384 * 2 ** 20;
/**
 * The most the heap may grow past its live size, whatever `growth` allows. At 50,000 notes about 3.5 GB is
 * live while the pages render: 1.5× let the heap grow by 1.7 GB between collections, and the build peaked
 * at 6,429 MiB; with 1 GiB of headroom the page phase peaked at 6,029 MiB, with 768 MiB at about
 * 6,070 MiB (sampled every second). The whole build's peak (the bench's, 6,442 MiB) now falls in another
 * phase. At 10,000 notes (about 600 MB live) growth alone decides.
 */
export const MAX_HEADROOM = 768 * 2 ** 20;
const CHECK_EVERY_MS = 1000;

/** Whether a heap of `used` bytes, `live` bytes after the last full collection, is due one. */
export function collectionDue(used: number, live: number, growth: number, floor = FLOOR, headroom = MAX_HEADROOM): boolean {
  return used > Math.max(floor, Math.min(live * growth, live + headroom));
}

/** `BUILD_HEAP_GROWTH`: a factor above 1, or `off`; anything else is an error that names the setting. */
export function heapGrowthSetting(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return DEFAULT_GROWTH;
  if (value === 'off') return undefined;
  const growth = Number(value);
  if (!(growth > 1)) throw new Error(`BUILD_HEAP_GROWTH must be a number above 1 (such as 1.5) or "off", not "${value}"`);
  return growth;
}

export default function heapBound(): AstroIntegration {
  let timer: ReturnType<typeof setInterval> | undefined;
  let collections = 0;
  let spentMs = 0;
  let highest = 0;
  let stopDuringRendering: (() => void) | undefined;
  return {
    name: 'heap-bound',
    hooks: {
      'astro:build:start': ({ logger }) => {
        let growth: number | undefined;
        try {
          growth = heapGrowthSetting(process.env.BUILD_HEAP_GROWTH);
        } catch (e) {
          logger.warn(`${(e as Error).message}; using ${DEFAULT_GROWTH}`);
          growth = DEFAULT_GROWTH;
        }
        if (growth === undefined) return;
        const factor = growth;
        const gc = fullCollection();
        let live = 0;
        const check = () => {
          const used = getHeapStatistics().used_heap_size;
          highest = Math.max(highest, used);
          if (!collectionDue(used, live, factor)) return;
          const start = performance.now();
          gc();
          spentMs += performance.now() - start;
          collections++;
          live = getHeapStatistics().used_heap_size;
        };
        timer = setInterval(check, CHECK_EVERY_MS);
        timer.unref();
        // The bodies render in one synchronous stretch where the timer waits: the corpus calls the check itself.
        stopDuringRendering = duringRendering(check);
        logger.debug(`full collections once the heap passes ${growth}× its live size`);
      },
      'astro:build:done': ({ logger }) => {
        if (!timer) return;
        clearInterval(timer);
        stopDuringRendering?.();
        if (collections > 0) logger.info(`${collections} full heap collection(s), ${(spentMs / 1000).toFixed(1)} s, kept the heap under ${Math.round(highest / 2 ** 20)} MB`);
      },
    },
  };
}
