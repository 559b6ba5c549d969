/** PostgreSQL: servers (`postgresql://`) and embedded PGlite data directories (`pglite:`). */
import path from 'node:path';
import { DatabaseUrlError, redactUrl } from '../../engine/database-url.js';
import type { ProviderAdapter } from '../adapter.js';

export type PostgresqlLocation =
  | { kind: 'postgres-server'; provider: 'postgresql'; url: string }
  | { kind: 'pglite'; provider: 'postgresql'; dataDir: string | null };

const NATIVE_TYPES = [
  'Text',
  'VarChar',
  'Char',
  'Bit',
  'VarBit',
  'Uuid',
  'Xml',
  'Inet',
  'Citext',
  'Boolean',
  'Integer',
  'SmallInt',
  'Oid',
  'BigInt',
  'DoublePrecision',
  'Real',
  'Decimal',
  'Money',
  'Timestamp',
  'Timestamptz',
  'Date',
  'Time',
  'Timetz',
  'Json',
  'JsonB',
  'ByteA',
];

const ENCODE_HINT = 'percent-encode special characters of the user and password (@ as %40, / as %2F, : as %3A, # as %23, % as %25)';

export const postgresql = {
  id: 'postgresql',
  aliases: ['postgres'],
  family: 'postgresql',
  capabilities: {
    provider: 'postgresql',
    scalarLists: true,
    enums: true,
    json: true,
    nativeTypes: new Set(NATIVE_TYPES),
    nativeTypeEquivalents: {},
    indexTypes: new Set(['BTree', 'Hash', 'Gist', 'Gin', 'SpGist', 'Brin']),
    indexOps: true,
    indexLength: false,
    clustered: false,
    fullTextIndex: false,
    extensions: true,
    multiSchema: true,
    namedPrimaryKeys: true,
    namedForeignKeys: true,
    autoincrementNonId: true,
    autoincrementInt: true,
    sequence: false,
    unsupportedTypes: true,
    previewFeatures: new Set(['postgresqlExtensions', 'fullTextSearchPostgres']),
    postgresSql: true,
    separateUrls: true,
    emulatedNoAction: false,
  },
  clientQueryFeatures: { insensitiveMode: true, skipDuplicates: true },
  onDeleteDefaults: { required: 'Restrict', optional: 'SetNull' },
  engine: {
    urlForms: ['postgresql://...', 'pglite:<data dir>'],
    parseUrl(url: string, baseDir: string): PostgresqlLocation | undefined {
      if (/^postgres(ql)?:\/\//i.test(url)) {
        checkServerUrl(url);
        return { kind: 'postgres-server', provider: 'postgresql', url };
      }
      if (/^pglite:/i.test(url)) {
        const rest = url.replace(/^pglite:(\/\/)?/i, '');
        if (rest === '' || rest === 'memory') return { kind: 'pglite', provider: 'postgresql', dataDir: null };
        return { kind: 'pglite', provider: 'postgresql', dataDir: path.resolve(baseDir, rest) };
      }
      return undefined;
    },
    describe(location: PostgresqlLocation): string {
      if (location.kind === 'postgres-server') return redactUrl(location.url);
      return location.dataDir === null ? 'pglite:memory' : `pglite:${location.dataDir}`;
    },
    // PGlite commits each statement otherwise: a 70-table history takes 0.8 s instead of 0.2 s.
    replayInTransaction: true,
    planInWorker: true,
  },
} as const satisfies ProviderAdapter<'postgresql'>;

/**
 * The PostgreSQL driver reads server URLs with the WHATWG URL parser and percent-decodes the
 * user and password: a URL either of them refuses is refused here, before any connection, so
 * it is bad input (exit 2) rather than an unreachable database.
 */
function checkServerUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseUrlError(`malformed database URL ${redactUrl(url)}`, ENCODE_HINT);
  }
  try {
    decodeURIComponent(parsed.username);
    decodeURIComponent(parsed.password);
  } catch {
    throw new DatabaseUrlError(`malformed percent-encoding in the user or password of ${redactUrl(url)}`, ENCODE_HINT);
  }
}
