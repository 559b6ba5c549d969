/**
 * What each database provider can express in a Prisma schema. Environment generation is
 * driven by this table: a construct the target provider lacks is converted or removed,
 * and every such change is reported.
 *
 * Facts were checked against Prisma's own validator (@prisma/prisma-schema-wasm).
 */

export const PROVIDERS = ['postgresql', 'cockroachdb', 'sqlite', 'mysql', 'sqlserver', 'mongodb'] as const;
export type Provider = (typeof PROVIDERS)[number];

export function isProvider(value: string): value is Provider {
  return (PROVIDERS as readonly string[]).includes(value);
}

/** Prisma accepts `postgres` as an alias of `postgresql`. */
export function normalizeProvider(value: string | undefined): string | undefined {
  return value === 'postgres' ? 'postgresql' : value;
}

export interface ProviderCapabilities {
  provider: Provider;
  /** `String[]`, `Int[]`, enum lists. */
  scalarLists: boolean;
  enums: boolean;
  json: boolean;
  /** Native types (`@db.X`) the provider accepts. */
  nativeTypes: ReadonlySet<string>;
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
  /** `extensions = [...]` in the datasource. */
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
}

const POSTGRES_NATIVE = [
  'Text', 'VarChar', 'Char', 'Bit', 'VarBit', 'Uuid', 'Xml', 'Inet', 'Citext', 'Boolean', 'Integer', 'SmallInt', 'Oid',
  'BigInt', 'DoublePrecision', 'Real', 'Decimal', 'Money', 'Timestamp', 'Timestamptz', 'Date', 'Time', 'Timetz', 'Json', 'JsonB', 'ByteA',
];
const COCKROACH_NATIVE = [
  'Bit', 'Bool', 'Bytes', 'Char', 'CatalogSingleChar', 'Date', 'Decimal', 'Float4', 'Float8', 'Inet', 'Int2', 'Int4', 'Int8', 'JsonB',
  'Oid', 'String', 'Time', 'Timestamp', 'Timestamptz', 'Timetz', 'Uuid', 'VarBit',
];
const MYSQL_NATIVE = [
  'VarChar', 'Text', 'Char', 'TinyText', 'MediumText', 'LongText', 'Bit', 'Binary', 'VarBinary', 'TinyBlob', 'Blob', 'MediumBlob',
  'LongBlob', 'Int', 'UnsignedInt', 'SmallInt', 'UnsignedSmallInt', 'MediumInt', 'UnsignedMediumInt', 'TinyInt', 'UnsignedTinyInt',
  'BigInt', 'UnsignedBigInt', 'Decimal', 'Double', 'Float', 'DateTime', 'Timestamp', 'Date', 'Time', 'Year', 'Json',
];
const SQLSERVER_NATIVE = [
  'Char', 'NChar', 'VarChar', 'NVarChar', 'Text', 'NText', 'Xml', 'UniqueIdentifier', 'Bit', 'TinyInt', 'SmallInt', 'Int', 'BigInt',
  'Decimal', 'Money', 'SmallMoney', 'Float', 'Real', 'Date', 'Time', 'DateTime', 'DateTime2', 'SmallDateTime', 'DateTimeOffset',
  'Binary', 'VarBinary', 'Image',
];
const MONGO_NATIVE = ['String', 'Double', 'Long', 'Int', 'BinData', 'ObjectId', 'Bool', 'Date', 'Timestamp', 'Json', 'Decimal'];

const none = new Set<string>();

