/**
 * `steward migrate status`: the database's `_prisma_migrations` table against the env's
 * migrations folder. Read-only (same guarantees as drift). Checksums are Prisma's: the
 * SHA-256 of migration.sql, hex.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { DatabaseConnection } from '../engine/connection.js';
import { MIGRATIONS_TABLE } from '../database/model.js';
import { redactSecrets } from '../engine/database-url.js';
import { providerDriver } from '../providers/drivers.js';
import { describeLocation, parseDatabaseUrl } from '../providers/location.js';
import { migrationScripts, readMigrationsList, type MigrationScript } from '../engine/migrations-list.js';
import { openDatabase } from '../engine/open-database.js';
import { StewardError } from '../errors/index.js';
import { migrationScriptPath } from './layout.js';

export type MigrationState = 'applied' | 'pending' | 'failed' | 'modified' | 'rolled-back' | 'missing-locally';

export interface MigrationStatusEntry {
  name: string;
  state: MigrationState;
  finishedAt?: string;
}

export interface MigrationStatusReport {
  database: string;
  hasMigrationsTable: boolean;
  migrations: MigrationStatusEntry[];
}

export function migrationChecksum(script: string): string {
  return createHash('sha256').update(script).digest('hex');
}

export async function migrationStatus(migrationsDir: string, url: string, options: { timeoutMs?: number; cwd?: string } = {}): Promise<MigrationStatusReport> {
  const location = parseDatabaseUrl(url, options.cwd); // a DatabaseUrlError (exit 2) before any connection
  const local = migrationScripts(await readMigrationsList(migrationsDir));
  let connection: DatabaseConnection | undefined;
  let history: MigrationHistory;
  try {
    connection = await openDatabase(location, { readOnly: true, timeoutMs: options.timeoutMs ?? 10_000 });
    history = await readMigrationHistory(connection);
  } catch (error) {
    throw new StewardError('DATABASE_UNREACHABLE', `Cannot read ${describeLocation(location)}: ${redactSecrets((error as Error).message, [url])}`);
  } finally {
    await connection?.close().catch(() => {});
  }
  return { database: describeLocation(location), hasMigrationsTable: history.hasMigrationsTable, migrations: migrationEntries(local, history.rows) };
}

/** What `_prisma_migrations` holds, read with SELECTs only (the caller's session may be read-only). */
export interface MigrationHistory {
  hasMigrationsTable: boolean;
  rows: Array<Record<string, unknown>>;
}

/** Reads `_prisma_migrations` on an open connection: one catalog question and one SELECT, nothing written. */
export async function readMigrationHistory(connection: DatabaseConnection): Promise<MigrationHistory> {
  const hasMigrationsTable = await providerDriver(connection.provider).hasTable(connection, MIGRATIONS_TABLE);
  if (!hasMigrationsTable) return { hasMigrationsTable, rows: [] };
  const rows = await connection.query(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM ${MIGRATIONS_TABLE} ORDER BY started_at`);
  return { hasMigrationsTable, rows };
}

/** Each local migration's state against the rows, then applied migrations missing locally (pure). */
export function migrationEntries(local: readonly MigrationScript[], rows: ReadonlyArray<Record<string, unknown>>): MigrationStatusEntry[] {
  const byName = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) byName.set(String(row.migration_name), [...(byName.get(String(row.migration_name)) ?? []), row]);
  const migrations: MigrationStatusEntry[] = local.map(({ name, script }) => {
    const attempts = byName.get(name) ?? [];
    const live = attempts.filter((row) => row.rolled_back_at === null || row.rolled_back_at === undefined);
    const finished = live.find((row) => row.finished_at !== null && row.finished_at !== undefined);
    if (finished) {
      return { name, state: String(finished.checksum) === migrationChecksum(script) ? 'applied' : 'modified', finishedAt: String(finished.finished_at) };
    }
    if (live.length > 0) return { name, state: 'failed' };
    if (attempts.length > 0) return { name, state: 'rolled-back' };
    return { name, state: 'pending' };
  });
  const localNames = new Set(local.map((migration) => migration.name));
  for (const [name, attempts] of byName) {
    if (!localNames.has(name) && attempts.some((row) => row.finished_at && !row.rolled_back_at)) migrations.push({ name, state: 'missing-locally' });
  }
  return migrations;
}

/**
 * A database's place in the environment's history, for fleets: the last applied local migration
 * (its version), how many are pending, and the ones that failed, were rolled back, were edited
 * after applying or are applied but missing locally. `hasMigrationsTable: false` is "no migration history".
 */
export interface MigrationPosition {
  hasMigrationsTable: boolean;
  lastApplied: string | null;
  /** The environment's newest migration (the fleet's target), or null when the history is empty. */
  latest: string | null;
  applied: number;
  pending: number;
  failed: string[];
  rolledBack: string[];
  modified: string[];
  missingLocally: string[];
}

export function migrationPosition(local: readonly MigrationScript[], history: MigrationHistory): MigrationPosition {
  const entries = migrationEntries(local, history.rows);
  const named = (state: MigrationState) => entries.filter((entry) => entry.state === state).map((entry) => entry.name);
  const applied = entries.filter((entry) => entry.state === 'applied' || entry.state === 'modified');
  const localNames = new Set(local.map((migration) => migration.name));
  const lastApplied = [...applied].reverse().find((entry) => localNames.has(entry.name))?.name ?? null;
  return {
    hasMigrationsTable: history.hasMigrationsTable,
    lastApplied,
    latest: local.length ? local[local.length - 1].name : null,
    applied: applied.length,
    pending: entries.filter((entry) => entry.state === 'pending' || entry.state === 'rolled-back' || entry.state === 'failed').length,
    failed: named('failed'),
    rolledBack: named('rolled-back'),
    modified: named('modified'),
    missingLocally: named('missing-locally'),
  };
}

/** The codes of source `migrate-status`: one per state that is not simply applied. */
export type MigrationStatusCode = `migration-${Exclude<MigrationState, 'applied'>}`;

declare module '../diagnostics/diagnostic.js' {
  interface DiagnosticCodes {
    'migrate-status': MigrationStatusCode;
  }
}

const STATE_SEVERITY: Record<Exclude<MigrationState, 'applied'>, Severity> = {
  'rolled-back': 'info',
  pending: 'warning',
  failed: 'error',
  modified: 'error',
  'missing-locally': 'error',
};

const STATE_TEXT: Record<MigrationState, string> = {
  applied: 'applied',
  'rolled-back': 'was rolled back and is not applied',
  pending: 'is not applied yet',
  failed: 'failed: the database is between two states; fix it and run `prisma migrate resolve`',
  modified: 'was edited after it was applied (checksum differs)',
  'missing-locally': 'is applied in the database but missing from the migrations folder',
};

/** Every migration that is not simply applied, as a Diagnostic located at its migration.sql. */
export function statusDiagnostics(report: MigrationStatusReport, env: string, migrationsDir: string, cwd: string): Diagnostic[] {
  return report.migrations.flatMap((migration): Diagnostic[] => {
    const state = migration.state;
    if (state === 'applied') return [];
    return [
      {
        source: 'migrate-status',
        code: `migration-${state}`,
        severity: STATE_SEVERITY[state],
        message: `${migration.name} ${STATE_TEXT[migration.state]}`,
        env,
        location: { file: path.relative(cwd, migrationScriptPath(migrationsDir, migration.name)), line: 1, column: 1 },
        data: { database: report.database, migration: migration.name, state: migration.state },
      },
    ];
  });
}
