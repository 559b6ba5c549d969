/**
 * An adapter for the schema engine with no database behind it, for diffs between schema files
 * (a baseline is the diff from empty to the schema: it needs no database).
 *
 * The engine still connects when it starts. On PostgreSQL it asks one question then, the
 * server's version (to tell CockroachDB apart and pick version-dependent SQL): it is answered as
 * the PGlite steward's scratch databases run would answer it (PostgreSQL 17), so a baseline
 * written offline is the one a PGlite scratch gives (test/engine/offline-adapter.test.ts compares
 * them). Every other query is refused with an error that says so: an engine that needs the
 * database for a diff fails loudly instead of diffing against nothing.
 *
 * Hand-written: Prisma ships no database-less adapter, and starting PGlite for a pure diff costs
 * 0.3-3 s per run (most of `migrate baseline`).
 */
import type { ColumnTypeEnum, SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery, SqlResultSet } from '@prisma/driver-adapter-utils';
import type { DatabaseProvider } from '../providers/registry.js';

/**
 * The driver adapters' column types this adapter answers with. Spelled out (checked against the
 * package's enum at compile time) because a value import of '@prisma/driver-adapter-utils' would
 * load the package with every command whose bundle includes the baseline (see scripts/bundle.mjs).
 */
const COLUMN_TYPE = { Boolean: 5, Text: 7, Int32: 0 } as const satisfies Partial<typeof ColumnTypeEnum>;

/** What PGlite 0.3 reports (`version()`, `server_version_num`). */
const POSTGRES_VERSION = 'PostgreSQL 17.5 on wasm32-unknown-linux-gnu (steward offline: no database)';
const POSTGRES_VERSION_NUM = 170005;

export function offlineAdapterFactory(provider: DatabaseProvider): SqlMigrationAwareDriverAdapterFactory {
  const adapterProvider = provider === 'postgresql' ? 'postgres' : 'sqlite';
  const connect = async (): Promise<SqlDriverAdapter> => ({
    provider: adapterProvider,
    adapterName: 'steward-offline',
    queryRaw: async (query: SqlQuery) => (provider === 'postgresql' ? versionAnswer(query) : refuse(query.sql)),
    executeRaw: async (query: SqlQuery) => refuse(query.sql),
    executeScript: async (script: string) => refuse(script),
    startTransaction: async () => refuse('a transaction'),
    dispose: async () => {},
  });
  return { provider: adapterProvider, adapterName: 'steward-offline', connect, connectToShadowDb: connect };
}

function versionAnswer(query: SqlQuery): SqlResultSet {
  if (!/\bversion\(\)/.test(query.sql) || !/server_version_num/.test(query.sql)) return refuse(query.sql);
  return {
    columnNames: ['exists', 'version', 'numeric_version'],
    columnTypes: [COLUMN_TYPE.Boolean, COLUMN_TYPE.Text, COLUMN_TYPE.Int32],
    rows: [[true, POSTGRES_VERSION, POSTGRES_VERSION_NUM]],
  };
}

function refuse(what: string): never {
  throw new Error(`steward's offline schema engine has no database to run ${what.length > 120 ? `${what.slice(0, 120)}...` : what}`);
}
