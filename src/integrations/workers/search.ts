/**
 * Builds the search index (manifest and term shards) in a worker thread, so every text is indexed
 * while Astro renders the pages. Receives the search documents and the build's heap growth as `workerData`
 * and posts back [site path, JSON text] pairs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { indexFiles } from '../../lib/search/writer/index';
import type { SearchDocument } from '../../lib/search/wire/index-rules';
import { indexFileContents } from '../../lib/site/search-file-set';
import { workerHeapCollector } from '../heap-collector';

const { documents, heapGrowth } = workerData as { documents: SearchDocument[]; heapGrowth?: number };
// This worker once made the build's memory peak (docs/benchmarks.md): between its steps it lets go of the texts
// (its own copy, needed only to index them) and collects what the last step left; within them it checks its heap.
const heap = workerHeapCollector(heapGrowth);
const afterStep = () => {
  documents.length = 0;
  heap.collect();
};
parentPort!.postMessage([...indexFileContents(indexFiles(documents, undefined, { afterStep, checkpoint: heap.check }))]);
