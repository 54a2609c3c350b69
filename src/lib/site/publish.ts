/**
 * Where the site is published: `SITE_URL` (the address readers use) and
 * `BASE_PATH` (the folder under it), read once by astro.config.mjs. A bad
 * value stops the build with one line that says what to write.
 */
import { normaliseBase, type BasePath } from './urls';

export interface PublishSettings {
  /** The absolute http(s) URL of the site's root, without the base; undefined when `SITE_URL` is not set. */
  site?: string;
  base: BasePath;
}

export class PublishSettingError extends Error {}

/**
 * `SITE_URL` may carry the base itself (`https://user.github.io/notes/`):
 * then `BASE_PATH` may be left out, or must name the same folder.
 */
export function publishSettings(env: { SITE_URL?: string; BASE_PATH?: string }): PublishSettings {
  const rawSite = env.SITE_URL?.trim();
  const rawBase = env.BASE_PATH?.trim();
  if (rawBase && /[?#\\\s]|\.\./.test(rawBase)) {
    throw new PublishSettingError(`BASE_PATH "${rawBase}" is not a folder path: write the folder the site lives under, like BASE_PATH=/notes/ (or leave it out for the root).`);
  }
  if (!rawSite) return { base: normaliseBase(rawBase) };

  let url: URL | undefined;
  try {
    url = new URL(rawSite);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) {
    throw new PublishSettingError(`SITE_URL "${rawSite}" is not an absolute http(s) URL: write the address readers open, like SITE_URL=https://user.github.io (and BASE_PATH=/notes/ for a sub-folder).`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new PublishSettingError(`SITE_URL "${rawSite}" has a query, fragment or credentials: write only the address, like SITE_URL=${url.origin}${url.pathname}.`);
  }
  const sitePath = normaliseBase(decodeURI(url.pathname));
  const base = rawBase ? normaliseBase(rawBase) : sitePath;
  if (sitePath !== '/' && sitePath !== base) {
    throw new PublishSettingError(`SITE_URL "${rawSite}" ends in ${sitePath} but BASE_PATH is ${base}: write the folder once, like SITE_URL=${url.origin} BASE_PATH=${base}.`);
  }
  return { site: url.origin, base };
}
