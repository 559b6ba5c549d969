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
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { SqliteConnection } from '../../src/engine/sqlite-connection.js';
import { run, tempProject } from '../helpers/project.js';
import {
  assertTransitionsDone,
  baseline,
  createPhase,
  migrationDirs,
  migrationSql,
  refusedContract,
  retireMasters,
  stewardConfig,
  withTransitionProject,
} from '../helpers/transitions.js';

/** name split in two (first word, the rest), status and legacy_code retired, the audit_log table retired. */
const { before: V1, after: V2 } = retireMasters({
  before: `  name       String
  status     String
`,
  drops: `/// @steward.transition(drop: "name", backfill: "first_name || ' ' || last_name")
/// @steward.transition(drop: "status", backfill: "'active'")
`,
  after: `  /// @steward.transition(from: "name", backfill: "split_part(name, ' ', 1)", sqlite: "CASE WHEN instr(name, ' ') > 0 THEN substr(name, 1, instr(name, ' ') - 1) ELSE name END")
  firstName String @map("first_name")
  /// @steward.transition(from: "name", backfill: "CASE WHEN strpos(name, ' ') > 0 THEN substr(name, strpos(name, ' ') + 1) ELSE '' END", sqlite: "CASE WHEN instr(name, ' ') > 0 THEN substr(name, instr(name, ' ') + 1) ELSE '' END")
  lastName  String @map("last_name")
`,
});

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

/** One step of a simulated application: inserts, an update and a read. */
function step(pool: pg.Pool, kind: 'old' | 'new', written: Map<number, Written>, errors: string[]) {
  return async (n: number) => {
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
  };
}

