/**
 * The structure of a live database, lowered to one comparable model whatever the provider.
 * Both sides of a drift check (the environment's schema, replayed into a scratch database,
 * and the live database) are read by the same catalog queries into this model, so comparing
 * them is a pure function with no SQL dialect knowledge.
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
  columns: string[];
  unique: boolean;
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

export interface DatabaseTable {
  name: string;
  columns: DatabaseColumn[];
  primaryKey: string[];
  /** Secondary indexes, unique ones included (Prisma creates unique constraints as unique indexes). */
  indexes: DatabaseIndex[];
  foreignKeys: DatabaseForeignKey[];
}

export interface DatabaseEnum {
  name: string;
  values: string[];
}

export interface DatabaseSchema {
  provider: DatabaseProvider;
  tables: DatabaseTable[];
  enums: DatabaseEnum[];
}

/** Prisma's bookkeeping table: part of the migration history, never of the structure. */
export const MIGRATIONS_TABLE = '_prisma_migrations';
