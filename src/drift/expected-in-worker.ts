/**
 * The expected structure of `db drift`, built in a worker thread (expected-worker.ts). The first
 * drift in a project builds it in a scratch PGlite (about a second of CPU for a big schema) while
 * the target database, often a PGlite directory too, is opened and read: on one thread the two
 * take turns, on two cores they overlap. The worker opens its scratch (its longest step) as soon
 * as it starts; when the main thread has little else to do, it plans the creation script
 * meanwhile, with no database, and the worker only runs it and reads the result. A cached
 * structure is read on the main thread.
 */
import { Worker } from 'node:worker_threads';
import type { DatabaseSchema } from '../database/model.js';
import type { PgliteCacheOptions } from '../engine/pglite-cache.js';
import type { SchemaSource } from '../engine/schema-engine.js';
import { type ErrorCode, type ErrorLocation, StewardError } from '../errors/index.js';
import { workerScript } from '../package-files.js';
import type { DatabaseProvider } from '../providers/registry.js';
import { cachedExpectedSchema, creationScript } from '../catalog/expected-schema.js';
import type { SqlObjectFile } from '../catalog/sql-objects.js';

export interface ExpectedWorkerData {
  cache: PgliteCacheOptions;
  /**
   * What to open a scratch database with before the schema arrives: the environment's provider,
   * the master's extensions (loaded) and those of them the creation script will not create (created).
   */
  ahead?: { provider: DatabaseProvider; extensions: string[]; create: string[] };
}

export interface ExpectedRequest {
  provider: DatabaseProvider;
  schema: SchemaSource;
  /** The environment's SQL object files (sql-objects.ts). */
  objects: readonly SqlObjectFile[];
  /** The schema's creation script when planned on the main thread (while the worker opens its scratch); else the worker plans it. */
  script?: string;
}

export type ExpectedReply =
  | { ok: true; schema: DatabaseSchema }
  | { ok: false; steward?: { code: ErrorCode; message: string; location?: ErrorLocation; details: string[]; hint?: string }; message?: string };

/** A worker started before the schema is known; `build` hands it the schema, `cancel` ends it. */
export interface ExpectedBuilder {
  /**
   * `planHere`: plan the creation script on this thread, with no database, while the worker opens
   * its scratch: the right split when this thread has little else to do (server or SQLite targets);
   * a PGlite target keeps it busy, and the worker plans.
   */
  build(request: Omit<ExpectedRequest, 'script'>, options?: { planHere?: boolean }): Promise<DatabaseSchema>;
  cancel(): void;
}

export function startExpectedBuilder(cache: PgliteCacheOptions, ahead?: ExpectedWorkerData['ahead']): ExpectedBuilder {
  let worker: Worker | undefined;
  const started = () => (worker ??= new Worker(workerScript('drift/expected-worker'), { workerData: { cache, ahead } satisfies ExpectedWorkerData }));
  started();
  return {
    async build(request, options = {}) {
      const cached = await cachedExpectedSchema(request.provider, request.schema, cache, request.objects);
      if (cached) {
        this.cancel();
        return cached;
      }
      let script: string | undefined;
      if (options.planHere) {
        try {
          script = await creationScript(request.provider, request.schema);
        } catch (error) {
          this.cancel();
          throw error;
        }
      }
      const thread = started();
      return new Promise<DatabaseSchema>((resolve, reject) => {
        thread.once('message', (message: ExpectedReply) => {
          void thread.terminate();
          if (message.ok) resolve(message.schema);
          else if (message.steward) {
            const { code, message: text, location, details, hint } = message.steward;
            reject(new StewardError(code, text, { location, details, hint }));
          } else reject(new Error(message.message));
        });
        thread.once('error', reject);
        thread.postMessage({ ...request, script } satisfies ExpectedRequest);
      });
    },
    cancel() {
      void worker?.terminate();
    },
  };
}
