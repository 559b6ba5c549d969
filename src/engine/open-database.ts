import type { DatabaseConnection } from './connection.js';
import { openFailure } from './connection-error.js';
import type { PgliteCacheOptions } from './pglite-cache.js';
import type { OpenDatabaseOptions, ScratchDatabaseOptions } from '../providers/driver.js';
import { openLocation, openScratch } from '../providers/drivers.js';
import { parseDatabaseUrl, type DatabaseLocation } from '../providers/location.js';
import type { DatabaseProvider } from '../providers/registry.js';

export type { OpenDatabaseOptions, ScratchDatabaseOptions } from '../providers/driver.js';

/**
 * A connection to the database a URL (or a parsed location) names, by its provider's driver. A
 * database that cannot be opened is a StewardError: DATABASE_UNREACHABLE or DATABASE_AUTH_FAILED
 * (connection-error.ts), whatever the driver threw.
 */
export async function openDatabase(urlOrLocation: string | DatabaseLocation, options: OpenDatabaseOptions = {}): Promise<DatabaseConnection> {
  const location = typeof urlOrLocation === 'string' ? parseDatabaseUrl(urlOrLocation) : urlOrLocation;
  try {
    return await openLocation(location, options);
  } catch (error) {
    throw openFailure(error, typeof urlOrLocation === 'string' ? [urlOrLocation] : 'url' in location && typeof location.url === 'string' ? [location.url] : []);
  }
}

/** An empty throwaway database of the provider: a warm PGlite (or a throwaway database on `shadowUrl`) or a temporary SQLite file. */
export function openScratchDatabase(provider: DatabaseProvider, cache?: PgliteCacheOptions, options: ScratchDatabaseOptions = {}): Promise<DatabaseConnection> {
  return openScratch(provider, cache, options);
}
