/**
 * `steward migrate down --to <migration>`: the applied migrations after `<migration>` undone,
 * newest first, each by the `down.sql` that `migrate create` wrote beside its migration.sql.
 *
 * Bookkeeping: each undone migration's `_prisma_migrations` row is kept and marked
 * `rolled_back_at = now`, which is what `prisma migrate resolve --rolled-back` writes. Prisma
 * reads such a row as "not applied": `prisma migrate status` lists the migration as not yet
 * applied and `prisma migrate deploy` (or steward's) applies it again with a new row. Keeping the
 * row (rather than deleting it) leaves the history of what ran, and when, in the database.
 *
 * On PostgreSQL the reverse script and its bookkeeping run as one simple query (one implicit
 * transaction) through the engine's adapter, as deploy's scripts do, under Prisma's advisory lock
 * (the key `migrate deploy` takes), so a deploy and a rollback never interleave.
 * On SQLite the script runs as Prisma runs SQLite migrations (table rebuilds toggle foreign keys,
 * which SQLite ignores inside a transaction).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DatabaseConnection } from '../engine/connection.js';
import { MIGRATIONS_TABLE } from '../database/model.js';
import { redactSecrets } from '../engine/database-url.js';
import { migrationScripts, readMigrationsList, type MigrationScript } from '../engine/migrations-list.js';
import { openDatabase } from '../engine/open-database.js';
import { SchemaEngineSession, type SchemaSource } from '../engine/schema-engine.js';
import { StewardError } from '../errors/index.js';
import { describeLocation, parseDatabaseUrl } from '../providers/location.js';
import type { DatabaseProvider } from '../providers/registry.js';
import { isApplied, PRISMA_MIGRATE_LOCK_KEY, readBookkeeping } from './deploy.js';
import { DOWN_SCRIPT_FILE } from './layout.js';

export interface DownOptions {
  /** The migration to return to: its directory name, or the name after the timestamp when unique. */
  to: string;
  dryRun?: boolean;
  timeoutMs?: number;
  cwd?: string;
  provider?: DatabaseProvider;
}

export interface DownStep {
  migration: string;
  /** The reverse script, relative to `cwd`. */
  file: string;
  script: string;
}

export interface DownResult {
  database: string;
  /** The migrations undone (or, for a dry run, to undo), newest first. */
  steps: DownStep[];
  dryRun: boolean;
}

export async function migrateDown(migrationsDir: string, url: string, options: DownOptions): Promise<DownResult> {
  const cwd = options.cwd ?? process.cwd();
  const location = parseDatabaseUrl(url, cwd); // a malformed URL is bad input (exit 2) before any connection
  const database = describeLocation(location);
  if (options.provider !== undefined && location.provider !== options.provider) {
    throw new StewardError('USAGE', `${database} is a ${location.provider} database but the environment's provider is ${options.provider}`);
  }
  const local = migrationScripts(await readMigrationsList(migrationsDir));
  const target = resolveTarget(local, options.to, migrationsDir, cwd);
  let connection: DatabaseConnection | undefined;
  try {
    try {
      connection = await openDatabase(location, { readOnly: options.dryRun === true, timeoutMs: options.timeoutMs ?? 10_000 });
      if (connection.provider === 'postgresql' && location.kind === 'postgres-server' && !options.dryRun) {
        await connection.query(`SELECT pg_advisory_lock(${PRISMA_MIGRATE_LOCK_KEY})`);
      }
    } catch (error) {
      throw new StewardError('DATABASE_UNREACHABLE', `Cannot open ${database}: ${redactSecrets((error as Error).message, [url])}`);
    }
    const rows = await readBookkeeping(connection);
    const failed = rows.find((row) => !row.finished && !row.rolledBack);
    if (failed) {
      throw new StewardError(
        'MIGRATION_INVALID',
        `${database}: ${failed.name} failed and is not resolved; repair the database and resolve it (prisma migrate resolve) before rolling back`,
      );
    }
    if (!isApplied(rows, target)) throw new StewardError('USAGE', `${database}: ${target} is not applied, so there is nothing to return to`);
    const localNames = new Set(local.map((migration) => migration.name));
    const unknown = rows.filter((row) => row.finished && !row.rolledBack && !localNames.has(row.name));
    if (unknown.length > 0) {
      throw new StewardError(
        'MIGRATION_INVALID',
        `${database}: ${unknown.map((row) => row.name).join(', ')} applied in the database but missing from ${path.relative(cwd, migrationsDir) || '.'}; steward cannot undo it`,
      );
    }
    const undo = local
      .slice(local.findIndex((migration) => migration.name === target) + 1)
      .filter((migration) => isApplied(rows, migration.name))
      .reverse();
    // Every reverse is read before anything runs: a missing one refuses the whole rollback.
    const steps: DownStep[] = [];
    const missing: string[] = [];
    for (const migration of undo) {
      const file = path.join(migrationsDir, migration.name, DOWN_SCRIPT_FILE);
      const script = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw new StewardError('FILE_UNREADABLE', `Cannot read ${path.relative(cwd, file)}: ${error.message}`, {
          location: { file: path.relative(cwd, file) },
        });
      });
      if (script === null) missing.push(path.relative(cwd, path.join(migrationsDir, migration.name)));
      else steps.push({ migration: migration.name, file: path.relative(cwd, file), script });
    }
    if (missing.length > 0) {
      throw new StewardError(
        'MIGRATION_INVALID',
        `Cannot roll back to ${target}: ${missing.length === 1 ? 'this migration has' : 'these migrations have'} no ${DOWN_SCRIPT_FILE}: ${missing.join(', ')}`,
        {
          location: { file: path.join(missing[0], DOWN_SCRIPT_FILE) },
          hint: `Migrations created before steward wrote reverses have none. Write ${DOWN_SCRIPT_FILE} beside migration.sql by hand (it is never applied by Prisma), then run again. Nothing was changed.`,
        },
      );
    }
    if (options.dryRun) return { database, steps, dryRun: true };
    const engine = connection.provider === 'postgresql' ? await SchemaEngineSession.open(connection.adapterFactory()) : undefined;
    try {
      for (const step of steps) await undoOne(connection, step, engine);
    } finally {
      await engine?.dispose();
    }
    return { database, steps, dryRun: false };
  } finally {
    await connection?.close().catch(() => {});
  }
}

