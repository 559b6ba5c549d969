/**
 * Reads a PostgreSQL schema from pg_catalog only. information_schema hides columns a role
 * has no privilege on; pg_catalog is readable by any role, so drift works for a role that
 * can read nothing but the catalog. Every query is a SELECT, sent one after the other on the
 * one connection (pg deprecates queries issued while another is running).
 *
 * Objects that belong to an extension (pg_trgm's functions, PostGIS's tables) are the
 * extension's, not the application's: they are left out, and the extension is listed instead.
 */
import type { DatabaseConnection, Row } from '../engine/connection.js';
import { splitTopLevel, matchingParen, collapseSpace } from './sql-text.js';
import { MIGRATIONS_TABLE, type DatabaseIndex, type DatabaseSchema, type DatabaseTable } from './model.js';

const ACTIONS: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };
const POLICY_COMMANDS: Record<string, string> = { '*': 'ALL', r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE' };

/** Not a member of an extension: `catalog` is the catalog table the object's oid lives in. */
const notExtensionMember = (catalog: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep WHERE dep.classid = 'pg_catalog.${catalog}'::pg_catalog.regclass AND dep.objid = ${oid} AND dep.deptype = 'e')`;

const QUERIES = {
  tables: `SELECT c.relname::text AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS rls_forced
     FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${notExtensionMember('pg_class', 'c.oid')}
     ORDER BY c.relname`,
  columns: `SELECT c.relname::text AS table, a.attname::text AS name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
            NOT a.attnotnull AS nullable, pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS default
     FROM pg_catalog.pg_attribute a
     JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
     JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY c.relname, a.attnum`,
  indexes: `SELECT t.relname::text AS table, i.relname::text AS name, x.indisunique AS unique, x.indisprimary AS primary,
            am.amname::text AS method, pg_catalog.pg_get_indexdef(x.indexrelid, 0, true) AS definition,
            pg_catalog.pg_get_expr(x.indpred, x.indrelid, true) AS predicate,
            ARRAY(SELECT pg_catalog.pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(1, x.indnkeyatts) AS k ORDER BY k) AS columns,
            ARRAY(SELECT pg_catalog.pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(x.indnkeyatts + 1, x.indnatts) AS k ORDER BY k) AS include
     FROM pg_catalog.pg_index x
     JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
     JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
     JOIN pg_catalog.pg_am am ON am.oid = i.relam
     JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = $1 AND t.relkind IN ('r', 'p') AND NOT x.indisexclusion
     ORDER BY t.relname, i.relname`,
  foreignKeys: `SELECT t.relname::text AS table, con.conname::text AS name, r.relname::text AS referenced_table,
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
  constraints: `SELECT t.relname::text AS table, con.conname::text AS name, con.contype::text AS kind, pg_catalog.pg_get_constraintdef(con.oid, true) AS definition
     FROM pg_catalog.pg_constraint con
     JOIN pg_catalog.pg_class t ON t.oid = con.conrelid
     JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = $1 AND con.contype IN ('c', 'x') AND t.relkind IN ('r', 'p')
     ORDER BY t.relname, con.conname`,
  triggers: `SELECT t.relname::text AS table, tg.tgname::text AS name, pg_catalog.pg_get_triggerdef(tg.oid, true) AS definition
     FROM pg_catalog.pg_trigger tg
     JOIN pg_catalog.pg_class t ON t.oid = tg.tgrelid
     JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = $1 AND NOT tg.tgisinternal AND t.relkind IN ('r', 'p')
     ORDER BY t.relname, tg.tgname`,
  policies: `SELECT t.relname::text AS table, p.polname::text AS name, p.polpermissive AS permissive, p.polcmd::text AS command,
            CASE WHEN p.polroles = '{0}' THEN ARRAY['public'] ELSE ARRAY(SELECT r.rolname::text FROM pg_catalog.pg_roles r WHERE r.oid = ANY (p.polroles) ORDER BY r.rolname) END AS roles,
            pg_catalog.pg_get_expr(p.polqual, p.polrelid, true) AS using, pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid, true) AS with_check
     FROM pg_catalog.pg_policy p
     JOIN pg_catalog.pg_class t ON t.oid = p.polrelid
     JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = $1
     ORDER BY t.relname, p.polname`,
  enums: `SELECT t.typname::text AS name, e.enumlabel::text AS value
     FROM pg_catalog.pg_type t
     JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
     JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
     WHERE n.nspname = $1 AND ${notExtensionMember('pg_type', 't.oid')} ORDER BY t.typname, e.enumsortorder`,
  views: `SELECT c.relname::text AS name, c.relkind = 'm' AS materialized, pg_catalog.pg_get_viewdef(c.oid, true) AS definition
     FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('v', 'm') AND ${notExtensionMember('pg_class', 'c.oid')}
     ORDER BY c.relname`,
  functions: `SELECT p.proname::text || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')' AS name, pg_catalog.pg_get_functiondef(p.oid) AS definition
     FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = $1 AND p.prokind IN ('f', 'p') AND ${notExtensionMember('pg_proc', 'p.oid')}
     ORDER BY 1`,
  sequences: `SELECT c.relname::text AS name, pg_catalog.format_type(s.seqtypid, NULL) AS type, s.seqstart::text AS start,
            s.seqincrement::text AS increment, s.seqmin::text AS min, s.seqmax::text AS max, s.seqcache::text AS cache, s.seqcycle AS cycle
     FROM pg_catalog.pg_sequence s JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND ${notExtensionMember('pg_class', 'c.oid')}
     ORDER BY c.relname`,
  extensions: `SELECT e.extname::text AS name, n.nspname = $1 AS here FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
     ORDER BY e.extname`,
} as const;

