/**
 * The lock-aware rules' claims checked against a real PostgreSQL: the lock each statement takes
 * (pg_locks inside the statement's transaction), whether the table is rewritten (its relfilenode
 * changes), and that a new enum value cannot be used in the transaction that adds it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { statementLocks } from '../../../src/migrate/lint/locks.js';
import { lintMigration } from '../../../src/migrate/lint/lint-migration.js';
import { startPostgresServer } from '../../helpers/postgres-server.js';

const SETUP = `
CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
CREATE TABLE "users" ("id" SERIAL PRIMARY KEY, "name" VARCHAR(10), "n" INTEGER, "price" DECIMAL(10,2), "at" TIMESTAMP(3), "role" "Role" NOT NULL DEFAULT 'USER');
CREATE TABLE "posts" ("id" SERIAL PRIMARY KEY, "authorId" INTEGER);
INSERT INTO "users" ("name", "n", "price", "at") SELECT 'u' || g, g, g, now() FROM generate_series(1, 100) g;
INSERT INTO "posts" ("authorId") SELECT g FROM generate_series(1, 100) g;
`;

/** Statements, whether PostgreSQL rewrites "users" for them, and whether a lint rule says it does. */
const STATEMENTS: Array<{ sql: string; rewrites: boolean; code?: string }> = [
  { sql: 'ALTER TABLE "users" ADD COLUMN "nick" TEXT', rewrites: false },
  { sql: `ALTER TABLE "users" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'x'`, rewrites: false },
  { sql: 'ALTER TABLE "users" ADD COLUMN "seen" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP', rewrites: false },
  { sql: 'ALTER TABLE "users" ADD COLUMN "token" UUID NOT NULL DEFAULT gen_random_uuid()', rewrites: true, code: 'add-column-rewrites' },
  { sql: 'ALTER TABLE "users" ADD COLUMN "seq" SERIAL NOT NULL', rewrites: true, code: 'add-column-rewrites' },
  { sql: 'ALTER TABLE "users" ALTER COLUMN "name" SET DATA TYPE VARCHAR(200)', rewrites: false },
  { sql: 'ALTER TABLE "users" ALTER COLUMN "name" SET DATA TYPE TEXT', rewrites: false },
  { sql: 'ALTER TABLE "users" ALTER COLUMN "name" SET DATA TYPE VARCHAR(5)', rewrites: true, code: 'change-column-type' },
  { sql: 'ALTER TABLE "users" ALTER COLUMN "n" SET DATA TYPE BIGINT', rewrites: true, code: 'change-column-type' },
  { sql: 'ALTER TABLE "users" ALTER COLUMN "price" SET DATA TYPE DECIMAL(20,2)', rewrites: false },
  { sql: 'ALTER TABLE "users" ALTER COLUMN "price" SET DATA TYPE DECIMAL(20,4)', rewrites: true, code: 'change-column-type' },
  { sql: 'ALTER TABLE "users" ALTER COLUMN "at" SET DATA TYPE TIMESTAMP(6)', rewrites: false },
];

/** Statements whose table locks are compared with statementLocks. */
const LOCKED = [
  'ALTER TABLE "users" ADD COLUMN "nick" TEXT',
  'ALTER TABLE "posts" ADD CONSTRAINT "posts_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE',
  'ALTER TABLE "posts" ADD CONSTRAINT "posts_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users"("id") NOT VALID',
  'CREATE INDEX "users_name_idx" ON "users"("name")',
  'CREATE UNIQUE INDEX "users_name_key" ON "users"("name")',
  'ALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL',
  'ALTER TABLE "users" ADD CONSTRAINT "n_positive" CHECK ("n" > 0)',
  `UPDATE "users" SET "name" = 'x' WHERE "id" = 1`,
  'DROP TABLE "posts"',
  'TRUNCATE "posts"',
];

