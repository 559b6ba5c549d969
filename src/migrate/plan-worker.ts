/**
 * Worker thread for one environment of `migrate create`. It opens its scratch database as soon
 * as it starts (a warm PGlite costs ~0.4 s of CPU), while the main thread generates the
 * environments, then plans that environment in parallel with the others.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openHistoryScratch } from './history-scratch.js';
import { isStewardError } from '../errors/index.js';
import { planEnvironmentMigration } from './create-migrations.js';
import type { PlanRequest, PlanWorkerData, PlanReply } from './plan-in-worker.js';

const { provider, cache, env, migrationsDir, scratch: scratchOptions } = workerData as PlanWorkerData;
const scratch = openHistoryScratch(provider, env, migrationsDir, cache, scratchOptions);
scratch.catch(() => {});

parentPort!.once('message', async (request: PlanRequest) => {
  let reply: PlanReply;
  try {
    const migration = await planEnvironmentMigration(request.config, request.environment, request.master, request.directoryName, scratch, {
      cache,
      dryRun: request.dryRun,
      previous: request.previous,
      confirmed: request.confirmed,
    });
    reply = { ok: true, migration };
  } catch (error) {
    reply = isStewardError(error)
      ? { ok: false, steward: { code: error.code, message: error.message, location: error.location, details: error.details, hint: error.hint } }
      : { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  await scratch.then(
    (history) => history.connection?.close(),
    () => {},
  );
  parentPort!.postMessage(reply);
});
