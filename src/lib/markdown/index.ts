/**
 * The Markdown layer: one unified pipeline (pipeline.ts) that renders a body
 * to sanitised HTML and hands back its wiki links with their sentences,
 * headings, plain text, tags and block ids. The Obsidian dialect is one
 * preset (obsidian/); each plugin declares the vfile data it writes.
 *
 * May import: `content/` only. Never `graph/` (its sibling) or anything above:
 * where a link goes is the caller's business, asked through `resolveWikiLink`.
 */
export * from './types';
export { renderMarkdown, renderMarkdownTree, type RenderOptions } from './pipeline';
export { splitTarget } from './targets';
export { sentenceAround } from './sentences';
export { sanitizeSchema } from './sanitize';
export { MAX_RENDERED_BODY } from './limits';
export { markdownFragment } from './fragment';
export { inlineTags, placeholderHtml, remarkObsidian, stripComments, type ObsidianOptions } from './obsidian';
