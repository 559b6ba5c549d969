/**
 * Expand/contract transitions the master records: `/// @steward.transition(from: "old_column")`
 * on a field that replaces an old column (a rename, a type change), or
 * `/// @steward.transition(backfill: "<SQL expression>")` on a new required field. The master
 * holds the final shape; the history's structure says which phase comes next.
 */
import type { DatabaseSchema } from '../../database/model.js';
import type { DiagnosticLocation } from '../../diagnostics/diagnostic.js';
import { parseAnnotations } from '../../generate/annotations.js';
import type { Schema } from '../../schema/model.js';
import { mappedName } from '../../schema/query.js';
import { tableNameOf } from '../renames.js';

export interface Transition {
  model: string;
  field: string;
  table: string;
  column: string;
  /** The old column the new one replaces (a rename or a type change). */
  from?: string;
  /** The value of existing rows for a new column (`from` absent). */
  backfill?: string;
  /** Whether the field is required: contract makes the column NOT NULL. */
  required: boolean;
  location: DiagnosticLocation;
}

/** `expand` when the new column is not in the history yet, `contract` while the old shape remains, `done` after. */
export type TransitionPhase = 'expand' | 'contract' | 'done';

export function masterTransitions(master: Schema): Transition[] {
  const transitions: Transition[] = [];
  for (const model of master.models) {
    for (const field of model.fields) {
      if (field.docs.length === 0) continue;
      const annotation = parseAnnotations(field.docs).find((a) => a.kind === 'transition');
      if (annotation?.kind !== 'transition') continue;
      transitions.push({
        model: model.name,
        field: field.name,
        table: tableNameOf(model),
        column: mappedName(field) ?? field.name,
        from: annotation.from,
        backfill: annotation.backfill,
        required: !field.type.optional && !field.type.list,
        location: { file: annotation.span.file, line: annotation.span.line, column: annotation.span.column },
      });
    }
  }
  return transitions;
}

export function transitionPhase(transition: Transition, history: DatabaseSchema): TransitionPhase {
  const table = history.tables.find((t) => t.name === transition.table);
  const column = table?.columns.find((c) => c.name === transition.column);
  if (!column) return 'expand';
  const oldRemains = transition.from !== undefined && table!.columns.some((c) => c.name === transition.from);
  return oldRemains || (transition.required && column.nullable) ? 'contract' : 'done';
}

export function describeTransition(transition: Transition): string {
  return transition.from !== undefined
    ? `"${transition.table}"."${transition.from}" -> "${transition.column}"`
    : `new required column "${transition.table}"."${transition.column}" (backfill ${transition.backfill})`;
}
