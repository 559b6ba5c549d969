/**
 * Expand/contract on a throwaway PostgreSQL cluster with rows: a rename, a type change and a new
 * required column go through expand, backfill and contract while a simulated old application
 * (old columns only) and new application (new columns only) keep reading and writing: no error,
 * no lost row. Contract is refused while the fixture code still uses the old column, and passes
 * once it does not. The SQLite environment gets its one correct step at contract.
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
  id    Int    @id @default(autoincrement())
  email String @unique
  name  String
  score Int

  @@map("users")
}
`;

/** The final shape: name renamed to display_name, score widened to a BIGINT points, a required plan. */
const V2 = `datasource db {
  provider = "postgresql"
}

model User {
  id          Int    @id @default(autoincrement())
  email       String @unique
  /// @steward.transition(from: "name")
  displayName String @map("display_name")
  /// @steward.transition(from: "score")
  points      BigInt
  /// @steward.transition(backfill: "'free'")
  plan        String

  @@map("users")
}
`;

const OLD_CODE = `import { prisma } from './db';

export async function names() {
  return prisma.user.findMany({ select: { name: true } });
}

export async function raw() {
  return prisma.$queryRaw\`SELECT "name" FROM "users" WHERE "id" = 1\`;
}
`;

const NEW_CODE = `import { prisma } from './db';

export async function names() {
  return prisma.user.findMany({ select: { displayName: true } });
}
`;

const SEEDED = 2000;

