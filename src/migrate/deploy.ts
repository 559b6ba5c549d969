/**
 * `steward migrate deploy` for one database: the environment's pending migrations applied by
 * Prisma's own schema engine (`applyMigrations`), so `_prisma_migrations` is kept exactly as
 * `prisma migrate deploy` keeps it (SHA-256 checksum of migration.sql, started_at/finished_at,
 * logs of a failure, applied_steps_count) and either tool continues the other's work. On
 * PostgreSQL the engine holds Prisma's advisory lock (`pg_advisory_lock(72707369)`) while it
 * applies, so two deploys of one database (steward or Prisma) apply each migration once; on
 * SQLite it takes the file's exclusive lock. A failed migration is recorded by the engine as
 * Prisma records it (finished_at NULL, logs) and stops that database; the next deploy refuses
 * it until it is resolved, as Prisma does (P3009).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { DatabaseConnection, Row } from '../engine/connection.js';
import { MIGRATIONS_TABLE } from '../database/model.js';
import { redactSecrets } from '../engine/database-url.js';
import { migrationScripts, type MigrationScript } from '../engine/migrations-list.js';
import { openDatabase } from '../engine/open-database.js';
import { SchemaEngineSession } from '../engine/schema-engine.js';
import { isUnreachableError as isUnreachable } from '../errors/reachability.js';
import { providerDriver } from '../providers/drivers.js';
import { describeLocation, parseDatabaseUrl, type DatabaseLocation } from '../providers/location.js';
import type { DatabaseProvider } from '../providers/registry.js';
import type { MigrateCode } from './codes.js';

/** The closed list of outcomes for one database. */
export type DeployStatus =
  /** Migrations were applied (`applied` names them). */
  | 'applied'
  /** Nothing was pending. */
  | 'up-to-date'
  /** A dry run: `pending` would be applied. */
  | 'pending'
  /** A migration failed now or earlier (`failedMigration`); the database is stopped there. */
  | 'failed'
  /** The gate refused a pending migration (`error` says why): nothing was applied. */
  | 'refused'
  /** The database could not be opened (exit 3). */
  | 'unreachable'
  /** Anything else went wrong (a lock timeout, a provider mismatch). */
  | 'error'
  /** Fleets: not attempted, because the canary or an earlier database failed. */
  | 'skipped'
  /** Fleets: deployed by an earlier run of the same state file (not opened again). */
  | 'resumed';

/**
 * The codes of source `deploy` (migrate deploy and down): a database that failed, was refused, could
 * not be reached or erred; and the expand/contract usage gate's findings before a pending contract
 * (transitions/deploy-gate.ts), under the codes `migrate create --expand-contract` uses for the same.
 */
export type DeployCode =
  | `database-${Extract<DeployStatus, 'failed' | 'refused' | 'unreachable' | 'error'>}`
  | Extract<MigrateCode, 'transition-old-shape-used' | 'transition-gate-overridden'>;

declare module '../diagnostics/diagnostic.js' {
  interface DiagnosticCodes {
    deploy: DeployCode;
  }
}

export interface DeployResult {
  /** The database, password-free. */
  database: string;
  status: DeployStatus;
  /** Migrations applied by this run, in order. */
  applied: string[];
  /** Migrations still pending after this run (all of them for a dry run). */
  pending: string[];
  /** The last migration applied (finished, not rolled back), after this run. */
  lastApplied: string | null;
  failedMigration?: string;
  /** Why, password-free. */
  error?: string;
  durationMs: number;
}

export interface DeployOptions {
  /** Read what is pending, apply nothing (the database is opened read-only). */
  dryRun?: boolean;
  /** Give up opening a database after this long. Default 10 000 ms. */
  timeoutMs?: number;
  /** Resolve relative SQLite / PGlite paths against this directory. */
  cwd?: string;
  /** The environment's provider: a database of another provider is an error. */
  provider?: DatabaseProvider;
  /**
   * Asked with a database's pending migrations before anything is applied (dry runs too): a
   * reason refuses the database (`refused`, nothing applied). The expand/contract usage gate
   * (transitions/deploy-gate.ts) is one.
   */
  gate?: (pending: readonly string[]) => Promise<string | undefined>;
}

