import type { Diagnostic, DiagnosticCode, DiagnosticOf } from '../diagnostics/diagnostic.js';

/**
 * One finding per fact: when the audit reports a naming mismatch on a schema field that lint
 * also reports (`last_read_at`: lint `field-name-camel-case` and audit `naming-mismatch`), the
 * two become one diagnostic, the audit's (it says where docs and code disagree and what to
 * rename), carrying lint's reason and rule as a note and in `data.alsoReportedBy`; the lint
 * diagnostic is dropped. Everything else passes through in order. Pure.
 */
export function mergeLintAndAudit(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const lintBySchemaField = new Map<string, DiagnosticOf<'lint'>[]>();
  for (const d of diagnostics) {
    if (d.source !== 'lint' || !d.model || !d.field) continue;
    const key = `${d.model}.${d.field}`;
    const list = lintBySchemaField.get(key);
    if (list) list.push(d);
    else lintBySchemaField.set(key, [d]);
  }
  if (lintBySchemaField.size === 0) return [...diagnostics];
  const absorbed = new Set<Diagnostic>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (d.source !== 'audit' || d.code !== 'naming-mismatch' || !d.model) {
      out.push(d);
      continue;
    }
    const schemaField = typeof d.data?.schemaField === 'string' ? d.data.schemaField : undefined;
    const lint =
      (schemaField ? lintBySchemaField.get(`${d.model}.${schemaField}`) : undefined)?.filter((l) => NAMING_RULES.has(l.code) && !absorbed.has(l)) ?? [];
    if (lint.length === 0) {
      out.push(d);
      continue;
    }
    for (const l of lint) absorbed.add(l);
    out.push({
      ...d,
      notes: [...lint.map((l) => `also lint ${l.code}${l.location ? ` (${l.location.file}:${l.location.line})` : ''}: ${l.message}`), ...(d.notes ?? [])],
      data: {
        ...d.data,
        alsoReportedBy: lint.map((l) => ({ source: l.source, code: l.code, message: l.message, ...(l.location ? { location: l.location } : {}) })),
      },
    });
  }
  return out.filter((d) => !absorbed.has(d));
}

/** Lint rules about a field's name: the same fact as an audit naming mismatch on that field. */
const NAMING_RULES = new Set<DiagnosticCode<'lint'>>([
  'field-name-camel-case',
  'field-name-mapping-snake-case',
  'column-name-snake-case',
  'field-name-grammatical-number',
]);
