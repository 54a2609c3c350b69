/**
 * Builds the search index (manifest and term shards) in a worker thread, so
 * MiniSearch indexes every text while Astro renders the pages: at 10,000
 * notes that is 25 s of a build on the other core. Receives the search
 * documents as `workerData` and posts back [site path, JSON text] pairs,
 * the same as `indexFiles` makes in the build's own thread.
 *
 * Plain JavaScript that registers tsx's loader first: the engine is
 * TypeScript, which Node 20 cannot run on its own.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { buildIndex, splitIndex } = await import('../lib/search/writer/index.ts');
const { indexFileContents } = await import('../lib/site/search-files.ts');

// The index is garbage once copied out as a plain object; collected before the shards are made from that
// copy, its memory serves them. This worker is the build's memory peak at 10,000 notes: standalone, the
// index's peak went from 573 to 481 MB with the collection.
const full = buildIndex(workerData).toJSON();
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
if (typeof gc === 'function') gc();
parentPort.postMessage([...indexFileContents(splitIndex(full))]);
