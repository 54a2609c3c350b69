/** The settings of the site being built, read from the environment once. */
import { dialectSetting, type Dialect } from '../content/dialect';

/** The content folder: `CONTENT_DIR`, or `content/` by default. */
export const contentDir = (): string => process.env.CONTENT_DIR || 'content';

export const SITE_TITLE = process.env.SITE_TITLE || 'Research graph';

/** Bibliography files besides those in the content folder: `BIBLIOGRAPHY`, paths separated by commas (`refs.bib,more.json`). */
export const bibliographyFiles = (): string[] =>
  (process.env.BIBLIOGRAPHY ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);

/** How references are formatted: `CITATION_STYLE`, a built-in CSL style (`apa`, `vancouver`, `harvard1`) or a `.csl` file; APA by default. */
export const citationStyle = (): string => process.env.CITATION_STYLE || 'apa';

/** `CONTENT_DIALECT`: `auto` (each folder by its files, the default), or `research`, `vault` or `dendron` for every folder. */
export const contentDialect = (): Dialect | undefined => dialectSetting(process.env.CONTENT_DIALECT);
/**
 * Which bibliography entries become pages: `BIBLIOGRAPHY_PUBLISH=all` publishes every entry; by default only
 * those a published item cites (or that complete a paper file), since a library's export is a reader's own list.
 */
export const bibliographyOptions = (): { publish: 'cited' | 'all'; style: string } => ({
  publish: process.env.BIBLIOGRAPHY_PUBLISH === 'all' ? 'all' : 'cited',
  style: citationStyle(),
});
