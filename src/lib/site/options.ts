/**
 * The settings of a site, once checked: what the `researchGraph()` integration hands to the build session
 * (./session.ts) and, through the virtual module `virtual:research-graph/config`, to pages. The integration
 * checks what people write (src/integrations/options-schema.ts); this layer only reads the result.
 */
import type { Dialect } from '../content/dialect';

export interface SiteOptions {
  /** The content folder, relative to the project's root or absolute. */
  content: string;
  /** The site's name, in the header and every page's title. */
  title: string;
  /** The language of the site's pages (`<html lang>`), a BCP 47 tag. */
  lang: string;
  /** Bibliography files besides those in the content folder. */
  bibliography: string[];
  /** A built-in CSL style (`apa`, `vancouver`, `harvard1`) or the path of a `.csl` file. */
  citationStyle: string;
  /** Publish every bibliography entry, not only those a published item cites. */
  publishUncited: boolean;
  /** How folders are read: each by its files (`undefined`, "auto"), or every folder as one dialect. */
  dialect?: Dialect;
  /** The folder the explorer's pages live under inside the Astro site: `/` for the whole site, `/research/`. */
  prefix: string;
  /** Keep rendered Markdown and the graph's layout between builds. */
  renderCache: boolean;
  /** From how many bodies to render a second thread helps (`Infinity`: never). */
  renderHelperFrom: number;
  /** Heap growth over its live size that triggers a full collection during a build (`undefined`: left to V8). */
  heapGrowth?: number;
  /** How many threads the build may keep busy at once. */
  parallelism: number;
}

/** How the corpus reads bibliographies under these options. */
export const bibliographySettings = (options: Pick<SiteOptions, 'publishUncited' | 'citationStyle'>): { publish: 'cited' | 'all'; style: string } => ({
  publish: options.publishUncited ? 'all' : 'cited',
  style: options.citationStyle,
});
