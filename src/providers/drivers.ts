/**
 * The drivers of the providers steward connects to: one per provider whose adapter has
 * `engine` (the type requires exactly those). Imported only where steward connects.
 */
import type { DatabaseSchema } from '../database/model.js';
import type { DatabaseConnection } from '../engine/connection.js';
import type { PgliteCacheOptions } from '../engine/pglite-cache.js';
import type { OpenDatabaseOptions, ProviderDriver, ScratchDatabaseOptions } from './driver.js';
import type { DatabaseLocation } from './location.js';
import { postgresqlDriver } from './postgresql/driver.js';
import type { DatabaseProvider } from './registry.js';
import { sqliteDriver } from './sqlite/driver.js';

const DRIVERS: { readonly [P in DatabaseProvider]: ProviderDriver<P> } = { postgresql: postgresqlDriver, sqlite: sqliteDriver };

export function providerDriver<P extends DatabaseProvider>(provider: P): ProviderDriver<P> {
  return DRIVERS[provider];
}

export function openLocation(location: DatabaseLocation, options: OpenDatabaseOptions): Promise<DatabaseConnection> {
  return (DRIVERS[location.provider] as ProviderDriver).open(location as never, options);
}

export function openScratch(provider: DatabaseProvider, cache: PgliteCacheOptions | undefined, options: ScratchDatabaseOptions): Promise<DatabaseConnection> {
  return DRIVERS[provider].scratch(cache, options);
}

export function readCatalog(connection: DatabaseConnection, options: { namespace?: string } = {}): Promise<DatabaseSchema> {
  return DRIVERS[connection.provider].readCatalog(connection, options);
}