export async function readPostgresSchema(connection: DatabaseConnection, namespace = 'public'): Promise<DatabaseSchema> {
  const rows = {} as Record<keyof typeof QUERIES, Row[]>;
  // One after the other: a connection runs one query at a time anyway.
  for (const [key, sql] of Object.entries(QUERIES) as Array<[keyof typeof QUERIES, string]>) rows[key] = await connection.query(sql, [namespace]);
  const clean = (text: unknown) => unqualify(String(text), namespace);

  const byName = new Map<string, DatabaseTable>();
  for (const row of rows.tables) {
    const name = String(row.table);
    if (name === MIGRATIONS_TABLE) continue;
    byName.set(name, {
      name,
      columns: [],
      primaryKey: [],
      indexes: [],
      foreignKeys: [],
      constraints: [],
      triggers: [],
      policies: [],
      rowLevelSecurity: { enabled: Boolean(row.rls), forced: Boolean(row.rls_forced) },
    });
  }
  for (const row of rows.columns) {
    byName.get(String(row.table))?.columns.push({
      name: String(row.name),
      type: clean(row.type),
      nullable: Boolean(row.nullable),
      default: row.default === null || row.default === undefined ? null : clean(row.default),
    });
  }
  for (const row of rows.indexes) {
    const table = byName.get(String(row.table));
    if (!table) continue;
    const indexColumns = textArray(row.columns).map(unquoteIdentifier);
    if (row.primary) {
      table.primaryKey = indexColumns;
      table.primaryKeyName = String(row.name);
    } else {
      table.indexes.push(
        postgresIndex(
          String(row.name),
          Boolean(row.unique),
          String(row.method),
          clean(row.definition),
          row.predicate,
          indexColumns,
          textArray(row.include).map(unquoteIdentifier),
          namespace,
        ),
      );
    }
  }
  for (const row of rows.foreignKeys) {
    byName.get(String(row.table))?.foreignKeys.push({
      name: String(row.name),
      columns: textArray(row.columns),
      referencedTable: String(row.referenced_table),
      referencedColumns: textArray(row.referenced_columns),
      onDelete: ACTIONS[String(row.on_delete)] ?? String(row.on_delete),
      onUpdate: ACTIONS[String(row.on_update)] ?? String(row.on_update),
    });
  }
  for (const row of rows.constraints) {
    byName
      .get(String(row.table))
      ?.constraints?.push({ name: String(row.name), kind: row.kind === 'x' ? 'exclusion' : 'check', definition: clean(row.definition) });
  }
  for (const row of rows.triggers) {
    byName.get(String(row.table))?.triggers?.push({ name: String(row.name), definition: clean(row.definition) });
  }
  for (const row of rows.policies) {
    byName.get(String(row.table))?.policies?.push({
      name: String(row.name),
      permissive: Boolean(row.permissive),
      command: POLICY_COMMANDS[String(row.command)] ?? String(row.command),
      roles: textArray(row.roles),
      using: row.using === null || row.using === undefined ? null : clean(row.using),
      withCheck: row.with_check === null || row.with_check === undefined ? null : clean(row.with_check),
    });
  }
  const enumValues = new Map<string, string[]>();
  for (const row of rows.enums) {
    const name = String(row.name);
    enumValues.set(name, [...(enumValues.get(name) ?? []), String(row.value)]);
  }
  return {
    provider: 'postgresql',
    tables: [...byName.values()],
    enums: [...enumValues].map(([name, values]) => ({ name, values })),
    views: rows.views.map((row) => ({
      name: String(row.name),
      materialized: Boolean(row.materialized),
      definition: clean(row.definition).trim().replace(/;$/, ''),
    })),
    functions: rows.functions.map((row) => ({ name: clean(row.name), definition: clean(row.definition).trim() })),
    sequences: rows.sequences.map((row) => ({
      name: String(row.name),
      type: String(row.type),
      start: String(row.start),
      increment: String(row.increment),
      min: String(row.min),
      max: String(row.max),
      cache: String(row.cache),
      cycle: Boolean(row.cycle),
    })),
    extensions: rows.extensions.filter((row) => row.here).map((row) => String(row.name)),
    installedExtensions: rows.extensions.map((row) => String(row.name)),
  };
}

