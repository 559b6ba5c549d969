/**
 * CRUD smoke tests of one environment: a scratch database of its provider (a temporary
 * SQLite file, a warm PGlite, or an empty PostgreSQL server given with --url), its migration
 * history applied (or its schema pushed when it has none), then the plan run through the
 * environment's generated client and the matching driver adapter.
 */
import { pathToFileURL } from 'node:url';
import type { DatabaseConnection } from '../engine/connection.js';
import { redactSecrets } from '../engine/database-url.js';
import { isDatabaseProvider, providerAdapter } from '../providers/registry.js';
import { migrationScripts, readMigrationsList } from '../engine/migrations-list.js';
import { extensionNames, extensionsInHistory, extensionsInSchema } from '../engine/pglite-extensions.js';
import { openScratchDatabase } from '../engine/open-database.js';
import type { PgliteCacheOptions } from '../engine/pglite-cache.js';
import { PostgresConnection } from '../engine/postgres-connection.js';
import { diffTarget, SchemaEngineSession, type DiffTarget } from '../engine/schema-engine.js';
import { StewardError } from '../errors/index.js';
import { migrationScriptPath } from '../migrate/layout.js';
import type { Schema } from '../schema/model.js';
import { planCrud } from './crud-plan.js';
import { describeError, runCrudPlan, type ClientLike, type ModelCrudResult } from './crud-run.js';
import type { GeneratedClient } from './generate-client.js';
import { setupHint, withoutEngineTrace } from './setup-hints.js';

export type DatabaseSetup = 'migrations' | 'push';

export interface EnvironmentCrudResult {
  env: string;
  /** Where the tests ran: `sqlite (scratch file)`, `pglite (scratch)`, or the redacted server URL. */
  database: string;
  setup?: DatabaseSetup;
  /**
   * The scratch database could not be prepared: no model was tested. `migration` is the
   * migration of the history that failed to apply, and `file` its migration.sql (absolute).
   */
  setupError?: { message: string; prismaCode?: string; hint?: string; migration?: string; file?: string };
  /** The provider has no scratch database in steward (MySQL, SQL Server, MongoDB...): nothing was run. */
  unsupported?: string;
  models: ModelCrudResult[];
}

export interface EnvironmentCrudInput {
  env: string;
  provider: string;
  schemaText: string;
  schema: Schema;
  migrationsDir: string;
  client: GeneratedClient;
  /** A PostgreSQL server to use instead of PGlite (must be empty). */
  url?: string;
  cache?: PgliteCacheOptions;
}

