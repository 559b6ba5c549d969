import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { loadConfig } from '../../src/config/load.js';
import { openDatabase } from '../../src/engine/open-database.js';
import { createMigrations } from '../../src/migrate/create-migrations.js';
import { migrationStatus } from '../../src/migrate/migration-status.js';
import { readMigrationsList } from '../../src/engine/migrations-list.js';
import { deployDatabase } from '../../src/migrate/deploy.js';
import { migrateDown } from '../../src/migrate/down.js';
import { StewardError } from '../../src/errors/index.js';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startPostgresServer, SUPERUSER_PASSWORD, type PostgresServer } from '../helpers/postgres-server.js';
import { run, snapshot, tempProject } from '../helpers/project.js';

const CONFIG = JSON.stringify({
  master: 'prisma/schema.master.prisma',
  environments: { dev: { provider: 'sqlite' }, production: { provider: 'postgresql' } },
});

const V1 = `datasource db {
  provider = "postgresql"
}

model Author {
  id   Int    @id @default(autoincrement())
  name String
}
`;

const V2 = `datasource db {
  provider = "postgresql"
}

model Author {
  id   Int     @id @default(autoincrement())
  name String
  bio  String?
  tags Tag[]
}

model Tag {
  id       Int    @id @default(autoincrement())
  label    String @unique
  authorId Int
  author   Author @relation(fields: [authorId], references: [id])
}
`;

// The column renamed (kept data): its reverse renames it back.
const V3 = V2.replace('  name String\n  bio  String?', '  /// @steward.renamedFrom("name")\n  name String  @map("display_name")\n  bio  String?');

let server: PostgresServer | null = null;
let skipReason = '';
before(async () => {
  server = await startPostgresServer((message) => (skipReason = message));
});
after(() => server?.stop());

