import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { SqliteConnection } from '../../src/engine/sqlite-connection.js';
import { migrationStatus } from '../../src/migrate/migration-status.js';
import { applyMigrations } from '../helpers/example-project.js';
import { run, tempProject } from '../helpers/project.js';

const CONFIG = JSON.stringify({ master: 'prisma/schema.master.prisma', environments: { dev: { provider: 'sqlite' } } });
const MASTER = `datasource db {\n  provider = "sqlite"\n}\n\nmodel Note {\n  id   Int    @id @default(autoincrement())\n  body String\n}\n`;

test('migrate status reports applied, modified, pending and failed migrations from _prisma_migrations', async () => {
  const dir = tempProject({
    'steward.config.json': CONFIG,
    'prisma/schema.master.prisma': MASTER,
    'prisma/migrations/dev/migration_lock.toml': 'provider = "sqlite"\n',
    'prisma/migrations/dev/20250101000000_init/migration.sql': 'CREATE TABLE "Note" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "body" TEXT NOT NULL);\n',
    'prisma/migrations/dev/20250102000000_title/migration.sql': 'ALTER TABLE "Note" ADD COLUMN "title" TEXT;\n',
  });
  try {
    const migrations = path.join(dir, 'prisma/migrations/dev');
    const file = path.join(dir, 'dev.db');
    const database = await SqliteConnection.open(file);
    await applyMigrations(database, migrations);
    await database.close();
    const url = `file:${file}`;

    let status = await migrationStatus(migrations, url);
    assert.deepEqual(
      status.migrations.map((m) => [m.name, m.state]),
      [
        ['20250101000000_init', 'applied'],
        ['20250102000000_title', 'applied'],
      ],
    );
    let cli = await run(dir, 'migrate', 'status', '--env', 'dev', '--url', url);
    assert.equal(cli.code, 0, cli.stderr);

    appendFileSync(path.join(migrations, '20250102000000_title/migration.sql'), '-- edited after the fact\n');
    mkdirSync(path.join(migrations, '20250103000000_body_index'));
    writeFileSync(path.join(migrations, '20250103000000_body_index/migration.sql'), 'CREATE INDEX "Note_body_idx" ON "Note"("body");\n');
    const writer = await SqliteConnection.open(file);
    await writer.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES ('x', 'abc', '20250104000000_broken', 0, 0)`,
    );
    await writer.close();
    writeFileSync(path.join(migrations, '.keep'), '');
    mkdirSync(path.join(migrations, '20250104000000_broken'));
    writeFileSync(path.join(migrations, '20250104000000_broken/migration.sql'), 'SELECT 1;\n');

    status = await migrationStatus(migrations, url);
    assert.deepEqual(
      status.migrations.map((m) => [m.name, m.state]),
      [
        ['20250101000000_init', 'applied'],
        ['20250102000000_title', 'modified'],
        ['20250103000000_body_index', 'pending'],
        ['20250104000000_broken', 'failed'],
      ],
    );
    cli = await run(dir, 'migrate', 'status', '--env', 'dev', '--url', url, '--format', 'json');
    assert.equal(cli.code, 1);
    assert.deepEqual(
      JSON.parse(cli.stdout).diagnostics.map((d: { code: string }) => d.code),
      ['migration-modified', 'migration-pending', 'migration-failed'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
