import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { migrationsListOf, type MigrationScript } from '../../src/engine/migrations-list.js';
import { SqliteConnection } from '../../src/engine/sqlite-connection.js';
import { deployDatabase } from '../../src/migrate/deploy.js';
import { versionSkew } from '../../src/migrate/version-skew.js';
import { run, tempProject } from '../helpers/project.js';

const HISTORY: MigrationScript[] = [
  { name: '20250101000000_init', script: 'CREATE TABLE "author" (\n    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n    "name" TEXT NOT NULL\n);\n' },
  { name: '20250102000000_books', script: 'CREATE TABLE "book" (\n    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n    "title" TEXT NOT NULL\n);\n' },
  { name: '20250103000000_tags', script: 'CREATE TABLE "tag" (\n    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n    "label" TEXT NOT NULL\n);\n' },
];
const MASTER = `datasource db {
  provider = "sqlite"
}

model Author {
  id   Int    @id @default(autoincrement())
  name String

  @@map("author")
}

model Book {
  id    Int    @id @default(autoincrement())
  title String

  @@map("book")
}

model Tag {
  id    Int    @id @default(autoincrement())
  label String

  @@map("tag")
}
`;
const PASSWORD = 'Fl33t-S3cret-pw';
const PG_URL = `postgresql://tenant:${PASSWORD}@127.0.0.1:1/tenant_a`;

let dir = '';
const migrationsDir = () => path.join(dir, 'prisma/migrations/tenants');
const listOf = (count: number, broken = false) =>
  migrationsListOf(
    migrationsDir(),
    HISTORY.slice(0, count).map((m, i) => (broken && i === count - 1 ? { ...m, script: 'CREATE TABLE "book" (oops;\n' } : m)),
    'provider = "sqlite"\n',
  );