interface Written {
  name: string;
  score: number;
  plan: string;
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
          const name = `old-${n}`;
          const { rows } = await pool.query('INSERT INTO "users" ("email", "name", "score") VALUES ($1, $2, $3) RETURNING "id"', [`old-${n}@x.test`, name, n]);
          written.set(rows[0].id, { name, score: n, plan: 'free' });
          const mine = [...written.keys()];
          const id = mine[n % mine.length];
          const renamed = `old-${n}-renamed`;
          await pool.query('UPDATE "users" SET "name" = $1 WHERE "id" = $2', [renamed, id]);
          written.set(id, { ...written.get(id)!, name: renamed });
          const read = await pool.query('SELECT "name", "score" FROM "users" WHERE "id" = $1', [id]);
          if (read.rows[0].name !== renamed) errors.push(`old app read ${read.rows[0].name} for ${id}`);
        } else {
          const name = `new-${n}`;
          const { rows } = await pool.query('INSERT INTO "users" ("email", "display_name", "points", "plan") VALUES ($1, $2, $3, $4) RETURNING "id"', [
            `new-${n}@x.test`,
            name,
            1_000_000 + n,
            'pro',
          ]);
          written.set(rows[0].id, { name, score: 1_000_000 + n, plan: 'pro' });
          const mine = [...written.keys()];
          const id = mine[n % mine.length];
          const renamed = `new-${n}-renamed`;
          await pool.query('UPDATE "users" SET "display_name" = $1 WHERE "id" = $2', [renamed, id]);
          written.set(id, { ...written.get(id)!, name: renamed });
          const read = await pool.query('SELECT "display_name", "points", "plan" FROM "users" WHERE "id" = $1', [id]);
          if (read.rows[0].display_name !== renamed) errors.push(`new app read ${read.rows[0].display_name} for ${id}`);
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

test('expand, backfill and contract with an old and a new application running, gated by code usage', async (t) => {
  const server = await startPostgresServer((message) => t.skip(message));
  if (!server) return;
  const dir = tempProject({ 'steward.config.json': CONFIG, 'prisma/schema.master.prisma': V1, 'src/users.ts': OLD_CODE });
  const pool = new pg.Pool({ connectionString: await server.createDatabase('app'), max: 6 });
  const apply = async (migration: string) => pool.query(script(dir, 'production', migration));
  const dev = await SqliteConnection.open(path.join(dir, 'dev.db'));
  // The simulated applications, stopped in `finally` too: a failed assertion must not leave them writing.
  const apps: { stop(): Promise<void> }[] = [];
  try {
    await baselineMigrations(await loadConfig({ cwd: dir }), { name: 'init', now: new Date(Date.UTC(2025, 0, 1)) });
    const [init] = migrationDirs(dir, 'production');
    await apply(init);
    await pool.query(`INSERT INTO "users" ("email", "name", "score") SELECT 'seed-' || g || '@x.test', 'seed-' || g, g FROM generate_series(1, ${SEEDED}) g`);
    await dev.executeScript(script(dir, 'dev', migrationDirs(dir, 'dev')[0]));
    await dev.executeScript(`INSERT INTO "users" ("email", "name", "score") VALUES ('a@x.test', 'Ada', 7), ('b@x.test', 'Bob', 9)`);

    const errors: string[] = [];
    const oldRows = new Map<number, Written>();
    const newRows = new Map<number, Written>();
    const oldApp = application(pool, 'old', oldRows, errors);
    apps.push(oldApp);

    // Expand: the new columns beside the old ones, kept in step by a trigger.
    writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), V2);
    const expand = await run(dir, 'migrate', 'create', '--expand-contract', '--name', 'users_v2');
    assert.equal(expand.code, 0, expand.stdout + expand.stderr);
    assert.match(expand.stdout, /phase: expand/);
    assert.match(expand.stdout, /dev: nothing in this phase \(SQLite takes the transition in one step at contract\)/);
    const expandName = migrationDirs(dir, 'production').at(-1)!;
    assert.match(expandName, /_users_v2_expand$/);
    assert.deepEqual(migrationDirs(dir, 'dev').length, 1, 'nothing written for SQLite at expand');
    const expandSql = script(dir, 'production', expandName);
    assert.match(expandSql, /ALTER TABLE "users" ADD COLUMN "display_name" TEXT;/);
    assert.match(expandSql, /ALTER TABLE "users" ADD COLUMN "points" BIGINT;/);
    assert.match(expandSql, /CREATE TRIGGER "steward_sync_users_display_name" BEFORE INSERT OR UPDATE ON "users"/);
    await apply(expandName);
    const newApp = application(pool, 'new', newRows, errors);
    apps.push(newApp);
    await new Promise((resolve) => setTimeout(resolve, 300));

    // Backfill in batches while both applications write.
    const backfill = await run(dir, 'migrate', 'backfill', '--env', 'production', '--url', server.url({ database: 'app' }), '--batch', '300');
    assert.equal(backfill.code, 0, backfill.stderr);
    assert.match(backfill.stdout, /"users"\."name" -> "display_name": \d+ of \d+ rows filled in \d+ batches/);
    // Batches of at most 300; both applications keep writing meanwhile (the new one fills the new
    // column itself), so the count after the first batch can be a little under 300.
    const firstBatch = /"users"\."score" -> "points": (\d+)\/\d+ rows \(1 batch\)/.exec(backfill.stderr);
    assert.ok(firstBatch && Number(firstBatch[1]) > 0 && Number(firstBatch[1]) <= 300, backfill.stderr);
    const unfilled = await pool.query(`SELECT count(*)::int AS n FROM "users" WHERE "display_name" IS NULL OR "points" IS NULL OR "plan" IS NULL`);
    assert.equal(unfilled.rows[0].n, 0);
    const again = await run(dir, 'migrate', 'backfill', '--env', 'production', '--url', server.url({ database: 'app' }));
    assert.match(again.stdout, /: 0 of 0 rows filled in 0 batches/, 'resumable: nothing left the second time');

    // Contract is refused while the code still uses the old column: nothing written.
    const before = migrationDirs(dir, 'production').length;
    const refused = await run(dir, 'migrate', 'create', '--expand-contract', '--name', 'users_v2');
    assert.equal(refused.code, 1, refused.stdout + refused.stderr);
    assert.match(refused.stdout + refused.stderr, /transition-old-shape-used/);
    assert.match(refused.stdout + refused.stderr, /src\/users\.ts:4:\d+ Prisma Client call \("users"\."name" -> "display_name"\)/);
    assert.match(refused.stdout + refused.stderr, /src\/users\.ts:8:\d+ raw SQL/);
    assert.equal(migrationDirs(dir, 'production').length, before);

    // The code moves to the new field; old instances are retired; contract passes.
    writeFileSync(path.join(dir, 'src/users.ts'), NEW_CODE);
    await oldApp.stop();
    const contract = await run(dir, 'migrate', 'create', '--expand-contract', '--name', 'users_v2_done');
    assert.equal(contract.code, 0, contract.stdout + contract.stderr);
    assert.match(contract.stdout, /phase: contract/);
    const contractName = migrationDirs(dir, 'production').at(-1)!;
    const contractSql = script(dir, 'production', contractName);
    assert.match(contractSql, /DROP TRIGGER IF EXISTS "steward_sync_users_display_name" ON "users";/);
    assert.match(contractSql, /DROP COLUMN "name"/);
    assert.match(contractSql, /ALTER COLUMN "display_name" SET NOT NULL/);
    await apply(contractName);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await newApp.stop();

    assert.deepEqual(errors, []);
    assert.ok(oldRows.size > 20 && newRows.size > 20, `both applications wrote (${oldRows.size} old, ${newRows.size} new)`);
    const rows = new Map((await pool.query('SELECT "id", "display_name", "points", "plan" FROM "users"')).rows.map((r) => [r.id as number, r]));
    assert.equal(rows.size, SEEDED + oldRows.size + newRows.size, 'no lost row, none extra');
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
      if (oldRows.has(id) || newRows.has(id)) continue;
      assert.deepEqual([rows.get(id).display_name, Number(rows.get(id).points), rows.get(id).plan], [`seed-${id}`, id, 'free']);
    }
    for (const [id, w] of [...oldRows, ...newRows])
      assert.deepEqual([rows.get(id)?.display_name, Number(rows.get(id)?.points), rows.get(id)?.plan], [w.name, w.score, w.plan], `row ${id}`);
    // Past contract the new type holds what the old one could not (during the transition the
    // trigger copies each write into the old column too, so values must fit both: documented).
    await pool.query(`INSERT INTO "users" ("email", "display_name", "points", "plan") VALUES ('big@x.test', 'Big', 5000000000, 'pro')`);
    const columns = (
      await pool.query(`SELECT column_name, is_nullable FROM information_schema.columns WHERE table_name = 'users' ORDER BY column_name`)
    ).rows.map((r) => `${r.column_name}:${r.is_nullable}`);
    assert.deepEqual(columns, ['display_name:NO', 'email:NO', 'id:NO', 'plan:NO', 'points:NO']);

    // SQLite: one correct step at contract, the rows kept.
    const devContract = migrationDirs(dir, 'dev').at(-1)!;
    assert.match(devContract, /_users_v2_done_contract$/);
    await dev.executeScript(script(dir, 'dev', devContract));
    assert.deepEqual(await dev.query('SELECT "email", "display_name", "points", "plan" FROM "users" ORDER BY "id"'), [
      { email: 'a@x.test', display_name: 'Ada', points: 7, plan: 'free' },
      { email: 'b@x.test', display_name: 'Bob', points: 9, plan: 'free' },
    ]);

    // The histories now match the master: Prisma plans nothing more, and the transition is done.
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
