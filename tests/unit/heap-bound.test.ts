import { describe, expect, it } from 'vitest';
import { collectionDue, DEFAULT_GROWTH, heapGrowthSetting } from '../../src/integrations/heap-bound';

const MB = 2 ** 20;

describe('keeping the build heap near its live size', () => {
  it('collects once the heap passes growth × the last live size, and never below the floor', () => {
    expect(collectionDue(1400 * MB, 1000 * MB, 1.5)).toBe(false);
    expect(collectionDue(1600 * MB, 1000 * MB, 1.5)).toBe(true);
    // A small site (or the start of a build, with nothing measured yet) is left to V8.
    expect(collectionDue(300 * MB, 0, 1.5)).toBe(false);
    expect(collectionDue(400 * MB, 0, 1.5)).toBe(true);
    expect(collectionDue(100 * MB, 10 * MB, 1.5, 50 * MB)).toBe(true);
  });

  it('reads BUILD_HEAP_GROWTH as a factor above 1 or "off", and names the setting when it is neither', () => {
    expect(heapGrowthSetting(undefined)).toBe(DEFAULT_GROWTH);
    expect(heapGrowthSetting('')).toBe(DEFAULT_GROWTH);
    expect(heapGrowthSetting('2')).toBe(2);
    expect(heapGrowthSetting('off')).toBeUndefined();
    for (const bad of ['1', '0.5', 'fast', '-3']) expect(() => heapGrowthSetting(bad)).toThrow(/BUILD_HEAP_GROWTH .*"off"/);
  });
});
