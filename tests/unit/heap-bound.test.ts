import { describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { collectionDue, DEFAULT_GROWTH, heapCollector, MAX_HEADROOM, workerHeapCollector, type HeapCollector } from '../../src/integrations/heap-collector';
import { buildCorpus } from '../../src/lib/corpus';
import { BODIES_PER_CHECKPOINT } from '../../src/lib/corpus/build';
import { md } from '../helpers/corpus';

const MB = 2 ** 20;

/** V8's full collection for these tests, whose runner is not started with --expose-gc as the build is. */
setFlagsFromString('--expose-gc');
const exposedCollection = runInNewContext('gc') as () => void;

describe('keeping the build heap near its live size', () => {
  it('collects once the heap passes growth × the last live size, and never below the floor', () => {
    expect(collectionDue(1400 * MB, 1000 * MB, 1.5)).toBe(false);
    expect(collectionDue(1600 * MB, 1000 * MB, 1.5)).toBe(true);
    // A small site (or the start of a build, with nothing measured yet) is left to V8.
    expect(collectionDue(300 * MB, 0, 1.5)).toBe(false);
    expect(collectionDue(400 * MB, 0, 1.5)).toBe(true);
    expect(collectionDue(100 * MB, 10 * MB, 1.5, 50 * MB)).toBe(true);
  });

  it('lets a large heap grow by at most MAX_HEADROOM past its live size, however much growth would allow', () => {
    const live = 3.5 * 2 ** 30;
    expect(collectionDue(live + MAX_HEADROOM - MB, live, 1.5)).toBe(false);
    expect(collectionDue(live + MAX_HEADROOM + MB, live, 1.5)).toBe(true);
    // Far below live × growth: the cap, not the factor, decided.
    expect(live + MAX_HEADROOM).toBeLessThan(live * 1.5);
    // A heap whose growth allowance is under the cap is unchanged by it.
    expect(collectionDue(1400 * MB, 1000 * MB, 1.5)).toBe(false);
  });
});

describe('the heap collector that the build and its workers check', () => {
  it('collects when asked, and when checked only once the heap has grown past what the last collection left', () => {
    // No headroom and no floor: any growth at all past the live size is due.
    const strict = heapCollector(1.5, { headroom: 0, floor: 0 }, exposedCollection);
    strict.collect();
    expect(strict.collections).toBe(1);
    expect(strict.spentMs).toBeGreaterThan(0);
    const garbage = Array.from({ length: 20_000 }, (_, i) => ({ i, text: `item ${i}` }));
    strict.check();
    expect(strict.collections).toBe(2);
    expect(strict.highest).toBeGreaterThan(0);
    expect(garbage).toHaveLength(20_000);
    // A test runner's heap is under the floor below which nothing is collected by hand.
    const lenient = heapCollector(undefined, undefined, exposedCollection);
    for (let i = 0; i < 3; i++) lenient.check();
    expect(lenient.collections).toBe(0);
  });
});

describe('the worker threads\' collectors', () => {
  it('collect with the growth the build hands them, and never with none or without V8\'s collection', () => {
    const withGc = globalThis as { gc?: () => void };
    const before = withGc.gc;
    try {
      withGc.gc = exposedCollection;
      const off = workerHeapCollector(undefined);
      off.collect();
      expect('collections' in off).toBe(false);
      const on = workerHeapCollector(DEFAULT_GROWTH) as HeapCollector;
      on.collect();
      expect(on.collections).toBe(1);
      // A Node started without --expose-gc gives no collection: the worker leaves its heap to V8.
      withGc.gc = undefined;
      expect('collections' in workerHeapCollector(DEFAULT_GROWTH)).toBe(false);
    } finally {
      withGc.gc = before;
    }
  });
});

describe('housekeeping while the bodies render', () => {
  it('calls its checkpoint after every 200 bodies, and never for a corpus smaller than that', () => {
    const encoder = new TextEncoder();
    const files = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `notes/n${i}.md`, bytes: encoder.encode(md(`title: Note ${i}`, `Body ${i}.`)) }));
    let calls = 0;
    buildCorpus(files(450), [], { checkpoint: () => calls++ });
    expect(calls).toBe(Math.floor((450 - 1) / BODIES_PER_CHECKPOINT));
    calls = 0;
    buildCorpus(files(BODIES_PER_CHECKPOINT), [], { checkpoint: () => calls++ });
    expect(calls).toBe(0);
  });
});
