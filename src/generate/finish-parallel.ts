import { workerScript } from '../package-files.js';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type FinishJob, type FinishResult, finishSchema } from './finish.js';

/** Below this many characters in all, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD = Number(process.env.STEWARD_PARALLEL_THRESHOLD ?? 400_000);

/**
 * Finishes several environment files, in worker threads when the work is large enough and the
 * machine has more than one core; otherwise on this thread. Results keep the jobs' order.
 */
export async function finishSchemas(jobs: FinishJob[]): Promise<FinishResult[]> {
  const total = jobs.reduce((n, j) => n + j.body.length, 0);
  const workers = Math.min(jobs.length, availableParallelism());
  if (jobs.length < 2 || workers < 2 || total < PARALLEL_THRESHOLD) return jobs.map(finishSchema);
  // The main thread takes the first job itself; workers take the rest.
  const [first, ...rest] = jobs;
  const pending = rest.map((job) => runInWorker(job));
  const mine = finishSchema(first);
  return [mine, ...(await Promise.all(pending))];
}

function runInWorker(job: FinishJob): Promise<FinishResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript('generate/finish-worker'));
    worker.once('message', (msg: { ok: boolean; result?: FinishResult; message?: string }) => {
      void worker.terminate();
      if (msg.ok) resolve(msg.result!);
      else reject(new Error(msg.message));
    });
    worker.once('error', reject);
    worker.postMessage(job);
  });
}
