import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { DatabaseUrlError, redactSecrets, redactUrl } from '../../src/engine/database-url.js';
import { parseDatabaseUrl } from '../../src/providers/location.js';

test('parses the three kinds of database URL', () => {
  assert.deepEqual(parseDatabaseUrl('postgresql://u:p@h:5432/db'), { kind: 'postgres-server', provider: 'postgresql', url: 'postgresql://u:p@h:5432/db' });
  assert.deepEqual(parseDatabaseUrl('file:./dev.db', '/project'), { kind: 'sqlite-file', provider: 'sqlite', file: path.resolve('/project/dev.db') });
  assert.deepEqual(parseDatabaseUrl('pglite:./pgdata', '/project'), { kind: 'pglite', provider: 'postgresql', dataDir: path.resolve('/project/pgdata') });
  assert.deepEqual(parseDatabaseUrl('pglite:memory'), { kind: 'pglite', provider: 'postgresql', dataDir: null });
  assert.throws(
    () => parseDatabaseUrl('mysql://root:hunter2@h/db'),
    (error: unknown) => error instanceof DatabaseUrlError && !error.message.includes('hunter2'),
  );
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

const urlShaped: Array<[string, string]> = [
  ['postgresql://u:pa@ss/w@db:5432/app', 'postgresql://u:***@db:5432/app'],
  ['postgresql:/u:pw@db/app', 'postgresql:/u:***@db/app'],
  ['postgresql:u:pw@db/app', 'postgresql:***@db/app'],
  ['u:pw@db/app', 'u:***@db/app'],
  ['(postgresql://u:p@h/db)', '(postgresql://u:***@h/db)'],
  ['"postgresql://u:p"x@h/db"', '"postgresql://u:***@h/db"'],
  ['sqlserver://h;user=sa;password=s3cret;db=x', 'sqlserver://h;user=sa;password=***;db=x'],
  ['host=h password=s3cret dbname=x', 'host=h password=*** dbname=x'],
  ['mailto:someone@example.com', 'mailto:***@example.com'],
];

for (const [text, expected] of urlShaped) {
  test(`masks the user info of the URL-shaped word ${expected}`, () => assert.equal(redactSecrets(text), expected));
}

const untouched = [
  'authentication failed for user "e"',
  'someone@example.com wrote',
  'at node_modules/@prisma/client/runtime.js:12:5',
  'C:\\Users\\me\\node_modules\\@prisma\\x.js:1:2',
  'a: b @ c',
];

for (const text of untouched) {
  test(`leaves text that is not URL-shaped alone: ${text}`, () =>
    assert.equal(redactSecrets(text, ['postgresql://u:e@h/db', 'postgresql://u:fail@h/db']), text));
}

test('a short password is not masked as a substring of other words', () => {
  const url = 'postgresql://app:e@db/app';
  const message = `password authentication failed for user "app" at ${url}`;
  assert.equal(redactSecrets(message, [url]), 'password authentication failed for user "app" at postgresql://app:***@db/app');
});

test('a known URL whose password holds spaces is masked whole', () => {
  const url = 'postgresql://app:two words@db/app';
  assert.equal(redactSecrets(`cannot reach ${url} now`, [url]), 'cannot reach postgresql://app:***@db/app now');
});

test('redaction is linear: a megabyte word of colons and at-signs', () => {
  const text = 'a:'.repeat(250_000) + '@'.repeat(250_000) + ' x'.repeat(100_000);
  const started = performance.now();
  redactSecrets(text, ['postgresql://u:p@h/db']);
  assert.ok(performance.now() - started < 2_000);
});

test('malformed server URLs are bad input (exit 2) and never show the password', () => {
  for (const url of ['postgresql://u:p/w@h/db', 'postgresql://u:%zz@h/db', 'postgresql://u:pw@h:notaport/db', 'mysql://root:hunter2@h/db']) {
    assert.throws(
      () => parseDatabaseUrl(url),
      (error: unknown) =>
        error instanceof DatabaseUrlError && error.exitCode === 2 && !error.message.includes('hunter2') && !/p\/w|%zz|:pw@/.test(error.message),
      url,
    );
  }
});
