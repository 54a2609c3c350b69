import { Worker } from 'node:worker_threads';

/** Runs a worker script (`url`) on `workerData` and resolves with the first message it posts; `name` says which in an error. */
export function inWorker<T>(url: URL, workerData: unknown, name: string): Promise<T> {
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
