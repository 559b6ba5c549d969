import { workerScript } from '../package-files.js';
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/types.js';
import { type ErrorCode, type ErrorLocation, StewardError } from '../errors/index.js';
import type { PlannedEnvironment } from './generate.js';

export interface PlanInWorkerInput {
  config: Pick<ResolvedConfig, 'environments' | 'master' | 'cwd'>;
  only?: string;
}

type PlanMessage =
  | { ok: true; planned: PlannedEnvironment[] }
  | { ok: false; steward?: { code: ErrorCode; message: string; location?: ErrorLocation; details: string[]; hint?: string }; message?: string };

/** Runs planEnvironments in a worker thread (see plan-worker.ts for why). */
export function planInWorker(input: PlanInWorkerInput): Promise<PlannedEnvironment[]> {
  return new Promise((resolve, reject) => {
    const config = { environments: input.config.environments, master: input.config.master, cwd: input.config.cwd };
    const worker = new Worker(workerScript('generate/plan-worker'), { workerData: { config, only: input.only } });
    worker.once('message', (msg: PlanMessage) => {
      void worker.terminate();
      if (msg.ok) resolve(msg.planned);
      else if (msg.steward)
        reject(
          new StewardError(msg.steward.code, msg.steward.message, { location: msg.steward.location, details: msg.steward.details, hint: msg.steward.hint }),
        );
      else reject(new Error(msg.message));
    });
    worker.once('error', reject);
  });
}
