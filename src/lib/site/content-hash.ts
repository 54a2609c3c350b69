/** The hash a data file is published under (data-files.ts), and the search shards named in their manifest (search-files.ts). */
import { createHash } from 'node:crypto';

/** The first 8 hex digits of the SHA-256 of a file's text: a name changes when, and only when, the bytes do. */
export const contentHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 8);
