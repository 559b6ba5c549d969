/**
 * PostgreSQL's driver half: servers through `pg`, embedded databases and scratches through PGlite.
 * Each connection module is imported when first used: `pg` and its adapter, or PGlite, cost 100 to
 * 250 ms to load, and most runs need only one of them (a drift's worker thread only PGlite).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readPostgresSchema } from '../../database/read-postgres.js';
import { missingDatabase, type ProviderDriver } from '../driver.js';

const pglite = () => import('../../engine/pglite-connection.js');

export const postgresqlDriver: ProviderDriver<'postgresql'> = {
  async open(location, options) {
    if (location.kind === 'postgres-server') return (await import('../../engine/postgres-connection.js')).PostgresConnection.open(location.url, options);
    if (location.dataDir === null) return (await pglite()).PgliteConnection.scratch(options.cache);
    // Opening a missing PGlite directory would create it: a read must not.
    if (options.readOnly && !existsSync(path.join(location.dataDir, 'PG_VERSION'))) throw missingDatabase(`${location.dataDir} is not a PGlite data directory`);
    return (await pglite()).PgliteConnection.open(location.dataDir, options.cache);
  },
  async scratch(cache, options) {
    const { shadowUrl } = options;
    if (shadowUrl) return (await import('../../engine/server-scratch.js')).ServerScratchConnection.open(shadowUrl);
    return (await pglite()).PgliteConnection.scratch(cache, options.extensions);
  },
  readCatalog(connection, options) {
    return readPostgresSchema(connection, options.namespace);
  },
  async hasTable(connection, name) {
    const rows = await connection.query(`SELECT 1 FROM pg_catalog.pg_tables WHERE tablename = $1 AND schemaname = current_schema()`, [name]);
    return rows.length > 0;
  },
};
