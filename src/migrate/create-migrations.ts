/**
 * `steward migrate create` as a library call: for every environment, the upgrade migration
 * from its history (replayed into a scratch database) to its newly generated schema, with
 * renames applied first (changed `@map`/`@@map`/`map:` against the previous master, and
 * `@steward.renamedFrom`; see renames.ts), and linted for safety.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EnvironmentMigration } from './environment-migration.js';
import type { DatabaseSchema } from '../database/model.js';
import { readDatabaseSchema } from '../database/read-schema.js';
import { MIGRATION_LOCK_FILE } from '../engine/migrations-list.js';
import { projectCacheOptions, type PgliteCacheOptions } from '../engine/pglite-cache.js';
import { diffTarget, SchemaEngineSession } from '../engine/schema-engine.js';
import { toStewardError } from './engine-errors.js';
import { loadMaster } from '../project/master.js';
import type { Schema } from '../schema/model.js';
import { isMigratableProvider, migratableEnvironments, type MigratableEnvironment } from './environment-schemas.js';
import { engineSupport, providerAdapter, type DatabaseProvider } from '../providers/registry.js';
import { availableParallelism } from 'node:os';
import { startPlannerWorker, type EnvironmentPlanner } from './plan-in-worker.js';
import { checkMigrationLock, DOWN_SCRIPT_FILE, migrationLockText, migrationScriptPath, migrationSlug, migrationTimestamp } from './layout.js';
import { lintMigration } from './lint/lint-migration.js';
import { namespaceOf, planRenames, type PlannedRename } from './renames.js';
import { type ConfirmedRename, decideByFlags, renameQuestions, type RenameQuestion, scriptDrops } from './rename-questions.js';
import { parseAnnotations } from '../generate/annotations.js';
import { previousMaster } from './previous-master.js';
import { replayScript } from './replay.js';
import { lockTimeoutPreamble, migrateConfigOf } from './config.js';
import { reverseRenames } from './reverse-renames.js';
import { historyKey, openHistoryScratch, saveHistoryState, type HistoryScratch, type HistoryScratchOptions } from './history-scratch.js';
import { masterExtensions, planScratch, unavailableExtensionDiagnostics } from './scratch-extensions.js';
import { expectedDatabaseSchema } from '../catalog/expected-schema.js';
import { objectsMigration, sqlObjectFiles } from '../catalog/sql-objects.js';

export interface CreateMigrationsOptions {
  name: string;
  /** Compute and lint, write nothing. */
  dryRun?: boolean;
  env?: string;
  cache?: PgliteCacheOptions;
  /** The migration folders' timestamp (tests pin it). */
  now?: Date;
  /** A PostgreSQL server for scratch databases whose history needs an extension PGlite lacks (overrides each environment's `shadowUrl`). */
  shadowUrl?: string;
  /**
   * The master the histories were last migrated to, for renames by changed `@map`/`@@map`/`map:`.
   * Default: read from git (previous-master.ts); `null` plans only `@steward.renamedFrom`.
   */
  previousMaster?: Schema | null;
  /** Probable renames confirmed as renames: `Old=New` or `Model.old=Model.new` (see rename-questions.ts). */
  renames?: readonly string[];
  /** Probable renames that are really a drop and a create: `Old` or `Model.old`. */
  acceptDrops?: readonly string[];
  /**
   * Asks about each probable rename no flag or annotation settles (a terminal's prompt). Without
   * it, a migration that would drop the old member of an unsettled one is refused.
   */
  ask?: (question: RenameQuestion) => Promise<'rename' | 'drop'>;
}

export type { EnvironmentMigration } from './environment-migration.js';

