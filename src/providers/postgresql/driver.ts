/** PostgreSQL's driver half: servers through `pg`, embedded databases and scratches through PGlite. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readPostgresSchema } from '../../database/read-postgres.js';
import { PgliteConnection } from '../../engine/pglite-connection.js';
import { PostgresConnection } from '../../engine/postgres-connection.js';
import { ServerScratchConnection } from '../../engine/server-scratch.js';
import { missingDatabase, type ProviderDriver } from '../driver.js';

export const postgresqlDriver: ProviderDriver<'postgresql'> = {
  open(location, options) {
    if (location.kind === 'postgres-server') return PostgresConnection.open(location.url, options);
    if (location.dataDir === null) return PgliteConnection.scratch(options.cache);
    // Opening a missing PGlite directory would create it: a read must not.
    if (options.readOnly && !existsSync(path.join(location.dataDir, 'PG_VERSION'))) throw missingDatabase(`${location.dataDir} is not a PGlite data directory`);
    return PgliteConnection.open(location.dataDir, options.cache);
  },
  scratch(cache, options) {
    return options.shadowUrl ? ServerScratchConnection.open(options.shadowUrl) : PgliteConnection.scratch(cache, options.extensions);
  },
  readCatalog(connection, options) {
    return readPostgresSchema(connection, options.namespace);
  },
  async hasTable(connection, name) {
    const rows = await connection.query(`SELECT 1 FROM pg_catalog.pg_tables WHERE tablename = $1 AND schemaname = current_schema()`, [name]);
    return rows.length > 0;
  },
};
