/**
 * The base path the browser projects' sites are built and served under: `/` in `browser`, `/base-test/` in
 * `browser-base`. Tests read it with `inject('siteBase')`; the sites themselves are built when a test file first
 * asks for one (tests/helpers/served-site.ts, tests/helpers/fixture-site.ts).
 */
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The base path the sites are built and served under: `/`, or `/base-test/` in the `browser-base` run. */
    siteBase: string;
  }
}

/** The `browser-base` project runs the base-sensitive files again on sites built and served under this base path. */
export const TEST_BASE = '/base-test/';

export default function setup(project: TestProject) {
  project.provide('siteBase', project.name === 'browser-base' ? TEST_BASE : '/');
}