export async function createMigrations(config: ResolvedConfig, options: CreateMigrationsOptions): Promise<EnvironmentMigration[]> {
  const cache = options.cache ?? projectCacheOptions(config.cwd);
  const directoryName = `${migrationTimestamp(options.now)}_${migrationSlug(options.name)}`;
  for (const env of config.environments) {
    if ((options.env === undefined || env.name === options.env) && isMigratableProvider(env.provider))
      await checkMigrationLock(env.migrationsDir, env.provider, env.name);
  }
  // Scratch databases start while the environments are generated. With more than one
  // environment and a spare core, each PostgreSQL environment (adapter: planInWorker) is planned in a worker thread
  // (PGlite and the engine are CPU-bound wasm), in parallel with the others.
  const wanted = config.environments.filter((env) => (options.env === undefined || env.name === options.env) && isMigratableProvider(env.provider));
  const parallel = wanted.length > 1 && availableParallelism() > 1;
  const scratches = new Map<string, Promise<HistoryScratch>>();
  const planners = new Map<string, EnvironmentPlanner>();
  const declared = wanted.some((env) => providerAdapter(env.provider).capabilities.extensions) ? masterExtensions(config) : [];
  for (const env of wanted) {
    const provider = env.provider as DatabaseProvider;
    // Extensions (and a server for those PGlite lacks) exist only where the provider has them.
    const scratchOptions: HistoryScratchOptions = providerAdapter(provider).capabilities.extensions
      ? { declared, shadowUrl: options.shadowUrl ?? env.shadowUrl }
      : {};
    if (parallel && engineSupport(provider).planInWorker)
      planners.set(env.name, startPlannerWorker({ provider, cache, env: env.name, migrationsDir: env.migrationsDir, scratch: scratchOptions }));
    else {
      const pending = openHistoryScratch(provider, env.name, env.migrationsDir, cache, scratchOptions);
      pending.catch(() => {});
      scratches.set(env.name, pending);
    }
  }
  let migrations: EnvironmentMigration[];
  try {
    const environments = await migratableEnvironments(config, options.env);
    const master = loadMaster(config, { validate: false }).schema;
    const previousCache = new Map<string, Schema | undefined>();
    const previousOf = (environment: MigratableEnvironment): Schema | undefined => {
      if (options.previousMaster !== undefined) return options.previousMaster ?? undefined;
      if (!previousCache.has(environment.env.name))
        previousCache.set(environment.env.name, previousMaster(config.cwd, config.master, environment.env.migrationsDir));
      return previousCache.get(environment.env.name);
    };
    // Probable renames since the previous master: settled by flags, then by asking; the rest are checked against the scripts.
    const questions = new Map<string, RenameQuestion>();
    for (const environment of environments) {
      const previous = previousOf(environment);
      if (previous) for (const q of renameQuestions(previous, master)) questions.set(`${q.kind}:${q.fromLabel}=${q.toLabel}`, q);
    }
    const decisions = decideByFlags([...questions.values()], options.renames ?? [], options.acceptDrops ?? []);
    const confirmed: ConfirmedRename[] = [...decisions.confirmed];
    let open = decisions.open;
    if (options.ask) {
      for (const q of open) if ((await options.ask(q)) === 'rename') confirmed.push(q.rename);
      open = [];
    }
    // allSettled: a failing environment must not have its sibling's scratch database closed under it.
    const settled = await Promise.allSettled(
      environments.map((environment) => {
        const planner = planners.get(environment.env.name);
        if (planner) {
          planners.delete(environment.env.name);
          return planner.plan({ config, environment, master, previous: previousOf(environment), directoryName, dryRun: options.dryRun === true, confirmed });
        }
        return planEnvironmentMigration(config, environment, master, directoryName, scratches.get(environment.env.name)!, {
          cache,
          dryRun: options.dryRun === true,
          previous: previousOf(environment),
          confirmed,
        });
      }),
    );
    const failure = settled.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
    migrations = settled.map((result) => (result as PromiseFulfilledResult<EnvironmentMigration>).value);
    for (const [i, migration] of migrations.entries()) migration.diagnostics.unshift(...environments[i].engineNotes);
    for (const migration of migrations) {
      const unsettled = open.filter((q) => scriptDrops(migration.script, q));
      if (unsettled.length === 0) continue;
      migration.refused = true;
      migration.diagnostics.push(...unsettled.map((q) => unconfirmedRename(q, migration, config.master)));
    }
    // One refused environment refuses them all: the histories move together.
    if (migrations.some((m) => m.refused)) for (const m of migrations) m.refused = true;
  } finally {
    for (const planner of planners.values()) planner.cancel();
    await Promise.all(
      [...scratches.values()].map((pending) =>
        pending.then(
          (scratch) => scratch.connection?.close(),
          () => {},
        ),
      ),
    );
  }
  if (!options.dryRun) {
    for (const migration of migrations) {
      if (migration.script === '' || migration.refused) continue;
      const file = migrationScriptPath(migration.migrationsDir, directoryName);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, migration.script);
      if (migration.downScript !== '') await writeFile(path.join(path.dirname(file), DOWN_SCRIPT_FILE), migration.downScript);
      await writeFile(path.join(migration.migrationsDir, MIGRATION_LOCK_FILE), migrationLockText(migration.provider));
      migration.file = file;
    }
  }
  return migrations;
}

