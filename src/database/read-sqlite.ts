/**
 * Reads a SQLite schema with sqlite_master and the table pragmas (all read-only), one query
 * after the other. What the pragmas do not tell (a partial index's WHERE, an expression key,
 * a CHECK constraint) is read from the CREATE statement SQLite stores verbatim.
 */
import type { DatabaseConnection } from '../engine/connection.js';
import { collapseSpace, matchingParen, splitTopLevel, topLevelKeyword } from './sql-text.js';
import { MIGRATIONS_TABLE, type DatabaseConstraint, type DatabaseIndex, type DatabaseSchema, type DatabaseTable } from './model.js';

export async function readSqliteSchema(connection: DatabaseConnection): Promise<DatabaseSchema> {
  const objects = await connection.query(
    `SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('table', 'index', 'trigger', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  );
  const sqlOf = new Map(objects.filter((row) => row.type === 'index').map((row) => [String(row.name), row.sql === null ? null : String(row.sql)]));
  const result: DatabaseTable[] = [];
  for (const row of objects.filter((object) => object.type === 'table')) {
    const name = String(row.name);
    if (name === MIGRATIONS_TABLE) continue;
    const quoted = quote(name);
    const columns = await connection.query(`PRAGMA table_info(${quoted})`);
    const indexList = await connection.query(`PRAGMA index_list(${quoted})`);
    const foreignKeys = await connection.query(`PRAGMA foreign_key_list(${quoted})`);
    const tableSql = row.sql === null ? '' : String(row.sql);
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
      constraints: checkConstraints(tableSql),
      triggers: objects
        .filter((object) => object.type === 'trigger' && object.tbl_name === name)
        .map((object) => ({ name: String(object.name), definition: collapseSpace(String(object.sql ?? '')) })),
      sql: tableSql,
    };
    for (const index of indexList) {
      // Automatic indexes back PRIMARY KEY / UNIQUE column constraints; Prisma names its own.
      if (String(index.origin) === 'pk' || String(index.name).startsWith('sqlite_autoindex_')) continue;
      const info = await connection.query(`PRAGMA index_info(${quote(String(index.name))})`);
      const columnsOfIndex = info
        .sort((a, b) => Number(a.seqno) - Number(b.seqno))
        .map((column) => (column.name === null ? '<expression>' : String(column.name)));
      table.indexes.push(sqliteIndex(String(index.name), Number(index.unique) === 1, columnsOfIndex, sqlOf.get(String(index.name)) ?? null));
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
  const views = objects
    .filter((object) => object.type === 'view')
    .map((object) => {
      const sql = String(object.sql ?? '');
      const as = topLevelKeyword(sql, 'AS');
      return { name: String(object.name), materialized: false, definition: collapseSpace(as >= 0 ? sql.slice(as + 2) : sql) };
    });
  return { provider: 'sqlite', tables: result, enums: [], views };
}

/** Key parts and WHERE from the stored CREATE INDEX (null for indexes SQLite made itself). */
function sqliteIndex(name: string, unique: boolean, columns: string[], sql: string | null): DatabaseIndex {
  const index: DatabaseIndex = { name, columns, unique };
  if (!sql) return index;
  index.definition = collapseSpace(sql);
  const open = sql.indexOf('(');
  const close = open >= 0 ? matchingParen(sql, open) : -1;
  if (close > open) {
    index.keys = splitTopLevel(sql.slice(open + 1, close)).map((part) => unquote(collapseSpace(part)));
    const where = topLevelKeyword(sql, 'WHERE', close + 1);
    if (where >= 0) index.where = collapseSpace(sql.slice(where + 5));
  }
  return index;
}

/** `[CONSTRAINT name] CHECK (...)` clauses of a CREATE TABLE, column-level ones included. */
function checkConstraints(sql: string): DatabaseConstraint[] {
  const open = sql.indexOf('(');
  const close = open >= 0 ? matchingParen(sql, open) : -1;
  if (close < 0) return [];
  const body = sql.slice(open + 1, close);
  const constraints: DatabaseConstraint[] = [];
  let from = 0;
  for (;;) {
    // CHECK may sit inside a column definition, at depth 0 of the body.
    const at = topLevelKeyword(body, 'CHECK', from);
    if (at < 0) break;
    const paren = body.indexOf('(', at);
    const end = paren >= 0 ? matchingParen(body, paren) : -1;
    if (end < 0) break;
    const named = /CONSTRAINT\s+("(?:[^"]|"")+"|`[^`]+`|\[[^\]]+\]|\w+)\s*$/i.exec(body.slice(0, at));
    const definition = `CHECK ${collapseSpace(body.slice(paren, end + 1))}`;
    constraints.push({ name: named ? unquote(named[1]) : definition, kind: 'check', definition });
    from = end + 1;
  }
  return constraints;
}

function unquote(text: string): string {
  if (/^"(?:[^"]|"")*"$/.test(text)) return text.slice(1, -1).replace(/""/g, '"');
  if (/^`[^`]*`$/.test(text) || /^\[[^\]]*\]$/.test(text)) return text.slice(1, -1);
  return text.replace(/^"((?:[^"]|"")*)"(\s+(?:ASC|DESC|COLLATE\b.*))$/i, (_, id: string, rest: string) => id.replace(/""/g, '"') + rest);
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
