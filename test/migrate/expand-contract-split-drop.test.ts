/**
 * Expand/contract for a split and for drops, on a throwaway PostgreSQL cluster with rows: `name`
 * split into `first_name` + `last_name` (the old column kept filled from the new ones while old
 * code runs), `status` retired with a value for rows new code writes without it, `legacy_code`
 * retired by dropping its NOT NULL. A simulated old application (old columns only) and new one
 * (new columns only) keep writing and reading through expand, backfill and contract: no error, no
 * lost row, every row's final values. The audit_log table is retired too: expand drops its foreign
 * key (new code can delete users it references), contract drops it. Contract is refused while the fixture code still uses an old
 * column and passes once it does not. The SQLite environment gets its one correct step.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { loadConfig } from '../../src/config/load.js';
import { baselineMigrations } from '../../src/migrate/baseline.js';
import { SqliteConnection } from '../../src/engine/sqlite-connection.js';
import { startPostgresServer } from '../helpers/postgres-server.js';
import { run, tempProject } from '../helpers/project.js';

const CONFIG = JSON.stringify({
  master: 'prisma/schema.master.prisma',
  environments: { dev: { provider: 'sqlite' }, production: { provider: 'postgresql' } },
});

const V1 = `datasource db {
  provider = "postgresql"
}

model User {
  id         Int    @id @default(autoincrement())
  email      String @unique
  name       String
  status     String
  legacyCode String @map("legacy_code")
  auditLogs  AuditLog[]

  @@map("users")
}

model AuditLog {
  id     Int    @id @default(autoincrement())
  userId Int    @map("user_id")
  user   User   @relation(fields: [userId], references: [id])
  note   String

  @@map("audit_log")
}
`;

/** name split in two (first word, the rest), status and legacy_code retired, the audit_log table retired. */
const V2 = `/// @steward.transition(dropTable: "audit_log")
datasource db {
  provider = "postgresql"
}

/// @steward.transition(drop: "name", backfill: "first_name || ' ' || last_name")
/// @steward.transition(drop: "status", backfill: "'active'")
/// @steward.transition(drop: "legacy_code")
model User {
  id        Int    @id @default(autoincrement())
  email     String @unique
  /// @steward.transition(from: "name", backfill: "split_part(name, ' ', 1)", sqlite: "CASE WHEN instr(name, ' ') > 0 THEN substr(name, 1, instr(name, ' ') - 1) ELSE name END")
  firstName String @map("first_name")
  /// @steward.transition(from: "name", backfill: "CASE WHEN strpos(name, ' ') > 0 THEN substr(name, strpos(name, ' ') + 1) ELSE '' END", sqlite: "CASE WHEN instr(name, ' ') > 0 THEN substr(name, instr(name, ' ') + 1) ELSE '' END")
  lastName  String @map("last_name")

  @@map("users")
}
`;

const OLD_CODE = `import { prisma } from './db';

export async function names() {
  return prisma.user.findMany({ select: { name: true, legacyCode: true } });
}

export async function raw() {
  return prisma.$queryRaw\`SELECT "status" FROM "users" WHERE "id" = 1\`;
}

export async function audit() {
  return prisma.auditLog.create({ data: { userId: 1, note: 'x' } });
}
`;

const NEW_CODE = `import { prisma } from './db';

export async function names() {
  return prisma.user.findMany({ select: { firstName: true, lastName: true } });
}
`;

const SEEDED = 2000;

/** The split the annotations' SQL computes: the first word, and the rest after the first space. */
function split(name: string): [string, string] {
  const i = name.indexOf(' ');
  return i >= 0 ? [name.slice(0, i), name.slice(i + 1)] : [name, ''];
}

interface Written {
  first: string;
  last: string;
}

