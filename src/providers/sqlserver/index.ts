/** SQL Server: generated and linted; steward has no driver for it (no connection, scratch or catalog reader). */
import type { ProviderAdapter } from '../adapter.js';

const NATIVE_TYPES = [
  'Char', 'NChar', 'VarChar', 'NVarChar', 'Text', 'NText', 'Xml', 'UniqueIdentifier', 'Bit', 'TinyInt', 'SmallInt', 'Int', 'BigInt',
  'Decimal', 'Money', 'SmallMoney', 'Float', 'Real', 'Date', 'Time', 'DateTime', 'DateTime2', 'SmallDateTime', 'DateTimeOffset',
  'Binary', 'VarBinary', 'Image',
];

export const sqlserver = {
  id: 'sqlserver',
  aliases: [],
  family: 'sqlserver',
  capabilities: {
    provider: 'sqlserver', scalarLists: false, enums: false, json: false, nativeTypes: new Set(NATIVE_TYPES), nativeTypeEquivalents: {},
    indexTypes: new Set<string>(), indexOps: false, indexLength: false, clustered: true, fullTextIndex: false, extensions: false, multiSchema: true,
    namedPrimaryKeys: true, namedForeignKeys: true, autoincrementNonId: true, autoincrementInt: true, sequence: false, unsupportedTypes: true,
    previewFeatures: new Set<string>(), postgresSql: false, separateUrls: true, emulatedNoAction: true,
  },
  clientQueryFeatures: { insensitiveMode: false, skipDuplicates: false },
  onDeleteDefaults: { required: 'NoAction', optional: 'SetNull' },
} as const satisfies ProviderAdapter<'sqlserver'>;
