import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Schema } from '../../schema/model.js';
import type { SchemaChange } from '../codes.js';

/**
 * Changes as Diagnostics (for the shared reporters: GitHub annotations, SARIF...). Breaking is
 * an error, dangerous a warning, safe an info. A change located in the old version (a removal)
 * is pointed at the nearest line of the new master: its model, else the top of the first file.
 */
export function changesToDiagnostics(changes: readonly SchemaChange[], to: Schema): Diagnostic[] {
  return changes.map((c) => {
    let location = c.locationSide === 'from' ? undefined : c.location;
    if (!location) {
      const model = [...to.models, ...to.views, ...to.types, ...to.enums].find((m) => m.name === c.model);
      const span = model?.nameSpan;
      location = span
        ? { file: span.file, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn }
        : to.files[0]
          ? { file: to.files[0].path, line: 1, column: 1 }
          : undefined;
    }
    return {
      source: 'diff',
      code: c.code,
      severity: c.severity === 'breaking' ? 'error' : c.severity === 'dangerous' ? 'warning' : 'info',
      message: `${c.severity}: ${c.message}`,
      location,
      model: c.model,
      field: c.field,
      notes: [c.reason, ...c.envs.map((e) => `${e.env}: ${e.effect}`), ...c.usages.map((u) => `used at ${u.file}:${u.line}:${u.column}`)],
      data: { severity: c.severity, envs: c.envs, usages: c.usages },
    };
  });
}
