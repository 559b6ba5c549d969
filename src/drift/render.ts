/** Drift output beyond the shared reporters: the fleet summary table and the JSON envelope's data. */
import type { ReportTable } from '../diagnostics/reporters/types.js';
import type { DriftResult } from './check-drift.js';
import { driftMessage } from './message.js';

/** The `data` of `steward db drift --format json`'s envelope; the notes and findings are its `diagnostics`. */
export function driftJsonData(env: string, results: readonly DriftResult[]): Record<string, unknown> {
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
    })),
  };
}

/** The databases as a table for the markdown reporter (whose findings follow it). */
export function driftTable(results: readonly DriftResult[]): ReportTable {
  return { header: ['Database', 'Status', 'Findings', 'Acknowledged'], rows: results.map((result) => [result.database, result.status, String(result.findings.length), String(result.acknowledged?.length ?? 0)]) };
}

export function driftSummaryTable(results: readonly DriftResult[]): string {
  const rows = results.map((result) => [result.database, result.status, String(result.findings.length), `${Math.round(result.durationMs)} ms`]);
  const header = ['database', 'status', 'findings', 'time'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n') + '\n';
}
