/**
 * Expand/contract on a throwaway PostgreSQL cluster with rows: a rename, a type change and a new
 * required column go through expand, backfill and contract while a simulated old application
 * (old columns only) and new application (new columns only) keep reading and writing: no error,
 * no lost row. Contract is refused while the fixture code still uses the old column, and passes
 * once it does not. The SQLite environment gets its one correct step at contract.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import {
  DISPLAY_NAME_CODE,
  NAME_CODE,
  assertTransitionsDone,
  createPhase,
  migrationDirs,
  migrationSql,
  refusedContract,
  renameMasters,
  withTransitionProject,
} from '../helpers/transitions.js';
import { run } from '../helpers/project.js';

/** The final shape: name renamed to display_name, score widened to a BIGINT points, a required plan. */
const { before: V1, after: V2 } = renameMasters({
  before: '  score Int\n',
  after: `  /// @steward.transition(from: "score")
  points      BigInt
  /// @steward.transition(backfill: "'free'")
  plan        String
`,
});

const SEEDED = 2000;

interface Written {
  name: string;
  score: number;
  plan: string;
}

/** One step of a simulated application: an insert, an update and a read. */
function step(pool: pg.Pool, kind: 'old' | 'new', written: Map<number, Written>, errors: string[]) {
  return async (n: number) => {
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
  };
}

test('expand, backfill and contract with an old and a new application running, gated by code usage', async (t) => {
  await withTransitionProject(t, { 'prisma/schema.master.prisma': V1, 'src/users.ts': NAME_CODE }, async (project) => {
    const { dir, pool, dev, apply, errors } = project;
    await pool.query(`INSERT INTO "users" ("email", "name", "score") SELECT 'seed-' || g || '@x.test', 'seed-' || g, g FROM generate_series(1, ${SEEDED}) g`);
    await dev.executeScript(`INSERT INTO "users" ("email", "name", "score") VALUES ('a@x.test', 'Ada', 7), ('b@x.test', 'Bob', 9)`);

    const oldRows = new Map<number, Written>();
    const newRows = new Map<number, Written>();
    const oldApp = project.startApp('old', step(pool, 'old', oldRows, errors));

    // Expand: the new columns beside the old ones, kept in step by a trigger.
    writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), V2);
    const expand = await createPhase(dir, 'users_v2', 'expand');
    assert.match(expand.stdout, /dev: nothing in this phase \(SQLite takes the transition in one step at contract\)/);
    assert.match(expand.name, /_users_v2_expand$/);
    assert.deepEqual(migrationDirs(dir, 'dev').length, 1, 'nothing written for SQLite at expand');
    assert.match(expand.sql, /ALTER TABLE "users" ADD COLUMN "display_name" TEXT;/);
    assert.match(expand.sql, /ALTER TABLE "users" ADD COLUMN "points" BIGINT;/);
    assert.match(expand.sql, /CREATE TRIGGER "steward_sync_users_display_name" BEFORE INSERT OR UPDATE ON "users"/);
    await apply(expand.name);
    project.startApp('new', step(pool, 'new', newRows, errors));
    await sleep(300);

    // Backfill in batches while both applications write.
    const filled = await project.backfill();
    assert.match(filled.stdout, /"users"\."name" -> "display_name": \d+ of \d+ rows filled in \d+ batches/);
    // Batches of at most 300; both applications keep writing meanwhile (the new one fills the new
    // column itself), so the count after the first batch can be a little under 300.
    const firstBatch = /"users"\."score" -> "points": (\d+)\/\d+ rows \(1 batch\)/.exec(filled.stderr);
    assert.ok(firstBatch && Number(firstBatch[1]) > 0 && Number(firstBatch[1]) <= 300, filled.stderr);
    const unfilled = await pool.query(`SELECT count(*)::int AS n FROM "users" WHERE "display_name" IS NULL OR "points" IS NULL OR "plan" IS NULL`);
    assert.equal(unfilled.rows[0].n, 0);
    const again = await run(dir, 'migrate', 'backfill', '--env', 'production', '--url', project.url);
    assert.match(again.stdout, /: 0 of 0 rows filled in 0 batches/, 'resumable: nothing left the second time');

    // Contract is refused while the code still uses the old column: nothing written.
    const refused = await refusedContract(dir, 'users_v2');
    assert.match(refused, /src\/users\.ts:4:\d+ Prisma Client call \("users"\."name" -> "display_name"\)/);
    assert.match(refused, /src\/users\.ts:8:\d+ raw SQL/);

    // The code moves to the new field; old instances are retired; contract passes.
    writeFileSync(path.join(dir, 'src/users.ts'), DISPLAY_NAME_CODE);
    await oldApp.stop();
    const contract = await createPhase(dir, 'users_v2_done', 'contract');
    assert.match(contract.sql, /DROP TRIGGER IF EXISTS "steward_sync_users_display_name" ON "users";/);
    assert.match(contract.sql, /DROP COLUMN "name"/);
    assert.match(contract.sql, /ALTER COLUMN "display_name" SET NOT NULL/);
    await apply(contract.name);
    await sleep(200);
    await project.stopApps();

    assert.ok(oldRows.size > 20 && newRows.size > 20, `both applications wrote (${oldRows.size} old, ${newRows.size} new)`);
    const rows = new Map((await pool.query('SELECT "id", "display_name", "points", "plan" FROM "users"')).rows.map((r) => [r.id as number, r]));
    assert.equal(rows.size, SEEDED + oldRows.size + newRows.size, 'no lost row, none extra');
    project.show({ old: oldRows.size, new: newRows.size, backfill: filled.stdout, expandSql: expand.sql, contractSql: contract.sql });
    for (let id = 1; id <= SEEDED; id++) {
      if (oldRows.has(id) || newRows.has(id)) continue;
      assert.deepEqual([rows.get(id).display_name, Number(rows.get(id).points), rows.get(id).plan], [`seed-${id}`, id, 'free']);
    }
    for (const [id, w] of [...oldRows, ...newRows])
      assert.deepEqual([rows.get(id)?.display_name, Number(rows.get(id)?.points), rows.get(id)?.plan], [w.name, w.score, w.plan], `row ${id}`);
    // Past contract the new type holds what the old one could not (during the transition the
    // trigger copies each write into the old column too, so values must fit both: documented).
    await pool.query(`INSERT INTO "users" ("email", "display_name", "points", "plan") VALUES ('big@x.test', 'Big', 5000000000, 'pro')`);
    assert.deepEqual(await project.columns('users'), ['display_name:NO', 'email:NO', 'id:NO', 'plan:NO', 'points:NO']);

    // SQLite: one correct step at contract, the rows kept.
    const devContract = migrationDirs(dir, 'dev').at(-1)!;
    assert.match(devContract, /_users_v2_done_contract$/);
    await dev.executeScript(migrationSql(dir, 'dev', devContract));
    assert.deepEqual(await dev.query('SELECT "email", "display_name", "points", "plan" FROM "users" ORDER BY "id"'), [
      { email: 'a@x.test', display_name: 'Ada', points: 7, plan: 'free' },
      { email: 'b@x.test', display_name: 'Bob', points: 9, plan: 'free' },
    ]);

    // The histories now match the master: Prisma plans nothing more, and the transition is done.
    await assertTransitionsDone(dir, ['production', 'dev']);
  });
});
