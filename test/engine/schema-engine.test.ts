import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { mockMigrationAwareAdapterFactory } from '@prisma/driver-adapter-utils';
import { SchemaEngineError } from '../../src/engine/engine-error.js';
import { readMigrationsList } from '../../src/engine/migrations-list.js';
import { PgliteConnection } from '../../src/engine/pglite-connection.js';
import { PostgresConnection } from '../../src/engine/postgres-connection.js';
import { diffTarget, SchemaEngineSession } from '../../src/engine/schema-engine.js';
import { SqliteConnection } from '../../src/engine/sqlite-connection.js';
import { startPostgresServer } from '../helpers/postgres-server.js';

const sqliteBefore = `datasource db {
  provider = "sqlite"
}

model User {
  id   Int    @id @default(autoincrement())
  name String
}
`;

const sqliteAfter = `datasource db {
  provider = "sqlite"
}

model User {
  id    Int     @id @default(autoincrement())
  name  String
  email String? @unique
  posts Post[]
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  authorId Int
  author   User   @relation(fields: [authorId], references: [id])
}
`;

const postgresSchema = `datasource db {
  provider = "postgresql"
}

enum Role {
  ADMIN
  MEMBER
}

model User {
  id   Int      @id @default(autoincrement())
  name String
  role Role     @default(MEMBER)
  tags String[]
}
`;

