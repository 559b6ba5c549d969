/** SQLite: files (`file:` or `sqlite:` URLs), through libsql. */
import path from 'node:path';
import { DatabaseUrlError, redactUrl } from '../../engine/database-url.js';
import type { ProviderAdapter } from '../adapter.js';

export type SqliteLocation = { kind: 'sqlite-file'; provider: 'sqlite'; file: string };

export const sqlite = {
  id: 'sqlite',
  aliases: [],
  family: 'sqlite',
  capabilities: {
    provider: 'sqlite',
    scalarLists: false,
    enums: true,
    json: true,
    nativeTypes: new Set<string>(),
    nativeTypeEquivalents: {},
    indexTypes: new Set<string>(),
    indexOps: false,
    indexLength: false,
    clustered: false,
    fullTextIndex: false,
    extensions: false,
    multiSchema: false,
    namedPrimaryKeys: false,
    namedForeignKeys: false,
    autoincrementNonId: false,
    autoincrementInt: true,
    sequence: false,
    unsupportedTypes: true,
    previewFeatures: new Set<string>(),
    postgresSql: false,
    separateUrls: false,
    emulatedNoAction: false,
  },
  clientQueryFeatures: { insensitiveMode: false, skipDuplicates: false },
  onDeleteDefaults: { required: 'Restrict', optional: 'SetNull' },
  engine: {
    urlForms: ['file:<path> (SQLite)'],
    parseUrl(url: string, baseDir: string): SqliteLocation | undefined {
      if (!/^(file|sqlite):/i.test(url)) return undefined;
      const rest = url.replace(/^(file|sqlite):(\/\/)?/i, '').replace(/\?.*$/, '');
      if (rest === '') throw new DatabaseUrlError(`no file path in SQLite URL ${redactUrl(url)}`);
      return { kind: 'sqlite-file', provider: 'sqlite', file: path.resolve(baseDir, rest) };
    },
    describe(location: SqliteLocation): string {
      return `file:${location.file}`;
    },
    replayInTransaction: false,
    planInWorker: false,
  },
} as const satisfies ProviderAdapter<'sqlite'>;
