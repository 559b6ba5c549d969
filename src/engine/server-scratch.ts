/**
 * A scratch database on a real PostgreSQL server (`shadowUrl`, `--shadow-url`), for histories
 * that need an extension PGlite lacks. Like Prisma's shadow database, but steward never
 * writes into the database the URL names: it creates a throwaway database beside it
 * (`prisma_steward_scratch_<time>_<random>`), works there, and drops it on close. The URL's
 * user needs CREATEDB.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { withShadowDatabase, type DatabaseConnection, type Row, type ShadowDatabaseFactory } from './connection.js';
import { redactSecrets, redactUrl } from './database-url.js';
import { StewardError } from '../errors/index.js';

const TIMEOUT_MS = 15_000;

export class ServerScratchConnection implements DatabaseConnection {
  readonly provider = 'postgresql' as const;

  private constructor(
    private readonly serverUrl: string,
    private readonly throwaway: ThrowawayDatabase,
    private readonly client: pg.Client,
  ) {}

  /** A new, empty database on the server of `serverUrl`; dropped by `close()`. */
  static async open(serverUrl: string): Promise<ServerScratchConnection> {
    const throwaway = await ThrowawayDatabase.create(serverUrl);
    const client = new pg.Client({ connectionString: throwaway.url, connectionTimeoutMillis: TIMEOUT_MS, application_name: 'prisma-steward' });
    client.on('error', () => {});
    try {
      await client.connect();
    } catch (error) {
      await throwaway.drop();
      throw unreachable(serverUrl, error);
    }
    return new ServerScratchConnection(serverUrl, throwaway, client);
  }

  /** For messages: the server URL without password, and the throwaway database's name. */
  describe(): string {
    return `${redactUrl(this.serverUrl)} (scratch database ${this.throwaway.name})`;
  }

  async query(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.client.query<Row>(sql, params as unknown[])).rows;
  }

  async executeScript(script: string): Promise<void> {
    await this.client.query(script);
  }

  adapterFactory(shadow?: ShadowDatabaseFactory): ReturnType<DatabaseConnection['adapterFactory']> {
    const url = this.throwaway.url;
    const main = new PrismaPg(url);
    return withShadowDatabase(
      {
        provider: main.provider,
        adapterName: main.adapterName,
        connect: () => catalogSafeAdapter(url).connect(),
        connectToShadowDb: () => main.connectToShadowDb(),
      },
      shadow ?? serverShadow(this.serverUrl),
    );
  }

  async close(): Promise<void> {
    try {
      await this.client.end();
    } finally {
      await this.throwaway.drop();
    }
  }
}

/** The engine's shadow database as another throwaway database on the same server. */
export function serverShadow(serverUrl: string): ShadowDatabaseFactory {
  return async () => {
    const throwaway = await ThrowawayDatabase.create(serverUrl);
    const adapter = await catalogSafeAdapter(throwaway.url)
      .connect()
      .catch(async (error: unknown) => {
        await throwaway.drop();
        throw unreachable(serverUrl, error);
      });
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      try {
        await dispose();
      } finally {
        await throwaway.drop();
      }
    };
    return adapter;
  };
}

/** PostgreSQL's one-byte `"char"` type. */
const CHAR_OID = 18;
const TEXT_OID = 25;

/**
 * `@prisma/adapter-pg` over its own pool whose results report `"char"` columns as text. The
 * adapter maps no type for OID 18, and the schema engine's catalog queries return such columns
 * (`pg_class.relkind`, ...), so introspecting a real server through it fails with "Column type
 * 'char' could not be deserialized". node-postgres already reads the value as a string.
 */
function catalogSafeAdapter(url: string): PrismaPg {
  const pool = new pg.Pool({ connectionString: url, application_name: 'prisma-steward', connectionTimeoutMillis: TIMEOUT_MS });
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const last = args.length - 1;
      if (typeof args[last] === 'function') {
        const callback = args[last] as (error: Error | null, result?: pg.QueryResult) => void;
        args[last] = (error: Error | null, result?: pg.QueryResult) => callback(error, result && charAsText(result));
        return query(...args);
      }
      const pending = query(...args);
      return pending instanceof Promise ? pending.then((result: pg.QueryResult) => charAsText(result)) : pending;
    };
  });
  return new PrismaPg(pool, { disposeExternalPool: true });
}

function charAsText(result: pg.QueryResult): pg.QueryResult {
  for (const field of result.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  return result;
}

/** A database steward created, and the only one it ever drops. */
class ThrowawayDatabase {
  private dropped = false;

  private constructor(
    private readonly serverUrl: string,
    readonly name: string,
    readonly url: string,
  ) {}

  static async create(serverUrl: string): Promise<ThrowawayDatabase> {
    const name = `prisma_steward_scratch_${Date.now()}_${randomBytes(4).toString('hex')}`;
    let url: string;
    try {
      const parsed = new URL(serverUrl);
      parsed.pathname = `/${name}`;
      url = parsed.toString();
    } catch {
      throw new StewardError('USAGE', `shadowUrl is not a PostgreSQL URL: ${redactUrl(serverUrl)}`);
    }
    await onServer(serverUrl, `CREATE DATABASE "${name}"`);
    return new ThrowawayDatabase(serverUrl, name, url);
  }

  async drop(): Promise<void> {
    if (this.dropped) return;
    this.dropped = true;
    // FORCE (PostgreSQL 13+) ends a connection the engine may have left open.
    await onServer(this.serverUrl, `DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`).catch(() =>
      onServer(this.serverUrl, `DROP DATABASE IF EXISTS "${this.name}"`),
    );
  }
}

/** One statement on the database the URL names (CREATE/DROP DATABASE only: nothing is written there). */
async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: TIMEOUT_MS, application_name: 'prisma-steward' });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query(statement);
  } catch (error) {
    throw unreachable(serverUrl, error);
  } finally {
    await client.end().catch(() => {});
  }
}

function unreachable(serverUrl: string, error: unknown): StewardError {
  const message = error instanceof Error ? error.message : String(error);
  return new StewardError('DATABASE_UNREACHABLE', `Cannot use the scratch server ${redactUrl(serverUrl)}: ${redactSecrets(message, [serverUrl])}`, {
    hint: 'shadowUrl names a PostgreSQL server whose user may CREATE DATABASE; steward creates a throwaway database there and drops it afterwards',
  });
}