test('migrate create writes down.sql beside migration.sql, linted (its data loss named, as warnings)', async () => {
  const dir = tempProject({ 'steward.config.json': CONFIG, 'prisma/schema.master.prisma': V1 });
  try {
    await createMigrations(await loadConfig({ cwd: dir }), { name: 'init', now: new Date(Date.UTC(2025, 0, 1)) });
    writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), V2);
    const migrations = await createMigrations(await loadConfig({ cwd: dir }), { name: 'tags', now: new Date(Date.UTC(2025, 0, 2)) });
    for (const migration of migrations) {
      const down = path.join(dir, 'prisma/migrations', migration.env, '20250102000000_tags', 'down.sql');
      assert.ok(existsSync(down), `${migration.env}: down.sql written`);
      assert.equal(readFileSync(down, 'utf8'), migration.downScript);
      assert.match(migration.downScript, /DROP TABLE ("public"\.)?"Tag"/, migration.env);
      const rollbackFindings = migration.diagnostics.filter((d) => d.message.startsWith('rollback:'));
      assert.ok(rollbackFindings.length > 0, `${migration.env}: the reverse is linted`);
      assert.ok(
        rollbackFindings.every((d) => d.severity !== 'error' && d.location?.file.endsWith(path.join('20250102000000_tags', 'down.sql'))),
        JSON.stringify(rollbackFindings),
      );
      assert.ok(
        rollbackFindings.some((d) => /Tag/.test(d.message)),
        `${migration.env}: the dropped table is named`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const env of ['dev', 'production'] as const) {
  test(`${env === 'dev' ? 'SQLite' : 'PostgreSQL'}: deploy, roll back, and the database is the earlier schema again (drift clean); Prisma's bookkeeping agrees`, async (t) => {
    if (env === 'production' && !server) return t.skip(skipReason);
    const dir = tempProject({ 'steward.config.json': CONFIG, 'prisma/schema.master.prisma': V1 });
    try {
      await createMigrations(await loadConfig({ cwd: dir }), { name: 'init', now: new Date(Date.UTC(2025, 0, 1)) });
      writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), V2);
      await createMigrations(await loadConfig({ cwd: dir }), { name: 'tags', now: new Date(Date.UTC(2025, 0, 2)) });
      writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), V3);
      const renamed = await createMigrations(await loadConfig({ cwd: dir }), { name: 'rename', now: new Date(Date.UTC(2025, 0, 3)), previousMaster: null });
      const renameDown = renamed.find((m) => m.env === env)!.downScript;
      assert.match(renameDown, /RENAME COLUMN "display_name" TO "name"/, renameDown);
      assert.doesNotMatch(renameDown, /DROP/, 'a rename is reversed without loss');
      const url = env === 'dev' ? `file:${path.join(dir, 'app.db')}` : await server!.createDatabase('rollback_round_trip');
      const deployed = await run(dir, 'migrate', 'deploy', '--env', env, '--url', url);
      assert.equal(deployed.code, 0, deployed.stdout + deployed.stderr);
      assert.match(deployed.stdout, /applied 3 migrations: 20250101000000_init, 20250102000000_tags, 20250103000000_rename/);
      const connection = await openDatabase(url);
      await connection.executeScript(`INSERT INTO "Author" ("display_name") VALUES ('Ada')`);
      await connection.close();

      // A migration without down.sql refuses the rollback, and nothing changes.
      const downFile = path.join(dir, 'prisma/migrations', env, '20250102000000_tags', 'down.sql');
      const downScript = readFileSync(downFile, 'utf8');
      rmSync(downFile);
      const before = snapshot(dir);
      const refused = await run(dir, 'migrate', 'down', '--env', env, '--to', 'init', '--url', url);
      assert.equal(refused.code, 2, refused.stdout + refused.stderr);
      assert.match(refused.stderr, /no down\.sql/);
      assert.deepEqual(snapshot(dir), before);
      writeFileSync(downFile, downScript);

      const dry = await run(dir, 'migrate', 'down', '--env', env, '--to', 'init', '--url', url, '--dry-run');
      assert.equal(dry.code, 0, dry.stderr);
      assert.match(dry.stdout, /DROP TABLE ("public"\.)?"Tag"/);
      const down = await run(dir, 'migrate', 'down', '--env', env, '--to', 'init', '--url', url);
      assert.equal(down.code, 0, down.stdout + down.stderr);
      assert.match(down.stdout, /rolled back 20250103000000_rename, 20250102000000_tags/);
      for (const output of [deployed, refused, dry, down]) assert.ok(!(output.stdout + output.stderr).includes(SUPERUSER_PASSWORD));

      // Drift against the earlier schema is clean, and the data of the kept table survived.
      writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), V1);
      const drift = await run(dir, 'db', 'drift', '--env', env, '--url', url);
      assert.equal(drift.code, 0, drift.stdout + drift.stderr);
      const reopened = await openDatabase(url);
      try {
        assert.deepEqual(
          (await reopened.query(`SELECT "name" FROM "Author"`)).map((row) => row.name),
          ['Ada'],
        );
        const rows = await reopened.query(`SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at`);
        assert.deepEqual(
          rows.map((row) => [row.migration_name, row.finished_at !== null, row.rolled_back_at !== null]),
          [
            ['20250101000000_init', true, false],
            ['20250102000000_tags', true, true],
            ['20250103000000_rename', true, true],
          ],
        );
      } finally {
        await reopened.close();
      }
      const status = await migrationStatus(path.join(dir, 'prisma/migrations', env), url, { cwd: dir });
      assert.deepEqual(
        status.migrations.map((m) => m.state),
        ['applied', 'rolled-back', 'rolled-back'],
      );

      // Prisma's engine reads the rolled-back row as not applied: a deploy applies the migration again.
      writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), V3);
      const again = await run(dir, 'migrate', 'deploy', '--env', env, '--url', url);
      assert.equal(again.code, 0, again.stdout + again.stderr);
      assert.match(again.stdout, /applied 2 migrations: 20250102000000_tags, 20250103000000_rename/);
      const driftAfter = await run(dir, 'db', 'drift', '--env', env, '--url', url);
      assert.equal(driftAfter.code, 0, driftAfter.stdout + driftAfter.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('PostgreSQL: a failing reverse changes nothing (the reverse and its bookkeeping are one transaction)', async (t) => {
  if (!server) return t.skip(skipReason);
  const dir = mkdtempSync(path.join(tmpdir(), 'steward-down-'));
  try {
    const migrations = path.join(dir, 'migrations');
    const files: Record<string, string> = {
      'migration_lock.toml': 'provider = "postgresql"\n',
      '20250101000000_init/migration.sql': 'CREATE TABLE "author" ("id" SERIAL PRIMARY KEY);\n',
      '20250102000000_tags/migration.sql': 'CREATE TABLE "tag" ("id" SERIAL PRIMARY KEY);\n',
      '20250102000000_tags/down.sql': 'DROP TABLE "tag";\nDROP TABLE "not_there";\n',
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(migrations, file)), { recursive: true });
      writeFileSync(path.join(migrations, file), text);
    }
    const url = await server.createDatabase('rollback_failing');
    assert.equal((await deployDatabase(await readMigrationsList(migrations), url)).status, 'applied');
    await assert.rejects(
      migrateDown(migrations, url, { to: 'init', cwd: dir }),
      (error) =>
        error instanceof StewardError &&
        error.code === 'MIGRATION_INVALID' &&
        /down\.sql failed/.test(error.message) &&
        !error.message.includes(SUPERUSER_PASSWORD),
    );
    const after = await server.sql(
      `SELECT to_regclass('tag') IS NOT NULL AS kept, (SELECT count(*)::int FROM _prisma_migrations WHERE rolled_back_at IS NOT NULL) AS rolled`,
      'rollback_failing',
    );
    assert.deepEqual(after.rows, [{ kept: true, rolled: 0 }]);
    writeFileSync(path.join(migrations, '20250102000000_tags/down.sql'), 'DROP TABLE "tag";\n');
    const result = await migrateDown(migrations, url, { to: 'init', cwd: dir });
    assert.deepEqual(
      result.steps.map((step) => step.migration),
      ['20250102000000_tags'],
    );
    const done = await server.sql(
      `SELECT to_regclass('tag') IS NULL AS dropped, (SELECT count(*)::int FROM _prisma_migrations WHERE rolled_back_at IS NOT NULL) AS rolled`,
      'rollback_failing',
    );
    assert.deepEqual(done.rows, [{ dropped: true, rolled: 1 }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
