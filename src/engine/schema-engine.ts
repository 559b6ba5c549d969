/**
 * Thin typed wrappers over Prisma's wasm schema engine. One engine instance is bound to one
 * adapter factory (the "main" database, plus its shadow database for history replays).
 */
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorRegistry,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type {
  ApplyMigrationsOutput,
  CreateMigrationOutput,
  DiagnoseMigrationHistoryOutput,
  DiffTarget,
  IntrospectResult,
  MigrationList,
  SchemaEngine,
  SchemaFilter,
  SchemaPushOutput,
} from '@prisma/schema-engine-wasm/schema_engine_bg';
import { schemaForEngine, type SchemaSource } from './engine-schema.js';
import { toSchemaEngineError } from './engine-error.js';
import { jsonColumnDefaults, quoteSqliteJsonDefaults } from './sqlite-json-defaults.js';
import { loadSchemaEngineModule } from './wasm-module.js';

export type { DiffTarget, MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';

export type { SchemaSource } from './engine-schema.js';

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

export type EngineLogger = (line: string) => void;

export class SchemaEngineSession {
  private constructor(
    private readonly engine: SchemaEngine,
    private readonly errors: ErrorRegistry,
    private readonly adapters: SqlDriverAdapter[],
    private readonly provider: string,
  ) {}

  static async open(factory: SqlMigrationAwareDriverAdapterFactory, options: { log?: EngineLogger } = {}): Promise<SchemaEngineSession> {
    const module = await loadSchemaEngineModule();
    const log = options.log ?? (() => {});
    // The engine never disposes its main connection: keep it, so dispose() can (a pg pool would
    // otherwise hold the database open).
    const adapters: SqlDriverAdapter[] = [];
    const tracked: SqlMigrationAwareDriverAdapterFactory = {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => {
        const adapter = await factory.connect();
        adapters.push(adapter);
        return adapter;
      },
      connectToShadowDb: () => factory.connectToShadowDb(),
    };
    const bound = bindMigrationAwareSqlAdapterFactory(tracked);
    try {
      const engine = await module.SchemaEngine.new({ datamodels: undefined }, log, bound);
      return new SchemaEngineSession(engine, bound.errorRegistry, adapters, factory.provider);
    } catch (error) {
      throw toSchemaEngineError('open', error, bound.errorRegistry);
    }
  }

  /**
   * The SQL script that takes `from` to `to`; empty when they are equivalent. On SQLite, Json
   * defaults of a schema target are written as string literals (see sqlite-json-defaults.ts).
   */
  async diffScript(from: DiffTarget, to: DiffTarget): Promise<string> {
    const result = await this.call('diff', () => this.engine.diff({ from, to, script: true, exitCode: null, filters: NO_FILTER }));
    const script = normaliseEmptyScript(result.stdout ?? '');
    return this.provider === 'sqlite' && to.tag === 'schemaDatamodel' ? quoteSqliteJsonDefaults(script, jsonColumnDefaults(to.files)) : script;
  }

  /** Prisma's human-readable summary of the same diff. */
  async diffSummary(from: DiffTarget, to: DiffTarget): Promise<string> {
    const result = await this.call('diff', () => this.engine.diff({ from, to, script: false, exitCode: null, filters: NO_FILTER }));
    return (result.stdout ?? '').trim();
  }

  introspect(schema: SchemaSource, baseDirectoryPath: string): Promise<IntrospectResult> {
    return this.call('introspect', () =>
      this.engine.introspect({ schema: { files: [engineSchema(schema)] }, baseDirectoryPath, force: true, compositeTypeDepth: -1, namespaces: null }),
    );
  }

  applyMigrations(migrationsList: MigrationList): Promise<ApplyMigrationsOutput> {
    return this.call('applyMigrations', () => this.engine.applyMigrations({ migrationsList, filters: NO_FILTER }));
  }

  createMigration(migrationsList: MigrationList, schema: SchemaSource, migrationName: string, draft = false): Promise<CreateMigrationOutput> {
    return this.call('createMigration', () =>
      this.engine.createMigration({ migrationsList, schema: { files: [engineSchema(schema)] }, migrationName, draft, filters: NO_FILTER }),
    );
  }

  schemaPush(schema: SchemaSource, force = false): Promise<SchemaPushOutput> {
    return this.call('schemaPush', () => this.engine.schemaPush({ schema: { files: [engineSchema(schema)] }, force, filters: NO_FILTER }));
  }

  diagnoseMigrationHistory(migrationsList: MigrationList, optInToShadowDatabase = false): Promise<DiagnoseMigrationHistoryOutput> {
    return this.call('diagnoseMigrationHistory', () => this.engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase, filters: NO_FILTER }));
  }

  /** Runs a script on the main database through the adapter. */
  executeScript(script: string, schema: SchemaSource): Promise<void> {
    return this.call('dbExecute', () => this.engine.dbExecute({ datasourceType: { tag: 'schema', files: [engineSchema(schema)], configDir: '.' }, script }));
  }

  async dispose(): Promise<void> {
    this.engine.free();
    await Promise.all(this.adapters.splice(0).map((adapter) => adapter.dispose().catch(() => {})));
  }

  private async call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toSchemaEngineError(operation, error, this.errors);
    }
  }
}

/** Diff targets, so callers never spell the engine's tagged unions. */
export const diffTarget = {
  empty: (): DiffTarget => ({ tag: 'empty' }),
  schema: (schema: SchemaSource): DiffTarget => ({ tag: 'schemaDatamodel', files: [engineSchema(schema)] }),
  /** The live database behind the session's adapter (the schema only names the provider). */
  database: (schema: SchemaSource, configDir = '.'): DiffTarget => ({ tag: 'schemaDatasource', files: [engineSchema(schema)], configDir }),
  migrations: (list: MigrationList): DiffTarget => ({ tag: 'migrations', ...list }),
};

function engineSchema(schema: SchemaSource): SchemaSource {
  return schemaForEngine(schema).schema;
}

/** The engine prints a comment when there is nothing to do; callers want "no SQL". */
function normaliseEmptyScript(script: string): string {
  const meaningful = script.split('\n').filter((line) => line.trim() !== '' && !/^--\s*This is an empty migration\.?$/.test(line.trim()));
  return meaningful.length === 0 ? '' : script;
}
