import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Browser files whose pages compute addresses (links, fetched indexes and graph files, previews, the link
 * check): the `browser-base` project runs these again on sites published under a base path. The others read
 * pages whose addresses come from the same code, already covered here and by the unit tests of site/urls.
 */
const BASE_SENSITIVE = ['navigation', 'search', 'graph', 'previews', 'integrity', 'explorer', 'reading'].map((name) => `tests/browser/${name}.test.ts`);

export default defineConfig({
  test: {
    // Builds of fixture sites and browser tests take seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 240_000,
    // Two test files at a time at least: Vitest's default (one worker less than the cores) leaves one file at a
    // time on two cores, while a file mostly waits on a build or on Chromium.
    maxWorkers: Math.max(2, availableParallelism()),
    // Once for the run: where fixture builds are kept, so each is built once and shared.
    globalSetup: ['tests/global-run.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], sequence: { groupOrder: 0 } } },
      ...(['browser', 'browser-base'] as const).map((name) => ({
        extends: true as const,
        test: {
          // `browser-base`: the base-sensitive files again, on sites built and served under /base-test/.
          name,
          include: name === 'browser' ? ['tests/browser/**/*.test.ts'] : BASE_SENSITIVE,
          globalSetup: ['tests/global-run.ts', 'tests/browser/global-setup.ts'],
          // `browser-base` starts once the unit and `browser` files are done.
          sequence: { groupOrder: name === 'browser' ? 0 : 1 },
        },
      })),
    ],
  },
});
