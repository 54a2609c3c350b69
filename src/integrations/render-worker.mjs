/**
 * Renders Markdown bodies from the end of the build's list backwards and posts them, until it reaches the
 * build's position (src/lib/corpus/render-helper.ts). Its workerData is a RenderWorkerData
 * (./render-helper.ts); the build's positions arrive on the port, read between bodies.
 *
 * Plain JavaScript that registers tsx's loader first: the engine is TypeScript, which Node 20 cannot run on its own.
 */
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { renderFromTheEnd } = await import('../lib/corpus/index.ts');
const { normaliseBase, withBase } = await import('../lib/site/urls.ts');
const { workerHeapCollector } = await import('./heap-collector.ts');

const { files, attachments, settings, bibliography, list, base, port } = workerData;
const siteBase = normaliseBase(base);
let reached = -1;
// Checked at each delivery: the build's own check (./heap-bound.ts) sees only the build's heap.
const heap = workerHeapCollector();
renderFromTheEnd({ files, attachments, settings, bibliography }, list, {
  reached() {
    for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) reached = Math.max(reached, message.message);
    return reached;
  },
  deliver: (entries) => {
    port.postMessage(entries);
    heap.check();
  },
}, (path) => withBase(path, siteBase));
port.close();
