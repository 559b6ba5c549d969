/** Drift output beyond the shared reporters: the fleet summary table and the JSON envelope's data. */
import type { ReportTable } from '../diagnostics/reporters/types.js';
import { textTable } from '../diagnostics/text-table.js';
import type { DriftResult } from './check-drift.js';
import { driftMessage } from './message.js';
import type { MigrationPosition } from '../migrate/migration-status.js';
import { skewLine, versionSkew, type VersionSkew } from '../migrate/version-skew.js';

/** The fleet's version skew over the databases whose `_prisma_migrations` was read. */
export function driftSkew(results: readonly DriftResult[], latest: string | null): VersionSkew {
  return versionSkew(
    latest,
    results.map((result) => result.migrations),
  );
}

/** A database's migration state in a few words: `at <m>`, `at <m>, 2 pending`, `failed <m>`, `no migration history`. */
export function migrationStateText(result: Pick<DriftResult, 'migrations' | 'migrationsError'>): string {
  const position: MigrationPosition | undefined = result.migrations;
  if (!position) return result.migrationsError ? `migrations not read: ${result.migrationsError}` : '-';
  const parts = [position.hasMigrationsTable ? `at ${position.lastApplied ?? 'no migration'}` : 'no migration history'];
  if (position.pending > 0) parts.push(`${position.pending} pending`);
  if (position.failed.length > 0) parts.push(`failed ${position.failed.join(', ')}`);
  if (position.modified.length > 0) parts.push(`${position.modified.length} edited after applying`);
  if (position.missingLocally.length > 0) parts.push(`${position.missingLocally.length} missing locally`);
  return parts.join(', ');
}

/** The `data` of `steward db drift --format json`'s envelope; the notes and findings are its `diagnostics`. */
export function driftJsonData(env: string, results: readonly DriftResult[], latest: string | null = null): Record<string, unknown> {
  const summary = { databases: results.length, clean: 0, drift: 0, unreachable: 0, error: 0 };
  for (const result of results) summary[result.status]++;
  return {
    env,
    summary,
    databases: results.map((result) => ({
      database: result.database,
      status: result.status,
      durationMs: Math.round(result.durationMs),
      error: result.error ?? null,
      findings: result.findings.map((finding) => ({ ...finding, message: driftMessage(finding) })),
      acknowledged: (result.acknowledged ?? []).map((finding) => ({ ...finding, message: driftMessage(finding) })),
      migrations: result.migrations ?? null,
      migrationsError: result.migrationsError ?? null,
    })),
    skew: driftSkew(results, latest),
  };
}

/** The databases as a table for the markdown reporter (whose findings follow it); a fleet's version skew as its footer. */
export function driftTable(results: readonly DriftResult[], latest: string | null = null): ReportTable {
  return {
    header: ['Database', 'Status', 'Findings', 'Acknowledged', 'Migrations'],
    rows: results.map((result) => [
      result.database,
      result.status,
      String(result.findings.length),
      String(result.acknowledged?.length ?? 0),
      migrationStateText(result),
    ]),
    ...(results.length > 1 ? { footer: skewLine(driftSkew(results, latest)) } : {}),
  };
}

export function driftSummaryTable(results: readonly DriftResult[]): string {
  const rows = results.map((result) => [
    result.database,
    result.status,
    String(result.findings.length),
    migrationStateText(result),
    `${Math.round(result.durationMs)} ms`,
  ]);
  const header = ['database', 'status', 'findings', 'migrations', 'time'];
  return textTable(header, rows);
}
