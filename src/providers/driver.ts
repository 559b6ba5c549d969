/**
 * The half of an adapter that needs a database driver: opening a connection, an empty scratch
 * database, reading the catalog. Kept apart from the adapters (registered in drivers.ts) so
 * that commands which never connect (generate, lint) load no driver.
 */
import type { DatabaseSchema } from '../database/model.js';
import type { DatabaseConnection } from '../engine/connection.js';
import type { PgliteCacheOptions } from '../engine/pglite-cache.js';
import type { DatabaseLocation } from './location.js';
import type { DatabaseProvider } from './registry.js';

export interface OpenDatabaseOptions {
  readOnly?: boolean;
  timeoutMs?: number;
  cache?: PgliteCacheOptions;
}

export interface ScratchDatabaseOptions {
  /** PostgreSQL extensions the scratch must be able to create (loaded into PGlite). */
  extensions?: readonly string[];
  /** A PostgreSQL server to hold the scratch instead of PGlite: a throwaway database is created there and dropped on close. */
  shadowUrl?: string;
}

export interface ProviderDriver<P extends DatabaseProvider = DatabaseProvider> {
  /** A connection to the database at `location`; with `readOnly`, a missing database is an error, never created. */
  open(location: Extract<DatabaseLocation, { provider: P }>, options: OpenDatabaseOptions): Promise<DatabaseConnection>;
  /** An empty throwaway database, removed on close. */
  scratch(cache: PgliteCacheOptions | undefined, options: ScratchDatabaseOptions): Promise<DatabaseConnection>;
  /** The structure of the database, lowered to the one live-database model. */
  readCatalog(connection: DatabaseConnection, options: { namespace?: string }): Promise<DatabaseSchema>;
  /** Whether a table of this name exists (in the current schema). */
  hasTable(connection: DatabaseConnection, name: string): Promise<boolean>;
}

/** Opening a database that is not there, on a read-only path (the callers report it as unreachable). */
export function missingDatabase(message: string): Error {
  return Object.assign(new Error(message), { code: 'SQLITE_CANTOPEN' });
}
