/**
 * Obsidian's Markdown dialect as one preset of small one-job plugins, each
 * in its own file with the vfile data it writes declared beside it:
 * `[[wiki links]]` (remark-wiki-link), `^block-id` anchors, `![[embed]]`
 * marks, Markdown links to vault files, Dataview inline fields, tasks and
 * views (`= this.x`), stance fields (`supports:: [[X]]`), callouts, `==highlights==`, escaped pipes of links in
 * tables and inline `#tags`.
 * `%%comments%%` and the `![[` stand-in are text passes run before parsing.
 */
import type { Preset } from 'unified';
import remarkWikiLink from 'remark-wiki-link';
import { tagPath } from '../../content/ids';
import { remarkBlockIds } from './block-ids';
import { remarkCallouts } from './callouts';
import { remarkLabelFirstLinks } from './dendron-links';
import { remarkEmbedMarks } from './embeds';
import { remarkFileLinks } from './file-links';
import { remarkDataviewInline } from './dataview-blocks';
import { remarkHighlights } from './highlights';
import { remarkInlineFields } from './inline-fields';
import { remarkInlineTags } from './inline-tags';
import { remarkStanceFields } from './stance-fields';
import { remarkTableLinks } from './table-links';
import { remarkTasks } from './tasks';

export { BLOCK_ID, rehypeBlockIds } from './block-ids';
export { stripComments } from './comments';
export { markEmbeds } from './embeds';
export { placeholderHtml, rehypeDataviewPlaceholders } from './dataview-blocks';
export { inlineTags, INLINE_TAG } from './inline-tags';

export interface ObsidianOptions {
  /** The page an inline `#tag` links to; by default `/tags/<tag>/`. */
  tagHref?: (tag: string) => string;
}

/** The remark half of the dialect, in the order its plugins depend on (wiki links first, tags last). */
export function remarkObsidian(options: ObsidianOptions = {}): Preset {
  return {
    plugins: [
      [remarkWikiLink, { aliasDivider: '|' }],
      remarkTableLinks,
      remarkLabelFirstLinks,
      remarkBlockIds,
      remarkEmbedMarks,
      remarkFileLinks,
      // Before stance fields, which take their own fields' syntax out of the text.
      remarkInlineFields,
      remarkStanceFields,
      remarkTasks,
      remarkDataviewInline,
      remarkCallouts,
      remarkHighlights,
      [remarkInlineTags, { tagHref: options.tagHref ?? tagPath }],
    ],
  };
}
