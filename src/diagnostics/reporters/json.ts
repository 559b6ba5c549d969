import { countBySeverity } from '../diagnostic.js';
import { isSafeFixKind } from '../fix-kind.js';
import type { Reporter } from './types.js';

/**
 * `{ "diagnostics": [...], "summary": {...} }`; fixes keep their edits. One diagnostic per line:
 * compact (a 3,000-model lint prints 24,000 of them) and still easy to grep and diff.
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
  const extra = Object.entries(context?.extra ?? {}).map(([key, value]) => `,\n${JSON.stringify(key)}:${JSON.stringify(value)}`).join('');
  return `{"diagnostics":[${items.length ? `\n${body}\n` : ''}],\n"summary":${JSON.stringify(countBySeverity(diagnostics))}${extra}}\n`;
};
