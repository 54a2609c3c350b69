/**
 * What browser code says: the interface text of the site's language, written into the scripts by the build
 * (src/lib/site/interface-text/, `browserText`), so no page carries it and no script words it on its own.
 */
import text from 'virtual:research-graph/interface-text';
import { fill, plural, type Plural } from '../lib/site/interface-text/fill';

export { fill, text };

/** `entry`'s form for `n` in the interface's language. */
export const count = (entry: Plural, n: number, values?: Record<string, string | number>): string => plural(text.lang, entry, n, values);
