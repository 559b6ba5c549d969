/**
 * Each database's place in the environment's history, for a fleet: `_prisma_migrations` read with
 * migration-status.ts's reader on a read-only connection, at most `concurrency` databases at once.
 * A database that cannot be opened or read is `unreachable` or `error`, never a thrown error.
 */
import type { DatabaseConnection } from '../engine/connection.js';
import { redactSecrets } from '../engine/database-url.js';
import type { MigrationScript } from '../engine/migrations-list.js';
import { openDatabase } from '../engine/open-database.js';
import { isUnreachableError } from '../errors/reachability.js';
import { describeLocation, parseDatabaseUrl } from '../providers/location.js';
import { migrationPosition, readMigrationHistory, type MigrationPosition } from './migration-status.js';

export interface FleetPosition {
  /** The database, password-free. */
  database: string;
  status: 'read' | 'unreachable' | 'error';
  position?: MigrationPosition;
  /** Password-free. */
  error?: string;
}

export interface FleetPositionOptions {
  cwd?: string;
  timeoutMs?: number;
  concurrency?: number;
}

export async function databasePosition(local: readonly MigrationScript[], url: string, options: FleetPositionOptions = {}): Promise<FleetPosition> {
  let database = redactSecrets(url, [url]);
  const redact = (error: unknown) => redactSecrets(error instanceof Error ? error.message || error.constructor.name : String(error), [url]);
  let connection: DatabaseConnection | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const location = parseDatabaseUrl(url, options.cwd);
    database = describeLocation(location);
    const timeoutMs = options.timeoutMs ?? 10_000;
    const work = (async () => {
      connection = await openDatabase(location, { readOnly: true, timeoutMs });
      return migrationPosition(local, await readMigrationHistory(connection));
    })();
    work.catch(() => {}); // when the deadline wins, the late failure is not news
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })), timeoutMs);
    });
    return { database, status: 'read', position: await Promise.race([work, deadline]) };
  } catch (error) {
    return { database, status: isUnreachableError(error) ? 'unreachable' : 'error', error: redact(error) };
  } finally {
    clearTimeout(timer);
    await (connection as DatabaseConnection | undefined)?.close().catch(() => {});
  }
}

/** Every database's position, in input order. */
export async function fleetPositions(local: readonly MigrationScript[], urls: readonly string[], options: FleetPositionOptions = {}): Promise<FleetPosition[]> {
  const results: FleetPosition[] = new Array(urls.length);
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const index = next++;
      results[index] = await databasePosition(local, urls[index], options);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, urls.length)) }, worker));
  return results;
}
