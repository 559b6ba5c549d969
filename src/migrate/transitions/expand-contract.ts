/**
 * `steward migrate create --expand-contract`: the next phase of each transition the master
 * records (transitions.ts), as an ordinary migration in every environment's history.
 *
 * PostgreSQL: expand (new column, nullable, and a sync trigger; a retired column made droppable:
 * its own sync trigger, or NOT NULL dropped), then, once `migrate backfill` has filled the new
 * columns and no code uses the old ones, contract (triggers dropped, catch-up, then Prisma's own
 * diff to the final shape, which drops the old columns). SQLite has no zero-downtime path (most
 * changes rebuild the table): at contract it gets one correct step (the old column renamed, or the
 * new one added and filled, then Prisma's diff, which rebuilds and copies); at expand, nothing.
 *
 * Contract is gated: while code, docs or seeds use the old column (usage-gate.ts), nothing is
 * written and the places are listed (exit 1); `force` writes it anyway and says what it overrode.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../../config/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { readDatabaseSchema } from '../../database/read-schema.js';
import { MIGRATION_LOCK_FILE } from '../../engine/migrations-list.js';
import { projectCacheOptions, type PgliteCacheOptions } from '../../engine/pglite-cache.js';
import { diffTarget, SchemaEngineSession } from '../../engine/schema-engine.js';
import { StewardError } from '../../errors/index.js';
import { transitionMarkerLine } from '../../diff/transition-markers.js';
import { loadMaster } from '../../project/master.js';
import { providerAdapter } from '../../providers/registry.js';
import { toStewardError } from '../engine-errors.js';
import { migratableEnvironments, type MigratableEnvironment } from '../environment-schemas.js';
import { openHistoryScratch } from '../history-scratch.js';
import { migrationLockText, migrationScriptPath, migrationSlug, migrationTimestamp } from '../layout.js';
import { lintMigration } from '../lint/lint-migration.js';
import { masterExtensions } from '../scratch-extensions.js';
import { quote } from '../preflight/checks.js';
import { contractPreludeSql, expandDropSql, expandDropTableSql, expandSql, type TransitionColumns } from './phase-sql.js';
import { describeTransition, masterTransitions, outgoingForeignKeys, splitColumns, syncsBack, transitionPhase, type Transition } from './transitions.js';
import { oldShapeUsages, type OldShapeUsage } from './usage-gate.js';
import type { DatabaseConnection } from '../../engine/connection.js';
import type { DatabaseSchema } from '../../database/model.js';

export interface TransitionOptions {
  name: string;
  env?: string;
  dryRun?: boolean;
  /** Write the contract phase although code still uses the old column. */
  force?: boolean;
  now?: Date;
  cache?: PgliteCacheOptions;
}

export interface TransitionMigration {
  env: string;
  provider: string;
  /** The phase this run writes: `expand` or `contract` (`none` when every transition is done). */
  phase: 'expand' | 'contract' | 'none';
  directoryName: string;
  /** Empty: nothing for this environment in this phase. */
  script: string;
  transitions: string[];
  file?: string;
}

export interface TransitionResult {
  phase: 'expand' | 'contract' | 'none';
  migrations: TransitionMigration[];
  /** Places that still use an old column or a retired table (contract only). */
  usages: Array<OldShapeUsage & { transition: string }>;
  refused: boolean;
  diagnostics: Diagnostic[];
}

interface EnvironmentState {
  environment: MigratableEnvironment;
  connection: DatabaseConnection;
  history: DatabaseSchema;
}

