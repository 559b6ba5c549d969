/**
 * Expand/contract transitions the master records. On a field, in its final shape:
 * `/// @steward.transition(from: "old_column")` (a rename, a type change),
 * `/// @steward.transition(from: "old_column", backfill: "<SQL>")` (a computed value; several
 * fields with the same `from`: a split), `/// @steward.transition(backfill: "<SQL>")` (a new
 * required field). On a model: `/// @steward.transition(drop: "old_column")` (a column retired;
 * the field is already gone from the master). On the datasource block:
 * `/// @steward.transition(dropTable: "old_table")` (a table retired: its model has no block left
 * to carry the annotation, and the datasource is the database). The master holds the final shape;
 * the history's structure says which phase comes next.
 *
 * Why the drop sits on the model and not on a field kept until contract: the generated schemas and
 * the Prisma Client then already lack the field, so new code cannot use it, and contract is Prisma's
 * own migration to the master (which drops the column), like every other transition's. A field kept
 * in the master would stay in the Client (a required one demanded on every create) and an ordinary
 * `migrate create` after contract would add the column back.
 */
import type { DatabaseSchema } from '../../database/model.js';
import type { MarkedTransition } from '../../diff/transition-markers.js';
import type { DiagnosticLocation } from '../../diagnostics/diagnostic.js';
import { StewardError } from '../../errors/index.js';
import { parseAnnotations } from '../../generate/annotations.js';
import type { Schema } from '../../schema/model.js';
import { mappedName } from '../../schema/query.js';
import { tableNameOf } from '../renames.js';

/**
 * One transition of the master. Its names and backfill are what a phase's marker line records:
 * `MarkedTransition`, declared beside the marker in src/diff (migrate imports diff, never the reverse).
 */
export interface Transition extends MarkedTransition {
  /** `backfill` in SQLite's dialect, when it differs. */
  sqliteBackfill?: string;
  /** Whether the field is required: contract makes the column NOT NULL. */
  required: boolean;
  /** A drop read from the `from` of computed fields, not written in the master. */
  implicit?: boolean;
  location: DiagnosticLocation;
}

/** `expand` when the new shape is not in the history yet, `contract` while the old shape remains, `done` after. */
export type TransitionPhase = 'expand' | 'contract' | 'done';

export function masterTransitions(master: Schema): Transition[] {
  const columns: Transition[] = [];
  const drops: Transition[] = [];
  const tables: Transition[] = [];
  const location = (span: { file: string; line: number; column: number }) => ({ file: span.file, line: span.line, column: span.column });
  for (const datasource of master.datasources) {
    for (const annotation of parseAnnotations(datasource.docs)) {
      if (annotation.kind !== 'transition') continue;
      if (annotation.dropTable === undefined)
        throw new StewardError('ANNOTATION_INVALID', `On the datasource, @steward.transition names the table it retires: dropTable: "old_table"`, {
          location: location(annotation.span),
        });
      const kept = master.models.find((m) => tableNameOf(m) === annotation.dropTable);
      if (kept)
        throw new StewardError(
          'ANNOTATION_INVALID',
          `@steward.transition(dropTable: "${annotation.dropTable}"): model ${kept.name} still maps to that table; the master holds the final shape, so remove the model`,
          { location: location(annotation.span) },
        );
      tables.push({
        kind: 'dropTable',
        model: pascalCase(annotation.dropTable),
        field: '',
        table: annotation.dropTable,
        column: '',
        required: false,
        location: location(annotation.span),
      });
    }
  }
  for (const model of master.models) {
    const table = tableNameOf(model);
    const ownColumns = new Map(model.fields.map((f) => [mappedName(f) ?? f.name, f.name]));
    for (const annotation of parseAnnotations(model.docs)) {
      if (annotation.kind !== 'transition') continue;
      const at = location(annotation.span);
      if (annotation.dropTable !== undefined)
        throw new StewardError(
          'ANNOTATION_INVALID',
          `@steward.transition(dropTable: ...) goes on the datasource block, with the model removed from the master`,
          {
            location: at,
          },
        );
      if (annotation.drop === undefined)
        throw new StewardError('ANNOTATION_INVALID', `On a model, @steward.transition names the column it retires: drop: "old_column"`, { location: at });
      const keeper = ownColumns.get(annotation.drop);
      if (keeper !== undefined)
        throw new StewardError(
          'ANNOTATION_INVALID',
          `@steward.transition(drop: "${annotation.drop}"): ${model.name}.${keeper} still maps to that column; the master holds the final shape, so remove the field`,
          { location: at },
        );
      drops.push({
        kind: 'drop',
        model: model.name,
        field: '',
        table,
        column: annotation.drop,
        backfill: annotation.backfill,
        sqliteBackfill: annotation.sqlite,
        required: false,
        location: at,
      });
    }
    for (const field of model.fields) {
      if (field.docs.length === 0) continue;
      const annotation = parseAnnotations(field.docs).find((a) => a.kind === 'transition');
      if (annotation?.kind !== 'transition') continue;
      const at = location(annotation.span);
      if (annotation.drop !== undefined || annotation.dropTable !== undefined)
        throw new StewardError(
          'ANNOTATION_INVALID',
          annotation.drop !== undefined
            ? `@steward.transition(drop: ...) goes on the model (/// above \`model ${model.name}\`), with the field removed from the master`
            : `@steward.transition(dropTable: ...) goes on the datasource block, with the model removed from the master`,
          { location: at },
        );
      columns.push({
        kind: 'column',
        model: model.name,
        field: field.name,
        table,
        column: mappedName(field) ?? field.name,
        from: annotation.from,
        backfill: annotation.backfill,
        sqliteBackfill: annotation.sqlite,
        required: !field.type.optional && !field.type.list,
        location: at,
      });
    }
  }
  // An old column no cast keeps filled (a computed value, a split) is retired like a drop: expand
  // makes it nullable if new code could not insert without it.
  for (const t of columns) {
    if (t.from === undefined || syncsBack(t, columns)) continue;
    if (drops.some((d) => d.table === t.table && d.column === t.from)) continue;
    drops.push({ kind: 'drop', model: t.model, field: '', table: t.table, column: t.from, required: false, implicit: true, location: t.location });
  }
  return [...columns, ...drops, ...tables];
}

