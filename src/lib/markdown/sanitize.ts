/**
 * Raw HTML in a body is parsed (only when there is some) and sanitised to
 * GitHub's safe subset plus the attributes our own links and blocks carry.
 * Scripts, event handlers and `javascript:` URLs never survive.
 */
import type { Root as HastRoot } from 'hast';
import rehypeRaw from 'rehype-raw';
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import type { Plugin } from 'unified';
import { visit, EXIT } from 'unist-util-visit';

/** What raw HTML may keep: GitHub's safe subset, plus the attributes our own links carry. */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark'],
  attributes: {
    ...defaultSchema.attributes,
    a: [
      ...(defaultSchema.attributes?.a ?? []).filter((rule) => !(Array.isArray(rule) && rule[0] === 'className')),
      ['className', 'data-footnote-backref', 'wikilink', 'stub', 'unresolved', 'tag', 'attachment', 'embed-title', 'stance-supports', 'stance-challenges', 'stance-qualifies'],
      'dataKind',
      'title',
    ],
    div: [...(defaultSchema.attributes?.div ?? []), ['className', 'embed'], 'dataEmbed'],
    span: [...(defaultSchema.attributes?.span ?? []), ['className', 'field-key', 'citation', 'unknown', 'embed-placeholder'], ['dataStance', 'supports', 'challenges', 'qualifies']],
    blockquote: [...(defaultSchema.attributes?.blockquote ?? []), ['className', 'callout'], 'dataCallout', 'dataCalloutMetadata'],
    details: [...(defaultSchema.attributes?.details ?? []), ['className', 'callout'], 'dataCallout', 'dataCalloutMetadata', 'open'],
    summary: [...(defaultSchema.attributes?.summary ?? []), ['className', 'callout-title']],
    p: [...(defaultSchema.attributes?.p ?? []), ['className', 'callout-title']],
    // Math survives sanitising as code, its delimiters' kind kept for KaTeX (display or inline).
    code: [['className', /^language-./, 'math-inline', 'math-display']],
    img: [...(defaultSchema.attributes?.img ?? []), ['loading', 'lazy']],
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'dataBlockId'],
  },
};

/** rehype-raw re-parses the whole tree with parse5; most bodies hold no raw HTML, so skip it for them. */
export const rehypeRawWhenPresent: Plugin<[], HastRoot> = () => {
  const raw = rehypeRaw();
  return (tree, file) => {
    let hasRaw = false;
    visit(tree, 'raw', () => {
      hasRaw = true;
      return EXIT;
    });
    return hasRaw ? raw(tree, file) : tree;
  };
};

/** The prefix the sanitiser gives every id a body's HTML holds, so that no id can clobber the page's own. */
const CLOBBER = sanitizeSchema.clobberPrefix ?? 'user-content-';

/**
 * Footnotes come out of remark-rehype with ids that already carry the sanitiser's prefix (`user-content-fn-1`,
 * linked as `#user-content-fn-1`); the sanitiser prefixes the ids once more but not the links, so a footnote's
 * number led nowhere and its ↩ back to nothing. After sanitising, a footnote's id loses the second prefix.
 */
export const rehypeFootnoteIds: Plugin<[], HastRoot> = () => (tree) => {
  visit(tree, 'element', (node) => {
    const id = node.properties.id;
    if (typeof id === 'string' && (id.startsWith(`${CLOBBER}${CLOBBER}fn-`) || id.startsWith(`${CLOBBER}${CLOBBER}fnref-`))) node.properties.id = id.slice(CLOBBER.length);
  });
};