export async function createTransitionMigrations(config: ResolvedConfig, options: TransitionOptions): Promise<TransitionResult> {
  const cache = options.cache ?? projectCacheOptions(config.cwd);
  const master = loadMaster(config, { validate: false }).schema;
  const transitions = masterTransitions(master);
  if (transitions.length === 0) {
    throw new StewardError(
      'USAGE',
      `--expand-contract needs a transition in the master: /// @steward.transition(from: "old_column") on the new field, /// @steward.transition(backfill: "<SQL>") on a new required field, /// @steward.transition(drop: "old_column") on a model, or /// @steward.transition(dropTable: "old_table") on the datasource`,
      {
        location: { file: path.relative(config.cwd, config.master), line: 1, column: 1 },
      },
    );
  }
  const environments = await migratableEnvironments(config, options.env);
  const states: EnvironmentState[] = [];
  const diagnostics: Diagnostic[] = [];
  try {
    for (const environment of environments) {
      const { env, provider } = environment;
      const scratchOptions = providerAdapter(provider).capabilities.extensions ? { declared: masterExtensions(config), shadowUrl: env.shadowUrl } : {};
      const scratch = await openHistoryScratch(provider, env.name, env.migrationsDir, cache, scratchOptions);
      if (scratch.blocked)
        throw new StewardError(
          'USAGE',
          `The ${env.name} history needs extensions the scratch database lacks (${scratch.blocked.map((e) => e.name).join(', ')}): set environments.${env.name}.shadowUrl`,
        );
      states.push({ environment, connection: scratch.connection, history: await readDatabaseSchema(scratch.connection) });
    }
    // The phase is the histories' together: expand while a server history lacks a new column, then contract.
    const phases = states.filter((s) => s.environment.provider !== 'sqlite').flatMap((s) => transitions.map((t) => transitionPhase(t, s.history)));
    const sqlitePending = states.some((s) => s.environment.provider === 'sqlite' && transitions.some((t) => transitionPhase(t, s.history) !== 'done'));
    const phase: TransitionResult['phase'] = phases.includes('expand') ? 'expand' : phases.includes('contract') || sqlitePending ? 'contract' : 'none';
    const directoryName = `${migrationTimestamp(options.now)}_${migrationSlug(options.name)}_${phase}`;
    const usages: TransitionResult['usages'] = [];
    if (phase === 'contract') {
      // Each old column once (a split's fields share theirs, and its retirement names it again).
      const seen = new Set<string>();
      for (const transition of transitions) {
        const old = transition.kind === 'dropTable' ? '' : transition.kind === 'drop' ? transition.column : transition.from;
        if (old === undefined || seen.has(`${transition.table}.${old}`)) continue;
        seen.add(`${transition.table}.${old}`);
        for (const usage of oldShapeUsages(config, master, transition)) usages.push({ ...usage, transition: describeTransition(transition) });
      }
    }
    const refused = usages.length > 0 && options.force !== true;
    const migrations: TransitionMigration[] = [];
    for (const state of states) {
      const { env, provider } = state.environment;
      const due = transitions.filter((t) => {
        const p = transitionPhase(t, state.history);
        return provider === 'sqlite' ? phase === 'contract' && p !== 'done' : p === phase;
      });
      const script = due.length === 0 || refused ? '' : await phaseScript(state, due, phase, transitions);
      migrations.push({ env: env.name, provider, phase, directoryName, script, transitions: due.map(describeTransition) });
      if (script !== '') {
        const file = path.relative(config.cwd, migrationScriptPath(env.migrationsDir, directoryName));
        diagnostics.push(...lintMigration({ env: env.name, provider, script, file, migration: directoryName }));
      }
    }
    if (refused) {
      diagnostics.push({
        source: 'migrate',
        code: 'transition-old-shape-used',
        severity: 'error',
        message: `Contract refused: the old shape (a column or table it drops) is still used in ${usages.length} place${usages.length === 1 ? '' : 's'}; nothing was written.`,
        notes: [
          ...usages.map(
            (u) => `${u.file}:${u.line}:${u.column} ${u.how === 'raw-sql' ? `raw SQL${u.text ? `: ${u.text}` : ''}` : 'Prisma Client call'} (${u.transition})`,
          ),
          'switch these to the new field, deploy, then run this again; --force writes the contract anyway (the code above breaks once it is deployed)',
        ],
      });
    } else if (usages.length > 0) {
      diagnostics.push({
        source: 'migrate',
        code: 'transition-gate-overridden',
        severity: 'warning',
        message: `--force: the contract drops old columns or tables still used in ${usages.length} place${usages.length === 1 ? '' : 's'} (${usages.map((u) => `${u.file}:${u.line}`).join(', ')}); that code fails once it is deployed.`,
      });
    }
    if (!options.dryRun && !refused) {
      for (const migration of migrations) {
        if (migration.script === '') continue;
        const env = environments.find((e) => e.env.name === migration.env)!.env;
        const file = migrationScriptPath(env.migrationsDir, directoryName);
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, migration.script);
        await writeFile(path.join(env.migrationsDir, MIGRATION_LOCK_FILE), migrationLockText(migration.provider as never));
        migration.file = file;
      }
    }
    return { phase, migrations, usages, refused, diagnostics };
  } finally {
    await Promise.all(states.map((state) => state.connection.close().catch(() => {})));
  }
}

