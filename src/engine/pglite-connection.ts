/** Embedded PostgreSQL (PGlite): the default scratch and shadow database, and `pglite:` data directories. */
import { PGlite } from '@electric-sql/pglite';
import { pgliteAdapterFactory } from './pglite-adapter.js';
import { withShadowDatabase, type DatabaseConnection, type Row, type ShadowDatabaseFactory } from './connection.js';
import { createPgliteDataDir, freshPglite, type PgliteCacheOptions } from './pglite-cache.js';

export class PgliteConnection implements DatabaseConnection {
  readonly provider = 'postgresql' as const;

  private constructor(
    readonly client: PGlite,
    private readonly cacheOptions: PgliteCacheOptions,
  ) {}

  /** An empty in-memory database, from the warm cache when possible. */
  static async scratch(cacheOptions: PgliteCacheOptions = {}): Promise<PgliteConnection> {
    return new PgliteConnection(await freshPglite(cacheOptions), cacheOptions);
  }

  /** An in-memory database restored from a `dump()` (a replayed history kept in the cache). */
  static async fromDump(dump: Uint8Array, cacheOptions: PgliteCacheOptions = {}): Promise<PgliteConnection> {
    const client = new PGlite({ loadDataDir: new Blob([dump]) });
    await client.waitReady;
    return new PgliteConnection(client, cacheOptions);
  }

  /** The data directory as an uncompressed tarball, for `fromDump`. */
  async dump(): Promise<Uint8Array> {
    return new Uint8Array(await (await this.client.dumpDataDir('none')).arrayBuffer());
  }

  /** A new, empty PGlite data directory on disk (from the warm cache). */
  static async create(dataDir: string, cacheOptions: PgliteCacheOptions = {}): Promise<PgliteConnection> {
    return new PgliteConnection(await createPgliteDataDir(dataDir, cacheOptions), cacheOptions);
  }

  /** An existing PGlite data directory on disk. */
  static async open(dataDir: string, cacheOptions: PgliteCacheOptions = {}): Promise<PgliteConnection> {
    const client = new PGlite(dataDir);
    await client.waitReady;
    return new PgliteConnection(client, cacheOptions);
  }

  async query(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    const result = await this.client.query<Row>(sql, params as unknown[]);
    return result.rows;
  }

  async executeScript(script: string): Promise<void> {
    await this.client.exec(script);
  }

  adapterFactory(shadow?: ShadowDatabaseFactory): ReturnType<DatabaseConnection['adapterFactory']> {
    return withShadowDatabase(pgliteAdapterFactory(this.client), shadow ?? pgliteShadow(this.cacheOptions));
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

/** A warm PGlite as the engine's shadow database, closed when the engine disposes it. */
export function pgliteShadow(cacheOptions: PgliteCacheOptions = {}): ShadowDatabaseFactory {
  return async () => {
    const client = await freshPglite(cacheOptions);
    const adapter = await pgliteAdapterFactory(client).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await client.close();
    };
    return adapter;
  };
}
