/** Reads a SQLite schema with sqlite_master and the table pragmas (all read-only). */
import type { DatabaseConnection } from '../engine/connection.js';
import { MIGRATIONS_TABLE, type DatabaseSchema, type DatabaseTable } from './model.js';

export async function readSqliteSchema(connection: DatabaseConnection): Promise<DatabaseSchema> {
  const tables = await connection.query(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  );
  const result: DatabaseTable[] = [];
  for (const row of tables) {
    const name = String(row.name);
    if (name === MIGRATIONS_TABLE) continue;
    const quoted = quote(name);
    const [columns, indexList, foreignKeys] = await Promise.all([
      connection.query(`PRAGMA table_info(${quoted})`),
      connection.query(`PRAGMA index_list(${quoted})`),
      connection.query(`PRAGMA foreign_key_list(${quoted})`),
    ]);
    const table: DatabaseTable = {
      name,
      columns: columns.map((column) => ({
        name: String(column.name),
        type: String(column.type),
        nullable: Number(column.notnull) === 0 && Number(column.pk) === 0,
        default: column.dflt_value === null || column.dflt_value === undefined ? null : String(column.dflt_value),
      })),
      primaryKey: columns
        .filter((column) => Number(column.pk) > 0)
        .sort((a, b) => Number(a.pk) - Number(b.pk))
        .map((column) => String(column.name)),
      indexes: [],
      foreignKeys: [],
    };
    for (const index of indexList) {
      // Automatic indexes back PRIMARY KEY / UNIQUE column constraints; Prisma names its own.
      if (String(index.origin) === 'pk' || String(index.name).startsWith('sqlite_autoindex_')) continue;
      const info = await connection.query(`PRAGMA index_info(${quote(String(index.name))})`);
      table.indexes.push({
        name: String(index.name),
        columns: info.sort((a, b) => Number(a.seqno) - Number(b.seqno)).map((column) => String(column.name)),
        unique: Number(index.unique) === 1,
      });
    }
    table.indexes.sort((a, b) => a.name.localeCompare(b.name));
    const byId = new Map<number, typeof foreignKeys>();
    for (const fk of foreignKeys) byId.set(Number(fk.id), [...(byId.get(Number(fk.id)) ?? []), fk]);
    for (const parts of byId.values()) {
      parts.sort((a, b) => Number(a.seq) - Number(b.seq));
      const columnsOfKey = parts.map((part) => String(part.from));
      const referencedTable = String(parts[0].table);
      table.foreignKeys.push({
        name: `${name}(${columnsOfKey.join(',')})->${referencedTable}`,
        columns: columnsOfKey,
        referencedTable,
        referencedColumns: parts.map((part) => String(part.to)),
        onDelete: String(parts[0].on_delete),
        onUpdate: String(parts[0].on_update),
      });
    }
    table.foreignKeys.sort((a, b) => a.name.localeCompare(b.name));
    result.push(table);
  }
  return { provider: 'sqlite', tables: result, enums: [] };
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
