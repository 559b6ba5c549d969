import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DatabaseConnection } from './connection.js';
import { parseDatabaseUrl, type DatabaseLocation } from '../providers/location.js';
import type { PgliteCacheOptions } from './pglite-cache.js';
import { PgliteConnection } from './pglite-connection.js';
import { PostgresConnection } from './postgres-connection.js';
import { ServerScratchConnection } from './server-scratch.js';
import { SqliteConnection } from './sqlite-connection.js';

export interface OpenDatabaseOptions {
  readOnly?: boolean;
  timeoutMs?: number;
  cache?: PgliteCacheOptions;
}

export async function openDatabase(urlOrLocation: string | DatabaseLocation, options: OpenDatabaseOptions = {}): Promise<DatabaseConnection> {
  const location = typeof urlOrLocation === 'string' ? parseDatabaseUrl(urlOrLocation) : urlOrLocation;
  // Opening a missing SQLite file or PGlite directory would create it: a read must not.
  if (options.readOnly && location.kind === 'sqlite-file' && !existsSync(location.file)) throw missing(`SQLite file ${location.file} does not exist`);
  if (options.readOnly && location.kind === 'pglite' && location.dataDir !== null && !existsSync(path.join(location.dataDir, 'PG_VERSION'))) {
    throw missing(`${location.dataDir} is not a PGlite data directory`);
  }
  switch (location.kind) {
    case 'postgres-server':
      return PostgresConnection.open(location.url, options);
    case 'pglite':
      return location.dataDir === null ? PgliteConnection.scratch(options.cache) : PgliteConnection.open(location.dataDir, options.cache);
    case 'sqlite-file':
      return SqliteConnection.open(location.file, { readOnly: options.readOnly });
  }
}

export interface ScratchDatabaseOptions {
  /** PostgreSQL extensions the scratch must be able to create (loaded into PGlite). */
  extensions?: readonly string[];
  /** A PostgreSQL server to hold the scratch instead of PGlite: a throwaway database is created there and dropped on close. */
  shadowUrl?: string;
}

/** An empty throwaway database of the provider: a warm PGlite (or a throwaway database on `shadowUrl`) or a temporary SQLite file. */
export function openScratchDatabase(provider: DatabaseLocation['provider'], cache?: PgliteCacheOptions, options: ScratchDatabaseOptions = {}): Promise<DatabaseConnection> {
  if (provider === 'sqlite') return SqliteConnection.scratch();
  return options.shadowUrl ? ServerScratchConnection.open(options.shadowUrl) : PgliteConnection.scratch(cache, options.extensions);
}

function missing(message: string): Error {
  return Object.assign(new Error(message), { code: 'SQLITE_CANTOPEN' });
}
