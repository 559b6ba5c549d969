/**
 * `steward db drift` as a library call. Read-only by construction: PostgreSQL servers are read
 * in one READ ONLY transaction on a read-only session, SQLite files with `query_only`, and only
 * SELECTs and pragmas are sent. Errors never carry a password.
 */
import type { DatabaseSchema } from '../database/model.js';
import { readDatabaseSchema } from '../database/read-schema.js';
import type { DatabaseConnection } from '../engine/connection.js';
import { redactSecrets } from '../engine/database-url.js';
import { describeLocation, parseDatabaseUrl, type DatabaseLocation } from '../providers/location.js';
import { openDatabase } from '../engine/open-database.js';
import { isUnreachableError } from '../errors/reachability.js';
import { compareSchemas } from '../catalog/compare.js';
import { countsAsDrift, type DriftFinding } from '../catalog/codes.js';
import type { MigrationScript } from '../engine/migrations-list.js';
import { migrationPosition, readMigrationHistory, type MigrationPosition } from '../migrate/migration-status.js';

/** A finding `drift.acknowledge` accepts (acknowledge.ts). */
export interface AcknowledgedFinding extends DriftFinding {
  /** The acknowledgement's reason. */
  reason: string;
  /** Its index in `drift.acknowledge`. */
  acknowledgement: number;
}

export type DriftStatus = 'clean' | 'drift' | 'unreachable' | 'error';

export interface DriftResult {
  /** The database, password-free. */
  database: string;
  status: DriftStatus;
  findings: DriftFinding[];
  /** Findings that `drift.acknowledge` accepts: shown, never drift. */
  acknowledged?: AcknowledgedFinding[];
  /** Why the database could not be checked (unreachable or error), password-free. */
  error?: string;
  /** Its place in the environment's migration history (`_prisma_migrations`, read in the same read-only session), when asked. */
  migrations?: MigrationPosition;
  /** Why `_prisma_migrations` could not be read (e.g. no privilege on it), password-free; the drift result stands. */
  migrationsError?: string;
  durationMs: number;
}

export interface DriftOptions {
  /** Give up on a database after this long (connect and read). Default 10 000 ms. */
  timeoutMs?: number;
  /** Resolve relative SQLite / PGlite paths against this directory. */
  cwd?: string;
  /** The environment's migrations: each database's `_prisma_migrations` is read against them (SELECT only). */
  history?: readonly MigrationScript[];
}

export const DEFAULT_DRIFT_TIMEOUT_MS = 10_000;

class DriftTimeout extends Error {}

/**
 * `expected` may still be in the making (a promise): the target is opened and read meanwhile, and
 * `options.provider` names the provider to check the URL against until it is there.
 */
export async function checkDrift(
  expected: DatabaseSchema | Promise<DatabaseSchema>,
  url: string,
  options: DriftOptions & { provider?: DatabaseSchema['provider'] } = {},
): Promise<DriftResult> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_DRIFT_TIMEOUT_MS;
  let location: DatabaseLocation;
  try {
    location = parseDatabaseUrl(url, options.cwd);
  } catch (error) {
    return { database: redactSecrets(url, [url]), status: 'error', findings: [], error: redactSecrets((error as Error).message, [url]), durationMs: 0 };
  }
  const database = describeLocation(location);
  const finish = (result: Omit<DriftResult, 'database' | 'durationMs'>): DriftResult => ({ database, ...result, durationMs: performance.now() - started });
  const provider = expected instanceof Promise ? options.provider : expected.provider;
  if (provider !== undefined && location.provider !== provider) {
    return finish({ status: 'error', findings: [], error: `${database} is a ${location.provider} database but the environment's provider is ${provider}` });
  }
  let connection: DatabaseConnection | undefined;
  let timer: NodeJS.Timeout | undefined;
  const work = (async () => {
    connection = await openDatabase(location, { readOnly: true, timeoutMs });
    const namespace = location.kind === 'postgres-server' ? schemaParameter(location.url) : undefined;
    const schema = await readDatabaseSchema(connection, { namespace });
    if (!options.history) return { schema };
    // Last, in the same read-only session: a refused SELECT (no privilege) aborts the transaction, and the schema is read by then.
    try {
      return { schema, migrations: migrationPosition(options.history, await readMigrationHistory(connection)) };
    } catch (error) {
      return { schema, migrationsError: redactSecrets(error instanceof Error ? error.message || error.constructor.name : String(error), [url]) };
    }
  })();
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DriftTimeout(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const { schema: actual, ...history } = await Promise.race([work, deadline]);
    const findings = compareSchemas(await expected, actual);
    return finish({ status: findings.some(countsAsDrift) ? 'drift' : 'clean', findings, ...history });
  } catch (error) {
    work.catch(() => {}); // the race is lost; its eventual failure is not news
    const message = redactSecrets(error instanceof Error ? error.message || error.constructor.name : String(error), [url]);
    return finish({ status: isUnreachable(error) ? 'unreachable' : 'error', findings: [], error: message });
  } finally {
    clearTimeout(timer);
    await connection?.close().catch(() => {});
  }
}

/** Checks many databases against one expected schema, at most `concurrency` at a time, in input order. */
export async function checkDriftFleet(
  expected: DatabaseSchema | Promise<DatabaseSchema>,
  urls: readonly string[],
  options: DriftOptions & { concurrency?: number; provider?: DatabaseSchema['provider'] } = {},
): Promise<DriftResult[]> {
  const results: DriftResult[] = new Array(urls.length);
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const index = next++;
      results[index] = await checkDrift(expected, urls[index], options);
    }
  };
  const width = Math.max(1, Math.min(options.concurrency ?? 4, urls.length));
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

/** Prisma's `?schema=` parameter selects the PostgreSQL schema (namespace). */
function schemaParameter(url: string): string | undefined {
  try {
    return new URL(url).searchParams.get('schema') ?? undefined;
  } catch {
    return undefined;
  }
}

/** A database that does not answer within the time limit, or whose connection fails. */
function isUnreachable(error: unknown): boolean {
  return error instanceof DriftTimeout || isUnreachableError(error);
}