export const CAPABILITIES: Record<Provider, ProviderCapabilities> = {
  postgresql: {
    provider: 'postgresql', scalarLists: true, enums: true, json: true, nativeTypes: new Set(POSTGRES_NATIVE),
    indexTypes: new Set(['BTree', 'Hash', 'Gist', 'Gin', 'SpGist', 'Brin']), indexOps: true, indexLength: false, clustered: false,
    fullTextIndex: false, extensions: true, multiSchema: true, namedPrimaryKeys: true, namedForeignKeys: true, autoincrementNonId: true,
    autoincrementInt: true, sequence: false, unsupportedTypes: true, previewFeatures: new Set(['postgresqlExtensions', 'fullTextSearchPostgres']),
    postgresSql: true,
  },
  cockroachdb: {
    provider: 'cockroachdb', scalarLists: true, enums: true, json: true, nativeTypes: new Set(COCKROACH_NATIVE),
    indexTypes: new Set(['BTree', 'Gin']), indexOps: true, indexLength: false, clustered: false, fullTextIndex: false, extensions: false,
    multiSchema: true, namedPrimaryKeys: true, namedForeignKeys: true, autoincrementNonId: true, autoincrementInt: false, sequence: true,
    unsupportedTypes: true, previewFeatures: none, postgresSql: true,
  },
  sqlite: {
    provider: 'sqlite', scalarLists: false, enums: true, json: true, nativeTypes: none, indexTypes: none, indexOps: false, indexLength: false,
    clustered: false, fullTextIndex: false, extensions: false, multiSchema: false, namedPrimaryKeys: false, namedForeignKeys: false,
    autoincrementNonId: false, autoincrementInt: true, sequence: false, unsupportedTypes: true, previewFeatures: none, postgresSql: false,
  },
  mysql: {
    provider: 'mysql', scalarLists: false, enums: true, json: true, nativeTypes: new Set(MYSQL_NATIVE), indexTypes: new Set(['BTree', 'Hash']),
    indexOps: false, indexLength: true, clustered: false, fullTextIndex: true, extensions: false, multiSchema: true, namedPrimaryKeys: false,
    namedForeignKeys: true, autoincrementNonId: true, autoincrementInt: true, sequence: false, unsupportedTypes: true, previewFeatures: new Set(['fullTextSearchMysql']),
    postgresSql: false,
  },
  sqlserver: {
    provider: 'sqlserver', scalarLists: false, enums: false, json: false, nativeTypes: new Set(SQLSERVER_NATIVE), indexTypes: none,
    indexOps: false, indexLength: false, clustered: true, fullTextIndex: false, extensions: false, multiSchema: true, namedPrimaryKeys: true,
    namedForeignKeys: true, autoincrementNonId: true, autoincrementInt: true, sequence: false, unsupportedTypes: true, previewFeatures: none,
    postgresSql: false,
  },
  mongodb: {
    provider: 'mongodb', scalarLists: true, enums: true, json: true, nativeTypes: new Set(MONGO_NATIVE), indexTypes: none, indexOps: false,
    indexLength: false, clustered: false, fullTextIndex: true, extensions: false, multiSchema: false, namedPrimaryKeys: false,
    namedForeignKeys: false, autoincrementNonId: false, autoincrementInt: false, sequence: false, unsupportedTypes: true, previewFeatures: none,
    postgresSql: false,
  },
};

/**
 * PostgreSQL native types and their CockroachDB equivalents, so a PostgreSQL master keeps its
 * constraints on CockroachDB instead of losing them.
 */
export const POSTGRES_TO_COCKROACH: Record<string, string> = {
  VarChar: 'String', Text: 'String', Citext: 'String', Xml: 'String', Integer: 'Int4', SmallInt: 'Int2', BigInt: 'Int8',
  Real: 'Float4', DoublePrecision: 'Float8', ByteA: 'Bytes', Boolean: 'Bool', Json: 'JsonB', Money: 'Decimal',
};

/**
 * Native types whose removal loses nothing on a provider without native types: the scalar's
 * default storage is the same (SQLite keeps String as TEXT, Int as INTEGER, Bytes as BLOB...).
 */
export const LOSSLESS_NATIVE_TYPES = new Set(['Text', 'Integer', 'BigInt', 'Int4', 'Int8', 'Boolean', 'Bool', 'DoublePrecision', 'Float8', 'ByteA', 'Bytes', 'Json', 'String', 'Int', 'Double', 'LongText']);

/** What a native type guarantees, in words, for the report when it is dropped. */
export function nativeTypeMeaning(name: string, args: string[]): string {
  const n = args.join(', ');
  switch (name) {
    case 'VarChar':
    case 'Char':
    case 'String':
    case 'NVarChar':
      return args.length > 0 ? `its length limit (${n} characters) is not enforced` : 'its character type is not enforced';
    case 'Decimal':
      return args.length > 0 ? `its precision and scale (${n}) are not enforced` : 'its decimal precision is not enforced';
    case 'Uuid':
    case 'UniqueIdentifier':
      return 'values are stored as text with no UUID format check';
    case 'Timestamptz':
    case 'Timetz':
      return 'the time zone is not stored (values are kept as UTC)';
    case 'Timestamp':
    case 'Time':
      return args.length > 0 ? `its fractional-second precision (${n}) is not enforced` : 'its time precision is not enforced';
    case 'Date':
      return 'the time part is no longer truncated by the database';
    case 'SmallInt':
    case 'Int2':
    case 'TinyInt':
      return 'its small integer range is not enforced';
    case 'JsonB':
    case 'Json':
      return 'JSON is stored as text, without binary JSON indexing or operators';
    case 'Inet':
      return 'values are stored as text with no IP address check';
    case 'Citext':
      return 'comparisons become case-sensitive';
    case 'Money':
      return 'values are stored without the money type';
    case 'Real':
    case 'Float4':
      return 'single precision becomes double precision';
    default:
      return `the database type ${name}${args.length ? `(${n})` : ''} is not kept`;
  }
}
