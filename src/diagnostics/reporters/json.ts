import { countBySeverity } from '../diagnostic.js';
import { isSafeFixKind } from '../fix-kind.js';
import type { Reporter } from './types.js';

/** The outcome of a command, as the JSON envelope states it. */
export type EnvelopeStatus = 'ok' | 'findings' | 'failed';

/**
 * THE output envelope of `--format json`, the same for every command:
 * `{ "version", "command", "status", "diagnostics": [...], "summary": {...}, "data": {...} }`.
 * `status` is `failed` when the command stopped on an error (its diagnostic says why), else
 * `findings` when a diagnostic is an error, else `ok`; `data` is the command's own result (lint's
 * fixes, generate's environments, ...). Fixes keep their edits. One diagnostic per line: compact
 * (a 3,000-model lint prints 24,000 of them) and still easy to grep and diff.
 */
const NO_NOTES: readonly string[] = Object.freeze([]);

export const jsonReporter: Reporter = (diagnostics, context) => {
  const items: Record<string, unknown>[] = [];
  for (const d of diagnostics) {
    const location = d.location;
    const item: Record<string, unknown> = {
      source: d.source,
      code: d.code,
      rule: d.source === 'lint' ? d.code : undefined,
      severity: d.severity,
      message: d.message,
      file: location?.file ?? null,
      line: location?.line ?? null,
      column: location?.column ?? null,
      endLine: location?.endLine ?? null,
      endColumn: location?.endColumn ?? null,
      env: d.env ?? null,
      model: d.model ?? null,
      field: d.field ?? null,
      notes: d.notes ?? NO_NOTES,
      fix: d.fix ? { ...d.fix, safe: isSafeFixKind(d.fix.kind) } : null,
    };
    if (d.data) item.data = d.data;
    items.push(item);
  }
  // One stringify for the whole list, then a line break between diagnostics: `},{"source":`
  // only occurs there, since every quote inside a JSON string is escaped.
  const body = JSON.stringify(items).slice(1, -1).replaceAll('},{"source":', '},\n{"source":');
  const summary = countBySeverity(diagnostics);
  const status: EnvelopeStatus = context?.status ?? (context?.failed ? 'failed' : summary.error > 0 ? 'findings' : 'ok');
  const head = `{"version":${JSON.stringify(context?.version ?? null)},"command":${JSON.stringify(context?.command ?? null)},"status":"${status}",\n`;
  return `${head}"diagnostics":[${items.length ? `\n${body}\n` : ''}],\n"summary":${JSON.stringify(summary)},\n"data":${JSON.stringify(context?.extra ?? {})}}\n`;
};
