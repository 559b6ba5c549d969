/**
 * SQL objects beside the master (sqlObjects in steward.config): drift includes them in the
 * expected structure, and `migrate create` appends what brings the history to them; applied,
 * drift is clean. The example project's production environment, on a PGlite data directory.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { PgliteConnection } from '../../src/engine/pglite-connection.js';
import { exampleProject, type ExampleProject } from '../helpers/example-project.js';
import { run } from '../helpers/project.js';

let project: ExampleProject;
let migrationsDir: string;
let objectsDir: string;

const VIEW = `CREATE VIEW "client_names" AS SELECT id, name FROM clients WHERE email IS NOT NULL;\n`;
const OBJECTS: Record<string, string> = {
  '10_view.sql': VIEW,
  '20_index.sql': `CREATE UNIQUE INDEX "clients_email_live_key" ON "clients" (lower("email")) WHERE "notes" IS NULL;\n`,
  '30_check.sql': `ALTER TABLE "clients" ADD CONSTRAINT "clients_name_not_blank" CHECK (length(trim(name)) > 0);\n`,
  '40_trigger.sql': `CREATE FUNCTION clients_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
CREATE TRIGGER "clients_touch" BEFORE UPDATE ON "clients" FOR EACH ROW EXECUTE FUNCTION clients_touch();\n`,
  '50_policy.sql': `ALTER TABLE "clients" ENABLE ROW LEVEL SECURITY;\nCREATE POLICY "clients_read" ON "clients" FOR SELECT USING (true);\n`,
};

before(async () => {
  project = await exampleProject({ baseline: true });
  migrationsDir = project.env('production').migrationsDir;
  objectsDir = path.join(project.dir, 'sql', 'production');
  mkdirSync(objectsDir, { recursive: true });
  for (const [name, text] of Object.entries(OBJECTS)) writeFileSync(path.join(objectsDir, name), text);
  const configFile = path.join(project.dir, 'steward.config.json');
  writeFileSync(configFile, JSON.stringify({ ...JSON.parse(readFileSync(configFile, 'utf8')), sqlObjects: { production: 'sql/production' } }, null, 2));
});
after(() => project.cleanup());

async function deploy(dataDir: string): Promise<void> {
  const database = await PgliteConnection.create(dataDir);
  try {
    for (const name of readdirSync(migrationsDir)
      .filter((entry) => /^\d{14}_/.test(entry))
      .sort()) {
      await database.executeScript(readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8'));
    }
  } finally {
    await database.close();
  }
}

async function drift(dataDir: string): Promise<{ code: number; findings: Array<{ code: string; message: string }> }> {
  const result = await run(project.dir, 'db', 'drift', '--env', 'production', '--url', `pglite:${dataDir}`, '--format', 'json');
  return { code: result.code, findings: JSON.parse(result.stdout).data.databases[0].findings };
}

test('the objects are part of what drift expects; migrate create appends them; deployed, drift is clean', async () => {
  // The history without the objects: drift names each missing object, with its whole definition.
  const bare = path.join(project.dir, 'pg-bare');
  await deploy(bare);
  const missing = await drift(bare);
  assert.deepEqual(missing.findings.map((f) => f.code).sort(), [
    'missing-check',
    'missing-function',
    'missing-policy',
    'missing-trigger',
    'missing-unique',
    'missing-view',
    'row-level-security',
  ]);
  assert.match(missing.findings.find((f) => f.code === 'missing-unique')!.message, /UNIQUE \(lower\(email\)\) WHERE notes IS NULL/);

  // Every environment (production planned in a worker thread where there is a spare core); dev has no objects and no change.
  const created = await run(project.dir, 'migrate', 'create', '--name', 'objects');
  assert.equal(created.code, 0, created.stdout + created.stderr);
  const folder = readdirSync(migrationsDir).find((name) => name.endsWith('_objects'))!;
  const script = readFileSync(path.join(migrationsDir, folder, 'migration.sql'), 'utf8');
  assert.match(script, /-- SQL objects \(sqlObjects\.production in steward\.config\)/);
  assert.equal(
    readdirSync(project.env('dev').migrationsDir).some((name) => name.endsWith('_objects')),
    false,
    'dev has nothing to migrate',
  );
  for (const piece of [
    /CREATE VIEW "client_names"/,
    /clients_email_live_key/,
    /clients_name_not_blank/,
    /FUNCTION clients_touch\(\)/,
    /CREATE TRIGGER clients_touch/,
    /ENABLE ROW LEVEL SECURITY/,
    /CREATE POLICY "clients_read"/,
  ]) {
    assert.match(script, piece);
  }

  const deployed = path.join(project.dir, 'pg-deployed');
  await deploy(deployed);
  assert.deepEqual(await drift(deployed), { code: 0, findings: [] });

  // Nothing changed: nothing to write.
  const again = await run(project.dir, 'migrate', 'create', '--name', 'nothing', '--env', 'production');
  assert.equal(again.code, 0, again.stderr);
  assert.equal(
    readdirSync(migrationsDir).some((name) => name.endsWith('_nothing')),
    false,
  );
});

test('a changed object file: drift reports the one difference, migrate create replaces the object, deployed it is clean', async () => {
  writeFileSync(path.join(objectsDir, '10_view.sql'), VIEW.replace('email IS NOT NULL', 'email IS NULL'));
  const live = path.join(project.dir, 'pg-live');
  await deploy(live);
  const changed = await drift(live);
  assert.deepEqual(
    changed.findings.map((f) => f.code),
    ['view-definition'],
  );

  const created = await run(project.dir, 'migrate', 'create', '--name', 'view_change', '--env', 'production');
  assert.equal(created.code, 0, created.stdout + created.stderr);
  const folder = readdirSync(migrationsDir).find((name) => name.endsWith('_view_change'))!;
  const script = readFileSync(path.join(migrationsDir, folder, 'migration.sql'), 'utf8');
  assert.match(script, /DROP VIEW IF EXISTS "client_names";\nCREATE VIEW "client_names" AS/);
  assert.doesNotMatch(script, /clients_touch|clients_read/, 'only the changed object');

  const deployed = path.join(project.dir, 'pg-deployed-2');
  await deploy(deployed);
  assert.deepEqual(await drift(deployed), { code: 0, findings: [] });
});

test('a broken object file is a coded error naming the file (exit 2)', async () => {
  writeFileSync(path.join(objectsDir, '60_broken.sql'), 'CREATE VIEW "nope" AS SELECT missing_column FROM clients;\n');
  try {
    const result = await run(project.dir, 'db', 'drift', '--env', 'production', '--url', `pglite:${path.join(project.dir, 'pg-deployed-2')}`);
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(result.stdout + result.stderr, /sql\/production\/60_broken\.sql/);
    assert.doesNotMatch(result.stdout + result.stderr, /\n\s+at /, 'no stack trace');
  } finally {
    writeFileSync(path.join(objectsDir, '60_broken.sql'), '');
  }
});