function resolveTarget(local: readonly MigrationScript[], to: string, migrationsDir: string, cwd: string): string {
  const exact = local.find((migration) => migration.name === to);
  if (exact) return exact.name;
  const bySuffix = local.filter((migration) => migration.name.endsWith(`_${to}`));
  if (bySuffix.length === 1) return bySuffix[0].name;
  const where = path.relative(cwd, migrationsDir) || '.';
  if (bySuffix.length > 1)
    throw new StewardError('USAGE', `--to ${to} names several migrations in ${where}: ${bySuffix.map((m) => m.name).join(', ')}; give the directory name`);
  throw new StewardError('USAGE', `--to ${to}: no such migration in ${where}`, {
    hint: local.length
      ? `The last ones: ${local
          .slice(-3)
          .map((m) => m.name)
          .join(', ')}`
      : undefined,
  });
}

/** The engine reads only the provider from it: scripts run through the connection's adapter. */
const POSTGRES_SCHEMA: SchemaSource = { path: 'down.sql', content: 'datasource db {\n  provider = "postgresql"\n}\n' };

async function undoOne(connection: DatabaseConnection, step: DownStep, engine: SchemaEngineSession | undefined): Promise<void> {
  const fail = (error: unknown): never => {
    throw new StewardError('MIGRATION_INVALID', `${step.file} failed: ${redactSecrets((error as Error).message)}`, {
      location: { file: step.file, line: 1, column: 1 },
      hint: 'The migrations after it in this run were rolled back; this one is still applied.',
    });
  };
  if (engine) {
    // One simple query: PostgreSQL runs the reverse and its bookkeeping as one implicit
    // transaction, through the engine's adapter (no statement timeout, as for deploy).
    const bookkeeping = `UPDATE ${MIGRATIONS_TABLE} SET rolled_back_at = now() WHERE migration_name = '${step.migration.replace(/'/g, "''")}' AND finished_at IS NOT NULL AND rolled_back_at IS NULL;`;
    await engine.executeScript(`${step.script.trimEnd()}\n;\n${bookkeeping}\n`, POSTGRES_SCHEMA).catch(fail);
    return;
  }
  await connection.executeScript(step.script).catch(fail);
  // Prisma's SQLite engine writes RFC 3339 timestamps with an offset.
  const now = new Date().toISOString().replace('Z', '+00:00');
  await connection.query(`UPDATE ${MIGRATIONS_TABLE} SET rolled_back_at = ? WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL`, [
    now,
    step.migration,
  ]);
}
