/**
 * `steward migrate status`: the database's `_prisma_migrations` table against the env's
 * migrations folder. Read-only (same guarantees as drift). Checksums are Prisma's: the
 * SHA-256 of migration.sql, hex.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DatabaseConnection } from '../engine/connection.js';
import { MIGRATIONS_TABLE } from '../database/model.js';
import { redactSecrets } from '../engine/database-url.js';
import { providerDriver } from '../providers/drivers.js';
import { describeLocation, parseDatabaseUrl } from '../providers/location.js';
import { migrationScripts, readMigrationsList } from '../engine/migrations-list.js';
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
  let rows: Array<Record<string, unknown>> = [];
  let hasMigrationsTable = false;
  try {
    connection = await openDatabase(location, { readOnly: true, timeoutMs: options.timeoutMs ?? 10_000 });
    hasMigrationsTable = await providerDriver(connection.provider).hasTable(connection, MIGRATIONS_TABLE);
    if (hasMigrationsTable) {
      rows = await connection.query(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM ${MIGRATIONS_TABLE} ORDER BY started_at`,
      );
    }
  } catch (error) {
    throw new StewardError('DATABASE_UNREACHABLE', `Cannot read ${describeLocation(location)}: ${redactSecrets((error as Error).message, [url])}`);
  } finally {
    await connection?.close().catch(() => {});
  }
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
  return { database: describeLocation(location), hasMigrationsTable, migrations };
}

const STATE_SEVERITY: Record<MigrationState, Diagnostic['severity'] | null> = {
  applied: null,
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
  return report.migrations.flatMap((migration) => {
    const severity = STATE_SEVERITY[migration.state];
    if (severity === null) return [];
    return [{
      source: 'migrate-status',
      code: `migration-${migration.state}`,
      severity,
      message: `${migration.name} ${STATE_TEXT[migration.state]}`,
      env,
      location: { file: path.relative(cwd, migrationScriptPath(migrationsDir, migration.name)), line: 1, column: 1 },
      data: { database: report.database, migration: migration.name, state: migration.state },
    }];
  });
}