test('lock levels, rewrites and enum values as PostgreSQL takes them', async (t) => {
  const server = await startPostgresServer((message) => t.skip(message));
  if (!server) return;
  const client = new pg.Client({ connectionString: await server.createDatabase('locks') });
  await client.connect();
  try {
    await client.query(SETUP);
    const before = {
      provider: 'postgresql' as const,
      enums: [],
      tables: [
        {
          name: 'users',
          primaryKey: ['id'],
          indexes: [],
          foreignKeys: [],
          columns: (
            await client.query(
              `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = '"users"'::regclass AND attnum > 0 AND NOT attisdropped`,
            )
          ).rows.map((row: { name: string; type: string }) => ({ ...row, nullable: true, default: null })),
        },
      ],
    };

    for (const statement of STATEMENTS) {
      await client.query('BEGIN');
      const file = async () => (await client.query(`SELECT pg_relation_filenode('"users"') AS f`)).rows[0].f as string;
      const from = await file();
      await client.query(statement.sql);
      const rewritten = (await file()) !== from;
      await client.query('ROLLBACK');
      assert.equal(rewritten, statement.rewrites, `${statement.sql}: PostgreSQL ${rewritten ? 'rewrote' : 'did not rewrite'} the table`);
      const codes = lintMigration({
        env: 'e',
        provider: 'postgresql',
        script: `SET lock_timeout = '5s';\n${statement.sql};\n`,
        file: 'm.sql',
        migration: 'm',
        before,
      }).map((d) => d.code);
      assert.deepEqual(
        codes.filter((code) => code === 'add-column-rewrites' || code === 'change-column-type'),
        statement.code ? [statement.code] : [],
        statement.sql,
      );
    }

    // By oid: a dropped table's pg_class row is gone inside the transaction that dropped it.
    const oids = new Map(
      (await client.query(`SELECT oid::int AS oid, relname FROM pg_class WHERE relname IN ('users', 'posts')`)).rows.map(
        (row: { oid: number; relname: string }) => [row.oid, row.relname],
      ),
    );
    for (const sql of LOCKED) {
      await client.query('BEGIN');
      await client.query(sql);
      const locks = await client.query(`SELECT relation::int AS oid, mode FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation'`);
      await client.query('ROLLBACK');
      const held = {
        rows: (locks.rows as Array<{ oid: number; mode: string }>)
          .filter((row) => oids.has(row.oid))
          .map((row) => ({ table: oids.get(row.oid)!, mode: row.mode })),
      };
      const strongest = new Map<string, string>();
      const order = [
        'AccessShareLock',
        'RowShareLock',
        'RowExclusiveLock',
        'ShareUpdateExclusiveLock',
        'ShareLock',
        'ShareRowExclusiveLock',
        'ExclusiveLock',
        'AccessExclusiveLock',
      ];
      for (const row of held.rows as Array<{ table: string; mode: string }>) {
        if (order.indexOf(row.mode) > order.indexOf(strongest.get(row.table) ?? '')) strongest.set(row.table, row.mode);
      }
      const actual = Object.fromEntries(
        [...strongest].map(([table, mode]) => [
          table,
          mode
            .replace(/Lock$/, '')
            .replace(/([a-z])([A-Z])/g, '$1 $2')
            .toUpperCase(),
        ]),
      );
      const predicted = Object.fromEntries(statementLocks(sql).map((lock) => [lock.table, lock.mode]));
      assert.deepEqual(predicted, actual, sql);
    }

    // Prisma runs a migration as one transaction: the new value cannot be used in it.
    await client.query('BEGIN');
    await client.query(`ALTER TYPE "Role" ADD VALUE 'OWNER'`);
    await assert.rejects(client.query(`ALTER TABLE "users" ALTER COLUMN "role" SET DEFAULT 'OWNER'`), /unsafe use of new value/);
    await client.query('ROLLBACK');
  } finally {
    await client.end();
    await server.stop();
  }
});
