/**
 * Text fragments: a link that scrolls to a passage and highlights it
 * (`#:~:text=start,end`), in Chromium, Safari and Firefox.
 */

/** Words of a passage kept at each end of a text fragment; long passages are matched by their start and end. */
const FRAGMENT_WORDS = 6;

/**
 * The address of a passage on a page. `-`, `,` and `&` are percent-encoded,
 * as the syntax requires.
 *
 * @example
 * textFragmentUrl('/papers/x/', 'Warm models erred more.') // '/papers/x/#:~:text=Warm%20models%20erred%20more.'
 */
export function textFragmentUrl(url: string, passage: string): string {
  const encode = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
  const words = passage.trim().split(/\s+/);
  const fragment = words.length <= FRAGMENT_WORDS * 2 ? encode(words.join(' ')) : `${encode(words.slice(0, FRAGMENT_WORDS).join(' '))},${encode(words.slice(-FRAGMENT_WORDS).join(' '))}`;
  return `${url}#:~:text=${fragment}`;
}
