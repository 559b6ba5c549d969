import type { DatabaseConnection } from './connection.js';
import type { PgliteCacheOptions } from './pglite-cache.js';
import type { OpenDatabaseOptions, ScratchDatabaseOptions } from '../providers/driver.js';
import { openLocation, openScratch } from '../providers/drivers.js';
import { parseDatabaseUrl, type DatabaseLocation } from '../providers/location.js';
import type { DatabaseProvider } from '../providers/registry.js';

export type { OpenDatabaseOptions, ScratchDatabaseOptions } from '../providers/driver.js';

/** A connection to the database a URL (or a parsed location) names, by its provider's driver. */
export async function openDatabase(urlOrLocation: string | DatabaseLocation, options: OpenDatabaseOptions = {}): Promise<DatabaseConnection> {
  const location = typeof urlOrLocation === 'string' ? parseDatabaseUrl(urlOrLocation) : urlOrLocation;
  return openLocation(location, options);
}

/** An empty throwaway database of the provider: a warm PGlite (or a throwaway database on `shadowUrl`) or a temporary SQLite file. */
export function openScratchDatabase(provider: DatabaseProvider, cache?: PgliteCacheOptions, options: ScratchDatabaseOptions = {}): Promise<DatabaseConnection> {
  return openScratch(provider, cache, options);
}
