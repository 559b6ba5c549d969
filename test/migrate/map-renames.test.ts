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
  execFileSync('git', ['-c', 'user.name=steward', '-c', 'user.email=steward@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    stdio: 'ignore',
  });
}

/** The baseline of both environments, committed with the master: the previous state renames are planned against. */
async function baselineAndCommit(dir: string): Promise<void> {
  await baselineMigrations(await loadConfig({ cwd: dir }), { name: 'init', now: new Date(Date.UTC(2025, 0, 1)) });
  git(dir, 'init', '-q');
  git(dir, 'add', 'steward.config.json', 'prisma');
  git(dir, 'commit', '-q', '-m', 'init');
}

async function rows(database: DatabaseConnection, sql: string): Promise<unknown[]> {
  return (await database.query(sql)).map((row) => ({ ...row }));
}

test('@map, @@map, enum and index renames are RENAMEs on SQLite and PostgreSQL, and the data survives', async () => {
  const dir = tempProject({ 'steward.config.json': CONFIG, 'prisma/schema.master.prisma': BEFORE });
  const dev = await SqliteConnection.open(path.join(dir, 'dev.db'));
  const production = await PgliteConnection.scratch();
  try {
    await baselineAndCommit(dir);
    for (const [database, env] of [
      [dev, 'dev'],
      [production, 'production'],
    ] as const) {
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
      assert.deepEqual(
        migration.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code),
        [],
        migration.env,
      );
    }
    assert.deepEqual(
      devMigration.renames.map((r) => [r.kind, r.from, r.to]),
      [
        ['table', 'members', 'people'],
        ['column', 'phone_number', 'phone_num'],
        ['column', 'author_id', 'writer_id'],
        ['enum-value', 'active', 'is_active'],
      ],
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

    for (const [database, env] of [
      [dev, 'dev'],
      [production, 'production'],
    ] as const) {
      assert.deepEqual(await applyMigrations(database, path.join(dir, 'prisma/migrations', env)), ['20250102000000_renames'], env);
    }
    // A new connection to the SQLite file: libsql's statement cache keeps old column lists.
    const devAfter = await SqliteConnection.open(path.join(dir, 'dev.db'));
    try {
      assert.deepEqual(await rows(devAfter, `SELECT "phone_num", "email", "status" FROM "people"`), [
        { phone_num: '+44 20', email: 'ada@example.com', status: 'is_active' },
      ]);
      assert.deepEqual(await rows(devAfter, `SELECT "title", "writer_id" FROM "Post"`), [{ title: 'Notes', writer_id: 1 }]);
    } finally {
      await devAfter.close();
    }
    assert.deepEqual(await rows(production, `SELECT "phone_num", "email", "status"::text AS status FROM "people"`), [
      { phone_num: '+44 20', email: 'ada@example.com', status: 'is_active' },
    ]);
    assert.deepEqual(await rows(production, `SELECT "title", "writer_id" FROM "Post"`), [{ title: 'Notes', writer_id: 1 }]);

    // Planned once: the history now has the new names (committed or not).
    assert.deepEqual(
      (await createMigrations(config, { name: 'again', dryRun: true })).map((m) => m.script),
      ['', ''],
    );
    git(dir, 'add', '-A', 'prisma');
    git(dir, 'commit', '-q', '-m', 'renames');
    assert.deepEqual(
      (await createMigrations(config, { name: 'again', dryRun: true })).map((m) => m.script),
      ['', ''],
    );
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

// What `lint --fix --unsafe` does on real schemas (test/migrate/unsafe-fixes-renames.test.ts):
// `@@map` a PascalCase model to its snake_case name, on a master with several PostgreSQL schemas.
const MULTI_BEFORE = `datasource db {
  provider = "postgresql"
  schemas  = ["public", "cms"]
}

enum Kind {
  DRAFT
  LIVE

  @@schema("cms")
}

model Credentials {
  id    Int    @id @default(autoincrement())
  Token String @unique

  @@schema("public")
}

model Post {
  id    Int    @id @default(autoincrement())
  title String
  kind  Kind   @default(DRAFT)

  @@index([title])
  @@schema("cms")
}
`;

const MULTI_AFTER = MULTI_BEFORE.replace('@@schema("cms")\n}\n\nmodel Credentials', '@@map("kind")\n  @@schema("cms")\n}\n\nmodel Credentials')
  .replace('Token String @unique', 'Token String @unique @map("token")')
  .replace('@@schema("public")', '@@map("credentials")\n  @@schema("public")')
  .replace('title String', 'title String @map("post_title")')
  .replace('@@index([title])\n  @@schema("cms")', '@@index([title])\n  @@map("posts")\n  @@schema("cms")');

test('renames in every PostgreSQL schema of a multi-schema master, and a SQLite table renamed only in case', async () => {
  const dir = tempProject({ 'steward.config.json': CONFIG, 'prisma/schema.master.prisma': MULTI_BEFORE });
  const dev = await SqliteConnection.open(path.join(dir, 'dev.db'));
  const production = await PgliteConnection.scratch();
  try {
    await baselineAndCommit(dir);
    await applyMigrations(dev, path.join(dir, 'prisma/migrations/dev'));
    await dev.executeScript(`INSERT INTO "Credentials" ("Token") VALUES ('t1'); INSERT INTO "Post" ("title", "kind") VALUES ('Notes', 'LIVE');`);
    await applyMigrations(production, path.join(dir, 'prisma/migrations/production'));
    await production.executeScript(
      `INSERT INTO "public"."Credentials" ("Token") VALUES ('t1'); INSERT INTO "cms"."Post" ("title", "kind") VALUES ('Notes', 'LIVE');`,
    );

    writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), MULTI_AFTER);
    const [devMigration, productionMigration] = await createMigrations(await loadConfig({ cwd: dir }), {
      name: 'renames',
      now: new Date(Date.UTC(2025, 0, 2)),
    });
    for (const migration of [devMigration, productionMigration]) {
      assert.doesNotMatch(
        migration.script,
        /DROP TABLE "(public"\."|cms"\."|)(Credentials|Post)"|DROP COLUMN|ADD COLUMN|DROP TYPE/,
        `${migration.env}\n${migration.script}`,
      );
    }
    assert.match(
      devMigration.script,
      /ALTER TABLE "Credentials" RENAME TO "credentials__steward_rename";\nALTER TABLE "credentials__steward_rename" RENAME TO "credentials";/,
    );
    assert.deepEqual(
      productionMigration.renames.map((r) => r.sql),
      [
        'ALTER TYPE "cms"."Kind" RENAME TO "kind";',
        'ALTER TABLE "cms"."Post" RENAME TO "posts";',
        'ALTER TABLE "cms"."posts" RENAME COLUMN "title" TO "post_title";',
        'ALTER INDEX "cms"."Post_title_idx" RENAME TO "posts_post_title_idx";',
        'ALTER TABLE "public"."Credentials" RENAME TO "credentials";',
        'ALTER TABLE "public"."credentials" RENAME COLUMN "Token" TO "token";',
        'ALTER INDEX "public"."Credentials_Token_key" RENAME TO "credentials_token_key";',
      ],
    );
    await applyMigrations(dev, path.join(dir, 'prisma/migrations/dev'));
    await applyMigrations(production, path.join(dir, 'prisma/migrations/production'));
    const devAfter = await SqliteConnection.open(path.join(dir, 'dev.db'));
    try {
      assert.deepEqual(await rows(devAfter, `SELECT "token" FROM "credentials"`), [{ token: 't1' }]);
      assert.deepEqual(await rows(devAfter, `SELECT "post_title", "kind" FROM "posts"`), [{ post_title: 'Notes', kind: 'LIVE' }]);
    } finally {
      await devAfter.close();
    }
    assert.deepEqual(await rows(production, `SELECT "token" FROM "public"."credentials"`), [{ token: 't1' }]);
    assert.deepEqual(await rows(production, `SELECT "post_title", "kind"::text AS kind FROM "cms"."posts"`), [{ post_title: 'Notes', kind: 'LIVE' }]);
  } finally {
    await dev.close();
    await production.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
