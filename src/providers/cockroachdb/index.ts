/** CockroachDB: generated and linted; steward has no driver for it (no connection, scratch or catalog reader). */
import type { ProviderAdapter } from '../adapter.js';

const NATIVE_TYPES = [
  'Bit',
  'Bool',
  'Bytes',
  'Char',
  'CatalogSingleChar',
  'Date',
  'Decimal',
  'Float4',
  'Float8',
  'Inet',
  'Int2',
  'Int4',
  'Int8',
  'JsonB',
  'Oid',
  'String',
  'Time',
  'Timestamp',
  'Timestamptz',
  'Timetz',
  'Uuid',
  'VarBit',
];

/**
 * PostgreSQL native types and their CockroachDB equivalents, so a PostgreSQL master keeps its
 * constraints on CockroachDB instead of losing them.
 */
export const POSTGRES_TO_COCKROACH: Readonly<Record<string, string>> = {
  VarChar: 'String',
  Text: 'String',
  Citext: 'String',
  Xml: 'String',
  Integer: 'Int4',
  SmallInt: 'Int2',
  BigInt: 'Int8',
  Real: 'Float4',
  DoublePrecision: 'Float8',
  ByteA: 'Bytes',
  Boolean: 'Bool',
  Json: 'JsonB',
  Money: 'Decimal',
};

export const cockroachdb = {
  id: 'cockroachdb',
  aliases: [],
  family: 'postgresql',
  capabilities: {
    provider: 'cockroachdb',
    scalarLists: true,
    enums: true,
    json: true,
    nativeTypes: new Set(NATIVE_TYPES),
    nativeTypeEquivalents: POSTGRES_TO_COCKROACH,
    indexTypes: new Set(['BTree', 'Gin']),
    indexOps: true,
    indexLength: false,
    clustered: false,
    fullTextIndex: false,
    extensions: false,
    multiSchema: true,
    namedPrimaryKeys: true,
    namedForeignKeys: true,
    autoincrementNonId: true,
    autoincrementInt: false,
    sequence: true,
    unsupportedTypes: true,
    previewFeatures: new Set<string>(),
    postgresSql: true,
    separateUrls: true,
    emulatedNoAction: false,
  },
  clientQueryFeatures: { insensitiveMode: true, skipDuplicates: true },
  onDeleteDefaults: { required: 'Restrict', optional: 'SetNull' },
} as const satisfies ProviderAdapter<'cockroachdb'>;