before(async () => {
  const files: Record<string, string> = {
    'steward.config.json': JSON.stringify({
      master: 'prisma/schema.prisma',
      environments: {
        tenants: { provider: 'sqlite', prismaConfig: false },
        regions: { provider: 'postgresql', prismaConfig: false, fleet: 'regions.txt' },
      },
    }),
    'prisma/schema.prisma': MASTER,
    'prisma/migrations/tenants/migration_lock.toml': 'provider = "sqlite"\n',
    'regions.txt': `# one unreachable server, a password in its URL\n${PG_URL}\n`,
    // a: latest; b: first migration only; c: the second failed; d: a database without _prisma_migrations; e: no file.
    'tenants.txt': ['file:./db/a.db', 'file:./db/b.db', 'file:./db/c.db', 'file:./db/d.db', 'file:./db/missing.db'].join('\n') + '\n',
  };
  for (const m of HISTORY) files[`prisma/migrations/tenants/${m.name}/migration.sql`] = m.script;
  dir = tempProject(files);
  const url = (name: string) => `file:./db/${name}.db`;
  mkdirSync(path.join(dir, 'db'));
  assert.equal((await deployDatabase(listOf(3), url('a'), { cwd: dir })).status, 'applied');
  assert.equal((await deployDatabase(listOf(1), url('b'), { cwd: dir })).status, 'applied');
  const c = await deployDatabase(listOf(2, true), url('c'), { cwd: dir });
  assert.equal(c.status, 'failed');
  assert.equal(c.failedMigration, '20250102000000_books');
  const d = await SqliteConnection.open(path.join(dir, 'db/d.db'));
  await d.executeScript('CREATE TABLE "author" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "name" TEXT NOT NULL)');
  await d.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("db drift over a SQLite fleet: each database's migration state and the fleet's version skew, in JSON", async () => {
  const result = await run(dir, 'db', 'drift', '--env', 'tenants', '--urls-file', 'tenants.txt', '--format', 'json');
  assert.equal(result.code, 3, result.stderr); // the missing file is unreachable
  const report = JSON.parse(result.stdout).data;
  const byName = Object.fromEntries(report.databases.map((d: { database: string }) => [path.basename(d.database), d]));
  assert.deepEqual(Object.keys(byName), ['a.db', 'b.db', 'c.db', 'd.db', 'missing.db']);
  assert.equal(byName['a.db'].status, 'clean');
  assert.deepEqual(pick(byName['a.db'].migrations), {
    hasMigrationsTable: true,
    lastApplied: '20250103000000_tags',
    latest: '20250103000000_tags',
    applied: 3,
    pending: 0,
    failed: [],
    rolledBack: [],
  });
  assert.equal(byName['b.db'].status, 'drift');
  assert.deepEqual(pick(byName['b.db'].migrations), {
    hasMigrationsTable: true,
    lastApplied: '20250101000000_init',
    latest: '20250103000000_tags',
    applied: 1,
    pending: 2,
    failed: [],
    rolledBack: [],
  });
  assert.deepEqual(pick(byName['c.db'].migrations), {
    hasMigrationsTable: true,
    lastApplied: '20250101000000_init',
    latest: '20250103000000_tags',
    applied: 1,
    pending: 2,
    failed: ['20250102000000_books'],
    rolledBack: [],
  });
  assert.deepEqual(pick(byName['d.db'].migrations), {
    hasMigrationsTable: false,
    lastApplied: null,
    latest: '20250103000000_tags',
    applied: 0,
    pending: 3,
    failed: [],
    rolledBack: [],
  });
  assert.equal(byName['missing.db'].status, 'unreachable');
  assert.equal(byName['missing.db'].migrations, null);
  assert.deepEqual(report.skew, {
    latest: '20250103000000_tags',
    databases: 5,
    atLatest: 1,
    behind: 2,
    behindPending: [2, 3],
    failed: 1,
    unknown: 1,
    noHistory: 1,
    versions: [
      { migration: '20250103000000_tags', databases: 1, pending: 0 },
      { migration: '20250101000000_init', databases: 2, pending: 2 },
      { migration: null, databases: 1, pending: 3 },
    ],
  });
  assert.equal(report.summary.databases, 5); // the existing fields stay
});

test('db drift text ends with the skew; one database shows its migrations; markdown has the column', async () => {
  const text = await run(dir, 'db', 'drift', '--env', 'tenants', '--urls-file', 'tenants.txt');
  assert.equal(text.code, 3);
  assert.match(text.stdout, /database\s+status\s+findings\s+migrations\s+time/);
  assert.match(text.stdout, /c\.db\s+\S+\s+\d+\s+at 20250101000000_init, 2 pending, failed 20250102000000_books/);
  assert.match(text.stdout, /d\.db\s+\S+\s+\d+\s+no migration history, 3 pending/);
  const lastLine = text.stdout.trim().split('\n').at(-1)!;
  assert.equal(
    lastLine,
    '3 versions in the fleet (latest: 20250103000000_tags): 1 at 20250103000000_tags, 2 at 20250101000000_init (2 pending), 1 at no migration (3 pending); 1 with a failed migration; 1 with no migration history; 1 not read',
  );
  const one = await run(dir, 'db', 'drift', '--env', 'tenants', '--url', 'file:./db/b.db');
  assert.equal(one.code, 1);
  assert.match(one.stdout, /b\.db: migrations at 20250101000000_init, 2 pending \(latest: 20250103000000_tags\)/);
  assert.doesNotMatch(one.stdout, /versions in the fleet/);
  const markdown = await run(dir, 'db', 'drift', '--env', 'tenants', '--urls-file', 'tenants.txt', '--format', 'markdown');
  assert.match(markdown.stdout, /\| Migrations \|/);
  assert.match(markdown.stdout, /\| [^|]*\/a\.db \| clean \| 0 \| 0 \| at 20250103000000_tags \|/);
  assert.match(markdown.stdout, /3 versions in the fleet/);
});

test('db drift reads without writing: the files are byte-identical afterwards', async () => {
  const before = ['a', 'b', 'c', 'd'].map((name) => readFileSync(path.join(dir, `db/${name}.db`)));
  await run(dir, 'db', 'drift', '--env', 'tenants', '--urls-file', 'tenants.txt', '--format', 'json');
  const afterRead = ['a', 'b', 'c', 'd'].map((name) => readFileSync(path.join(dir, `db/${name}.db`)));
  assert.deepEqual(afterRead, before);
});

test('steward status: the skew of each configured or given fleet; offline without one; no password printed', async () => {
  const json = await run(dir, 'status', '--urls-file', 'tenants.txt', '--env', 'tenants', '--format', 'json');
  assert.equal(json.code, 0, json.stderr);
  const status = JSON.parse(json.stdout);
  const [tenants, regions] = status.data.fleets.map((f: { available: boolean; value: unknown }) => f.value);
  assert.equal(tenants.env, 'tenants');
  assert.equal(tenants.file, 'tenants.txt');
  assert.deepEqual(
    {
      databases: tenants.skew.databases,
      atLatest: tenants.skew.atLatest,
      behind: tenants.skew.behind,
      failed: tenants.skew.failed,
      unknown: tenants.skew.unknown,
    },
    { databases: 5, atLatest: 1, behind: 2, failed: 1, unknown: 1 },
  );
  assert.deepEqual(
    tenants.notRead.map((d: { database: string; state: string }) => [path.basename(d.database), d.state]),
    [['missing.db', 'unreachable']],
  );
  assert.equal(regions.env, 'regions');
  assert.deepEqual(
    regions.notRead.map((d: { state: string }) => d.state),
    ['unreachable'],
  );
  assert.match(regions.notRead[0].database, /tenant:\*\*\*@127\.0\.0\.1:1/);

  const text = await run(dir, 'status', '--urls-file', 'tenants.txt', '--env', 'tenants');
  assert.match(text.stdout, /Fleets\n {2}tenants +5 databases \(tenants\.txt\), 1 at latest, 2 behind \(2, 3 pending\), 1 failed, 1 unreachable/);
  assert.match(text.stdout, /regions +1 database \(regions\.txt\), 0 at latest, 1 unreachable/);

  // The fleet drift of the PostgreSQL environment: unreachable, exit 3, listed without its password.
  const drift = await run(dir, 'db', 'drift', '--env', 'regions', '--urls-file', 'regions.txt', '--timeout', '2000');
  assert.equal(drift.code, 3);
  const driftJson = await run(dir, 'db', 'drift', '--env', 'regions', '--urls-file', 'regions.txt', '--timeout', '2000', '--format', 'json');
  assert.equal(JSON.parse(driftJson.stdout).data.skew.unknown, 1);
  for (const output of [json, text, drift, driftJson]) assert.ok(!(output.stdout + output.stderr).includes(PASSWORD), 'password printed');
});

test('status stays offline without a fleet; a fleet file that cannot be read is a figure not available', async () => {
  const offline = tempProject({
    'steward.config.json': JSON.stringify({ master: 'prisma/schema.prisma', environments: { tenants: { provider: 'sqlite', prismaConfig: false } } }),
    'prisma/schema.prisma': MASTER,
  });
  try {
    const status = JSON.parse((await run(offline, 'status', '--format', 'json')).stdout);
    assert.equal(status.data.fleets, undefined);
    const missing = await run(offline, 'status', '--urls-file', 'nowhere.txt', '--format', 'json');
    assert.equal(missing.code, 0);
    assert.deepEqual(JSON.parse(missing.stdout).data.fleets, [{ available: false, reason: 'tenants: Cannot read the fleet file of tenants nowhere.txt' }]);
  } finally {
    rmSync(offline, { recursive: true, force: true });
  }
});

test('environments.<env>.fleet must be a string (CONFIG_INVALID)', async () => {
  const bad = tempProject({
    'steward.config.json': JSON.stringify({ master: 'prisma/schema.prisma', environments: { tenants: { provider: 'sqlite', fleet: 3 } } }),
    'prisma/schema.prisma': MASTER,
  });
  try {
    const result = await run(bad, 'status');
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(result.stderr, /environments\.tenants\.fleet/);
  } finally {
    rmSync(bad, { recursive: true, force: true });
  }
});

test('versionSkew counts pure positions: unknown for unread, newest version first', () => {
  const position = (lastApplied: string | null, pending: number, failed: string[] = []) => ({
    hasMigrationsTable: true,
    lastApplied,
    latest: 'm3',
    applied: 3 - pending,
    pending,
    failed,
    rolledBack: [],
    modified: [],
    missingLocally: [],
  });
  const skew = versionSkew('m3', [position('m1', 2), position('m3', 0), undefined, position('m2', 1), position('m1', 2, ['m2'])]);
  assert.deepEqual(skew.versions, [
    { migration: 'm3', databases: 1, pending: 0 },
    { migration: 'm2', databases: 1, pending: 1 },
    { migration: 'm1', databases: 2, pending: 2 },
  ]);
  assert.deepEqual([skew.atLatest, skew.behind, skew.failed, skew.unknown], [1, 2, 1, 1]);
});

function pick(position: Record<string, unknown> | null) {
  if (!position) return position;
  const { hasMigrationsTable, lastApplied, latest, applied, pending, failed, rolledBack } = position;
  return { hasMigrationsTable, lastApplied, latest, applied, pending, failed, rolledBack };
}