/** One simulated application: inserts, updates and reads in a loop until stopped. */
function application(pool: pg.Pool, kind: 'old' | 'new', written: Map<number, Written>, errors: string[]) {
  let stopped = false;
  let n = 0;
  const loop = (async () => {
    while (!stopped) {
      n++;
      try {
        if (kind === 'old') {
          const name = `Old ${n} Smith`;
          const { rows } = await pool.query('INSERT INTO "users" ("email", "name", "status", "legacy_code") VALUES ($1, $2, $3, $4) RETURNING "id"', [
            `old-${n}@x.test`,
            name,
            'old',
            `L${n}`,
          ]);
          written.set(rows[0].id, { first: split(name)[0], last: split(name)[1] });
          await pool.query('INSERT INTO "audit_log" ("user_id", "note") VALUES ($1, $2)', [rows[0].id, 'created']);
          const mine = [...written.keys()];
          const id = mine[n % mine.length];
          const renamed = n % 7 === 0 ? `Solo${n}` : `Old-${n} Renamed Jones`;
          await pool.query('UPDATE "users" SET "name" = $1 WHERE "id" = $2', [renamed, id]);
          const [first, last] = split(renamed);
          written.set(id, { first, last });
          const read = await pool.query('SELECT "name", "status", "legacy_code" FROM "users" WHERE "id" = $1', [id]);
          if (read.rows[0].name !== renamed || read.rows[0].status !== 'old') errors.push(`old app read ${JSON.stringify(read.rows[0])} for ${id}`);
        } else {
          // First names with a space: the old column's sync must not split them again.
          const first = `Mary ${n}`;
          const last = `Person-${n}`;
          const { rows } = await pool.query('INSERT INTO "users" ("email", "first_name", "last_name") VALUES ($1, $2, $3) RETURNING "id"', [
            `new-${n}@x.test`,
            first,
            last,
          ]);
          written.set(rows[0].id, { first, last });
          const mine = [...written.keys()];
          const id = mine[n % mine.length];
          const renamed = `Ann ${n} Jo`;
          await pool.query('UPDATE "users" SET "first_name" = $1 WHERE "id" = $2', [renamed, id]);
          written.set(id, { ...written.get(id)!, first: renamed });
          const read = await pool.query('SELECT "first_name", "last_name" FROM "users" WHERE "id" = $1', [id]);
          const expected = written.get(id)!;
          if (read.rows[0].first_name !== expected.first || read.rows[0].last_name !== expected.last)
            errors.push(`new app read ${JSON.stringify(read.rows[0])} for ${id}, wrote ${JSON.stringify(expected)}`);
        }
      } catch (error) {
        errors.push(`${kind} app: ${(error as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

function migrationDirs(dir: string, env: string): string[] {
  const root = path.join(dir, 'prisma/migrations', env);
  return existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d{14}_/.test(name))
        .sort()
    : [];
}

function script(dir: string, env: string, migration: string): string {
  return readFileSync(path.join(dir, 'prisma/migrations', env, migration, 'migration.sql'), 'utf8');
}

test('a split, two column drops and a table drop go through expand, backfill and contract with an old and a new application running, gated by code usage', async (t) => {
  const server = await startPostgresServer((message) => t.skip(message));
  if (!server) return;
  const dir = tempProject({ 'steward.config.json': CONFIG, 'prisma/schema.master.prisma': V1, 'src/users.ts': OLD_CODE });
  const pool = new pg.Pool({ connectionString: await server.createDatabase('app'), max: 6 });
  const apply = async (migration: string) => pool.query(script(dir, 'production', migration));
  const dev = await SqliteConnection.open(path.join(dir, 'dev.db'));
  const apps: { stop(): Promise<void> }[] = [];
  try {
    await baselineMigrations(await loadConfig({ cwd: dir }), { name: 'init', now: new Date(Date.UTC(2025, 0, 1)) });
    await apply(migrationDirs(dir, 'production')[0]);
    // Every tenth seeded name is one word (its last name is '').
    await pool.query(
      `INSERT INTO "users" ("email", "name", "status", "legacy_code") SELECT 'seed-' || g || '@x.test', CASE WHEN g % 10 = 0 THEN 'Solo' || g ELSE 'Seed ' || g || ' Person' END, 'seeded', 'S' || g FROM generate_series(1, ${SEEDED}) g`,
    );
    await pool.query(`INSERT INTO "audit_log" ("user_id", "note") SELECT g, 'seeded' FROM generate_series(1, 100) g`);
    // New code no longer knows audit_log, but its foreign key refuses deleting a user it references.
    await assert.rejects(pool.query('DELETE FROM "users" WHERE "id" = 1'), /violates foreign key constraint/);
    await dev.executeScript(script(dir, 'dev', migrationDirs(dir, 'dev')[0]));
    await dev.executeScript(
      `INSERT INTO "users" ("email", "name", "status", "legacy_code") VALUES ('a@x.test', 'Ada Lovelace King', 'x', 'A1'), ('b@x.test', 'Bob', 'y', 'B2')`,
    );

    const errors: string[] = [];
    const oldRows = new Map<number, Written>();
    const newRows = new Map<number, Written>();
    const oldApp = application(pool, 'old', oldRows, errors);
    apps.push(oldApp);

    // Expand: the new columns and their triggers; name kept filled from them; status filled for
    // new rows; legacy_code made nullable.
    writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), V2);
    const expand = await run(dir, 'migrate', 'create', '--expand-contract', '--name', 'users_split');
    assert.equal(expand.code, 0, expand.stdout + expand.stderr);
    assert.match(expand.stdout, /phase: expand/);
    assert.equal(migrationDirs(dir, 'dev').length, 1, 'nothing written for SQLite at expand');
    const expandName = migrationDirs(dir, 'production').at(-1)!;
    const expandSql = script(dir, 'production', expandName);
    assert.match(expandSql, /ALTER TABLE "users" ADD COLUMN "first_name" TEXT;/);
    assert.match(expandSql, /ALTER TABLE "users" ADD COLUMN "last_name" TEXT;/);
    assert.match(expandSql, /CREATE TRIGGER "steward_sync_users_first_name" BEFORE INSERT OR UPDATE ON "users"/);
    assert.match(expandSql, /CREATE TRIGGER "steward_syncback_users_name" BEFORE INSERT OR UPDATE ON "users"/);
    assert.match(expandSql, /CREATE TRIGGER "steward_syncback_users_status" BEFORE INSERT OR UPDATE ON "users"/);
    assert.match(expandSql, /ALTER TABLE "users" ALTER COLUMN "legacy_code" DROP NOT NULL;/);
    assert.doesNotMatch(expandSql, /NEW\."name" := \(NEW\."first_name"\)/, 'a split is not cast back into the old column');
    assert.doesNotMatch(expandSql, /"name" DROP NOT NULL|"status" DROP NOT NULL/, 'a retired column with a backfill stays NOT NULL');
    assert.match(expandSql, /ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_user_id_fkey";/);
    await apply(expandName);
    // Past expand, new code deletes a user the retired table still references.
    assert.equal((await pool.query('DELETE FROM "users" WHERE "id" = 1')).rowCount, 1);
    const newApp = application(pool, 'new', newRows, errors);
    apps.push(newApp);
    await new Promise((resolve) => setTimeout(resolve, 300));

    // Backfill in batches while both applications write.
    const backfill = await run(dir, 'migrate', 'backfill', '--env', 'production', '--url', server.url({ database: 'app' }), '--batch', '300');
    assert.equal(backfill.code, 0, backfill.stderr);
    assert.match(backfill.stdout, /"users"\."name" -> "first_name" \(split_part\(name, ' ', 1\)\): \d+ of \d+ rows filled in \d+ batches/);
    assert.match(backfill.stdout, /"users"\."name" -> "last_name" .*: \d+ of \d+ rows filled in \d+ batches/);
    assert.doesNotMatch(backfill.stdout, /drop "users"/, 'a retired column has nothing to backfill');
    const unfilled = await pool.query(`SELECT count(*)::int AS n FROM "users" WHERE "first_name" IS NULL OR "last_name" IS NULL`);
    assert.equal(unfilled.rows[0].n, 0);

    // While both run, every row reads whole in both shapes: old rows split, new rows joined back.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const inconsistent = await pool.query(`SELECT "id", "name", "first_name", "last_name" FROM "users"
      WHERE NOT ("name" = "first_name" || ' ' || "last_name"
        OR ("first_name" = split_part("name", ' ', 1) AND "last_name" = CASE WHEN strpos("name", ' ') > 0 THEN substr("name", strpos("name", ' ') + 1) ELSE '' END))`);
    assert.deepEqual(inconsistent.rows, []);
    const newIds = [...newRows.keys()];
    const newShape = await pool.query(`SELECT "status", "legacy_code" FROM "users" WHERE "id" = ANY($1::int[])`, [newIds]);
    assert.ok(newShape.rows.length > 0);
    assert.ok(
      newShape.rows.every((r) => r.status === 'active' && r.legacy_code === null),
      'rows new code writes get status from the drop backfill and legacy_code NULL',
    );

    // Contract is refused while the code still uses an old column: nothing written.
    const before = migrationDirs(dir, 'production').length;
    const refused = await run(dir, 'migrate', 'create', '--expand-contract', '--name', 'users_split_done');
    assert.equal(refused.code, 1, refused.stdout + refused.stderr);
    const said = refused.stdout + refused.stderr;
    assert.match(said, /transition-old-shape-used/);
    assert.match(said, /src\/users\.ts:4:\d+ Prisma Client call \("users"\."name" -> "first_name"/);
    assert.match(said, /src\/users\.ts:4:\d+ Prisma Client call \(drop "users"\."legacy_code"\)/);
    assert.match(said, /src\/users\.ts:8:\d+ raw SQL: .*\(drop "users"\."status"/);
    assert.match(said, /src\/users\.ts:12:\d+ Prisma Client call \(drop table "audit_log"\)/);
    assert.equal(migrationDirs(dir, 'production').length, before);

    // The code moves to the new fields; old instances are retired; contract passes.
    writeFileSync(path.join(dir, 'src/users.ts'), NEW_CODE);
    await oldApp.stop();
    const contract = await run(dir, 'migrate', 'create', '--expand-contract', '--name', 'users_split_done');
    assert.equal(contract.code, 0, contract.stdout + contract.stderr);
    assert.match(contract.stdout, /phase: contract/);
    const contractName = migrationDirs(dir, 'production').at(-1)!;
    const contractSql = script(dir, 'production', contractName);
    assert.match(contractSql, /DROP TRIGGER IF EXISTS "steward_syncback_users_name" ON "users";/);
    assert.match(contractSql, /DROP TRIGGER IF EXISTS "steward_sync_users_last_name" ON "users";/);
    assert.ok(contractSql.indexOf('DROP TRIGGER') < contractSql.indexOf('UPDATE "users"'), 'triggers dropped before the catch-up');
    for (const column of ['name', 'status', 'legacy_code']) assert.match(contractSql, new RegExp(`DROP COLUMN "${column}"`));
    assert.match(contractSql, /ALTER COLUMN "first_name" SET NOT NULL/);
    assert.match(contractSql, /DROP TABLE "audit_log"/);
    await apply(contractName);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await newApp.stop();

    assert.deepEqual(errors, []);
    assert.ok(oldRows.size > 20 && newRows.size > 20, `both applications wrote (${oldRows.size} old, ${newRows.size} new)`);
    const rows = new Map((await pool.query('SELECT "id", "first_name", "last_name" FROM "users"')).rows.map((r) => [r.id as number, r]));
    assert.equal(rows.size, SEEDED - 1 + oldRows.size + newRows.size, 'no lost row (one deleted on purpose), none extra');
    if (process.env.SHOW_TRANSITION)
      console.log({
        old: oldRows.size,
        new: newRows.size,
        backfill: backfill.stdout,
        expandSql,
        contractSql,
        dev: script(dir, 'dev', migrationDirs(dir, 'dev').at(-1)!),
      });
    for (let id = 1; id <= SEEDED; id++) {
      if (id === 1 || oldRows.has(id) || newRows.has(id)) continue;
      const expected = id % 10 === 0 ? [`Solo${id}`, ''] : ['Seed', `${id} Person`];
      assert.deepEqual([rows.get(id).first_name, rows.get(id).last_name], expected, `seeded row ${id}`);
    }
    for (const [id, w] of [...oldRows, ...newRows]) assert.deepEqual([rows.get(id)?.first_name, rows.get(id)?.last_name], [w.first, w.last], `row ${id}`);
    const columns = (
      await pool.query(`SELECT column_name, is_nullable FROM information_schema.columns WHERE table_name = 'users' ORDER BY column_name`)
    ).rows.map((r) => `${r.column_name}:${r.is_nullable}`);
    assert.deepEqual(columns, ['email:NO', 'first_name:NO', 'id:NO', 'last_name:NO']);
    const triggers = await pool.query(`SELECT count(*)::int AS n FROM pg_trigger WHERE tgname LIKE 'steward_%'`);
    assert.equal(triggers.rows[0].n, 0);
    assert.equal((await pool.query(`SELECT to_regclass('audit_log') AS t`)).rows[0].t, null, 'the retired table is gone');

    // SQLite: one correct step at contract, the rows kept, split with the sqlite expressions.
    const devContract = migrationDirs(dir, 'dev').at(-1)!;
    assert.match(devContract, /_users_split_done_contract$/);
    await dev.executeScript(script(dir, 'dev', devContract));
    assert.deepEqual(await dev.query(`SELECT name FROM sqlite_master WHERE name = 'audit_log'`), []);
    assert.deepEqual(await dev.query('SELECT "email", "first_name", "last_name" FROM "users" ORDER BY "id"'), [
      { email: 'a@x.test', first_name: 'Ada', last_name: 'Lovelace King' },
      { email: 'b@x.test', first_name: 'Bob', last_name: '' },
    ]);

    // The histories now match the master: Prisma plans nothing more, and the transitions are done.
    const after = await run(dir, 'migrate', 'create', '--name', 'after', '--dry-run');
    assert.match(after.stdout, /production: nothing to migrate/, after.stdout + after.stderr);
    assert.match(after.stdout, /dev: nothing to migrate/, after.stdout + after.stderr);
    const done = await run(dir, 'migrate', 'create', '--expand-contract', '--name', 'again', '--dry-run');
    assert.match(done.stdout, /phase: none/);
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
    await dev.close();
    await pool.end();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('SQLite alone: a drop goes straight to contract, refused while code uses the column, then one step that keeps the rows', async () => {
  const sqliteConfig = JSON.stringify({ master: 'prisma/schema.master.prisma', environments: { dev: { provider: 'sqlite' } } });
  const before = `datasource db {
  provider = "sqlite"
}

model Post {
  id         Int     @id @default(autoincrement())
  title      String
  legacyCode String? @map("legacy_code")
}
`;
  const after = `datasource db {
  provider = "sqlite"
}

/// @steward.transition(drop: "legacy_code")
model Post {
  id    Int    @id @default(autoincrement())
  title String
}
`;
  const dir = tempProject({
    'steward.config.json': sqliteConfig,
    'prisma/schema.master.prisma': before,
    'src/posts.ts': "import { prisma } from './db';\nexport const codes = () => prisma.post.findMany({ select: { legacyCode: true } });\n",
  });
  const dev = await SqliteConnection.open(path.join(dir, 'dev.db'));
  try {
    await baselineMigrations(await loadConfig({ cwd: dir }), { name: 'init', now: new Date(Date.UTC(2025, 0, 1)) });
    await dev.executeScript(script(dir, 'dev', migrationDirs(dir, 'dev')[0]));
    await dev.executeScript(`INSERT INTO "Post" ("title", "legacy_code") VALUES ('a', 'x'), ('b', NULL)`);
    writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), after);
    const refused = await run(dir, 'migrate', 'create', '--expand-contract', '--name', 'drop_code');
    assert.equal(refused.code, 1, refused.stdout + refused.stderr);
    assert.match(refused.stdout, /phase: contract/);
    assert.match(refused.stdout + refused.stderr, /src\/posts\.ts:2:\d+ Prisma Client call \(drop "Post"\."legacy_code"\)/);
    assert.equal(migrationDirs(dir, 'dev').length, 1, 'nothing written');
    const forced = await run(dir, 'migrate', 'create', '--expand-contract', '--name', 'drop_code', '--force', '--dry-run');
    assert.equal(forced.code, 0, forced.stdout + forced.stderr);
    assert.match(forced.stdout + forced.stderr, /transition-gate-overridden/);
    writeFileSync(
      path.join(dir, 'src/posts.ts'),
      "import { prisma } from './db';\nexport const titles = () => prisma.post.findMany({ select: { title: true } });\n",
    );
    const contract = await run(dir, 'migrate', 'create', '--expand-contract', '--name', 'drop_code');
    assert.equal(contract.code, 0, contract.stdout + contract.stderr);
    await dev.executeScript(script(dir, 'dev', migrationDirs(dir, 'dev').at(-1)!));
    assert.deepEqual(await dev.query('SELECT * FROM "Post" ORDER BY "id"'), [
      { id: 1, title: 'a' },
      { id: 2, title: 'b' },
    ]);
    const done = await run(dir, 'migrate', 'create', '--expand-contract', '--name', 'again', '--dry-run');
    assert.match(done.stdout, /phase: none/);
    const plain = await run(dir, 'migrate', 'create', '--name', 'after', '--dry-run');
    assert.match(plain.stdout, /dev: nothing to migrate/, plain.stdout + plain.stderr);
  } finally {
    await dev.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
