import { parentPort, workerData } from 'node:worker_threads';
import { StewardError } from '../errors/index.js';
import { readSchemaFiles } from '../schema/load.js';
import { parseSchema } from '../schema/parse.js';
import { planEnvironments } from './generate.js';
import type { PlanInWorkerInput } from './plan-in-worker.js';

// Parses the master and plans every environment in a thread of its own: when the thread ends,
// the memory of the schema model goes with it, before Prisma's wasm instances grow theirs.
const input = workerData as PlanInWorkerInput;
try {
  const schema = parseSchema(readSchemaFiles(input.config.master, input.config.cwd));
  parentPort!.postMessage({ ok: true, planned: planEnvironments(schema, input.config, input.only) });
} catch (error) {
  if (error instanceof StewardError) {
    parentPort!.postMessage({
      ok: false,
      steward: { code: error.code, message: error.message, location: error.location, details: error.details, hint: error.hint },
    });
  } else {
    parentPort!.postMessage({ ok: false, message: (error as Error).stack ?? String(error) });
  }
}
