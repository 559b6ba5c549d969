import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { compareSchemas } from '../../src/catalog/compare.js';
import { expectedDatabaseSchema } from '../../src/catalog/expected-schema.js';
import { readDatabaseSchema } from '../../src/database/read-schema.js';
import { PgliteConnection } from '../../src/engine/pglite-connection.js';
import { SqliteConnection } from '../../src/engine/sqlite-connection.js';
import { createMigrations } from '../../src/migrate/create-migrations.js';
import { migratableEnvironments } from '../../src/migrate/environment-schemas.js';
import { applyMigrations, exampleProject } from '../helpers/example-project.js';

// The example ships its migration histories (api/prisma/migrations/<env>): they must apply to a
// fresh database of each provider, leave exactly the environment's schema, and be current.
test('the committed example histories apply cleanly and match the generated schemas', async () => {
  const project = await exampleProject({ keepHistory: true });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'steward-history-'));
  const dev = await SqliteConnection.open(path.join(dir, 'dev.db'));
  const production = await PgliteConnection.scratch();
  try {
    const environments = await migratableEnvironments(project.config);
    for (const [name, database] of [
      ['dev', dev],
      ['production', production],
    ] as const) {
      const applied = await applyMigrations(database, project.env(name).migrationsDir);
      assert.ok(applied.length >= 1 && applied.every((m) => /^\d{14}_\w+$/.test(m)), `${name}: ${applied.join(', ')}`);
      const environment = environments.find((e) => e.env.name === name)!;
      const expected = await expectedDatabaseSchema(environment.provider, environment.schema);
      assert.deepEqual(compareSchemas(expected, await readDatabaseSchema(database)), [], `${name} history leaves the environment's schema`);
    }
    const created = await createMigrations(project.config, { name: 'nothing', dryRun: true });
    assert.ok(
      created.every((m) => !m.script),
      'the committed histories are current: nothing to migrate',
    );
  } finally {
    await dev.close();
    await production.close();
    rmSync(dir, { recursive: true, force: true });
    project.cleanup();
  }
});