export async function crudEnvironment(input: EnvironmentCrudInput): Promise<EnvironmentCrudResult> {
  if (!isDatabaseProvider(input.provider)) {
    return {
      env: input.env,
      database: input.provider,
      unsupported: `CRUD smoke tests run on sqlite and postgresql environments, not ${input.provider}`,
      models: [],
    };
  }
  const serverUrl = input.provider === 'postgresql' ? input.url : undefined;
  const database = serverUrl ? redactSecrets(serverUrl, [serverUrl]) : input.provider === 'sqlite' ? 'sqlite (scratch file)' : 'pglite (scratch)';
  const history = await readMigrationsList(input.migrationsDir);
  // The history's own CREATE EXTENSION statements and the schema's declared ones, loaded into PGlite.
  const extensions = providerAdapter(input.provider).capabilities.extensions
    ? extensionNames([...extensionsInHistory(migrationScripts(history)), ...extensionsInSchema(input.schema)])
    : [];
  const connection = serverUrl ? await openEmptyServer(serverUrl, input.cache) : await openScratchDatabase(input.provider, input.cache, { extensions });
  const source = { path: 'schema.prisma', content: input.schemaText };
  let setup: DatabaseSetup | undefined;
  const created = history.migrationDirectories.length > 0 ? diffTarget.migrations(history) : diffTarget.schema(source);
  try {
    const engine = await SchemaEngineSession.open(connection.adapterFactory());
    try {
      if (history.migrationDirectories.length > 0) {
        setup = 'migrations';
        await engine.applyMigrations(history);
      } else if (serverUrl || input.provider === 'sqlite') {
        // The database is empty, so pushing is running the schema's creation script; a push would
        // introspect the server first, which the pg adapter cannot do for every catalog column type.
        // On SQLite the script is the one steward writes to histories (Json defaults quoted).
        setup = 'push';
        const script = await engine.diffScript(diffTarget.empty(), created);
        if (script) await connection.executeScript(script);
      } else {
        setup = 'push';
        await engine.schemaPush(source, true);
      }
    } finally {
      await engine.dispose();
    }
  } catch (error) {
    if (serverUrl) await dropEverything(connection, created).catch(() => {});
    await connection.close();
    const described = describeError(error);
    const message = withoutEngineTrace(error instanceof Error ? error.message : described.message).replace(/\s+/g, ' ');
    const hint = setupHint({ provider: input.provider, pglite: !serverUrl && input.provider === 'postgresql', message, schema: input.schema });
    const migration =
      setup === 'migrations'
        ? failedMigration(
            error,
            history.migrationDirectories.map((directory) => directory.path),
          )
        : undefined;
    const where = migration === undefined ? {} : { migration, file: migrationScriptPath(input.migrationsDir, migration) };
    return { env: input.env, database, setup, setupError: { ...redact({ message, prismaCode: described.prismaCode, hint }, serverUrl), ...where }, models: [] };
  }

  const module = (await import(pathToFileURL(input.client.runtimeEntry).href)) as {
    PrismaClient: new (options: { adapter: unknown }) => ClientLike & { $disconnect(): Promise<void> };
  };
  const client = new module.PrismaClient({ adapter: connection.adapterFactory() });
  try {
    const models = await runCrudPlan(planCrud(input.schema), client);
    return {
      env: input.env,
      database,
      setup,
      models: serverUrl ? models.map((m) => (m.message ? { ...m, message: redactSecrets(m.message, [serverUrl]) } : m)) : models,
    };
  } finally {
    await client.$disconnect();
    if (serverUrl) await dropEverything(connection, created).catch(() => {});
    await connection.close();
  }
}

/**
 * The migration the engine was applying when it failed: its error trace names it
 * (`with migration_name="20250102000000_x"`), the way Prisma's P3018 message does. Only a name of
 * this history is taken.
 */
function failedMigration(error: unknown, names: readonly string[]): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const named = /migration_name="([^"]+)"/.exec(message)?.[1];
  return named !== undefined && names.includes(named) ? named : undefined;
}

function redact<T extends { message: string }>(error: T, url: string | undefined): T {
  return url ? { ...error, message: redactSecrets(error.message, [url]) } : error;
}

/** A real server is used only when its database is empty: steward creates, tests and drops its own tables. */
async function openEmptyServer(url: string, cache: PgliteCacheOptions | undefined): Promise<DatabaseConnection> {
  let connection: DatabaseConnection;
  try {
    connection = await PostgresConnection.open(url, { cache });
  } catch (error) {
    throw new StewardError(
      'DATABASE_UNREACHABLE',
      `Cannot connect to ${redactSecrets(url, [url])}: ${redactSecrets(error instanceof Error ? error.message : String(error), [url])}`,
    );
  }
  const tables = await connection.query(
    "select count(*)::int as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')",
  );
  if (Number(tables[0]?.n ?? 0) > 0) {
    await connection.close();
    throw new StewardError('USAGE', `--url must point at an empty PostgreSQL database: steward verify creates its tables there and drops them afterwards`, {
      hint: 'create a throwaway database (createdb steward_verify) or leave --url out to use PGlite',
    });
  }
  return connection;
}

/** Undoes what the tests created: the reverse of the schema's (or history's) creation script. */
async function dropEverything(connection: DatabaseConnection, created: DiffTarget): Promise<void> {
  const engine = await SchemaEngineSession.open(connection.adapterFactory());
  try {
    const script = await engine.diffScript(created, diffTarget.empty());
    if (script) await connection.executeScript(script);
  } finally {
    await engine.dispose();
    await connection.executeScript('DROP TABLE IF EXISTS "_prisma_migrations"');
  }
}
