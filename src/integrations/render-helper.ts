/**
 * A second thread renders Markdown bodies while the corpus loads (./render-worker.mjs; the exchange is
 * src/lib/corpus/render-helper.ts). Both sides read what the other posted without waiting, through
 * `receiveMessageOnPort`: the build's loop over bodies is synchronous, so no message event would reach it.
 * `RENDER_HELPER_FROM` sets how many bodies to render call for it (1,000 by default, `off` for never).
 */
import type { AstroIntegration } from 'astro';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { HELPER_FROM, type CachedBody, type RenderHelper, type RenderSources } from '../lib/corpus';
import { renderBodiesWith } from '../lib/site/corpus';

/** `RENDER_HELPER_FROM`: a whole number of bodies, or `off`; anything else is an error that names the setting. */
export function helperFromSetting(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return HELPER_FROM;
  if (value.trim() === 'off') return Infinity;
  const from = Number(value);
  if (!Number.isInteger(from) || from < 0) throw new Error(`RENDER_HELPER_FROM must be a whole number of bodies (such as 1000) or "off", not "${value}"`);
  return from;
}

/** What the worker is given. */
export interface RenderWorkerData extends RenderSources {
  list: string[];
  base: string;
  port: MessagePort;
}

/** Starts the worker; if it fails, the build renders the bodies it did not post, and `onError` hears why. */
export function startRenderWorker(sources: RenderSources, list: string[], base: string, onError: (err: Error) => void): RenderHelper {
  const { port1, port2 } = new MessageChannel();
  const workerData = { ...sources, list, base, port: port2 };
  const worker = new Worker(new URL('./render-worker.mjs', import.meta.url), { workerData, transferList: [port2] });
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

export default function renderHelper(): AstroIntegration {
  return {
    name: 'render-helper',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        let from: number;
        try {
          from = helperFromSetting(process.env.RENDER_HELPER_FROM);
        } catch (e) {
          logger.warn(`${(e as Error).message}; using ${HELPER_FROM}`);
          from = HELPER_FROM;
        }
        const onError = (err: Error) => logger.warn(`the Markdown worker failed (${err.message}); the build renders the rest of the bodies itself`);
        renderBodiesWith((sources, list, base) => startRenderWorker(sources, list, base, onError), from);
      },
    },
  };
}
