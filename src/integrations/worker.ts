import { Worker } from 'node:worker_threads';

/** Workers running now, and those waiting for a thread. */
let running = 0;
const waiting: (() => void)[] = [];

/**
 * Runs a worker script (`url`) on `workerData` and resolves with the first message it posts; `name` says which in
 * an error. The build's main thread renders pages all along, so workers share the other `parallelism - 1`
 * threads: on two cores they run one after another, which keeps the build's memory peak down (docs/benchmarks.md,
 * "one worker at a time"); with more cores, several at once.
 */
export async function inWorker<T>(url: URL, workerData: unknown, name: string, parallelism = 2): Promise<T> {
  if (running >= Math.max(1, parallelism - 1)) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await runWorker<T>(url, workerData, name);
  } finally {
    running--;
    waiting.shift()?.();
  }
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
