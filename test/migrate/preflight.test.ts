/**
 * `migrate preflight` on a throwaway PostgreSQL cluster with seeded rows: exact counts of the
 * rows each pending statement would fail on, the locks with table sizes, a verdict per
 * statement, and a statement log (log_statement=all) showing the reader sent nothing but reads.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { startPostgresServer } from '../helpers/postgres-server.js';
import { run, snapshot, tempProject } from '../helpers/project.js';

const INIT = `CREATE TYPE "Role" AS ENUM ('A', 'B', 'C');
CREATE TABLE "users" ("id" SERIAL NOT NULL, "email" TEXT NOT NULL, "name" TEXT, "nick" VARCHAR(50), "score" BIGINT, "role" "Role" NOT NULL DEFAULT 'A', CONSTRAINT "users_pkey" PRIMARY KEY ("id"));
CREATE TABLE "posts" ("id" SERIAL NOT NULL, "authorId" INTEGER, CONSTRAINT "posts_pkey" PRIMARY KEY ("id"));
`;

/** Pending: each statement meets seeded rows it would fail on. */
const RISKY = `SET lock_timeout = '5s';
ALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL;
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
ALTER TABLE "posts" ADD CONSTRAINT "posts_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "users" ALTER COLUMN "nick" SET DATA TYPE VARCHAR(10),
ALTER COLUMN "score" SET DATA TYPE INTEGER;
-- AlterEnum
BEGIN;
CREATE TYPE "Role_new" AS ENUM ('A', 'B');
ALTER TABLE "users" ALTER COLUMN "role" DROP DEFAULT;
ALTER TABLE "users" ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new");
ALTER TYPE "Role" RENAME TO "Role_old";
ALTER TYPE "Role_new" RENAME TO "Role";
DROP TYPE "Role_old";
ALTER TABLE "users" ALTER COLUMN "role" SET DEFAULT 'A';
COMMIT;
`;

/** Pending: a new table, its index, and a nullable column (locks "users", fails on nothing). */
const SAFE = `CREATE TABLE "tags" ("id" SERIAL NOT NULL, "name" TEXT NOT NULL, CONSTRAINT "tags_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "tags_name_key" ON "tags"("name");
ALTER TABLE "users" ADD COLUMN "age" INTEGER;
ALTER TABLE "users" ALTER COLUMN "age" SET NOT NULL;
CREATE INDEX "users_nick_idx" ON "users"("nick");
`;

const SEED = `
INSERT INTO "users" ("email", "name", "nick", "score", "role")
SELECT 'u' || g || '@x.test', CASE WHEN g % 250 = 0 THEN NULL ELSE 'n' || g END,
       CASE WHEN g % 300 = 0 THEN 'a-nickname-longer-than-ten' ELSE 'nick' END,
       CASE WHEN g % 400 = 0 THEN 3000000000 ELSE g END,
       CASE WHEN g % 150 = 0 THEN 'C'::"Role" ELSE 'A'::"Role" END
FROM generate_series(1, 1000) g;
UPDATE "users" SET "email" = 'dup1@x.test' WHERE "id" IN (10, 11, 12);
UPDATE "users" SET "email" = 'dup2@x.test' WHERE "id" IN (20, 21);
INSERT INTO "posts" ("authorId") SELECT CASE WHEN g <= 7 THEN 5000 + g WHEN g <= 12 THEN NULL ELSE g END FROM generate_series(1, 500) g;
`;

