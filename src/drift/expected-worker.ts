/**
 * Worker thread for `db drift`: builds the expected structure (a scratch database created from
 * the environment's schema, read back) on the second core while the main thread generates the
 * environment and opens and reads the target databases. It loads PGlite and the schema engine as
 * soon as it starts and, given the extensions the master needs, opens its scratch database (and
 * creates the extensions the creation script will not) before the schema and its script arrive.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isStewardError } from '../errors/index.js';
import { expectedDatabaseSchema, type ScratchAhead } from '../catalog/expected-schema.js';
import { openScratchDatabase } from '../engine/open-database.js';
import type { ExpectedReply, ExpectedRequest, ExpectedWorkerData } from './expected-in-worker.js';

const { cache, ahead } = workerData as ExpectedWorkerData;
const opened: Promise<ScratchAhead> | undefined = ahead
  ? openScratchDatabase(ahead.provider, cache, { extensions: ahead.extensions }).then(async (connection) => {
      const created = ahead.create.map((name) => `CREATE EXTENSION IF NOT EXISTS "${name}";`).join('\n');
      if (created) await connection.executeScript(created);
      return { provider: ahead.provider, extensions: ahead.extensions, created: ahead.create, connection };
    })
  : undefined;
opened?.catch(() => {}); // a scratch that fails to open ahead is opened again when the schema is there

parentPort!.once('message', async (request: ExpectedRequest) => {
  let reply: ExpectedReply;
  try {
    reply = {
      ok: true,
      schema: await expectedDatabaseSchema(request.provider, request.schema, { cache, objects: request.objects, ahead: opened, script: request.script }),
    };
  } catch (error) {
    reply = isStewardError(error)
      ? { ok: false, steward: { code: error.code, message: error.message, location: error.location, details: error.details, hint: error.hint } }
      : { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