test('diffs two SQLite schemas to SQL without any database', async () => {
  const engine = await SchemaEngineSession.open(mockMigrationAwareAdapterFactory('sqlite'));
  try {
    const sql = await engine.diffScript(
      diffTarget.schema({ path: 'before.prisma', content: sqliteBefore }),
      diffTarget.schema({ path: 'after.prisma', content: sqliteAfter }),
    );
    assert.match(sql, /ALTER TABLE "User" ADD COLUMN "email" TEXT;/);
    assert.match(sql, /CREATE TABLE "Post" \(/);
    assert.match(sql, /FOREIGN KEY \("authorId"\) REFERENCES "User" \("id"\)/);
    assert.match(sql, /CREATE UNIQUE INDEX "User_email_key" ON "User"\("email"\);/);
    assert.doesNotMatch(sql, /DROP/);

    const none = await engine.diffScript(
      diffTarget.schema({ path: 'a.prisma', content: sqliteAfter }),
      diffTarget.schema({ path: 'b.prisma', content: sqliteAfter }),
    );
    assert.equal(none, '');
  } finally {
    await engine.dispose();
  }
});

test('an invalid schema is a SchemaEngineError carrying P1012 and the file name', async () => {
  const engine = await SchemaEngineSession.open(mockMigrationAwareAdapterFactory('sqlite'));
  try {
    await assert.rejects(
      engine.diffScript(diffTarget.empty(), diffTarget.schema({ path: 'broken.prisma', content: 'model {' })),
      (error: unknown) => error instanceof SchemaEngineError && error.prismaCode === 'P1012' && error.message.includes('broken.prisma'),
    );
  } finally {
    await engine.dispose();
  }
});

test('diffs PostgreSQL schemas on a PGlite connection, and introspects what schemaPush created', async () => {
  const database = await PgliteConnection.scratch();
  const engine = await SchemaEngineSession.open(database.adapterFactory());
  try {
    const source = { path: 'schema.prisma', content: postgresSchema };
    const sql = await engine.diffScript(diffTarget.empty(), diffTarget.schema(source));
    assert.match(sql, /CREATE TYPE "Role" AS ENUM \('ADMIN', 'MEMBER'\);/);
    assert.match(sql, /"tags" TEXT\[\]/);
    assert.match(sql, /"role" "Role" NOT NULL DEFAULT 'MEMBER'/);

    const push = await engine.schemaPush(source);
    assert.ok(push.executedSteps > 0);
    const tables = await database.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    assert.deepEqual(
      tables.map((row) => row.table_name),
      ['User'],
    );

    // database -> schema: the live database now matches, so there is nothing to do
    assert.equal(await engine.diffScript(diffTarget.database(source), diffTarget.schema(source)), '');
    const introspected = await engine.introspect(source, process.cwd());
    assert.match(introspected.schema.files[0].content, /enum Role \{\s+ADMIN\s+MEMBER\s+\}/);
  } finally {
    await engine.dispose();
    await database.close();
  }
});

async function writeMigrationsFolder(directory: string, provider: 'sqlite' | 'postgresql', migrations: Record<string, string>): Promise<void> {
  await mkdir(directory, { recursive: true });
  await writeFile(path.join(directory, 'migration_lock.toml'), `provider = "${provider}"\n`);
  for (const [name, script] of Object.entries(migrations)) {
    await mkdir(path.join(directory, name), { recursive: true });
    await writeFile(path.join(directory, name, 'migration.sql'), script);
  }
}

test('applies a migrations folder to a SQLite file, then a migrations->schema diff is empty', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'steward-engine-'));
  try {
    const schemaEngine = await SchemaEngineSession.open(mockMigrationAwareAdapterFactory('sqlite'));
    const init = await schemaEngine.diffScript(diffTarget.empty(), diffTarget.schema({ path: 'a.prisma', content: sqliteBefore }));
    const next = await schemaEngine.diffScript(
      diffTarget.schema({ path: 'a.prisma', content: sqliteBefore }),
      diffTarget.schema({ path: 'b.prisma', content: sqliteAfter }),
    );
    await schemaEngine.dispose();
    const migrations = path.join(root, 'migrations');
    await writeMigrationsFolder(migrations, 'sqlite', { '20250101000000_init': init, '20250102000000_posts': next });

    const database = await SqliteConnection.open(path.join(root, 'dev.db'));
    const engine = await SchemaEngineSession.open(database.adapterFactory());
    try {
      const list = await readMigrationsList(migrations);
      const applied = await engine.applyMigrations(list);
      assert.deepEqual(applied.appliedMigrationNames, ['20250101000000_init', '20250102000000_posts']);
      const again = await engine.applyMigrations(list);
      assert.deepEqual(again.appliedMigrationNames, []);

      const rows = await database.query(`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name`);
      assert.deepEqual(
        rows.map((row) => row.migration_name),
        ['20250101000000_init', '20250102000000_posts'],
      );
      await database.query(`INSERT INTO "User" (name, email) VALUES ('ada', 'ada@example.com')`);
      // history replayed into the shadow database equals the target schema
      const diff = await engine.diffScript(diffTarget.migrations(list), diffTarget.schema({ path: 'b.prisma', content: sqliteAfter }));
      assert.equal(diff, '');
    } finally {
      await engine.dispose();
      await database.close();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

async function applyPostgresHistory(database: PgliteConnection | PostgresConnection, root: string): Promise<string[]> {
  const engine = await SchemaEngineSession.open(database.adapterFactory());
  try {
    const init = await engine.diffScript(diffTarget.empty(), diffTarget.schema({ path: 'schema.prisma', content: postgresSchema }));
    const migrations = path.join(root, 'migrations');
    await writeMigrationsFolder(migrations, 'postgresql', { '20250101000000_init': init });
    const list = await readMigrationsList(migrations);
    const applied = await engine.applyMigrations(list);
    const diff = await engine.diffScript(diffTarget.migrations(list), diffTarget.schema({ path: 'schema.prisma', content: postgresSchema }));
    assert.equal(diff, '', 'history replayed in the PGlite shadow database matches the schema');
    return applied.appliedMigrationNames;
  } finally {
    await engine.dispose();
  }
}

test('applies a migrations folder to PGlite', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'steward-engine-'));
  const database = await PgliteConnection.scratch();
  try {
    assert.deepEqual(await applyPostgresHistory(database, root), ['20250101000000_init']);
    await database.query(`INSERT INTO "User" (name, tags) VALUES ('ada', ARRAY['a','b'])`);
    const rows = await database.query(`SELECT role::text AS role, tags FROM "User"`);
    assert.deepEqual(rows, [{ role: 'MEMBER', tags: ['a', 'b'] }]);
  } finally {
    await database.close();
    await rm(root, { recursive: true, force: true });
  }
});

test('applies a migrations folder to a real PostgreSQL server', async (t) => {
  const server = await startPostgresServer((message) => t.skip(message));
  if (!server) return;
  const root = await mkdtemp(path.join(os.tmpdir(), 'steward-engine-'));
  try {
    const url = await server.createDatabase('apply_test');
    const database = await PostgresConnection.open(url);
    try {
      assert.deepEqual(await applyPostgresHistory(database, root), ['20250101000000_init']);
    } finally {
      await database.close();
    }
    const result = await server.sql(`SELECT enum_range(NULL::"Role")::text AS roles`, 'apply_test');
    assert.equal(result.rows[0].roles, '{ADMIN,MEMBER}');
  } finally {
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
});
