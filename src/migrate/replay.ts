import type { DatabaseConnection } from '../engine/connection.js';
import type { DatabaseProvider } from '../engine/database-url.js';
import type { MigrationScript } from '../engine/migrations-list.js';
import { openScratchDatabase } from '../engine/open-database.js';
import type { PgliteCacheOptions } from '../engine/pglite-cache.js';
import { StewardError } from '../errors/index.js';
import { migrationScriptPath } from './layout.js';

/**
 * The history replayed into an empty scratch database: the state every environment that
 * applied it is in. The caller closes the connection.
 */
export async function replayHistory(
  provider: DatabaseProvider,
  migrationsDir: string,
  scripts: readonly MigrationScript[],
  cache?: PgliteCacheOptions,
): Promise<DatabaseConnection> {
  const scratch = await openScratchDatabase(provider, cache);
  for (const migration of scripts) {
    try {
      await scratch.executeScript(migration.script);
    } catch (error) {
      await scratch.close();
      throw new StewardError('MIGRATION_INVALID', `Migration ${migration.name} does not apply to the history before it: ${(error as Error).message}`, {
        location: { file: migrationScriptPath(migrationsDir, migration.name) },
        cause: error,
      });
    }
  }
  return scratch;
}