/**
 * An index from pg_get_indexdef: `CREATE [UNIQUE] INDEX name ON table USING method (keys) [INCLUDE (...)] [WHERE (...)]`.
 * The key parts are read from the definition (not the per-column deparse) because only the
 * whole definition carries operator classes, collations, sort and nulls order.
 */
function postgresIndex(
  name: string,
  unique: boolean,
  method: string,
  definition: string,
  predicate: unknown,
  columns: string[],
  include: string[],
  namespace: string,
): DatabaseIndex {
  const index: DatabaseIndex = { name, columns, unique, method, keys: columns, definition };
  const using = definition.indexOf(` USING ${method} (`);
  if (using >= 0) {
    const open = using + ` USING ${method} `.length;
    const close = matchingParen(definition, open);
    if (close > open) index.keys = splitTopLevel(definition.slice(open + 1, close)).map((part) => unquoteLeading(collapseSpace(part)));
  }
  if (include.length > 0) index.include = include;
  if (predicate !== null && predicate !== undefined) index.where = unqualify(String(predicate), namespace);
  return index;
}

/** node-postgres parses text[] to arrays, PGlite too; a `{a,b}` string is handled for safety. */
function textArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string')
    return value
      .replace(/^\{|\}$/g, '')
      .split(',')
      .filter(Boolean);
  return [];
}

/** `"viewedAt" DESC` -> `viewedAt DESC`: a key part's column read as the column list reads it. */
function unquoteLeading(part: string): string {
  const match = /^("(?:[^"]|"")*")(\s.*)?$/.exec(part);
  return match ? unquoteIdentifier(match[1]) + (match[2] ?? '') : part;
}

function unquoteIdentifier(text: string): string {
  return /^"[^"]*(""[^"]*)*"$/.test(text) ? text.slice(1, -1).replace(/""/g, '"') : text;
}

/**
 * format_type and pg_get_expr qualify names whose schema is not on the session's search_path
 * (a role without USAGE on the schema sees `public."Role"`), pg_get_functiondef and
 * pg_get_indexdef always do; drop the qualifier so both sides of a comparison read alike.
 */
function unqualify(text: string, namespace: string): string {
  const quoted = `"${namespace.replace(/"/g, '""')}".`;
  return text
    .split(quoted)
    .join('')
    .replace(new RegExp(`(^|[^\\w"])${namespace.replace(/[^\w]/g, '')}\\.(?=["\\w])`, 'g'), '$1');
}
