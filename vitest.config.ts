import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Builds of fixture sites and browser tests take seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 240_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], sequence: { groupOrder: 0 } } },
      ...['browser', 'browser-base'].map((name) => ({
        extends: true as const,
        test: {
          // `browser-base`: the same suite on sites built and served under /base-test/.
          name,
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          // One Chromium at a time on a two-core machine.
          fileParallelism: false,
          // The two browser runs take turns, never two Chromiums at once.
          sequence: { groupOrder: name === 'browser' ? 0 : 1 },
        },
      })),
    ],
  },
});
