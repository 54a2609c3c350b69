/**
 * The search files (manifest, term shards, result records): see corpus-files.ts for how they are written
 * and served. In a build the index is made in a worker thread (./search-worker.mjs) from the moment the
 * corpus is loaded, beside the page rendering.
 */
import { Worker } from 'node:worker_threads';
import type { SearchDocument } from '../lib/search/wire/options';
import { searchFileContents, searchFileContentsBeside } from '../lib/site/search-files';
import { corpusFiles } from './corpus-files';

/** The manifest and shards of `documents`, made by a worker thread. */
function indexInWorker(documents: SearchDocument[]): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./search-worker.mjs', import.meta.url), { workerData: documents });
    worker.once('message', (entries: [string, string][]) => {
      resolve(new Map(entries));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the search worker stopped (exit code ${code})`)));
  });
}

export default () =>
  corpusFiles({ name: 'search-files', folder: '/search/', contents: searchFileContents, beside: (corpus) => searchFileContentsBeside(corpus, indexInWorker) });
