/** Drift output beyond the shared reporters: the fleet summary table and the per-database JSON. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
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

export function driftSummaryTable(results: readonly DriftResult[]): string {
  const rows = results.map((result) => [result.database, result.status, String(result.findings.length), `${Math.round(result.durationMs)} ms`]);
  const header = ['database', 'status', 'findings', 'time'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n') + '\n';
}

export function driftMarkdown(env: string, results: readonly DriftResult[], notes: readonly Diagnostic[] = []): string {
  const lines = [`## Schema drift: ${env}`, '', '| Database | Status | Findings | Acknowledged |', '| --- | --- | --- | --- |'];
  for (const result of results) lines.push(`| \`${result.database}\` | ${result.status} | ${result.findings.length} | ${result.acknowledged?.length ?? 0} |`);
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