test('a split, two column drops and a table drop go through expand, backfill and contract with an old and a new application running, gated by code usage', async (t) => {
  await withTransitionProject(t, { 'prisma/schema.master.prisma': V1, 'src/users.ts': OLD_CODE }, async (project) => {
    const { dir, pool, dev, apply, errors } = project;
    // Every tenth seeded name is one word (its last name is '').
    await pool.query(
      `INSERT INTO "users" ("email", "name", "status", "legacy_code") SELECT 'seed-' || g || '@x.test', CASE WHEN g % 10 = 0 THEN 'Solo' || g ELSE 'Seed ' || g || ' Person' END, 'seeded', 'S' || g FROM generate_series(1, ${SEEDED}) g`,
    );
    await pool.query(`INSERT INTO "audit_log" ("user_id", "note") SELECT g, 'seeded' FROM generate_series(1, 100) g`);
    // New code no longer knows audit_log, but its foreign key refuses deleting a user it references.
    await assert.rejects(pool.query('DELETE FROM "users" WHERE "id" = 1'), /violates foreign key constraint/);
    await dev.executeScript(
      `INSERT INTO "users" ("email", "name", "status", "legacy_code") VALUES ('a@x.test', 'Ada Lovelace King', 'x', 'A1'), ('b@x.test', 'Bob', 'y', 'B2')`,
    );

    const oldRows = new Map<number, Written>();
    const newRows = new Map<number, Written>();
    const oldApp = project.startApp('old', step(pool, 'old', oldRows, errors));

    // Expand: the new columns and their triggers; name kept filled from them; status filled for
    // new rows; legacy_code made nullable.
    writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), V2);
    const expand = await createPhase(dir, 'users_split', 'expand');
    assert.equal(migrationDirs(dir, 'dev').length, 1, 'nothing written for SQLite at expand');
    assert.match(expand.sql, /ALTER TABLE "users" ADD COLUMN "first_name" TEXT;/);
    assert.match(expand.sql, /ALTER TABLE "users" ADD COLUMN "last_name" TEXT;/);
    assert.match(expand.sql, /CREATE TRIGGER "steward_sync_users_first_name" BEFORE INSERT OR UPDATE ON "users"/);
    assert.match(expand.sql, /CREATE TRIGGER "steward_syncback_users_name" BEFORE INSERT OR UPDATE ON "users"/);
    assert.match(expand.sql, /CREATE TRIGGER "steward_syncback_users_status" BEFORE INSERT OR UPDATE ON "users"/);
    assert.match(expand.sql, /ALTER TABLE "users" ALTER COLUMN "legacy_code" DROP NOT NULL;/);
    assert.doesNotMatch(expand.sql, /NEW\."name" := \(NEW\."first_name"\)/, 'a split is not cast back into the old column');
    assert.doesNotMatch(expand.sql, /"name" DROP NOT NULL|"status" DROP NOT NULL/, 'a retired column with a backfill stays NOT NULL');
    assert.match(expand.sql, /ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_user_id_fkey";/);
    await apply(expand.name);
    // Past expand, new code deletes a user the retired table still references.
    assert.equal((await pool.query('DELETE FROM "users" WHERE "id" = 1')).rowCount, 1);
    project.startApp('new', step(pool, 'new', newRows, errors));
    await sleep(300);

    // Backfill in batches while both applications write.
    const filled = await project.backfill();
    assert.match(filled.stdout, /"users"\."name" -> "first_name" \(split_part\(name, ' ', 1\)\): \d+ of \d+ rows filled in \d+ batches/);
    assert.match(filled.stdout, /"users"\."name" -> "last_name" .*: \d+ of \d+ rows filled in \d+ batches/);
    assert.doesNotMatch(filled.stdout, /drop "users"/, 'a retired column has nothing to backfill');
    const unfilled = await pool.query(`SELECT count(*)::int AS n FROM "users" WHERE "first_name" IS NULL OR "last_name" IS NULL`);
    assert.equal(unfilled.rows[0].n, 0);

    // While both run, every row reads whole in both shapes: old rows split, new rows joined back.
    await sleep(200);
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
    const said = await refusedContract(dir, 'users_split_done');
    assert.match(said, /src\/users\.ts:4:\d+ Prisma Client call \("users"\."name" -> "first_name"/);
    assert.match(said, /src\/users\.ts:4:\d+ Prisma Client call \(drop "users"\."legacy_code"\)/);
    assert.match(said, /src\/users\.ts:8:\d+ raw SQL: .*\(drop "users"\."status"/);
    assert.match(said, /src\/users\.ts:12:\d+ Prisma Client call \(drop table "audit_log"\)/);

    // The code moves to the new fields; old instances are retired; contract passes.
    writeFileSync(path.join(dir, 'src/users.ts'), NEW_CODE);
    await oldApp.stop();
    const contract = await createPhase(dir, 'users_split_done', 'contract');
    assert.match(contract.sql, /DROP TRIGGER IF EXISTS "steward_syncback_users_name" ON "users";/);
    assert.match(contract.sql, /DROP TRIGGER IF EXISTS "steward_sync_users_last_name" ON "users";/);
    assert.ok(contract.sql.indexOf('DROP TRIGGER') < contract.sql.indexOf('UPDATE "users"'), 'triggers dropped before the catch-up');
    for (const column of ['name', 'status', 'legacy_code']) assert.match(contract.sql, new RegExp(`DROP COLUMN "${column}"`));
    assert.match(contract.sql, /ALTER COLUMN "first_name" SET NOT NULL/);
    assert.match(contract.sql, /DROP TABLE "audit_log"/);
    await apply(contract.name);
    await sleep(200);
    await project.stopApps();

    assert.ok(oldRows.size > 20 && newRows.size > 20, `both applications wrote (${oldRows.size} old, ${newRows.size} new)`);
    const rows = new Map((await pool.query('SELECT "id", "first_name", "last_name" FROM "users"')).rows.map((r) => [r.id as number, r]));
    assert.equal(rows.size, SEEDED - 1 + oldRows.size + newRows.size, 'no lost row (one deleted on purpose), none extra');
    project.show({ old: oldRows.size, new: newRows.size, backfill: filled.stdout, expandSql: expand.sql, contractSql: contract.sql });
    for (let id = 1; id <= SEEDED; id++) {
      if (id === 1 || oldRows.has(id) || newRows.has(id)) continue;
      const expected = id % 10 === 0 ? [`Solo${id}`, ''] : ['Seed', `${id} Person`];
      assert.deepEqual([rows.get(id).first_name, rows.get(id).last_name], expected, `seeded row ${id}`);
    }
    for (const [id, w] of [...oldRows, ...newRows]) assert.deepEqual([rows.get(id)?.first_name, rows.get(id)?.last_name], [w.first, w.last], `row ${id}`);
    assert.deepEqual(await project.columns('users'), ['email:NO', 'first_name:NO', 'id:NO', 'last_name:NO']);
    const triggers = await pool.query(`SELECT count(*)::int AS n FROM pg_trigger WHERE tgname LIKE 'steward_%'`);
    assert.equal(triggers.rows[0].n, 0);
    assert.equal((await pool.query(`SELECT to_regclass('audit_log') AS t`)).rows[0].t, null, 'the retired table is gone');

    // SQLite: one correct step at contract, the rows kept, split with the sqlite expressions.
    const devContract = migrationDirs(dir, 'dev').at(-1)!;
    assert.match(devContract, /_users_split_done_contract$/);
    await dev.executeScript(migrationSql(dir, 'dev', devContract));
    assert.deepEqual(await dev.query(`SELECT name FROM sqlite_master WHERE name = 'audit_log'`), []);
    assert.deepEqual(await dev.query('SELECT "email", "first_name", "last_name" FROM "users" ORDER BY "id"'), [
      { email: 'a@x.test', first_name: 'Ada', last_name: 'Lovelace King' },
      { email: 'b@x.test', first_name: 'Bob', last_name: '' },
    ]);

    // The histories now match the master: Prisma plans nothing more, and the transitions are done.
    await assertTransitionsDone(dir, ['production', 'dev']);
  });
});

test('SQLite alone: a drop goes straight to contract, refused while code uses the column, then one step that keeps the rows', async () => {
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
    'steward.config.json': stewardConfig({ dev: 'sqlite' }),
    'prisma/schema.master.prisma': before,
    'src/posts.ts': "import { prisma } from './db';\nexport const codes = () => prisma.post.findMany({ select: { legacyCode: true } });\n",
  });
  const dev = await SqliteConnection.open(path.join(dir, 'dev.db'));
  try {
    await baseline(dir);
    await dev.executeScript(migrationSql(dir, 'dev', migrationDirs(dir, 'dev')[0]));
    await dev.executeScript(`INSERT INTO "Post" ("title", "legacy_code") VALUES ('a', 'x'), ('b', NULL)`);
    writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), after);
    const refused = await refusedContract(dir, 'drop_code', 'dev');
    assert.match(refused, /src\/posts\.ts:2:\d+ Prisma Client call \(drop "Post"\."legacy_code"\)/);
    const forced = await run(dir, 'migrate', 'create', '--expand-contract', '--name', 'drop_code', '--force', '--dry-run');
    assert.equal(forced.code, 0, forced.stdout + forced.stderr);
    assert.match(forced.stdout + forced.stderr, /transition-gate-overridden/);
    writeFileSync(
      path.join(dir, 'src/posts.ts'),
      "import { prisma } from './db';\nexport const titles = () => prisma.post.findMany({ select: { title: true } });\n",
    );
    const contract = await createPhase(dir, 'drop_code', 'contract', 'dev');
    await dev.executeScript(contract.sql);
    assert.deepEqual(await dev.query('SELECT * FROM "Post" ORDER BY "id"'), [
      { id: 1, title: 'a' },
      { id: 2, title: 'b' },
    ]);
    await assertTransitionsDone(dir, ['dev']);
  } finally {
    await dev.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
