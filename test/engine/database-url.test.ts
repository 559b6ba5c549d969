import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { DatabaseUrlError, parseDatabaseUrl, redactSecrets, redactUrl } from '../../src/engine/database-url.js';

test('parses the three kinds of database URL', () => {
  assert.deepEqual(parseDatabaseUrl('postgresql://u:p@h:5432/db'), { kind: 'postgres-server', provider: 'postgresql', url: 'postgresql://u:p@h:5432/db' });
  assert.deepEqual(parseDatabaseUrl('file:./dev.db', '/project'), { kind: 'sqlite-file', provider: 'sqlite', file: path.resolve('/project/dev.db') });
  assert.deepEqual(parseDatabaseUrl('pglite:./pgdata', '/project'), { kind: 'pglite', provider: 'postgresql', dataDir: path.resolve('/project/pgdata') });
  assert.deepEqual(parseDatabaseUrl('pglite:memory'), { kind: 'pglite', provider: 'postgresql', dataDir: null });
  assert.throws(() => parseDatabaseUrl('mysql://root:hunter2@h/db'), (error: unknown) => error instanceof DatabaseUrlError && !error.message.includes('hunter2'));
});

const redactions: Array<[string, string]> = [
  ['postgresql://app:s3cret@db.internal:5432/app', 'postgresql://app:***@db.internal:5432/app'],
  ['postgres://app@db/app', 'postgres://app@db/app'],
  ['postgresql://db/app?user=app&password=s3cret&sslmode=require', 'postgresql://db/app?user=app&password=***&sslmode=require'],
  ['file:./dev.db', 'file:./dev.db'],
];

for (const [url, expected] of redactions) {
  test(`redacts ${expected}`, () => assert.equal(redactUrl(url), expected));
}

test('redactSecrets removes raw and percent-decoded passwords from driver messages', () => {
  const url = 'postgresql://app:p%40ss@db/app';
  const message = `password authentication failed for "app" using p@ss at ${url}`;
  const redacted = redactSecrets(message, [url]);
  assert.ok(!redacted.includes('p@ss') && !redacted.includes('p%40ss'), redacted);
});
