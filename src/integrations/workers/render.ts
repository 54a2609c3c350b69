/**
 * Renders Markdown bodies from the end of the build's list backwards and posts them, until it reaches the
 * build's position (src/lib/corpus/two-thread-rendering.ts). Its workerData is a RenderWorkerData
 * (../render-helper.ts); the build's positions arrive on the port, read between bodies.
 */
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import { renderFromTheEnd } from '../../lib/corpus';
import { siteAddress } from '../../lib/site/urls';
import { workerHeapCollector } from '../heap-collector';
import type { RenderWorkerData } from '../render-helper';

const { files, attachments, settings, bibliography, list, port, heapGrowth } = workerData as RenderWorkerData;
let reached = -1;
// Checked at each delivery: the build's own check (../heap-bound.ts) sees only the build's heap.
const heap = workerHeapCollector(heapGrowth);
renderFromTheEnd(
  { files, attachments, settings, bibliography },
  list,
  {
    reached() {
      for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) reached = Math.max(reached, message.message as number);
      return reached;
    },
    deliver: (entries) => {
      port.postMessage(entries);
      heap.check();
    },
  },
  siteAddress,
);
port.close();
