import { describe, expect, it } from 'vitest';
import { inWorker } from '../../src/integrations/worker';

/** A worker that waits `workerData` ms and posts when it started and ended. */
const SLEEPER = new URL(
  `data:text/javascript,${encodeURIComponent(
    "import { parentPort, workerData } from 'node:worker_threads'; const start = Date.now(); setTimeout(() => parentPort.postMessage([start, Date.now()]), workerData);",
  )}`,
);
const FAILING = new URL(`data:text/javascript,${encodeURIComponent("throw new Error('broken on purpose');")}`);

describe('build workers', () => {
  it('run one after another, and a failing one does not stop the next', async () => {
    const first = inWorker<[number, number]>(SLEEPER, 300, 'first');
    const failing = inWorker(FAILING, undefined, 'failing');
    const third = inWorker<[number, number]>(SLEEPER, 100, 'third');
    // Checked from the start: a rejection nobody is waiting for yet would count as unhandled and fail the run.
    const failed = expect(failing).rejects.toThrow('broken on purpose');
    const [a, c] = await Promise.all([first, third]);
    await failed;
    expect(c[0]).toBeGreaterThanOrEqual(a[1]);
  });
});
