/**
 * The language and direction of a page: an item's frontmatter `lang`, else the site's option `lang`. Right-to-left
 * languages (Arabic, Hebrew, Persian, Urdu…) get `dir="rtl"` on the page; a tag that is not BCP 47 is ignored.
 */
const RIGHT_TO_LEFT_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ku-arab', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

export interface PageLanguage {
  lang: string;
  /** `rtl` for a right-to-left language; undefined (the browser's `ltr`) otherwise. */
  dir?: 'rtl';
}

export function pageLanguage(itemLang: string | undefined, siteLang: string): PageLanguage {
  const lang = itemLang && LANGUAGE_TAG.test(itemLang.trim()) ? itemLang.trim() : siteLang;
  const lower = lang.toLowerCase();
  const rtl = RIGHT_TO_LEFT_LANGUAGES.has(lower.split('-')[0]) || RIGHT_TO_LEFT_LANGUAGES.has(lower.split('-').slice(0, 2).join('-')) || /-(arab|hebr|syrc|thaa|nkoo|adlm|rohg)\b/.test(lower);
  return rtl ? { lang, dir: 'rtl' } : { lang };
}
