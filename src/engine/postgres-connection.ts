/** A PostgreSQL server through node-postgres (`pg`), the driver behind `@prisma/adapter-pg`. */
import pg from 'pg';
import { pgAdapterFactory } from './pg-adapter.js';
import { withShadowDatabase, type DatabaseConnection, type Row, type ShadowDatabaseFactory } from './connection.js';
import { pgliteShadow } from './pglite-connection.js';
import type { PgliteCacheOptions } from './pglite-cache.js';

export interface PostgresOpenOptions {
  /**
   * Run everything in one `READ ONLY` repeatable-read transaction, rolled back on close, on a
   * session whose default is read-only too: nothing this connection sends can write.
   */
  readOnly?: boolean;
  /** Connect and per-statement timeout in milliseconds. */
  timeoutMs?: number;
  cache?: PgliteCacheOptions;
}

export class PostgresConnection implements DatabaseConnection {
  readonly provider = 'postgresql' as const;

  private constructor(
    private readonly url: string,
    private readonly client: pg.Client,
    private readonly options: PostgresOpenOptions,
  ) {}

  static async open(url: string, options: PostgresOpenOptions = {}): Promise<PostgresConnection> {
    const timeoutMs = options.timeoutMs ?? 10_000;
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: timeoutMs,
      statement_timeout: timeoutMs,
      query_timeout: timeoutMs,
      application_name: 'prisma-steward',
      ...(options.readOnly ? { options: '-c default_transaction_read_only=on' } : {}),
    });
    // An idle client error (server restart) must not crash the process; the next query reports it.
    client.on('error', () => {});
    await client.connect();
    if (options.readOnly) await client.query('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    return new PostgresConnection(url, client, options);
  }

  async query(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    const result = await this.client.query<Row>(sql, params as unknown[]);
    return result.rows;
  }

  async executeScript(script: string): Promise<void> {
    await this.client.query(script);
  }

  adapterFactory(shadow?: ShadowDatabaseFactory): ReturnType<DatabaseConnection['adapterFactory']> {
    // The shadow is a warm PGlite, so creating migrations needs no CREATEDB privilege.
    return withShadowDatabase(pgAdapterFactory(this.url), shadow ?? pgliteShadow(this.options.cache));
  }

  async close(): Promise<void> {
    try {
      if (this.options.readOnly) await this.client.query('ROLLBACK');
    } finally {
      await this.client.end();
    }
  }
}