/** One environment's migration on a scratch database (exported for the worker thread). */
export async function planEnvironmentMigration(
  config: ResolvedConfig,
  environment: MigratableEnvironment,
  master: Schema,
  directoryName: string,
  pendingScratch: Promise<HistoryScratch>,
  options: { cache: PgliteCacheOptions; dryRun: boolean; previous?: Schema; confirmed?: readonly ConfirmedRename[] },
): Promise<EnvironmentMigration> {
  const { env, provider, schema } = environment;
  const opened = await pendingScratch;
  if (opened.blocked) {
    const diagnostics = unavailableExtensionDiagnostics(opened.blocked, env, config.cwd, 'error', 'no migration was planned for this environment');
    return { env: env.name, provider, migrationsDir: env.migrationsDir, directoryName, script: '', downScript: '', renames: [], diagnostics, blocked: true };
  }
  const { connection: scratch, scripts, key, restored } = opened;
  if (!restored) await saveHistoryState(scratch, options.cache, env.name, key);
  // The history's structure is read only when something needs it: planning renames (against a
  // previous master or from annotations), or linting a SQLite rebuild or an enum swap (which
  // name what they drop). Reading costs ~80 ms.
  let history: DatabaseSchema | undefined;
  const renames: PlannedRename[] = [];
  if (hasRenameAnnotations(master) || options.previous || options.confirmed?.length) {
    const planOptions = { previous: options.previous, historyScripts: scripts.map((migration) => migration.script), confirmed: options.confirmed };
    // A PostgreSQL master with several schemas: each namespace's renames against its own structure.
    const namespaces =
      provider === 'postgresql'
        ? [...new Set([...master.models, ...master.enums].map(namespaceOf).filter((name): name is string => name !== undefined))].sort()
        : [];
    if (namespaces.length === 0) {
      history = await readDatabaseSchema(scratch);
      renames.push(...planRenames(master, history, planOptions));
    } else {
      for (const namespace of namespaces) renames.push(...planRenames(master, await readDatabaseSchema(scratch, { namespace }), { ...planOptions, namespace }));
    }
  }
  const structureAfterRenames = async () => (renames.length > 0 || !history ? readDatabaseSchema(scratch) : history);
  const engine = await SchemaEngineSession.open(scratch.adapterFactory());
  let diff: string;
  let down = '';
  try {
    // The reverse: from the new schema back to the history's state. With renames, back to the
    // renamed history's state, then the renames undone (the data is kept); when a rename cannot be
    // reversed, planned before the renames (a drop and a create, named by the lint).
    const undoRenames = renames.length > 0 ? reverseRenames(renames) : [];
    if (undoRenames === undefined) down = await engine.diffScript(diffTarget.schema(schema), diffTarget.database(schema));
    if (renames.length > 0) await scratch.executeScript(renames.map((rename) => rename.sql).join('\n'));
    diff = await engine.diffScript(diffTarget.database(schema), diffTarget.schema(schema));
    if (undoRenames !== undefined) {
      const structural = await engine.diffScript(diffTarget.schema(schema), diffTarget.database(schema));
      down =
        undoRenames.length === 0
          ? structural
          : `${structural}${structural === '' ? '' : '\n'}-- Renames undone (the data is kept)\n${undoRenames.join('\n')}\n`;
    }
  } catch (error) {
    throw toStewardError(error, schema.path);
  } finally {
    await engine.dispose();
  }
  const prismaScript = composeScript(renames, diff);
  const file = path.relative(config.cwd, migrationScriptPath(env.migrationsDir, directoryName));
  const before = /INSERT INTO "new_|CREATE TYPE "[^"]+_new" AS ENUM/.test(prismaScript) ? await structureAfterRenames() : undefined;
  // SQL objects beside the master (drift/sql-objects.ts): what brings the history's objects to the files, after Prisma's diff.
  const objects = await sqlObjectFiles(config, env.name);
  let objectsSql = '';
  if (objects.length > 0) {
    if (diff) await replayScript(scratch, diff);
    const [bare, withObjects] = await Promise.all([
      expectedDatabaseSchema(provider, schema, { cache: options.cache }),
      expectedDatabaseSchema(provider, schema, { cache: options.cache, objects }),
    ]);
    objectsSql = objectsMigration(bare, withObjects, await readDatabaseSchema(scratch));
  }
  const composed = objectsSql
    ? `${prismaScript}${prismaScript ? '\n' : ''}-- SQL objects (sqlObjects.${env.name} in steward.config)\n${objectsSql}\n`
    : prismaScript;
  const preamble = provider === 'postgresql' ? lockTimeoutPreamble(migrateConfigOf(config.sections)) : '';
  const script = composed === '' ? '' : `${preamble}${composed}`;
  // The reverse undoes Prisma's part; the SQL objects' own changes are not reversed (down.sql says nothing of them).
  const downScript = prismaScript === '' || down === '' ? '' : `${preamble}${down}`;
  const diagnostics = script === '' ? [] : lintMigration({ env: env.name, provider, script, file, migration: directoryName, before });
  if (downScript !== '') diagnostics.push(...lintDownScript(env.name, provider, downScript, path.join(path.dirname(file), DOWN_SCRIPT_FILE), directoryName));
  if (!options.dryRun && script !== '') {
    // The history with this migration is the next run's starting point: keep its state warm.
    if (objects.length === 0) await replayScript(scratch, diff);
    if (objectsSql) await replayScript(scratch, objectsSql);
    // Its extensions are those the next run will load: this history's plus any the new script creates.
    const next = [...scripts, { name: directoryName, script }];
    await saveHistoryState(scratch, options.cache, env.name, historyKey(next, planScratch(next, masterExtensions(config)).extensions));
  }
  return { env: env.name, provider, migrationsDir: env.migrationsDir, directoryName, script, downScript, renames, diagnostics };
}

/**
 * down.sql is linted like any migration, so its data loss is named; a rollback loses data by
 * design, so its findings are warnings (they never fail `migrate create`).
 */
function lintDownScript(env: string, provider: DatabaseProvider, script: string, file: string, migration: string): Diagnostic[] {
  return lintMigration({ env, provider, script, file, migration: `${migration}/${DOWN_SCRIPT_FILE}` }).map((diagnostic) => ({
    ...diagnostic,
    severity: diagnostic.severity === 'error' ? 'warning' : diagnostic.severity,
    message: `rollback: ${diagnostic.message}`,
  }));
}

function hasRenameAnnotations(master: Schema): boolean {
  const annotated = (node: { docs: Schema['models'][number]['docs'] }) =>
    node.docs.length > 0 && parseAnnotations(node.docs).some((a) => a.kind === 'renamedFrom');
  return master.models.some((model) => [model, ...model.fields].some(annotated)) || master.enums.some((type) => [type, ...type.values].some(annotated));
}

/** Exit 1 (an error finding, like migrate lint's): the master is valid, the change needs a decision only its author can make. */
function unconfirmedRename(q: RenameQuestion, migration: EnvironmentMigration, master: string): Diagnostic {
  const what = q.kind === 'table' ? 'table' : q.kind === 'enum' ? 'enum type' : q.kind === 'column' ? 'column' : 'enum value';
  return {
    source: 'migrate',
    code: 'unconfirmed-rename',
    severity: 'error',
    env: migration.env,
    message: `${q.fromLabel} -> ${q.toLabel}: the migration would drop ${what} "${q.oldName}" with its data, and it is probably a rename. Nothing was written.`,
    notes: [
      q.message,
      `rename: steward migrate create --rename ${q.fromLabel}=${q.toLabel} (or /// @steward.renamedFrom("${q.rename.from}") on ${q.toLabel} in ${master})`,
      `drop: steward migrate create --accept-drop ${q.fromLabel}`,
    ],
    data: { from: q.fromLabel, to: q.toLabel, kind: q.kind },
  };
}

function composeScript(renames: PlannedRename[], diff: string): string {
  if (renames.length === 0) return diff;
  const header = `-- Renames (the same model, field, enum or index under a new database name): the data is kept\n${renames.map((rename) => rename.sql).join('\n')}\n`;
  return diff === '' ? header : `${header}\n${diff}`;
}
