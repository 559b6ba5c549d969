import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DatabaseProvider } from '../providers/registry.js';

export type Row = Record<string, unknown>;

/**
 * One open database, whatever it runs on. Steward reads catalogs through `query`, replays
 * migration scripts through `executeScript`, and hands `adapterFactory()` to the schema engine.
 */
export interface DatabaseConnection {
  readonly provider: DatabaseProvider;
  /** Rows as plain objects keyed by column name. */
  query(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Several statements separated by semicolons (a migration script). */
  executeScript(script: string): Promise<void>;
  /** For the schema engine; its shadow database is `shadow` (by default a scratch database of the same provider). */
  adapterFactory(shadow?: ShadowDatabaseFactory): SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

/** Produces an empty database for the engine to replay a migration history into. */
export type ShadowDatabaseFactory = () => Promise<SqlDriverAdapter>;

/** An adapter factory whose shadow database comes from elsewhere (a warm PGlite, a temp SQLite file). */
export function withShadowDatabase(main: SqlMigrationAwareDriverAdapterFactory, shadow: ShadowDatabaseFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    connectToShadowDb: shadow,
  };
}
