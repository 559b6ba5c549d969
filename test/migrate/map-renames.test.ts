import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../src/config/load.js';
import type { DatabaseConnection } from '../../src/engine/connection.js';
import { PgliteConnection } from '../../src/engine/pglite-connection.js';
import { SqliteConnection } from '../../src/engine/sqlite-connection.js';
import { baselineMigrations } from '../../src/migrate/baseline.js';
import { createMigrations } from '../../src/migrate/create-migrations.js';
import { applyMigrations } from '../helpers/example-project.js';
import { tempProject } from '../helpers/project.js';

// Done-when (issue 13, item 1): a changed @map, @@map, enum @@map / value @map or index map: on
// the same Prisma field, model, enum or index is a RENAME in every environment's migration,
// found by comparing with the master of the last committed migration (git), and the data
// survives: rows inserted before the migration read back after it under the new names.

const CONFIG = JSON.stringify({
  master: 'prisma/schema.master.prisma',
  environments: { dev: { provider: 'sqlite' }, production: { provider: 'postgresql' } },
});

const BEFORE = `datasource db {
  provider = "postgresql"
}

enum Status {
  ACTIVE @map("active")
  GONE

  @@map("status")
}

model Member {
  id     Int    @id @default(autoincrement())
  phone  String @map("phone_number")
  email  String @unique(map: "members_email_key")
  status Status @default(ACTIVE)
  posts  Post[]

  @@index([phone], map: "members_phone_idx")
  @@map("members")
}

model Post {
  id       Int    @id(map: "post_pk") @default(autoincrement())
  title    String
  authorId Int    @map("author_id")
  author   Member @relation(fields: [authorId], references: [id], map: "post_author_fk")

  @@index([authorId])
}
`;

const AFTER = BEFORE.replace('@map("active")', '@map("is_active")')
  .replace('@@map("status")', '@@map("member_status")')
  .replace('@map("phone_number")', '@map("phone_num")')
  .replace('"members_email_key"', '"people_email_key"')
  .replace('"members_phone_idx"', '"people_phone_idx"')
  .replace('@@map("members")', '@@map("people")')
  .replace('"post_pk"', '"posts_pk"')
  .replace('@map("author_id")', '@map("writer_id")')
  .replace('"post_author_fk"', '"posts_author_fk"');

function git(dir: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=steward', '-c', 'user.email=steward@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'ignore' });
}

async function rows(database: DatabaseConnection, sql: string): Promise<unknown[]> {
  return (await database.query(sql)).map((row) => ({ ...row }));
}

