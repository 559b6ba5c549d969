import type { ProviderFamily } from '../providers/adapter.js';
import { findProvider } from '../providers/registry.js';
import type { Schema } from '../schema/model.js';
import { datasourceProvider } from '../schema/query.js';

/**
 * The representative migration statement of a database-changing lint fix, in the schema's
 * datasource dialect: what `migrate create` writes once the fix is in the master. Hand-written
 * (a handful of statement shapes) rather than asking the schema engine per fix, which would
 * need a full diff of two schemas for every finding.
 */
export type SqlDialect = Exclude<ProviderFamily, 'document'>;

export function sqlDialect(schema: Schema): SqlDialect {
  const family = findProvider(datasourceProvider(schema))?.family;
  // The provider's SQL family (CockroachDB reads like PostgreSQL); an unknown provider, and
  // MongoDB, whose fixes never reach a migration, read like PostgreSQL too.
  return family === undefined || family === 'document' ? 'postgresql' : family;
}

function q(dialect: SqlDialect, name: string): string {
  if (dialect === 'mysql') return `\`${name.replaceAll('`', '``')}\``;
  if (dialect === 'sqlserver') return `[${name.replaceAll(']', ']]')}]`;
  return `"${name.replaceAll('"', '""')}"`;
}

export function renameColumnSql(dialect: SqlDialect, table: string, from: string, to: string): string {
  if (dialect === 'sqlserver') return `EXEC sp_rename '${table}.${from}', '${to}', 'COLUMN';`;
  return `ALTER TABLE ${q(dialect, table)} RENAME COLUMN ${q(dialect, from)} TO ${q(dialect, to)};`;
}

export function renameTableSql(dialect: SqlDialect, from: string, to: string): string {
  if (dialect === 'sqlserver') return `EXEC sp_rename '${from}', '${to}';`;
  if (dialect === 'mysql') return `RENAME TABLE ${q(dialect, from)} TO ${q(dialect, to)};`;
  return `ALTER TABLE ${q(dialect, from)} RENAME TO ${q(dialect, to)};`;
}

/** Prisma's default index name: `<table>_<columns>_idx`. */
export function createIndexSql(dialect: SqlDialect, table: string, columns: readonly string[]): string {
  const name = `${table}_${columns.join('_')}_idx`;
  return `CREATE INDEX ${q(dialect, name)} ON ${q(dialect, table)}(${columns.map((c) => q(dialect, c)).join(', ')});`;
}

/** A `DEFAULT` expression per dialect: now() and the empty list are the ones lint fixes add. */
export type SqlDefault = 'now' | 'empty-list';

function defaultSql(dialect: SqlDialect, value: SqlDefault): string {
  if (value === 'now') return dialect === 'mysql' ? 'CURRENT_TIMESTAMP(3)' : 'CURRENT_TIMESTAMP';
  return dialect === 'postgresql' ? "'{}'" : "'[]'";
}

export function setDefaultSql(dialect: SqlDialect, table: string, column: string, value: SqlDefault): string {
  // SQLite cannot alter a column: Prisma rebuilds the table (its rows are copied).
  if (dialect === 'sqlite')
    return `-- SQLite: table ${q(dialect, table)} is rebuilt with DEFAULT ${defaultSql(dialect, value)} on ${q(dialect, column)} (rows are copied)`;
  if (dialect === 'mysql') return `ALTER TABLE ${q(dialect, table)} ALTER COLUMN ${q(dialect, column)} SET DEFAULT (${defaultSql(dialect, value)});`;
  if (dialect === 'sqlserver') return `ALTER TABLE ${q(dialect, table)} ADD DEFAULT ${defaultSql(dialect, value)} FOR ${q(dialect, column)};`;
  return `ALTER TABLE ${q(dialect, table)} ALTER COLUMN ${q(dialect, column)} SET DEFAULT ${defaultSql(dialect, value)};`;
}

const TIMESTAMP_TYPE: Record<SqlDialect, string> = { postgresql: 'TIMESTAMP(3)', sqlite: 'DATETIME', mysql: 'DATETIME(3)', sqlserver: 'DATETIME2' };

/** A `DateTime` column with a now() default, the one column lint fixes add. */
export function addTimestampColumnSql(dialect: SqlDialect, table: string, column: string): string {
  // SQLite refuses ADD COLUMN with a non-constant default: Prisma rebuilds the table (its rows are copied).
  if (dialect === 'sqlite')
    return `-- SQLite: table ${q(dialect, table)} is rebuilt with ${q(dialect, column)} DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP (rows are copied)`;
  return `ALTER TABLE ${q(dialect, table)} ADD COLUMN ${q(dialect, column)} ${TIMESTAMP_TYPE[dialect]} NOT NULL DEFAULT ${defaultSql(dialect, 'now')};`;
}
