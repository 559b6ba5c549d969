/** MySQL: generated and linted; steward has no driver for it (no connection, scratch or catalog reader). */
import type { ProviderAdapter } from '../adapter.js';

const NATIVE_TYPES = [
  'VarChar', 'Text', 'Char', 'TinyText', 'MediumText', 'LongText', 'Bit', 'Binary', 'VarBinary', 'TinyBlob', 'Blob', 'MediumBlob',
  'LongBlob', 'Int', 'UnsignedInt', 'SmallInt', 'UnsignedSmallInt', 'MediumInt', 'UnsignedMediumInt', 'TinyInt', 'UnsignedTinyInt',
  'BigInt', 'UnsignedBigInt', 'Decimal', 'Double', 'Float', 'DateTime', 'Timestamp', 'Date', 'Time', 'Year', 'Json',
];

export const mysql = {
  id: 'mysql',
  aliases: [],
  family: 'mysql',
  capabilities: {
    provider: 'mysql', scalarLists: false, enums: true, json: true, nativeTypes: new Set(NATIVE_TYPES), nativeTypeEquivalents: {},
    indexTypes: new Set(['BTree', 'Hash']), indexOps: false, indexLength: true, clustered: false, fullTextIndex: true, extensions: false,
    multiSchema: true, namedPrimaryKeys: false, namedForeignKeys: true, autoincrementNonId: true, autoincrementInt: true, sequence: false,
    unsupportedTypes: true, previewFeatures: new Set(['fullTextSearchMysql']), postgresSql: false, separateUrls: true, emulatedNoAction: true,
  },
  clientQueryFeatures: { insensitiveMode: false, skipDuplicates: true },
  onDeleteDefaults: { required: 'Restrict', optional: 'SetNull' },
} as const satisfies ProviderAdapter<'mysql'>;
