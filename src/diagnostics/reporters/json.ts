import { countBySeverity } from '../diagnostic.js';
import type { Reporter } from './types.js';

/** `{ "diagnostics": [...], "summary": {...} }`; fixes keep their edits. */
export const jsonReporter: Reporter = (diagnostics) => {
  const items = diagnostics.map((d) => ({
    source: d.source,
    code: d.code,
    rule: d.source === 'lint' ? d.code : undefined,
    severity: d.severity,
    message: d.message,
    file: d.location?.file ?? null,
    line: d.location?.line ?? null,
    column: d.location?.column ?? null,
    endLine: d.location?.endLine ?? null,
    endColumn: d.location?.endColumn ?? null,
    env: d.env ?? null,
    model: d.model ?? null,
    field: d.field ?? null,
    notes: d.notes ?? [],
    fix: d.fix ?? null,
    ...(d.data ? { data: d.data } : {}),
  }));
  return JSON.stringify({ diagnostics: items, summary: countBySeverity(diagnostics) }, null, 2) + '\n';
};
