import { parentPort } from 'node:worker_threads';
import { type FinishJob, finishSchema } from './finish.js';

// Runs finishSchema off the main thread so environments are formatted and validated in parallel.
parentPort?.on('message', (job: FinishJob) => {
  try {
    parentPort!.postMessage({ ok: true, result: finishSchema(job) });
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: (error as Error).message });
  }
});