/** One row of `_prisma_migrations`, as both Prisma and steward read it. */
export interface BookkeepingRow {
  name: string;
  checksum: string;
  finished: boolean;
  rolledBack: boolean;
  logs: string | null;
}

/** Prisma's advisory lock key for migrations (`pg_advisory_lock(72707369)`). */
export const PRISMA_MIGRATE_LOCK_KEY = 72707369;

export async function deployDatabase(list: MigrationList, url: string, options: DeployOptions = {}): Promise<DeployResult> {
  const started = performance.now();
  const local = migrationScripts(list);
  let location: DatabaseLocation;
  try {
    location = parseDatabaseUrl(url, options.cwd);
  } catch (error) {
    return {
      database: redactSecrets(url, [url]),
      status: 'error',
      applied: [],
      pending: [],
      lastApplied: null,
      error: redactSecrets((error as Error).message, [url]),
      durationMs: 0,
    };
  }
  const database = describeLocation(location);
  const finish = (result: Omit<DeployResult, 'database' | 'durationMs'>): DeployResult => ({ database, ...result, durationMs: performance.now() - started });
  const redact = (error: unknown) => redactSecrets(error instanceof Error ? error.message || error.constructor.name : String(error), [url]);
  if (options.provider !== undefined && location.provider !== options.provider) {
    return finish({
      status: 'error',
      applied: [],
      pending: [],
      lastApplied: null,
      error: `${database} is a ${location.provider} database but the environment's provider is ${options.provider}`,
    });
  }
  if (options.dryRun && !exists(location)) {
    // A database file or directory not there yet: a deploy would create it and apply everything.
    const pending = local.map((m) => m.name);
    const refusal = options.gate && pending.length > 0 ? await options.gate(pending) : undefined;
    if (refusal) return finish({ status: 'refused', applied: [], pending, lastApplied: null, error: refusal });
    return finish({ status: local.length === 0 ? 'up-to-date' : 'pending', applied: [], pending, lastApplied: null });
  }
  let connection: DatabaseConnection | undefined;
  try {
    let before: BookkeepingRow[];
    try {
      connection = await openDatabase(location, { readOnly: options.dryRun === true, timeoutMs: options.timeoutMs ?? 10_000 });
      // Read under Prisma's lock on a server: a deploy running meanwhile (steward's or Prisma's) holds
      // it until its last migration is finished, so an unfinished row read here is a real failure,
      // never another deploy's migration in progress. The engine takes the lock again to apply.
      const server = connection.provider === 'postgresql' && location.kind === 'postgres-server' && !options.dryRun;
      if (server) await connection.query(`SELECT pg_advisory_lock(${PRISMA_MIGRATE_LOCK_KEY})`);
      try {
        before = await readBookkeeping(connection);
      } finally {
        if (server) await connection.query(`SELECT pg_advisory_unlock(${PRISMA_MIGRATE_LOCK_KEY})`);
      }
    } catch (error) {
      return finish({ status: isUnreachable(error) ? 'unreachable' : 'error', applied: [], pending: [], lastApplied: null, error: redact(error) });
    }
    const failedEarlier = before.find((row) => !row.finished && !row.rolledBack);
    const pendingBefore = pendingMigrations(local, before);
    if (failedEarlier) {
      return finish({
        status: 'failed',
        applied: [],
        pending: pendingBefore,
        lastApplied: lastApplied(local, before),
        failedMigration: failedEarlier.name,
        error: `${failedEarlier.name} failed in an earlier deploy and the database is between two states: repair it, then mark the migration rolled back or applied (prisma migrate resolve) before deploying again${failedEarlier.logs ? `: ${firstLine(failedEarlier.logs)}` : ''}`,
      });
    }
    const refusal = options.gate && pendingBefore.length > 0 ? await options.gate(pendingBefore) : undefined;
    if (refusal) return finish({ status: 'refused', applied: [], pending: pendingBefore, lastApplied: lastApplied(local, before), error: refusal });
    if (options.dryRun || pendingBefore.length === 0) {
      return finish({
        status: pendingBefore.length === 0 ? 'up-to-date' : 'pending',
        applied: [],
        pending: pendingBefore,
        lastApplied: lastApplied(local, before),
      });
    }
    const engine = await SchemaEngineSession.open(connection.adapterFactory());
    let engineError: unknown;
    let appliedByEngine: string[] | undefined;
    try {
      appliedByEngine = (await engine.applyMigrations(list)).appliedMigrationNames;
    } catch (error) {
      engineError = error;
    } finally {
      await engine.dispose();
    }
    const after = await readBookkeeping(connection);
    // The engine names what it applied; when it failed, what finished since this deploy read the table
    // (a concurrent deploy finishing first would be counted here too: the engine's lock is taken later).
    const applied = appliedByEngine ?? pendingBefore.filter((name) => isApplied(after, name));
    const common = { applied, pending: pendingMigrations(local, after), lastApplied: lastApplied(local, after) };
    if (engineError === undefined) return finish({ status: 'applied', ...common });
    const failed = after.find((row) => !row.finished && !row.rolledBack);
    if (failed) return finish({ status: 'failed', ...common, failedMigration: failed.name, error: redact(engineError) });
    return finish({ status: isUnreachable(engineError) ? 'unreachable' : 'error', ...common, error: redact(engineError) });
  } catch (error) {
    return finish({ status: isUnreachable(error) ? 'unreachable' : 'error', applied: [], pending: [], lastApplied: null, error: redact(error) });
  } finally {
    await connection?.close().catch(() => {});
  }
}

