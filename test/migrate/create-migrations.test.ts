import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../src/config/load.js';
import { PgliteConnection } from '../../src/engine/pglite-connection.js';
import { SqliteConnection } from '../../src/engine/sqlite-connection.js';
import { StewardError } from '../../src/errors/index.js';
import { baselineMigrations } from '../../src/migrate/baseline.js';
import { createMigrations } from '../../src/migrate/create-migrations.js';
import { applyMigrations } from '../helpers/example-project.js';
import { run, snapshot, tempProject } from '../helpers/project.js';

const CONFIG = JSON.stringify({
  master: 'prisma/schema.master.prisma',
  environments: { dev: { provider: 'sqlite' }, production: { provider: 'postgresql' } },
});

function master(body: string): string {
  return `datasource db {\n  provider = "postgresql"\n}\n\n${body}`;
}

const BEFORE = master(`model Member {
  id       Int    @id @default(autoincrement())
  fullName String @map("full_name")
  email    String @unique

  @@map("members")
}
`);

const RENAMED = master(`/// @steward.renamedFrom("members")
model Person {
  id          Int    @id @default(autoincrement())
  /// @steward.renamedFrom("full_name")
  displayName String @map("display_name")
  email       String @unique

  @@map("people")
}
`);

const RENAMED_COLUMN_ONLY = master(`model Member {
  id          Int    @id @default(autoincrement())
  /// @steward.renamedFrom("full_name")
  displayName String @map("display_name")
  email       String @unique

  @@map("members")
}
`);

