/**
 * The structure of a live database, lowered to one comparable model whatever the provider.
 * Both sides of a drift check (the environment's schema, replayed into a scratch database,
 * and the live database) are read by the same catalog queries into this model, so comparing
 * them is a pure function with no SQL dialect knowledge.
 *
 * Definitions (`definition`, `where`, view bodies, function bodies) are the database's own
 * deparsed text (pg_get_indexdef, pg_get_viewdef, pg_get_functiondef, ... or SQLite's stored
 * `sql`), with the schema qualifier dropped, so two databases built from the same SQL read alike.
 */
import type { DatabaseProvider } from '../providers/registry.js';

export interface DatabaseColumn {
  name: string;
  /** As the catalog spells it (`integer`, `character varying(191)`, `"Role"`, `TEXT`). */
  type: string;
  nullable: boolean;
  /** The default expression as the catalog prints it, or null. */
  default: string | null;
}

export interface DatabaseIndex {
  name: string;
  /** Key columns or expressions, unquoted names (`email`, `lower(email)`). */
  columns: string[];
  unique: boolean;
  /** Access method (`btree`, `gin`, `gist`, ...); absent for SQLite. */
  method?: string;
  /** Key parts as written in the definition, with operator class, collation, sort and nulls order. */
  keys?: string[];
  /** INCLUDE columns (PostgreSQL). */
  include?: string[];
  /** The partial index predicate, without `WHERE`. */
  where?: string;
  /** The whole CREATE INDEX statement, unqualified: what recreates it. */
  definition?: string;
}

export interface DatabaseForeignKey {
  /** Constraint name (PostgreSQL); SQLite foreign keys have none, so a key is derived. */
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}

/** A CHECK or exclusion constraint. */
export interface DatabaseConstraint {
  name: string;
  kind: 'check' | 'exclusion';
  /** `CHECK (...)` or `EXCLUDE USING gist (...)`, as pg_get_constraintdef or SQLite's table sql spells it. */
  definition: string;
}

export interface DatabaseTrigger {
  name: string;
  /** The whole CREATE TRIGGER statement, unqualified. */
  definition: string;
}

/** A row-level-security policy (PostgreSQL). */
export interface DatabasePolicy {
  name: string;
  permissive: boolean;
  /** ALL, SELECT, INSERT, UPDATE or DELETE. */
  command: string;
  roles: string[];
  using: string | null;
  withCheck: string | null;
}

export interface DatabaseTable {
  name: string;
  columns: DatabaseColumn[];
  primaryKey: string[];
  /** The primary key constraint's name (PostgreSQL), for remediation SQL. */
  primaryKeyName?: string;
  /** Secondary indexes, unique ones included (Prisma creates unique constraints as unique indexes). */
  indexes: DatabaseIndex[];
  foreignKeys: DatabaseForeignKey[];
  /** CHECK and exclusion constraints. */
  constraints?: DatabaseConstraint[];
  triggers?: DatabaseTrigger[];
  /** Row-level security (PostgreSQL): enabled, and forced for the table's owner. */
  rowLevelSecurity?: { enabled: boolean; forced: boolean };
  policies?: DatabasePolicy[];
  /** SQLite: the table's CREATE TABLE statement, which a rebuild recreates. */
  sql?: string;
}

export interface DatabaseEnum {
  name: string;
  values: string[];
}

export interface DatabaseView {
  name: string;
  materialized: boolean;
  /** The SELECT as pg_get_viewdef deparses it (PostgreSQL) or SQLite stored it after `AS`. */
  definition: string;
}

export interface DatabaseFunction {
  /** Name and identity arguments: `nanoid(size integer)`, so overloads are distinct. */
  name: string;
  /** The whole CREATE OR REPLACE FUNCTION statement, unqualified. */
  definition: string;
}

export interface DatabaseSequence {
  name: string;
  type: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
}

export interface DatabaseSchema {
  provider: DatabaseProvider;
  tables: DatabaseTable[];
  enums: DatabaseEnum[];
  views?: DatabaseView[];
  functions?: DatabaseFunction[];
  sequences?: DatabaseSequence[];
  /** Extensions installed in the schema (PostgreSQL), by name; versions are the server's business. */
  extensions?: string[];
  /** Every extension of the database, whatever its schema: one installed elsewhere is not missing. */
  installedExtensions?: string[];
}

/** Prisma's bookkeeping table: part of the migration history, never of the structure. */
export const MIGRATIONS_TABLE = '_prisma_migrations';