/** The retired column's trigger: sorts after every `steward_sync_` one (phase-sql.ts), so it sees the new columns they fill. */
export function syncBackName(transition: Transition): string {
  return `steward_syncback_${transition.table}_${transition.column}`.slice(0, 63);
}

/** `audit_log` -> `AuditLog`: the model name a snake_case table most likely had. */
export function pascalCase(table: string): string {
  return table.replace(/(^|_+)([a-zA-Z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

/** The retired table's foreign keys to other tables: expand drops them, so new code's deletes there are not refused. */
export function outgoingForeignKeys(transition: Transition, history: DatabaseSchema): string[] {
  const table = history.tables.find((t) => t.name === transition.table);
  return (table?.foreignKeys ?? []).filter((fk) => fk.referencedTable !== transition.table).map((fk) => fk.name);
}

/** Whether the old column is kept filled from this one by a cast back (a rename or a type change: one field, no expression). */
export function syncsBack(transition: Transition, all: readonly Transition[]): boolean {
  return (
    transition.kind === 'column' &&
    transition.from !== undefined &&
    transition.backfill === undefined &&
    all.filter((t) => t.kind === 'column' && t.table === transition.table && t.from === transition.from).length === 1
  );
}

/** The new columns computed from a retired column (a split's), which its sync recomputes it from. */
export function splitColumns(drop: Transition, all: readonly Transition[]): string[] {
  return all.filter((t) => t.kind === 'column' && t.table === drop.table && t.from === drop.column).map((t) => t.column);
}

export function transitionPhase(transition: Transition, history: DatabaseSchema): TransitionPhase {
  const table = history.tables.find((t) => t.name === transition.table);
  if (transition.kind === 'dropTable') return !table ? 'done' : outgoingForeignKeys(transition, history).length > 0 ? 'expand' : 'contract';
  const column = table?.columns.find((c) => c.name === transition.column);
  if (transition.kind === 'drop') {
    if (!column) return 'done';
    // Expand gives it a sync trigger (with a backfill) or drops NOT NULL (when new code could not insert without it).
    const expanded =
      transition.backfill !== undefined ? (table!.triggers ?? []).some((t) => t.name === syncBackName(transition)) : column.nullable || column.default !== null;
    return expanded ? 'contract' : 'expand';
  }
  if (!column) return 'expand';
  const oldRemains = transition.from !== undefined && table!.columns.some((c) => c.name === transition.from);
  return oldRemains || (transition.required && column.nullable) ? 'contract' : 'done';
}

export function describeTransition(transition: Transition): string {
  if (transition.kind === 'dropTable') return `drop table "${transition.table}"`;
  if (transition.kind === 'drop')
    return `drop "${transition.table}"."${transition.column}"${transition.backfill !== undefined ? ` (kept filled with ${transition.backfill} until contract)` : ''}`;
  if (transition.from !== undefined)
    return `"${transition.table}"."${transition.from}" -> "${transition.column}"${transition.backfill !== undefined ? ` (${transition.backfill})` : ''}`;
  return `new required column "${transition.table}"."${transition.column}" (backfill ${transition.backfill})`;
}