test('renamedFrom renames the column (not DROP/ADD) in both environments, and the data survives', async () => {
  const dir = tempProject({ 'steward.config.json': CONFIG, 'prisma/schema.master.prisma': BEFORE });
  try {
    let config = await loadConfig({ cwd: dir });
    await baselineMigrations(config, { name: 'init', now: new Date(Date.UTC(2025, 0, 1)) });
    const dev = await SqliteConnection.open(path.join(dir, 'dev.db'));
    const production = await PgliteConnection.scratch();
    try {
      for (const [database, env] of [
        [dev, 'dev'],
        [production, 'production'],
      ] as const) {
        await applyMigrations(database, path.join(dir, 'prisma/migrations', env));
        await database.executeScript(`INSERT INTO "members" ("full_name", "email") VALUES ('Ada Lovelace', 'ada@example.com')`);
      }
      writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), RENAMED_COLUMN_ONLY);
      config = await loadConfig({ cwd: dir });
      const migrations = await createMigrations(config, { name: 'rename display name', now: new Date(Date.UTC(2025, 0, 2)) });
      assert.deepEqual(
        migrations.map((m) => [m.env, m.directoryName]),
        [
          ['dev', '20250102000000_rename_display_name'],
          ['production', '20250102000000_rename_display_name'],
        ],
      );
      for (const migration of migrations) {
        assert.match(migration.script, /ALTER TABLE "members" RENAME COLUMN "full_name" TO "display_name";/, migration.env);
        assert.doesNotMatch(migration.script, /DROP COLUMN|"new_members"/, migration.env);
        assert.deepEqual(
          migration.diagnostics.filter((d) => d.code === 'drop-column'),
          [],
        );
      }
      for (const [database, env] of [
        [dev, 'dev'],
        [production, 'production'],
      ] as const) {
        assert.deepEqual(await applyMigrations(database, path.join(dir, 'prisma/migrations', env)), ['20250102000000_rename_display_name']);
        const rows = await database.query(`SELECT "display_name", "email" FROM "members"`);
        assert.deepEqual(
          rows.map((row) => ({ ...row })),
          [{ display_name: 'Ada Lovelace', email: 'ada@example.com' }],
          env,
        );
      }
      // The annotation is inert once the rename is in the history.
      const again = await createMigrations(config, { name: 'again', dryRun: true });
      assert.deepEqual(
        again.map((m) => m.script),
        ['', ''],
      );
    } finally {
      await dev.close();
      await production.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('renamedFrom on a model renames the table, and a field rename in it follows', async () => {
  const dir = tempProject({ 'steward.config.json': CONFIG, 'prisma/schema.master.prisma': BEFORE });
  try {
    await baselineMigrations(await loadConfig({ cwd: dir }), { name: 'init', now: new Date(Date.UTC(2025, 0, 1)) });
    writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), RENAMED);
    const migrations = await createMigrations(await loadConfig({ cwd: dir }), { name: 'people', dryRun: true });
    for (const migration of migrations) {
      assert.match(migration.script, /ALTER TABLE "members" RENAME TO "people";\nALTER TABLE "people" RENAME COLUMN "full_name" TO "display_name";/);
      assert.doesNotMatch(migration.script, /DROP TABLE "members"/);
      assert.deepEqual(
        migration.renames.map((r) => [r.kind, r.from, r.to]),
        [
          ['table', 'members', 'people'],
          ['column', 'full_name', 'display_name'],
        ],
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('migrate create via the CLI: nothing to migrate writes nothing; --dry-run prints SQL and writes nothing; a drop is linted (exit 1)', async () => {
  const dir = tempProject({ 'steward.config.json': CONFIG, 'prisma/schema.master.prisma': BEFORE });
  try {
    assert.equal((await run(dir, 'migrate', 'baseline', '--name', 'init')).code, 0);
    const lock = readFileSync(path.join(dir, 'prisma/migrations/production/migration_lock.toml'), 'utf8');
    assert.match(lock, /provider = "postgresql"/);
    assert.match(readFileSync(path.join(dir, 'prisma/migrations/dev/migration_lock.toml'), 'utf8'), /provider = "sqlite"/);

    const before = snapshot(dir);
    const none = await run(dir, 'migrate', 'create', '--name', 'noop');
    assert.equal(none.code, 0, none.stderr);
    assert.match(none.stdout, /dev: nothing to migrate\nproduction: nothing to migrate/);
    assert.deepEqual(snapshot(dir), before);

    writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), BEFORE.replace('  email    String @unique\n', ''));
    const afterEdit = snapshot(dir);
    const dry = await run(dir, 'migrate', 'create', '--name', 'drop email', '--dry-run');
    assert.equal(dry.code, 1, dry.stderr);
    assert.match(dry.stdout, /ALTER TABLE "members" DROP COLUMN "email"/);
    assert.match(dry.stdout, /drop-column/);
    assert.match(dry.stdout, /proposal: make this change in phases[\s\S]*steward migrate create --expand-contract/);
    assert.deepEqual(snapshot(dir), afterEdit);

    const written = await run(dir, 'migrate', 'create', '--name', 'drop email', '--format', 'json');
    const report = JSON.parse(written.stdout).data;
    assert.equal(report.migrations.length, 2);
    for (const migration of report.migrations) assert.ok(existsSync(path.join(dir, migration.file)));
    assert.equal(readdirSync(path.join(dir, 'prisma/migrations/dev')).filter((n) => n !== 'migration_lock.toml').length, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a history locked to another provider is refused before any work (Prisma P3019)', async () => {
  const dir = tempProject({
    'steward.config.json': CONFIG,
    'prisma/schema.master.prisma': BEFORE,
    'prisma/migrations/dev/migration_lock.toml': 'provider = "postgresql"\n',
  });
  try {
    await assert.rejects(
      createMigrations(await loadConfig({ cwd: dir }), { name: 'x', dryRun: true }),
      (error: unknown) => error instanceof StewardError && error.code === 'CONFIG_INVALID' && error.location?.file.endsWith('migration_lock.toml') === true,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a history script that does not replay is MIGRATION_INVALID at its file (also from the PostgreSQL worker)', async () => {
  const dir = tempProject({
    'steward.config.json': CONFIG,
    'prisma/schema.master.prisma': BEFORE,
    'prisma/migrations/production/migration_lock.toml': 'provider = "postgresql"\n',
    'prisma/migrations/production/20250101000000_broken/migration.sql': 'ALTER TABLE "nope" ADD COLUMN "x" TEXT;\n',
  });
  try {
    await assert.rejects(
      createMigrations(await loadConfig({ cwd: dir }), { name: 'x', dryRun: true }),
      (error: unknown) =>
        error instanceof StewardError &&
        error.code === 'MIGRATION_INVALID' &&
        error.location?.file.endsWith(path.join('20250101000000_broken', 'migration.sql')) === true &&
        /nope/.test(error.message),
    );
    const cli = await run(dir, 'migrate', 'create', '--name', 'x');
    assert.equal(cli.code, 2);
    assert.match(cli.stderr, /error\[MIGRATION_INVALID\]/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('migrate.lockTimeout: PostgreSQL migrations and their down.sql start with SET lock_timeout, so missing-lock-timeout is quiet; SQLite ones do not; a bad value is CONFIG_INVALID', async () => {
  const withTimeout = (lockTimeout: string) => JSON.stringify({ ...JSON.parse(CONFIG), migrate: { lockTimeout } });
  const dir = tempProject({ 'steward.config.json': withTimeout('5s'), 'prisma/schema.master.prisma': BEFORE });
  try {
    assert.equal((await run(dir, 'migrate', 'baseline', '--name', 'init')).code, 0);
    writeFileSync(
      path.join(dir, 'prisma/schema.master.prisma'),
      BEFORE.replace('  email    String @unique\n', '  email    String @unique\n  nickname String?\n'),
    );
    const created = await run(dir, 'migrate', 'create', '--name', 'nickname');
    assert.equal(created.code, 0, created.stdout + created.stderr);
    assert.doesNotMatch(created.stdout, /missing-lock-timeout/);
    const folder = (env: string) => {
      const name = readdirSync(path.join(dir, 'prisma/migrations', env)).find((n) => n.endsWith('_nickname'));
      assert.ok(name, env);
      return path.join(dir, 'prisma/migrations', env, name);
    };
    const production = readFileSync(path.join(folder('production'), 'migration.sql'), 'utf8');
    assert.match(production, /^-- migrate.lockTimeout[^\n]*\nSET lock_timeout = '5s';\n\n-- AlterTable\nALTER TABLE "members" ADD COLUMN\s+"nickname" TEXT;/);
    assert.match(readFileSync(path.join(folder('production'), 'down.sql'), 'utf8'), /^-- migrate.lockTimeout[^\n]*\nSET lock_timeout = '5s';\n/);
    assert.doesNotMatch(readFileSync(path.join(folder('dev'), 'migration.sql'), 'utf8'), /lock_timeout/);

    // Without the setting, the same change is warned about.
    writeFileSync(path.join(dir, 'steward.config.json'), CONFIG);
    writeFileSync(
      path.join(dir, 'prisma/schema.master.prisma'),
      BEFORE.replace('  email    String @unique\n', '  email    String @unique\n  nickname String?\n  motto    String?\n'),
    );
    const warned = await run(dir, 'migrate', 'create', '--name', 'motto', '--dry-run');
    assert.match(warned.stdout, /missing-lock-timeout/);

    writeFileSync(path.join(dir, 'steward.config.json'), withTimeout('soon'));
    const bad = await run(dir, 'migrate', 'create', '--name', 'motto', '--dry-run');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /migrate\.lockTimeout: expected a PostgreSQL duration/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a master without a datasource block: migrate baseline, create and db drift stop with SCHEMA_INVALID at the master (exit 2), nothing written', async () => {
  const dir = tempProject({ 'steward.config.json': CONFIG, 'prisma/schema.master.prisma': 'model User {\n  id Int @id\n}\n' });
  try {
    const before = snapshot(dir);
    for (const args of [
      ['migrate', 'baseline', '--name', 'init'],
      ['migrate', 'create', '--name', 'x'],
      ['db', 'drift', '--env', 'dev', '--url', 'file:dev.db'],
    ]) {
      const result = await run(dir, ...args);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stdout}${result.stderr}`);
      assert.match(result.stderr, /error\[SCHEMA_INVALID\]: prisma\/schema\.master\.prisma:1:1: The master schema has no datasource block/);
      assert.doesNotMatch(result.stderr, /INTERNAL/);
    }
    assert.deepEqual(snapshot(dir), before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
