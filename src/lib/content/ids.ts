/**
 * One home for the string types of the content model and every conversion
 * between them. A title, a slug, a node id and a URL are all strings, but
 * passing one where another is meant is a bug the compiler should catch.
 */
import { slug as githubSlug } from 'github-slugger';

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** The kinds of document the collection holds; each has its own folder. */
export const KINDS = ['note', 'paper', 'line'] as const;
export type Kind = (typeof KINDS)[number];

/** Folder (and URL segment, and the site's section) of each kind: the one table of them. */
export const KIND_FOLDER = { note: 'notes', paper: 'papers', line: 'lines' } as const satisfies Record<Kind, string>;
export type KindFolder = (typeof KIND_FOLDER)[Kind];

/** The kind whose folder this is (`notes` → `note`), or undefined for any other folder. */
export const kindOfFolder = (folder: string): Kind | undefined => KINDS.find((k) => KIND_FOLDER[k] === folder);

/** A title as a person wrote it. */
export type Title = Brand<string, 'Title'>;
/** A URL-safe file-name stem, unique within a kind. */
export type Slug = Brand<string, 'Slug'>;
/** A node's identity in the graph: `<folder>/<slug>`, e.g. `notes/does-x`. */
export type NodeId = Brand<string, 'NodeId'>;
/** A title folded for matching: case, whitespace, quotes and dashes no longer matter. */
export type TitleKey = Brand<string, 'TitleKey'>;
/** A site-absolute URL path ending in `/`. */
export type SitePath = Brand<string, 'SitePath'>;

export const asTitle = (s: string) => s.trim().replace(/\s+/g, ' ') as Title;

const QUOTES = /[\u0022\u0027\u0060\u00B4\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u2032\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/**
 * Folds a title (or alias, or link target) so that the spellings people and
 * exports actually produce meet: "Computer says “No”" = "computer says "no"".
 *
 * @example
 * titleKey('Computer says “No” — again') // 'computer says no-again'
 * titleKey('  Warmth   Trap ') === titleKey('warmth trap') // true
 */
export function titleKey(text: string): TitleKey {
  return text
    .normalize('NFKC')
    .replace(QUOTES, '')
    .replace(DASHES, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase() as TitleKey;
}

const MAX_SLUG_LENGTH = 96;

/**
 * A readable, stable slug from a title: lower case, ASCII-friendly, hyphenated.
 *
 * @example
 * slugify('Does warmth training make models less reliable?') // 'does-warmth-training-make-models-less-reliable'
 * slugify('Café “crème”') // 'cafe-creme'
 * slugify('???') // 'untitled'
 */
export function slugify(title: string): Slug {
  const folded = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(QUOTES, '');
  let slug = githubSlug(folded)
    .replace(/[^\p{L}\p{N}-]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (slug.length > MAX_SLUG_LENGTH) {
    slug = slug.slice(0, MAX_SLUG_LENGTH).replace(/-[^-]*$/, '');
  }
  return (slug || 'untitled') as Slug;
}

/** Is this string usable as a slug as it stands (a file name, say)? */
export function isSafeSlug(s: string): s is Slug {
  return /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(s) && !s.includes('..');
}

export const nodeId = (kind: Kind, slug: Slug) => `${KIND_FOLDER[kind]}/${slug}` as NodeId;

export function parseNodeId(id: NodeId): { kind: Kind; slug: Slug } {
  const [folder, ...rest] = id.split('/');
  const kind = (Object.keys(KIND_FOLDER) as Kind[]).find((k) => KIND_FOLDER[k] === folder);
  if (!kind) throw new Error(`Not a node id: ${id}`);
  return { kind, slug: rest.join('/') as Slug };
}

export const pathOf = (id: NodeId) => `/${id}/` as SitePath;

/** The anchor a heading gets on its page (rehype-slug uses the same slugger). */
export const headingAnchor = (heading: string) => githubSlug(heading);

/**
 * A tag as a URL segment: lower case, nested tags keep their `/`.
 *
 * @example
 * tagSlug('Reliability/Factual') // 'reliability/factual'
 * tagSlug('AI safety') // 'ai-safety'
 */
export const tagSlug = (tag: string) =>
  tag
    .toLowerCase()
    .split('/')
    .map((part) => part.trim().replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || '-')
    .join('/');

/** The site path of a tag's page. */
export const tagPath = (tag: string) => `/tags/${tagSlug(tag)}/` as SitePath;
