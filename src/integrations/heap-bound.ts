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
import { duringRendering } from '../lib/site/corpus';
import { buildHeapGrowth, heapCollector, type HeapCollector } from './heap-collector';

const CHECK_EVERY_MS = 1000;

export default function heapBound(): AstroIntegration {
  let timer: ReturnType<typeof setInterval> | undefined;
  let collector: HeapCollector | undefined;
  let stopDuringRendering: (() => void) | undefined;
  return {
    name: 'heap-bound',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const growth = buildHeapGrowth((message) => logger.warn(message));
        if (growth === undefined) return;
        const heap = (collector = heapCollector(growth));
        timer = setInterval(heap.check, CHECK_EVERY_MS);
        timer.unref();
        // The bodies render in one synchronous stretch where the timer waits: the corpus calls the check itself.
        stopDuringRendering = duringRendering(heap.check);
        logger.debug(`full collections once the heap passes ${growth}× its live size`);
      },
      'astro:build:done': ({ logger }) => {
        if (!timer || !collector) return;
        clearInterval(timer);
        stopDuringRendering?.();
        const { collections, spentMs, highest } = collector;
        if (collections > 0) logger.info(`${collections} full heap collection(s), ${(spentMs / 1000).toFixed(1)} s, kept the heap under ${Math.round(highest / 2 ** 20)} MB`);
      },
    },
  };
}