const MIGRATIONS_TABLE = `CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

const SCHEMA = `datasource db {\n  provider = "postgresql"\n}\n\nmodel User {\n  id Int @id @default(autoincrement())\n\n  @@map("users")\n}\n`;

test('migrate preflight: exact counts, locks and verdicts on seeded data, and nothing but reads', async (t) => {
  const server = await startPostgresServer((message) => t.skip(message));
  if (!server) return;
  const dir = tempProject({
    'steward.config.json': JSON.stringify({
      master: 'prisma/schema.prisma',
      environments: { production: { provider: 'postgresql', output: 'prisma/schema.prisma', migrations: 'prisma/migrations' } },
    }),
    'prisma/schema.prisma': SCHEMA,
    'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
    'prisma/migrations/20240101000000_init/migration.sql': INIT,
    'prisma/migrations/20240201000000_risky/migration.sql': RISKY,
    'prisma/migrations/20240301000000_safe/migration.sql': SAFE,
  });
  try {
    await server.createDatabase('preflight');
    await server.sql(INIT + SEED + MIGRATIONS_TABLE, 'preflight');
    const checksum = createHash('sha256').update(INIT).digest('hex');
    await server.sql(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ('1', '${checksum}', now(), '20240101000000_init', 1)`,
      'preflight',
    );
    const password = 'Pr3flight-s3cret';
    await server.sql(`CREATE ROLE preflight_reader LOGIN PASSWORD '${password}'`);
    await server.sql('GRANT SELECT ON ALL TABLES IN SCHEMA public TO preflight_reader', 'preflight');
    const url = server.url({ database: 'preflight', user: 'preflight_reader', password });
    const files = snapshot(dir);
    const logBefore = (await server.log()).length;

    const result = await run(dir, 'migrate', 'preflight', '--env', 'production', '--url', url, '--format', 'json');
    assert.equal(result.code, 1, result.stderr);
    assert.ok(!(result.stdout + result.stderr).includes(password), 'password printed');
    const report = (
      JSON.parse(result.stdout) as {
        data: {
          pending: string[];
          statements: Array<{
            migration: string;
            line: number;
            verdict: string;
            holds: string;
            locks: Array<{ table: string; mode: string; rows?: number; bytes?: number }>;
            checks: Array<{ kind: string; count?: number; skipped?: string }>;
          }>;
        };
      }
    ).data;
    assert.deepEqual(report.pending, ['20240201000000_risky', '20240301000000_safe']);
    const at = (migration: string, line: number) => report.statements.find((s) => s.migration.endsWith(migration) && s.line === line)!;
    const summary = (migration: string, line: number) => {
      const s = at(migration, line);
      return {
        verdict: `${s.verdict} (${s.holds})`,
        locks: s.locks.map((l) => `${l.table} ${l.mode} ${l.rows ?? '-'}`),
        checks: s.checks.map((c) => `${c.kind} ${c.count ?? c.skipped}`),
      };
    };
    // 1000 users: ids divisible by 250 have no name (4), by 300 a long nick (3), by 400 a score past INTEGER (2), by 150 role C (6).
    assert.deepEqual(summary('risky', 1), { verdict: 'ok (brief)', locks: [], checks: [] });
    assert.deepEqual(summary('risky', 2), { verdict: 'fails (scan)', locks: ['users ACCESS EXCLUSIVE 1000'], checks: ['nulls 4'] });
    assert.deepEqual(summary('risky', 3), { verdict: 'fails (scan)', locks: ['users SHARE 1000'], checks: ['duplicates 3'] });
    assert.deepEqual(summary('risky', 4), {
      verdict: 'fails (scan)',
      locks: ['posts SHARE ROW EXCLUSIVE 500', 'users SHARE ROW EXCLUSIVE 1000'],
      checks: ['orphans 7'],
    });
    assert.deepEqual(summary('risky', 5), { verdict: 'fails (rewrite)', locks: ['users ACCESS EXCLUSIVE 1000'], checks: ['narrowing 3', 'narrowing 2'] });
    assert.deepEqual(summary('risky', 11), { verdict: 'fails (rewrite)', locks: ['users ACCESS EXCLUSIVE 1000'], checks: ['enum-values 6'] });
    assert.deepEqual(summary('risky', 10), { verdict: 'ok (brief)', locks: ['users ACCESS EXCLUSIVE 1000'], checks: [] });
    assert.deepEqual(summary('safe', 5), { verdict: 'locks (scan)', locks: ['users SHARE 1000'], checks: [] });
    assert.ok(at('risky', 2).locks[0].bytes! > 8192, 'the size of "users"');
    assert.deepEqual(summary('safe', 1), { verdict: 'ok (brief)', locks: [], checks: [] });
    assert.deepEqual(summary('safe', 2), {
      verdict: 'ok (scan)',
      locks: ['tags SHARE -'],
      checks: ['duplicates table "tags" is created by a pending migration'],
    });
    assert.deepEqual(summary('safe', 3), { verdict: 'ok (brief)', locks: ['users ACCESS EXCLUSIVE 1000'], checks: [] });
    assert.deepEqual(summary('safe', 4), {
      verdict: 'locks (scan)',
      locks: ['users ACCESS EXCLUSIVE 1000'],
      checks: ['nulls column "age" is added by a pending migration'],
    });

    // The statement log: the reader's session sent nothing but reads, in a READ ONLY transaction.
    const log = (await server.log())
      .slice(logBefore)
      .split('\n')
      .filter((line) => line.startsWith('preflight_reader@'));
    const statements = log.filter((line) => /(statement|execute [^:]*): /.test(line)).map((line) => line.replace(/.*?(statement|execute [^:]*): /, ''));
    assert.ok(
      statements.some((s) => /SELECT count\(\*\) AS n FROM "users" WHERE "name" IS NULL/.test(s)),
      'the checks are in the log',
    );
    assert.deepEqual(
      statements.filter((s) => /\b(INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|TRUNCATE|GRANT|COPY)\b/i.test(s)),
      [],
    );
    assert.deepEqual(
      statements.filter(
        (s) => !/^(SELECT|WITH|BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY|SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK)\b/i.test(s.trim()),
      ),
      [],
    );
    assert.equal(
      statements.filter((s) => /^BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY/.test(s)).length,
      2,
      'status and checks: one READ ONLY transaction each',
    );
    // Nothing changed: rows, history, files.
    assert.equal((await server.sql('SELECT count(*)::int AS n FROM "_prisma_migrations"', 'preflight')).rows[0].n, 1);
    assert.equal((await server.sql(`SELECT count(*)::int AS n FROM "users" WHERE "name" IS NULL`, 'preflight')).rows[0].n, 4);
    assert.deepEqual(snapshot(dir), files);

    // Text output names the lock, the size and the counts.
    const text = await run(dir, 'migrate', 'preflight', '--env', 'production', '--url', url);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /20240201000000_risky\/migration\.sql:2 {2}FAILS {2}ALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL/);
    assert.match(text.stdout, /lock: ACCESS EXCLUSIVE on "users" \(1000 rows, \d+ kB\): blocks reads and writes, while it reads every row/);
    assert.match(text.stdout, /nulls: 4 rows with "name" NULL/);
    assert.match(text.stdout + text.stderr, /preflight-fails/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.stop();
  }
});

