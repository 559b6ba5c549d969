/** MongoDB: a document database; generated and linted, never converted to or from SQL providers. No driver. */
import type { ProviderAdapter } from '../adapter.js';

const NATIVE_TYPES = ['String', 'Double', 'Long', 'Int', 'BinData', 'ObjectId', 'Bool', 'Date', 'Timestamp', 'Json', 'Decimal'];

export const mongodb = {
  id: 'mongodb',
  aliases: [],
  family: 'document',
  capabilities: {
    provider: 'mongodb',
    scalarLists: true,
    enums: true,
    json: true,
    nativeTypes: new Set(NATIVE_TYPES),
    nativeTypeEquivalents: {},
    indexTypes: new Set<string>(),
    indexOps: false,
    indexLength: false,
    clustered: false,
    fullTextIndex: true,
    extensions: false,
    multiSchema: false,
    namedPrimaryKeys: false,
    namedForeignKeys: false,
    autoincrementNonId: false,
    autoincrementInt: false,
    sequence: false,
    unsupportedTypes: true,
    previewFeatures: new Set<string>(),
    postgresSql: false,
    separateUrls: true,
    emulatedNoAction: false,
  },
  clientQueryFeatures: { insensitiveMode: true, skipDuplicates: false },
} as const satisfies ProviderAdapter<'mongodb'>;
