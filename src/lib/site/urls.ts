/**
 * Every address the site writes is built here. The engine speaks in site
 * paths (`pathOf(id)` gives `/notes/x/`); a site published under a base
 * (`https://user.github.io/notes/`) needs `/notes/notes/x/` in every link,
 * fetch and attachment, and an absolute URL for canonical links, the sitemap
 * and the feed. Pages, endpoints and browser code all go through `href`.
 */
import { pathOf, type NodeId, type SitePath } from '../content/ids';

/** The path the site is published under, with a leading and a trailing slash: `/`, `/notes/`. */
export type BasePath = string & { readonly __base: true };

/**
 * A base path as people write it (`notes`, `/notes`, `notes/`, `/notes//`)
 * in the one form every other function expects: `/notes/`. Empty is `/`.
 */
export function normaliseBase(raw: string | undefined): BasePath {
  const segments = (raw ?? '').split('/').filter((s) => s && s !== '.');
  return (segments.length ? `/${segments.join('/')}/` : '/') as BasePath;
}

/**
 * A site path (or a path with `?query` or `#fragment`) under `base`.
 * Anything that is not a site path is returned as it is: full URLs
 * (`https:`, `mailto:`), protocol-relative `//host`, `#fragment` and `?query` alone.
 */
export function withBase(path: string, base: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  const root = normaliseBase(base);
  return root === '/' ? path : root + path.slice(1);
}

/** An address under `base` as an absolute URL on `site` (an origin, or an origin with a path that the base repeats). */
export function absoluteUrl(path: string, base: string, site: URL | string): string {
  return new URL(withBase(path, base), site).href;
}

/**
 * Set by astro.config.mjs (Vite `define`) to the base being built, in pages
 * and browser bundles alike. Not `import.meta.env.BASE_URL`: in pages Astro
 * lets a `BASE_URL` variable in the environment override it. Outside a build
 * (tests, scripts) it is undefined and the base is `/`.
 */
declare const __SITE_BASE__: string | undefined;

/** The base of the build being rendered. */
export const BASE: BasePath = normaliseBase(typeof __SITE_BASE__ === 'string' ? __SITE_BASE__ : '/');

/** A site path as the address to write in this build: `href('/notes/x/')` → `/kg/notes/x/` under `/kg/`. */
export const href = (path: SitePath | string): string => withBase(path, BASE);

/**
 * What a rendered body writes before each site path it links to (`\uE000/notes/x/`), in place of the base:
 * bodies are rendered (and cached) once for every base, and `atBase` writes the base into a body's HTML when
 * a page shows it. A private-use character: no text a person writes holds it, and HTML keeps it as it is.
 */
export const SITE_PATH_MARK = '\uE000';

/** The address a rendered body writes for a site path: the path behind the mark. */
export const siteAddress = (path: string): string => SITE_PATH_MARK + path;

/** A rendered body's HTML with each marked site path written under `base` (this build's by default). */
export const atBase = (html: string, base: string = BASE): string => html.replaceAll(SITE_PATH_MARK, normaliseBase(base).slice(0, -1));

/** The RSS feed of new and updated items (written only when SITE_URL is set). */
export const FEED_PATH = '/feed.xml';

/** An item's page. */
export const itemHref = (id: NodeId | string): string => href(pathOf(id as NodeId));

/** Where an item's link preview is published, as a site path (`/previews/notes/x.json`). */
export const previewPath = (id: NodeId | string): SitePath => `/previews/${id}.json` as SitePath;

/** Where the entries of an explorer branch are published, as a site path (`/explorer/folders/math.json`). */
export const explorerPath = (key: string): SitePath => `/explorer/${key}.json` as SitePath;
