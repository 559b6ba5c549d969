/** Embedded PostgreSQL (PGlite): the default scratch and shadow database, and `pglite:` data directories. */
import { PGlite } from '@electric-sql/pglite';
import { pgliteAdapterFactory } from './pglite-adapter.js';
import { withShadowDatabase, type DatabaseConnection, type Row, type ShadowDatabaseFactory } from './connection.js';
import { createPgliteDataDir, freshPglite, scratchStartParams, type PgliteCacheOptions } from './pglite-cache.js';
import { pgliteExtensions } from './pglite-extensions.js';
import { writeDataDirTar } from './pglite-tar.js';

export class PgliteConnection implements DatabaseConnection {
  readonly provider = 'postgresql' as const;

  private constructor(
    readonly client: PGlite,
    private readonly cacheOptions: PgliteCacheOptions,
    /** PostgreSQL names of the extensions loaded (`CREATE EXTENSION` can create them); the shadow gets the same. */
    readonly extensions: readonly string[] = [],
  ) {}

  /** An empty in-memory database, from the warm cache when possible, able to create `extensions`. */
  static async scratch(cacheOptions: PgliteCacheOptions = {}, extensions: readonly string[] = []): Promise<PgliteConnection> {
    return new PgliteConnection(await freshPglite(cacheOptions, await pgliteExtensions(extensions)), cacheOptions, extensions);
  }

  /** An in-memory database restored from a `dump()` (a replayed history kept in the cache), with the extensions it was made with. */
  static async fromDump(dump: Uint8Array, cacheOptions: PgliteCacheOptions = {}, extensions: readonly string[] = []): Promise<PgliteConnection> {
    const client = new PGlite({ loadDataDir: new Blob([dump]), extensions: await pgliteExtensions(extensions), startParams: scratchStartParams() });
    await client.waitReady;
    return new PgliteConnection(client, cacheOptions, extensions);
  }

  /** The data directory as an uncompressed tarball, for `fromDump`. */
  async dump(): Promise<Uint8Array> {
    return new Uint8Array(await (await this.client.dumpDataDir('none')).arrayBuffer());
  }

  /** The same tarball written to `file` straight from PGlite's in-memory files (pglite-tar.ts: no copy of the data directory). */
  async dumpTo(file: string): Promise<void> {
    await this.client.query('CHECKPOINT');
    await writeDataDirTar((this.client as unknown as { Module: Parameters<typeof writeDataDirTar>[0] }).Module, file);
  }

  /** A new, empty PGlite data directory on disk (from the warm cache). */
  static async create(dataDir: string, cacheOptions: PgliteCacheOptions = {}, extensions: readonly string[] = []): Promise<PgliteConnection> {
    return new PgliteConnection(await createPgliteDataDir(dataDir, cacheOptions, await pgliteExtensions(extensions)), cacheOptions, extensions);
  }

  /**
   * An existing PGlite data directory on disk. When it has created extensions, it is opened
   * again with them loaded, so columns of their types can be read (one more start, ~0.3 s,
   * only for directories that use extensions).
   */
  static async open(dataDir: string, cacheOptions: PgliteCacheOptions = {}): Promise<PgliteConnection> {
    const plain = new PGlite(dataDir);
    await plain.waitReady;
    let extensions: string[];
    try {
      const rows = await plain.query<{ extname: string }>("SELECT extname FROM pg_catalog.pg_extension WHERE extname <> 'plpgsql' ORDER BY 1");
      extensions = rows.rows.map((row) => row.extname);
    } catch (error) {
      await plain.close();
      throw error;
    }
    if (extensions.length === 0) return new PgliteConnection(plain, cacheOptions);
    await plain.close();
    const client = new PGlite(dataDir, { extensions: await pgliteExtensions(extensions) });
    await client.waitReady;
    return new PgliteConnection(client, cacheOptions, extensions);
  }

  async query(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    const result = await this.client.query<Row>(sql, params as unknown[]);
    return result.rows;
  }

  async executeScript(script: string): Promise<void> {
    await this.client.exec(script);
  }

  adapterFactory(shadow?: ShadowDatabaseFactory): ReturnType<DatabaseConnection['adapterFactory']> {
    return withShadowDatabase(pgliteAdapterFactory(this.client), shadow ?? pgliteShadow(this.cacheOptions, this.extensions));
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

/** A warm PGlite as the engine's shadow database, closed when the engine disposes it. */
export function pgliteShadow(cacheOptions: PgliteCacheOptions = {}, extensions: readonly string[] = []): ShadowDatabaseFactory {
  return async () => {
    const client = await freshPglite(cacheOptions, await pgliteExtensions(extensions));
    const adapter = await pgliteAdapterFactory(client).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await client.close();
    };
    return adapter;
  };
}
