import { workerScript } from '../package-files.js';
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/types.js';
import type { DatabaseProvider } from '../providers/registry.js';
import type { PgliteCacheOptions } from '../engine/pglite-cache.js';
import { type ErrorCode, type ErrorLocation, StewardError } from '../errors/index.js';
import type { ConfirmedRename } from './rename-questions.js';
import type { Schema } from '../schema/model.js';
import type { EnvironmentMigration } from './environment-migration.js';
import type { MigratableEnvironment } from './environment-schemas.js';
import type { HistoryScratchOptions } from './history-scratch.js';

export interface PlanWorkerData {
  provider: DatabaseProvider;
  cache: PgliteCacheOptions;
  env: string;
  migrationsDir: string;
  scratch: HistoryScratchOptions;
}

export interface PlanRequest {
  config: ResolvedConfig;
  environment: MigratableEnvironment;
  master: Schema;
  /** The master the history was last migrated to (renames). */
  previous?: Schema;
  directoryName: string;
  dryRun: boolean;
  /** Renames confirmed by flags or answers (rename-questions.ts). */
  confirmed?: readonly ConfirmedRename[];
}

export type PlanReply =
  | { ok: true; migration: EnvironmentMigration }
  | { ok: false; steward?: { code: ErrorCode; message: string; location?: ErrorLocation; details: string[]; hint?: string }; message?: string };

/** A worker that has started opening its scratch database and waits for its environment. */
export interface EnvironmentPlanner {
  plan(request: PlanRequest): Promise<EnvironmentMigration>;
  /** Ends the worker when it is not needed after all (generation failed). */
  cancel(): void;
}

export function startPlannerWorker(data: PlanWorkerData): EnvironmentPlanner {
  const worker = new Worker(workerScript('migrate/plan-worker'), { workerData: data });
  const reply = new Promise<EnvironmentMigration>((resolve, reject) => {
    worker.once('message', (message: PlanReply) => {
      void worker.terminate();
      if (message.ok) resolve(message.migration);
      else if (message.steward) {
        const { code, message: text, location, details, hint } = message.steward;
        reject(new StewardError(code, text, { location, details, hint }));
      } else reject(new Error(message.message));
    });
    worker.once('error', reject);
  });
  reply.catch(() => {});
  return {
    plan(request) {
      worker.postMessage(request);
      return reply;
    },
    cancel() {
      void worker.terminate();
    },
  };
}
