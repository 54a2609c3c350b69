/**
 * A second thread renders Markdown bodies while the corpus loads (./workers/render.ts; the exchange is
 * src/lib/corpus/two-thread-rendering.ts). Both sides read what the other posted without waiting, through
 * `receiveMessageOnPort`: the build's loop over bodies is synchronous, so no message event would reach it.
 * The option `renderHelperFrom` sets how many bodies to render call for it; a build given one thread has none.
 */
import type { AstroIntegration } from 'astro';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { CachedBody, RenderHelper, RenderSources } from '../lib/corpus';
import type { SessionOf } from '../lib/site/session';
import { workerScript } from './workers/built';

/** What the worker is given. */
export interface RenderWorkerData extends RenderSources {
  list: string[];
  port: MessagePort;
  /** The heap growth that triggers a full collection in the worker (`undefined`: left to V8). */
  heapGrowth?: number;
}

/** Starts the worker; if it fails, the build renders the bodies it did not post, and `onError` hears why. */
export function startRenderWorker(script: URL, sources: RenderSources, list: string[], heapGrowth: number | undefined, onError: (err: Error) => void): RenderHelper {
  const { port1, port2 } = new MessageChannel();
  const workerData = { ...sources, list, heapGrowth, port: port2 };
  const worker = new Worker(script, { workerData, transferList: [port2] });
  let stopped = false;
  worker.once('error', (err) => stopped || onError(err));
  return {
    *finished() {
      for (let message = receiveMessageOnPort(port1); message; message = receiveMessageOnPort(port1)) {
        yield* message.message as [string, CachedBody][];
      }
    },
    reached: (index) => port1.postMessage(index),
    stop() {
      stopped = true;
      port1.close();
      void worker.terminate();
    },
  };
}

export default function renderHelper(sessionOf: SessionOf): AstroIntegration {
  return {
    name: 'render-helper',
    hooks: {
      'astro:config:done': ({ logger }) => {
        const session = sessionOf();
        const onError = (err: Error) => logger.warn(`the Markdown worker failed (${err.message}); the build renders the rest of the bodies itself`);
        session.renderBodiesWith((sources, list) => startRenderWorker(workerScript('render', session.projectRoot), sources, list, session.options.heapGrowth, onError));
      },
    },
  };
}