test('@map, @@map, enum and index renames are RENAMEs on SQLite and PostgreSQL, and the data survives', async () => {
  const dir = tempProject({ 'steward.config.json': CONFIG, 'prisma/schema.master.prisma': BEFORE });
  const dev = await SqliteConnection.open(path.join(dir, 'dev.db'));
  const production = await PgliteConnection.scratch();
  try {
    await baselineMigrations(await loadConfig({ cwd: dir }), { name: 'init', now: new Date(Date.UTC(2025, 0, 1)) });
    git(dir, 'init', '-q');
    git(dir, 'add', 'steward.config.json', 'prisma');
    git(dir, 'commit', '-q', '-m', 'init');
    for (const [database, env] of [[dev, 'dev'], [production, 'production']] as const) {
      await applyMigrations(database, path.join(dir, 'prisma/migrations', env));
      await database.executeScript(`INSERT INTO "members" ("phone_number", "email", "status") VALUES ('+44 20', 'ada@example.com', 'active');
INSERT INTO "Post" ("title", "author_id") VALUES ('Notes', 1);`);
    }

    writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), AFTER);
    const config = await loadConfig({ cwd: dir });
    const migrations = await createMigrations(config, { name: 'renames', now: new Date(Date.UTC(2025, 0, 2)) });
    const [devMigration, productionMigration] = migrations;

    for (const migration of migrations) {
      // (SQLite rebuilds "people" for its new enum default 'is_active', copying every row.)
      assert.doesNotMatch(migration.script, /DROP TABLE "(members|Post)"|DROP COLUMN|ADD COLUMN|DROP TYPE|CREATE TYPE/, migration.env);
      assert.deepEqual(migration.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code), [], migration.env);
    }
    assert.deepEqual(
      devMigration.renames.map((r) => [r.kind, r.from, r.to]),
      [['table', 'members', 'people'], ['column', 'phone_number', 'phone_num'], ['column', 'author_id', 'writer_id'], ['enum-value', 'active', 'is_active']],
    );
    assert.deepEqual(
      productionMigration.renames.map((r) => [r.kind, r.from, r.to]),
      [
        ['enum', 'status', 'member_status'],
        ['enum-value', 'active', 'is_active'],
        ['table', 'members', 'people'],
        ['column', 'phone_number', 'phone_num'],
        ['index', 'members_phone_idx', 'people_phone_idx'],
        ['index', 'members_email_key', 'people_email_key'],
        ['column', 'author_id', 'writer_id'],
        ['index', 'Post_author_id_idx', 'Post_writer_id_idx'],
      ],
    );
    const sql = productionMigration.script;
    for (const statement of [
      'ALTER TYPE "status" RENAME TO "member_status";',
      `ALTER TYPE "member_status" RENAME VALUE 'active' TO 'is_active';`,
      'ALTER TABLE "members" RENAME TO "people";',
      'ALTER TABLE "people" RENAME COLUMN "phone_number" TO "phone_num";',
      'ALTER INDEX "members_phone_idx" RENAME TO "people_phone_idx";',
      'ALTER TABLE "Post" RENAME CONSTRAINT "post_pk" TO "posts_pk";',
      'ALTER TABLE "Post" RENAME CONSTRAINT "post_author_fk" TO "posts_author_fk";',
      'ALTER TABLE "people" RENAME CONSTRAINT "members_pkey" TO "people_pkey";',
    ]) {
      assert.ok(sql.includes(statement), `production: ${statement}\n${sql}`);
    }
    assert.match(devMigration.script, /ALTER TABLE "members" RENAME TO "people";\nALTER TABLE "people" RENAME COLUMN "phone_number" TO "phone_num";/);
    assert.match(devMigration.script, /UPDATE "people" SET "status" = 'is_active' WHERE "status" = 'active';/);

    for (const [database, env] of [[dev, 'dev'], [production, 'production']] as const) {
      assert.deepEqual(await applyMigrations(database, path.join(dir, 'prisma/migrations', env)), ['20250102000000_renames'], env);
    }
    // A new connection to the SQLite file: libsql's statement cache keeps old column lists.
    const devAfter = await SqliteConnection.open(path.join(dir, 'dev.db'));
    try {
      assert.deepEqual(await rows(devAfter, `SELECT "phone_num", "email", "status" FROM "people"`), [{ phone_num: '+44 20', email: 'ada@example.com', status: 'is_active' }]);
      assert.deepEqual(await rows(devAfter, `SELECT "title", "writer_id" FROM "Post"`), [{ title: 'Notes', writer_id: 1 }]);
    } finally {
      await devAfter.close();
    }
    assert.deepEqual(await rows(production, `SELECT "phone_num", "email", "status"::text AS status FROM "people"`), [{ phone_num: '+44 20', email: 'ada@example.com', status: 'is_active' }]);
    assert.deepEqual(await rows(production, `SELECT "title", "writer_id" FROM "Post"`), [{ title: 'Notes', writer_id: 1 }]);

    // Planned once: the history now has the new names (committed or not).
    assert.deepEqual((await createMigrations(config, { name: 'again', dryRun: true })).map((m) => m.script), ['', '']);
    git(dir, 'add', '-A', 'prisma');
    git(dir, 'commit', '-q', '-m', 'renames');
    assert.deepEqual((await createMigrations(config, { name: 'again', dryRun: true })).map((m) => m.script), ['', '']);
  } finally {
    await dev.close();
    await production.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('outside git (or with previousMaster: null) only @steward.renamedFrom is planned', async () => {
  const dir = tempProject({ 'steward.config.json': CONFIG, 'prisma/schema.master.prisma': BEFORE });
  try {
    await baselineMigrations(await loadConfig({ cwd: dir }), { name: 'init', now: new Date(Date.UTC(2025, 0, 1)) });
    writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), AFTER);
    const migrations = await createMigrations(await loadConfig({ cwd: dir }), { name: 'renames', dryRun: true });
    for (const migration of migrations) assert.deepEqual(migration.renames, [], migration.env);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
