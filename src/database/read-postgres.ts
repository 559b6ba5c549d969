/**
 * Reads a PostgreSQL schema from pg_catalog only. information_schema hides columns a role
 * has no privilege on; pg_catalog is readable by any role, so drift works for a role that
 * can read nothing but the catalog. Every query is a SELECT.
 */
import type { DatabaseConnection } from '../engine/connection.js';
import { MIGRATIONS_TABLE, type DatabaseSchema, type DatabaseTable } from './model.js';

const ACTIONS: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

export async function readPostgresSchema(connection: DatabaseConnection, namespace = 'public'): Promise<DatabaseSchema> {
  const [tables, columns, indexes, foreignKeys, enums] = await Promise.all([
    connection.query(
      `SELECT c.relname::text AS table FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
      [namespace],
    ),
    connection.query(
      `SELECT c.relname::text AS table, a.attname::text AS name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
              NOT a.attnotnull AS nullable, pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS default
       FROM pg_catalog.pg_attribute a
       JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
       ORDER BY c.relname, a.attnum`,
      [namespace],
    ),
    connection.query(
      `SELECT t.relname::text AS table, i.relname::text AS name, x.indisunique AS unique, x.indisprimary AS primary,
              ARRAY(SELECT pg_catalog.pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(1, x.indnkeyatts) AS k ORDER BY k) AS columns
       FROM pg_catalog.pg_index x
       JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
       JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
       WHERE n.nspname = $1 AND t.relkind IN ('r', 'p')
       ORDER BY t.relname, i.relname`,
      [namespace],
    ),
    connection.query(
      `SELECT t.relname::text AS table, con.conname::text AS name, r.relname::text AS referenced_table,
              ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(num, pos)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.pos) AS columns,
              ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(num, pos)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.pos) AS referenced_columns,
              con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
       FROM pg_catalog.pg_constraint con
       JOIN pg_catalog.pg_class t ON t.oid = con.conrelid
       JOIN pg_catalog.pg_class r ON r.oid = con.confrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
       WHERE n.nspname = $1 AND con.contype = 'f'
       ORDER BY t.relname, con.conname`,
      [namespace],
    ),
    connection.query(
      `SELECT t.typname::text AS name, e.enumlabel::text AS value
       FROM pg_catalog.pg_type t
       JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
       JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
       WHERE n.nspname = $1 ORDER BY t.typname, e.enumsortorder`,
      [namespace],
    ),
  ]);

  const byName = new Map<string, DatabaseTable>();
  for (const row of tables) {
    const name = String(row.table);
    if (name === MIGRATIONS_TABLE) continue;
    byName.set(name, { name, columns: [], primaryKey: [], indexes: [], foreignKeys: [] });
  }
  for (const row of columns) {
    byName.get(String(row.table))?.columns.push({
      name: String(row.name),
      type: unqualify(String(row.type), namespace),
      nullable: Boolean(row.nullable),
      default: row.default === null || row.default === undefined ? null : unqualify(String(row.default), namespace),
    });
  }
  for (const row of indexes) {
    const table = byName.get(String(row.table));
    if (!table) continue;
    const indexColumns = textArray(row.columns).map(unquoteIdentifier);
    if (row.primary) table.primaryKey = indexColumns;
    else table.indexes.push({ name: String(row.name), columns: indexColumns, unique: Boolean(row.unique) });
  }
  for (const row of foreignKeys) {
    byName.get(String(row.table))?.foreignKeys.push({
      name: String(row.name),
      columns: textArray(row.columns),
      referencedTable: String(row.referenced_table),
      referencedColumns: textArray(row.referenced_columns),
      onDelete: ACTIONS[String(row.on_delete)] ?? String(row.on_delete),
      onUpdate: ACTIONS[String(row.on_update)] ?? String(row.on_update),
    });
  }
  const enumValues = new Map<string, string[]>();
  for (const row of enums) {
    const name = String(row.name);
    enumValues.set(name, [...(enumValues.get(name) ?? []), String(row.value)]);
  }
  return {
    provider: 'postgresql',
    tables: [...byName.values()],
    enums: [...enumValues].map(([name, values]) => ({ name, values })),
  };
}

/** node-postgres parses text[] to arrays, PGlite too; a `{a,b}` string is handled for safety. */
function textArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
  return [];
}

function unquoteIdentifier(text: string): string {
  return /^".*"$/.test(text) ? text.slice(1, -1).replace(/""/g, '"') : text;
}

/**
 * format_type and pg_get_expr qualify names whose schema is not on the session's search_path
 * (a role without USAGE on the schema sees `public."Role"`); drop the qualifier so both sides
 * of a comparison read alike.
 */
function unqualify(text: string, namespace: string): string {
  const quoted = `"${namespace.replace(/"/g, '""')}".`;
  return text.split(quoted).join('').replace(new RegExp(`(^|[^\\w"])${namespace.replace(/[^\w]/g, '')}\\.(?=["\\w])`, 'g'), '$1');
}
