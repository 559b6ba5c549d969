/**
 * `/// @steward.renamedFrom("old")` on a model or field: the migration renames the table or
 * column instead of dropping and re-adding it (which would lose its data). "old" is the name
 * the database has: the old table or column name (the old model or field name unless it was
 * mapped with @@map / @map). A rename is planned
 * only when the history's structure still has the old name and lacks the new one, so once the
 * rename migration exists the annotation is inert and may stay in the master.
 */
import type { DatabaseSchema } from '../database/model.js';
import { parseAnnotations } from '../generate/annotations.js';
import type { Model, Schema } from '../schema/model.js';
import { getAttribute, getArgument, stringValue } from '../schema/query.js';

export interface PlannedRename {
  kind: 'table' | 'column';
  table: string;
  from: string;
  to: string;
  /** The statement, quoted for the provider. */
  sql: string;
}

export function tableNameOf(model: Model): string {
  const map = getAttribute(model, 'map');
  return stringValue(map ? getArgument(map, 'name', 0)?.value : undefined) ?? model.name;
}

/** Both SQLite (3.25+) and PostgreSQL spell renames the same way. */
export function planRenames(master: Schema, history: DatabaseSchema): PlannedRename[] {
  const renames: PlannedRename[] = [];
  const tables = new Map(history.tables.map((table) => [table.name, table]));
  for (const model of master.models) {
    let table = tableNameOf(model);
    const modelRename = parseAnnotations(model.docs).find((annotation) => annotation.kind === 'renamedFrom');
    if (modelRename && modelRename.kind === 'renamedFrom' && tables.has(modelRename.from) && !tables.has(table)) {
      renames.push({ kind: 'table', table, from: modelRename.from, to: table, sql: `ALTER TABLE ${quote(modelRename.from)} RENAME TO ${quote(table)};` });
      tables.set(table, { ...tables.get(modelRename.from)!, name: table });
      tables.delete(modelRename.from);
    }
    const live = tables.get(table);
    if (!live) continue;
    const columns = new Set(live.columns.map((column) => column.name));
    for (const field of model.fields) {
      const annotation = parseAnnotations(field.docs).find((candidate) => candidate.kind === 'renamedFrom');
      if (!annotation || annotation.kind !== 'renamedFrom') continue;
      const map = getAttribute(field, 'map');
      const column = stringValue(map ? getArgument(map, 'name', 0)?.value : undefined) ?? field.name;
      if (!columns.has(annotation.from) || columns.has(column)) continue;
      renames.push({
        kind: 'column',
        table,
        from: annotation.from,
        to: column,
        sql: `ALTER TABLE ${quote(table)} RENAME COLUMN ${quote(annotation.from)} TO ${quote(column)};`,
      });
      columns.delete(annotation.from);
      columns.add(column);
    }
  }
  return renames;
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
