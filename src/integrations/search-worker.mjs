/**
 * Builds the search index (manifest and term shards) in a worker thread, so
 * MiniSearch indexes every text while Astro renders the pages: at 10,000
 * notes that is 25 s of a build on the other core. Receives the search
 * documents as `workerData` and posts back [site path, JSON text] pairs.
 *
 * Plain JavaScript that registers tsx's loader first: the engine is
 * TypeScript, which Node 20 cannot run on its own.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { indexFiles } = await import('../lib/search/writer/index.ts');
const { indexFileContents } = await import('../lib/site/search-files.ts');
const { workerHeapCollector } = await import('./heap-collector.ts');
// This worker made the build's memory peak at 10,000 notes: between its steps it lets go of the texts (its own
// copy, needed only to index them) and collects what the last step left; within them it checks its heap.
const heap = workerHeapCollector();
const documents = workerData;
const betweenSteps = () => {
  documents.length = 0;
  heap.collect();
};
parentPort.postMessage([...indexFileContents(indexFiles(documents, undefined, { afterStep: betweenSteps, checkpoint: heap.check }))]);