/** Every row of `_prisma_migrations` in the order they were started; none when the table is missing. */
export async function readBookkeeping(connection: DatabaseConnection): Promise<BookkeepingRow[]> {
  if (!(await providerDriver(connection.provider).hasTable(connection, MIGRATIONS_TABLE))) return [];
  const rows: Row[] = await connection.query(`SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM ${MIGRATIONS_TABLE} ORDER BY started_at`);
  return rows.map((row) => ({
    name: String(row.migration_name),
    checksum: String(row.checksum),
    finished: row.finished_at !== null && row.finished_at !== undefined,
    rolledBack: row.rolled_back_at !== null && row.rolled_back_at !== undefined,
    logs: row.logs === null || row.logs === undefined ? null : String(row.logs),
  }));
}

/** Whether Prisma counts the migration as applied: a finished row that was not rolled back. */
export function isApplied(rows: readonly BookkeepingRow[], name: string): boolean {
  return rows.some((row) => row.name === name && row.finished && !row.rolledBack);
}

/** Local migrations not applied, in order. */
export function pendingMigrations(local: readonly MigrationScript[], rows: readonly BookkeepingRow[]): string[] {
  return local.filter((migration) => !isApplied(rows, migration.name)).map((migration) => migration.name);
}

/** The last local migration that is applied (the database's version), or null. */
export function lastApplied(local: readonly MigrationScript[], rows: readonly BookkeepingRow[]): string | null {
  const applied = local.filter((migration) => isApplied(rows, migration.name));
  return applied.length === 0 ? null : applied[applied.length - 1].name;
}

/** Whether a local database (SQLite file, PGlite directory) exists; servers are asked. */
function exists(location: DatabaseLocation): boolean {
  if (location.kind === 'sqlite-file') return existsSync(location.file);
  if (location.kind === 'pglite' && location.dataDir !== null) return existsSync(path.join(location.dataDir, 'PG_VERSION'));
  return true;
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}