/** One environment's script for the due transitions, planned on its scratch database. */
async function phaseScript(state: EnvironmentState, due: Transition[], phase: 'expand' | 'contract' | 'none', all: Transition[]): Promise<string> {
  const { connection, history, environment } = state;
  const columnOf = (table: string, column: string | undefined) => history.tables.find((t) => t.name === table)?.columns.find((c) => c.name === column);
  const newColumns = due.filter((t) => t.kind === 'column');
  const drops = due.filter((t) => t.kind === 'drop');
  const tables = due.filter((t) => t.kind === 'dropTable');
  if (environment.provider === 'sqlite') {
    // One correct step: the old column renamed (or the new one added and filled), then Prisma's
    // rebuild, which drops the old columns (a drop needs nothing more).
    const prelude = newColumns.map((t) => {
      if (t.from !== undefined && syncsBack(t, all)) return `ALTER TABLE ${quote(t.table)} RENAME COLUMN ${quote(t.from)} TO ${quote(t.column)};`;
      const value = t.sqliteBackfill ?? t.backfill ?? quote(t.from!);
      return `ALTER TABLE ${quote(t.table)} ADD COLUMN ${quote(t.column)};\nUPDATE ${quote(t.table)} SET ${quote(t.column)} = (${value}) WHERE ${quote(t.column)} IS NULL;`;
    });
    const header = `-- steward expand/contract on SQLite: one step (not zero-downtime): ${due.map(describeTransition).join('; ')}\n${due.map((t) => `${transitionMarkerLine('contract', t)}\n`).join('')}-- steward-ack: drop-column, sqlite-table-rebuild, add-required-column${tables.length > 0 ? ', drop-table' : ''}\n`;
    const body = prelude.length > 0 ? `${prelude.join('\n')}\n` : '';
    return compose(header + body, await prismaDiff(connection, environment, header + body));
  }
  if (phase === 'expand') {
    const diff = newColumns.length > 0 ? await prismaDiff(connection, environment) : '';
    return [
      ...newColumns.map((t) => expandSql({ transition: t, newType: addedColumnType(diff, t), oldType: columnOf(t.table, t.from)?.type }, syncsBack(t, all))),
      ...drops.map((t) => expandDropSql(t, columnOf(t.table, t.column)!, splitColumns(t, all))),
      ...tables.map((t) => expandDropTableSql(t, outgoingForeignKeys(t, history))),
    ]
      .filter((sql) => sql !== '')
      .join('\n');
  }
  const columns: TransitionColumns[] = newColumns.map((t) => ({
    transition: t,
    newType: columnOf(t.table, t.column)!.type,
    oldType: columnOf(t.table, t.from)?.type,
  }));
  const prelude = contractPreludeSql(columns, [...drops, ...tables]);
  return compose(prelude, await prismaDiff(connection, environment, prelude));
}

function compose(prelude: string, diff: string): string {
  return diff === '' ? prelude : `${prelude}\n${diff}`;
}

/** Prisma's migration from the scratch database (after `prelude`, run on it first) to the environment's schema. */
async function prismaDiff(connection: DatabaseConnection, environment: MigratableEnvironment, prelude?: string): Promise<string> {
  if (prelude) await connection.executeScript(prelude);
  const engine = await SchemaEngineSession.open(connection.adapterFactory());
  try {
    return await engine.diffScript(diffTarget.database(environment.schema), diffTarget.schema(environment.schema));
  } catch (error) {
    throw toStewardError(error, environment.schema.path);
  } finally {
    await engine.dispose();
  }
}

/** The new column's type in Prisma's own ADD COLUMN, without NOT NULL and DEFAULT (expand adds it nullable). */
function addedColumnType(diff: string, transition: Transition): string {
  const match = new RegExp(`ADD COLUMN\\s+${quote(transition.column).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+((?:[^,;(]|\\([^)]*\\))+)`).exec(diff);
  if (!match)
    throw new StewardError(
      'USAGE',
      `Prisma's migration does not add "${transition.table}"."${transition.column}": is the field new in the master? (${describeTransition(transition)})`,
      { location: transition.location },
    );
  return match[1]
    .replace(/\s+NOT NULL\b/i, '')
    .replace(/\s+DEFAULT\s+.*$/i, '')
    .trim();
}
