/**
 * Keeps the build's heap near what it actually holds. With memory to spare,
 * V8 lets the heap grow to two or three times its live data before a full
 * collection, though a full collection at any moment would bring it back
 * (docs/benchmarks.md, "a cap on the heap's growth"). During `astro build` this looks at the heap every
 * second and runs a full collection once it has grown past `growth` × what
 * was live after the last one, or by more than `MAX_HEADROOM` (and past a
 * floor, so small sites never pay).
 * The build log says how many ran and what they cost. The option `heapGrowth: 'off'` leaves the heap to V8, as
 * does a Node started without `--expose-gc`. The check runs on a timer, and also at the corpus's checkpoints:
 * a cold build renders every body in one synchronous loop (`buildCorpus`) in which no timer runs. What it
 * saves is measured in docs/benchmarks.md.
 */
import type { AstroIntegration } from 'astro';
import { fullCollection, heapCollector, type HeapCollector } from './heap-collector';
import type { SessionOf } from '../lib/site/session';

const CHECK_EVERY_MS = 1000;

export default function heapBound(sessionOf: SessionOf): AstroIntegration {
  let timer: ReturnType<typeof setInterval> | undefined;
  let collector: HeapCollector | undefined;
  let stopDuringRendering: (() => void) | undefined;
  return {
    name: 'heap-bound',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const session = sessionOf();
        const growth = session.options.heapGrowth;
        const gc = fullCollection();
        if (growth === undefined) return;
        if (!gc) return logger.debug('the heap is left to V8: start Node with --expose-gc (npm run build does) to keep it near its live size');
        const heap = (collector = heapCollector(growth, undefined, gc));
        timer = setInterval(heap.check, CHECK_EVERY_MS);
        timer.unref();
        // The bodies render in one synchronous stretch where the timer waits: the corpus calls the check itself.
        stopDuringRendering = session.atCheckpoints(heap.check);
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
