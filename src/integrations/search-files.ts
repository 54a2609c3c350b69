/**
 * The search files (manifest, term shards, result records): see corpus-files.ts for how they are written
 * and served. In a build the index is made in a worker thread (./workers/search.ts) from the moment the
 * corpus is loaded, beside the page rendering.
 */
import type { SearchDocument } from '../lib/search/wire/index-rules';
import { searchFileContents, searchFileContentsBeside } from '../lib/site/search-file-set';
import type { BuildSession, SessionOf } from '../lib/site/session';
import { corpusFiles } from './corpus-files';
import { inWorker } from './worker';
import { workerScript } from './workers/built';

/** The manifest and shards of `documents`, made by a worker thread. */
const indexInWorker = (session: BuildSession) => async (documents: SearchDocument[]) => {
  const workerData = { documents, heapGrowth: session.options.heapGrowth };
  return new Map(await inWorker<[string, string][]>(workerScript('search', session.projectRoot), workerData, 'search', session.options.parallelism));
};

export default (sessionOf: SessionOf) =>
  corpusFiles(sessionOf, {
    name: 'search-files',
    folder: '/search/',
    contents: searchFileContents,
    beside: (corpus, session) => searchFileContentsBeside(corpus, indexInWorker(session)),
  });
