/**
 * The search files (manifest, term shards, result records): see corpus-files.ts for how they are written
 * and served. In a build the index is made in a worker thread (./search-worker.mjs) from the moment the
 * corpus is loaded, beside the page rendering.
 */
import type { SearchDocument } from '../lib/search/wire/options';
import { searchFileContents, searchFileContentsBeside } from '../lib/site/search-files';
import { corpusFiles } from './corpus-files';
import { inWorker } from './worker';

/** The manifest and shards of `documents`, made by a worker thread. */
const indexInWorker = async (documents: SearchDocument[]) => new Map(await inWorker<[string, string][]>(new URL('./search-worker.mjs', import.meta.url), documents, 'search'));

export default () =>
  corpusFiles({ name: 'search-files', folder: '/search/', contents: searchFileContents, beside: (corpus) => searchFileContentsBeside(corpus, indexInWorker) });
