import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { DatabaseConnection } from '../../src/engine/connection.js';
import { readMigrationsList } from '../../src/engine/migrations-list.js';
import { openDatabase } from '../../src/engine/open-database.js';
import { deployDatabase } from '../../src/migrate/deploy.js';
import { migrationStatus } from '../../src/migrate/migration-status.js';
import { startPostgresServer, SUPERUSER_PASSWORD, type PostgresServer } from '../helpers/postgres-server.js';

const HISTORY = [
  [
    '20250101000000_init',
    'CREATE TABLE "author" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL);\nCREATE TABLE "book" ("id" INTEGER NOT NULL PRIMARY KEY, "title" TEXT NOT NULL);\n',
  ],
  ['20250102000000_book_author', 'ALTER TABLE "book" ADD COLUMN "authorId" INTEGER;\nCREATE INDEX "book_authorId_idx" ON "book"("authorId");\n'],
  ['20250103000000_tags', 'CREATE TABLE "tag" ("id" INTEGER NOT NULL PRIMARY KEY, "label" TEXT NOT NULL);\n'],
] as const;

function history(dir: string, migrations: ReadonlyArray<readonly [string, string]>, provider: string): string {
  const migrationsDir = path.join(dir, 'migrations');
  mkdirSync(migrationsDir, { recursive: true });
  writeFileSync(path.join(migrationsDir, 'migration_lock.toml'), `provider = "${provider}"\n`);
  for (const [name, script] of migrations) {
    mkdirSync(path.join(migrationsDir, name), { recursive: true });
    writeFileSync(path.join(migrationsDir, name, 'migration.sql'), script);
  }
  return migrationsDir;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function rows(connection: DatabaseConnection) {
  return connection.query(
    'SELECT migration_name, checksum, started_at, finished_at, logs, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY started_at',
  );
}

let server: PostgresServer | null = null;
let skipReason = '';
before(async () => {
  server = await startPostgresServer((message) => (skipReason = message));
});
after(() => server?.stop());

for (const kind of ['sqlite', 'pglite', 'postgresql'] as const) {
  test(`${kind}: deploy from empty, then from the middle of the history; the bookkeeping is Prisma's`, async (t) => {
    if (kind === 'postgresql' && !server) return t.skip(skipReason);
    const dir = mkdtempSync(path.join(tmpdir(), 'steward-deploy-'));
    try {
      const provider = kind === 'sqlite' ? 'sqlite' : 'postgresql';
      const url =
        kind === 'sqlite'
          ? `file:${path.join(dir, 'app.db')}`
          : kind === 'pglite'
            ? `pglite:${path.join(dir, 'pgdata')}`
            : await server!.createDatabase('deploy_basic');
      // The first two migrations, as an earlier release had them.
      const firstTwo = await readMigrationsList(history(path.join(dir, 'v1'), HISTORY.slice(0, 2), provider));
      const first = await deployDatabase(firstTwo, url, { cwd: dir });
      assert.equal(first.status, 'applied', first.error);
      assert.deepEqual(first.applied, [HISTORY[0][0], HISTORY[1][0]]);
      assert.equal(first.lastApplied, HISTORY[1][0]);
      const full = await readMigrationsList(history(path.join(dir, 'v2'), HISTORY, provider));
      const dry = await deployDatabase(full, url, { cwd: dir, dryRun: true });
      assert.equal(dry.status, 'pending');
      assert.deepEqual(dry.pending, [HISTORY[2][0]]);
      const second = await deployDatabase(full, url, { cwd: dir });
      assert.equal(second.status, 'applied', second.error);
      assert.deepEqual(second.applied, [HISTORY[2][0]], 'only the pending migration runs');
      const third = await deployDatabase(full, url, { cwd: dir });
      assert.equal(third.status, 'up-to-date');
      assert.equal(third.lastApplied, HISTORY[2][0]);

      const connection = await openDatabase(url);
      try {
        const bookkeeping = await rows(connection);
        assert.deepEqual(
          bookkeeping.map((row) => row.migration_name),
          HISTORY.map(([name]) => name),
        );
        for (const [index, row] of bookkeeping.entries()) {
          assert.equal(row.checksum, sha256(HISTORY[index][1]), 'checksum: sha256 of migration.sql');
          assert.equal(Number(row.applied_steps_count), 1);
          assert.equal(row.logs, null);
          assert.equal(row.rolled_back_at, null);
          assert.ok(row.started_at && row.finished_at && new Date(String(row.finished_at)) >= new Date(String(row.started_at)));
        }
        await connection.query('SELECT count(*) AS n FROM "tag"'); // the last migration's table exists
      } finally {
        await connection.close();
      }
      // steward's read-only status (the same reading as Prisma's) agrees.
      const status = await migrationStatus(path.join(dir, 'v2', 'migrations'), url, { cwd: dir });
      assert.deepEqual(
        status.migrations.map((m) => m.state),
        ['applied', 'applied', 'applied'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // PGlite directories take the same path as servers (a pg-compatible adapter); one test of them is enough (each open starts PGlite).
  if (kind !== 'pglite')
    test(`${kind}: a failing migration is recorded as Prisma records it and stops that database`, async (t) => {
      if (kind === 'postgresql' && !server) return t.skip(skipReason);
      const dir = mkdtempSync(path.join(tmpdir(), 'steward-deploy-'));
      try {
        const provider = kind === 'sqlite' ? 'sqlite' : 'postgresql';
        const url = kind === 'sqlite' ? `file:${path.join(dir, 'app.db')}` : await server!.createDatabase('deploy_failing');
        const broken: Array<[string, string]> = [
          [HISTORY[0][0], HISTORY[0][1]],
          ['20250102000000_broken', 'CREATE TABLE "review" ("id" INTEGER NOT NULL PRIMARY KEY);\nINSERT INTO "nowhere" VALUES (1);\n'],
          [HISTORY[2][0], HISTORY[2][1]],
        ];
        const list = await readMigrationsList(history(dir, broken, provider));
        const result = await deployDatabase(list, url, { cwd: dir });
        assert.equal(result.status, 'failed');
        assert.equal(result.failedMigration, '20250102000000_broken');
        assert.deepEqual(result.applied, [HISTORY[0][0]]);
        assert.deepEqual(result.pending, ['20250102000000_broken', HISTORY[2][0]]);
        assert.match(result.error ?? '', /nowhere/);
        const connection = await openDatabase(url);
        try {
          const bookkeeping = await rows(connection);
          assert.deepEqual(
            bookkeeping.map((row) => row.migration_name),
            [HISTORY[0][0], '20250102000000_broken'],
            'the migration after the failure never started',
          );
          const failed = bookkeeping[1];
          assert.equal(failed.finished_at, null);
          assert.equal(failed.rolled_back_at, null);
          assert.equal(Number(failed.applied_steps_count), 0);
          assert.equal(failed.checksum, sha256(broken[1][1]));
          assert.match(String(failed.logs), /nowhere/);
          if (kind === 'postgresql') {
            // One migration is one transaction on PostgreSQL, as with Prisma's own engine: nothing of the failed one stays.
            assert.deepEqual(await connection.query(`SELECT to_regclass('review') AS t`), [{ t: null }]);
          }
        } finally {
          await connection.close();
        }
        // The next deploy refuses the database until the failure is resolved, as Prisma does (P3009).
        const again = await deployDatabase(list, url, { cwd: dir });
        assert.equal(again.status, 'failed');
        assert.match(again.error ?? '', /failed in an earlier deploy/);
        const status = await migrationStatus(dir + '/migrations', url, { cwd: dir });
        assert.deepEqual(
          status.migrations.map((m) => m.state),
          ['applied', 'failed', 'pending'],
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
}

test("postgresql: two concurrent deploys of one database apply each migration once, under Prisma's advisory lock", async (t) => {
  if (!server) return t.skip(skipReason);
  const dir = mkdtempSync(path.join(tmpdir(), 'steward-deploy-'));
  try {
    const url = await server.createDatabase('deploy_race');
    const slow: Array<[string, string]> = [
      ['20250101000000_init', `${HISTORY[0][1]}SELECT pg_sleep(0.5);\n`],
      [HISTORY[1][0], HISTORY[1][1]],
      [HISTORY[2][0], HISTORY[2][1]],
    ];
    const list = await readMigrationsList(history(dir, slow, 'postgresql'));
    const [a, b] = await Promise.all([deployDatabase(list, url), deployDatabase(list, url)]);
    assert.ok(
      [a, b].every((r) => r.status === 'applied' || r.status === 'up-to-date'),
      JSON.stringify([a, b]),
    );
    const appliedTwice = [...a.applied, ...b.applied].sort();
    assert.deepEqual(
      appliedTwice,
      slow.map(([name]) => name),
      'each migration applied by exactly one of the two',
    );
    const count = await server.sql('SELECT migration_name, count(*)::int AS n FROM _prisma_migrations GROUP BY 1 ORDER BY 1', 'deploy_race');
    assert.deepEqual(
      count.rows,
      slow.map(([name]) => ({ migration_name: name, n: 1 })),
    );
    const log = await server.log();
    assert.ok((log.match(/deploy_race:LOG:\s+statement: SELECT pg_advisory_lock\(72707369\)/g) ?? []).length >= 2, 'both deploys took the lock');
    assert.ok(!log.includes(SUPERUSER_PASSWORD));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('postgresql: a migration is sent whole (function bodies and literals with semicolons survive)', async (t) => {
  if (!server) return t.skip(skipReason);
  const dir = mkdtempSync(path.join(tmpdir(), 'steward-deploy-'));
  try {
    const url = await server.createDatabase('deploy_function');
    const script = [
      `CREATE TABLE "note" ("id" SERIAL PRIMARY KEY, "body" TEXT NOT NULL, "updatedAt" TIMESTAMP(3));`,
      `INSERT INTO "note" ("body") VALUES ('first; second');`,
      `CREATE FUNCTION touch_note() RETURNS trigger AS $$\nBEGIN\n  NEW."updatedAt" := now();\n  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql;`,
      `CREATE TRIGGER note_touch BEFORE UPDATE ON "note" FOR EACH ROW EXECUTE FUNCTION touch_note();`,
      '',
    ].join('\n');
    const list = await readMigrationsList(history(dir, [['20250101000000_notes', script]], 'postgresql'));
    const result = await deployDatabase(list, url);
    assert.equal(result.status, 'applied', result.error);
    const rows = await server.sql(`UPDATE "note" SET "body" = "body" RETURNING "body", "updatedAt" IS NOT NULL AS touched`, 'deploy_function');
    assert.deepEqual(rows.rows, [{ body: 'first; second', touched: true }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an unreachable database is reported as unreachable, password-free', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'steward-deploy-'));
  try {
    const list = await readMigrationsList(history(dir, HISTORY, 'postgresql'));
    const result = await deployDatabase(list, 'postgresql://app:hunter2-secret@127.0.0.1:1/nowhere', { timeoutMs: 2000 });
    assert.equal(result.status, 'unreachable');
    assert.ok(!JSON.stringify(result).includes('hunter2-secret'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
