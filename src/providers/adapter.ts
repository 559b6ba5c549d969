/**
 * What one provider adapter holds. An adapter is pure data and pure functions: it can be
 * imported by every command (generate and lint run from single-file bundles that load no
 * database driver). What needs a driver (opening a connection, a scratch database, reading
 * the catalog) is the provider's `driver.ts`, registered in `drivers.ts`, and exists only for
 * providers whose adapter has `engine`.
 */
import type { Provider } from './provider.js';

/** The SQL a provider speaks (lint fixes write migration SQL in it), or `document` (MongoDB). */
export type ProviderFamily = 'postgresql' | 'sqlite' | 'mysql' | 'sqlserver' | 'document';

/** What a provider can express in a Prisma schema; environment generation and lint are driven by it. */
export interface ProviderCapabilities {
  provider: Provider;
  /** `String[]`, `Int[]`, enum lists. */
  scalarLists: boolean;
  enums: boolean;
  json: boolean;
  /** Native types (`@db.X`) the provider accepts. */
  nativeTypes: ReadonlySet<string>;
  /** Native types of a PostgreSQL master this provider has an equivalent for (`Text` -> `String` on CockroachDB). */
  nativeTypeEquivalents: Readonly<Record<string, string>>;
  /** `@@index(type: Gin | Gist | Hash | SpGist | Brin | BTree)`: accepted values. */
  indexTypes: ReadonlySet<string>;
  /** Operator classes in index fields: `field(ops: JsonbPathOps)`. */
  indexOps: boolean;
  /** Prefix length in index fields: `field(length: 10)`. */
  indexLength: boolean;
  /** `clustered:` on ids and indexes. */
  clustered: boolean;
  /** `@@fulltext`. */
  fullTextIndex: boolean;
  /** `extensions = [...]` in the datasource (and a scratch database that loads them). */
  extensions: boolean;
  /** `schemas = [...]` in the datasource and `@@schema`. */
  multiSchema: boolean;
  /** Database names for primary keys (`@id(map:)`, `@@id(map:)`). */
  namedPrimaryKeys: boolean;
  /** Database names for foreign keys (`@relation(map:)`). */
  namedForeignKeys: boolean;
  /** `autoincrement()` on fields other than the id. */
  autoincrementNonId: boolean;
  /** `autoincrement()` on Int fields (CockroachDB allows it only on BigInt). */
  autoincrementInt: boolean;
  /** `sequence()` (CockroachDB). */
  sequence: boolean;
  /** Unsupported("...") database types carried over from the master. */
  unsupportedTypes: boolean;
  /** Preview features that only make sense on this provider family. */
  previewFeatures: ReadonlySet<string>;
  /** Whether `dbgenerated()` SQL written for PostgreSQL runs here. */
  postgresSql: boolean;
  /** `directUrl` and `shadowDatabaseUrl` in a Prisma 5/6 datasource (a SQLite file needs neither). */
  separateUrls: boolean;
  /** With `relationMode = "prisma"`, `NoAction` is emulated (elsewhere `Restrict` is its equivalent). */
  emulatedNoAction: boolean;
}

/** Prisma Client query options that depend on the provider (the audit checks code against them). */
export interface ClientQueryFeatures {
  /** `mode: 'insensitive'` in string filters. */
  insensitiveMode: boolean;
  /** `createMany({ skipDuplicates: true })`. */
  skipDuplicates: boolean;
}

/** Prisma's default `onDelete` when a relation states none. */
export interface OnDeleteDefaults {
  required: string;
  optional: string;
}

/** A parsed database URL: which provider, which kind of database, where. */
export interface LocationBase {
  provider: Provider;
  kind: string;
}

/**
 * The pure half of what steward needs to connect: which URLs name a database of this provider
 * and how to show one without its password. Present exactly when the provider has a driver
 * (`drivers.ts`): the wasm schema engine and steward's drivers speak it.
 */
export interface EngineSupport<L extends LocationBase = LocationBase> {
  /** The URL forms, as error messages show them (`postgresql://...`). */
  urlForms: readonly string[];
  /** The location a URL names, or undefined when the URL is not one of this provider's forms. Throws DatabaseUrlError on a malformed one. */
  parseUrl(url: string, baseDir: string): L | undefined;
  /** A short, password-free label. */
  describe(location: L): string;
  /** Replaying a migration script without its own transaction control in one transaction is safe and faster. */
  replayInTransaction: boolean;
  /** Its scratch database is CPU-bound wasm (PGlite): with a spare core, `migrate create` plans it in a worker thread. */
  planInWorker: boolean;
}

export interface ProviderAdapter<Id extends Provider = Provider> {
  id: Id;
  /** Other names Prisma accepts for it in a datasource (`postgres`). */
  aliases: readonly string[];
  family: ProviderFamily;
  capabilities: ProviderCapabilities & { provider: Id };
  clientQueryFeatures: ClientQueryFeatures;
  /** Unknown for providers without foreign keys. */
  onDeleteDefaults?: OnDeleteDefaults;
  // biome-ignore lint/suspicious/noExplicitAny: each adapter narrows it to its own location type
  engine?: EngineSupport<any>;
}
