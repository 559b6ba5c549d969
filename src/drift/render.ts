/** Drift output beyond the shared reporters: the fleet summary table and the per-database JSON. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DriftResult } from './check-drift.js';
import { driftMessage } from './message.js';
import type { MigrationPosition } from '../migrate/migration-status.js';
import { skewLine, versionSkew, type VersionSkew } from '../migrate/version-skew.js';

/** The fleet's version skew over the databases whose `_prisma_migrations` was read. */
export function driftSkew(results: readonly DriftResult[], latest: string | null): VersionSkew {
  return versionSkew(latest, results.map((result) => result.migrations));
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

export function driftJson(env: string, results: readonly DriftResult[], notes: readonly Diagnostic[] = [], latest: string | null = null): string {
  const summary = { databases: results.length, clean: 0, drift: 0, unreachable: 0, error: 0 };
  for (const result of results) summary[result.status]++;
  return JSON.stringify(
    {
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
      notes,
    },
    null,
    2,
  ) + '\n';
}

export function driftSummaryTable(results: readonly DriftResult[]): string {
  const rows = results.map((result) => [result.database, result.status, String(result.findings.length), migrationStateText(result), `${Math.round(result.durationMs)} ms`]);
  const header = ['database', 'status', 'findings', 'migrations', 'time'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n') + '\n';
}

export function driftMarkdown(env: string, results: readonly DriftResult[], notes: readonly Diagnostic[] = [], latest: string | null = null): string {
  const lines = [`## Schema drift: ${env}`, '', '| Database | Status | Findings | Acknowledged | Migrations |', '| --- | --- | --- | --- | --- |'];
  for (const result of results) lines.push(`| \`${result.database}\` | ${result.status} | ${result.findings.length} | ${result.acknowledged?.length ?? 0} | ${migrationStateText(result).replace(/\|/g, '\\|')} |`);
  if (results.length > 1) lines.push('', skewLine(driftSkew(results, latest)));
  for (const result of results) {
    if (result.status === 'clean' && result.findings.length === 0 && !result.acknowledged?.length) continue;
    lines.push('', `### \`${result.database}\``, '');
    if (result.error) lines.push(`- **${result.status}**: ${result.error}`);
    for (const finding of result.findings) lines.push(`- \`${finding.code}\` ${driftMessage(finding)}`);
    for (const finding of result.acknowledged ?? []) lines.push(`- acknowledged \`${finding.code}\` ${driftMessage(finding)}: ${finding.reason}`);
  }
  if (notes.length > 0) lines.push('', ...notes.map((note) => `> ${note.location ? `${note.location.file}:${note.location.line}: ` : ''}${note.message}`));
  return lines.join('\n') + '\n';
}

/** Any Diagnostic list as Markdown (migrate lint and status use it for --format markdown). */
export function diagnosticsMarkdown(title: string, diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return `## ${title}\n\nNo findings.\n`;
  const lines = [`## ${title}`, '', '| Severity | Code | Env | Where | Message |', '| --- | --- | --- | --- | --- |'];
  for (const d of diagnostics) {
    const where = d.location ? `${d.location.file}:${d.location.line}` : '';
    lines.push(`| ${d.severity} | \`${d.code}\` | ${d.env ?? ''} | ${where} | ${d.message.replace(/\|/g, '\\|')} |`);
  }
  return lines.join('\n') + '\n';
}