const SQLITE_INIT = `CREATE TABLE "users" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "email" TEXT NOT NULL, "name" TEXT);
`;

/** Prisma's SQLite migration for a required name and a unique email: a table rebuild. */
const SQLITE_PENDING = `-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_users" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL
);
INSERT INTO "new_users" ("email", "id", "name") SELECT "email", "id", "name" FROM "users";
DROP TABLE "users";
ALTER TABLE "new_users" RENAME TO "users";
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
`;

test('migrate preflight on SQLite: the rebuild copy counts NULLs, the unique index counts duplicates, the file is untouched', async () => {
  const { SqliteConnection } = await import('../../src/engine/sqlite-connection.js');
  const { readFileSync } = await import('node:fs');
  const dir = tempProject({
    'steward.config.json': JSON.stringify({
      master: 'prisma/schema.prisma',
      environments: { dev: { provider: 'sqlite', output: 'prisma/schema.prisma', migrations: 'prisma/migrations' } },
    }),
    'prisma/schema.prisma': SCHEMA.replace('postgresql', 'sqlite'),
    'prisma/migrations/migration_lock.toml': 'provider = "sqlite"\n',
    'prisma/migrations/20240101000000_init/migration.sql': SQLITE_INIT,
    'prisma/migrations/20240201000000_required/migration.sql': SQLITE_PENDING,
  });
  try {
    const file = `${dir}/dev.db`;
    const db = await SqliteConnection.open(file);
    await db.executeScript(SQLITE_INIT + MIGRATIONS_TABLE.replace(/TIMESTAMPTZ/g, 'DATETIME').replace('now()', 'CURRENT_TIMESTAMP') + ';');
    const values = Array.from({ length: 50 }, (_, i) => `('u${i % 48}@x.test', ${i % 17 === 0 ? 'NULL' : `'n${i}'`})`).join(', ');
    await db.executeScript(`INSERT INTO "users" ("email", "name") VALUES ${values};`);
    const checksum = createHash('sha256').update(SQLITE_INIT).digest('hex');
    await db.executeScript(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ('1', '${checksum}', CURRENT_TIMESTAMP, '20240101000000_init', 1);`,
    );
    await db.close();
    const bytes = readFileSync(file);

    const result = await run(dir, 'migrate', 'preflight', '--env', 'dev', '--url', 'file:./dev.db', '--format', 'json');
    assert.equal(result.code, 1, result.stdout + result.stderr);
    const report = (
      JSON.parse(result.stdout) as {
        data: { statements: Array<{ line: number; verdict: string; locks: unknown[]; checks: Array<{ kind: string; count?: number; skipped?: string }> }> };
      }
    ).data;
    const checks = report.statements
      .filter((s) => s.checks.length > 0)
      .map((s) => ({ line: s.line, verdict: s.verdict, checks: s.checks.map((c) => `${c.kind} ${c.count ?? c.skipped}`) }));
    // Every email is set (0); rows 0, 17 and 34 have no name (3); emails u0 and u1 appear twice (rows 48, 49): 2 duplicates.
    assert.deepEqual(checks, [
      { line: 9, verdict: 'fails', checks: ['nulls 0', 'nulls 3'] },
      { line: 12, verdict: 'fails', checks: ['duplicates 2'] },
    ]);
    assert.ok(
      report.statements.every((s) => s.locks.length === 0),
      'SQLite names no table locks',
    );
    assert.ok(readFileSync(file).equals(bytes), 'the database file is unchanged');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
