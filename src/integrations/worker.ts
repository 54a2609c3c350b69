import { Worker } from 'node:worker_threads';

/** The last worker started: the next one waits for it to end. */
let running: Promise<unknown> = Promise.resolve();

/**
 * Runs a worker script (`url`) on `workerData` and resolves with the first message it posts; `name` says which in
 * an error. Workers run one after another, beside the page rendering on the machine's other core: at 10,000
 * notes the graph's layout and the search index together took the build past 1.5 GiB.
 */
export function inWorker<T>(url: URL, workerData: unknown, name: string): Promise<T> {
  const result = running.then(() => runWorker<T>(url, workerData, name));
  running = result.catch(() => undefined);
  return result;
}

function runWorker<T>(url: URL, workerData: unknown, name: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData });
    worker.once('message', (result: T) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the ${name} worker stopped (exit code ${code})`)));
  });
}
