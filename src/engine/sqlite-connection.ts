/** SQLite files through libsql, the driver behind `@prisma/adapter-libsql`. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Client, type InValue } from '@libsql/client';
import { PrismaLibSql } from '@prisma/adapter-libsql';
import { withShadowDatabase, type DatabaseConnection, type Row, type ShadowDatabaseFactory } from './connection.js';

export interface SqliteOpenOptions {
  /** Refuse every write on this connection (`PRAGMA query_only`). */
  readOnly?: boolean;
}

export class SqliteConnection implements DatabaseConnection {
  readonly provider = 'sqlite' as const;

  private constructor(
    readonly file: string,
    private readonly client: Client,
    private readonly cleanup: () => Promise<void>,
  ) {}

  static async open(file: string, options: SqliteOpenOptions = {}): Promise<SqliteConnection> {
    const client = createClient({ url: `file:${file}` });
    if (options.readOnly) await client.execute('PRAGMA query_only = ON');
    return new SqliteConnection(file, client, async () => {});
  }

  /** An empty database in a temporary file, deleted on close. */
  static async scratch(): Promise<SqliteConnection> {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'steward-sqlite-'));
    const file = path.join(directory, 'scratch.db');
    const client = createClient({ url: `file:${file}` });
    // A throwaway database needs no durability: without these every statement of a replayed
    // history waits for an fsync (1.5 s for a 70-table history instead of 50 ms).
    await client.execute('PRAGMA journal_mode = MEMORY');
    await client.execute('PRAGMA synchronous = OFF');
    return new SqliteConnection(file, client, () => rm(directory, { recursive: true, force: true }));
  }

  async query(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    const result = await this.client.execute({ sql, args: params as InValue[] });
    return result.rows.map((row) => {
      const object: Row = {};
      result.columns.forEach((column, index) => {
        object[column] = row[index];
      });
      return object;
    });
  }

  async executeScript(script: string): Promise<void> {
    await this.client.executeMultiple(script);
  }

  adapterFactory(shadow: ShadowDatabaseFactory = sqliteFileShadow): ReturnType<DatabaseConnection['adapterFactory']> {
    return withShadowDatabase(new PrismaLibSql({ url: `file:${this.file}` }), shadow);
  }

  async close(): Promise<void> {
    this.client.close();
    await this.cleanup();
  }
}

/**
 * The shadow database, in a temporary file. Two adapter behaviours are worked around here:
 * - the adapter's own shadow is `:memory:`, but libsql opens a connection per transaction and
 *   each `:memory:` connection is a different database;
 * - the engine replays each migration script through `executeRaw`, and libsql's `execute`
 *   silently runs only the first statement. A parameterless `executeRaw` therefore runs as a
 *   script (the engine reads no row count from a migration script).
 */
export const sqliteFileShadow: ShadowDatabaseFactory = async () => {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'steward-shadow-'));
  const adapter = await new PrismaLibSql({ url: `file:${path.join(directory, 'shadow.db')}` }).connect();
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query);
    await adapter.executeScript(query.sql);
    return 0;
  };
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await rm(directory, { recursive: true, force: true });
  };
  return adapter;
};
