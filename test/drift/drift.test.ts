import assert from 'node:assert/strict';
import net from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { readDatabaseSchema } from '../../src/database/read-schema.js';
import { checkDrift } from '../../src/drift/check-drift.js';
import { compareSchemas } from '../../src/catalog/compare.js';
import type { DriftFinding } from '../../src/catalog/codes.js';
import { expectedDatabaseSchema } from '../../src/catalog/expected-schema.js';
import { migratableEnvironments } from '../../src/migrate/environment-schemas.js';
import { PgliteConnection } from '../../src/engine/pglite-connection.js';
import { PostgresConnection } from '../../src/engine/postgres-connection.js';
import { SqliteConnection } from '../../src/engine/sqlite-connection.js';
import type { DatabaseSchema } from '../../src/database/model.js';
import { applyMigrations, exampleProject, type ExampleProject } from '../helpers/example-project.js';
import { startPostgresServer, type PostgresServer } from '../helpers/postgres-server.js';
import { run } from '../helpers/project.js';
import { readMigrationsList } from '../../src/engine/migrations-list.js';
import { deployDatabase } from '../../src/migrate/deploy.js';

let project: ExampleProject;
let expected: { dev: DatabaseSchema; production: DatabaseSchema };

before(async () => {
  project = await exampleProject({ baseline: true });
  const environments = await migratableEnvironments(project.config);
  const schemaOf = (name: string) => environments.find((e) => e.env.name === name)!.schema;
  expected = {
    dev: await expectedDatabaseSchema('sqlite', schemaOf('dev')),
    production: await expectedDatabaseSchema('postgresql', schemaOf('production')),
  };
});
after(() => project.cleanup());

/** Findings without their remediation (fix, adopt), for exact comparison; each must carry its fix. */
function withoutRemedy(findings: DriftFinding[]): DriftFinding[] {
  for (const finding of findings) assert.ok(finding.fix, `${finding.code} carries the SQL that fixes it`);
  return findings.map(({ fix: _fix, adopt: _adopt, ...rest }) => rest);
}

/** A manual change to a migrated database, and exactly what drift must report for it. */
interface DriftCase {
  name: string;
  sql: string;
  findings: DriftFinding[];
}

const POSTGRES_CASES: DriftCase[] = [
  {
    name: 'a dropped column',
    sql: `ALTER TABLE "clients" DROP COLUMN "notes"`,
    findings: [{ code: 'missing-column', table: 'clients', column: 'notes', expected: 'text' }],
  },
  {
    name: 'an added column',
    sql: `ALTER TABLE "clients" ADD COLUMN "nickname" TEXT`,
    findings: [{ code: 'extra-column', table: 'clients', column: 'nickname', actual: 'text' }],
  },
  {
    name: 'a changed column type',
    sql: `ALTER TABLE "clients" ALTER COLUMN "phone_number" TYPE VARCHAR(64)`,
    findings: [{ code: 'column-type', table: 'clients', column: 'phone_number', expected: 'character varying(32)', actual: 'character varying(64)' }],
  },
  {
    name: 'a dropped index',
    sql: `DROP INDEX "clients_profile_id_idx"`,
    findings: [{ code: 'missing-index', table: 'clients', index: 'clients_profile_id_idx', expected: '(profile_id)' }],
  },
  {
    name: 'a dropped foreign key',
    sql: `ALTER TABLE "clients" DROP CONSTRAINT "clients_profile_id_fkey"`,
    findings: [
      {
        code: 'missing-foreign-key',
        table: 'clients',
        foreignKey: 'clients_profile_id_fkey',
        expected: '(profile_id) REFERENCES profiles(id) ON DELETE CASCADE ON UPDATE CASCADE',
      },
    ],
  },
  {
    name: 'a removed enum value',
    sql: `ALTER TYPE "UsageMetric" RENAME TO "UsageMetric_old";
          CREATE TYPE "UsageMetric" AS ENUM ('MESSAGE_SENT', 'AI_SUMMARY', 'TIMELINE_SHARED');
          ALTER TABLE "usage_events" ALTER COLUMN "metric" TYPE "UsageMetric" USING ("metric"::text::"UsageMetric");
          DROP TYPE "UsageMetric_old";`,
    findings: [{ code: 'missing-enum-value', enum: 'UsageMetric', value: 'STORAGE_MB' }],
  },
];

test('the production history applies cleanly to PGlite, and a clean database reports no drift', async () => {
  const database = await PgliteConnection.scratch();
  try {
    assert.deepEqual(await applyMigrations(database, project.env('production').migrationsDir), ['20250101000000_init']);
    assert.ok(expected.production.tables.length >= 10 && expected.production.enums.length === 6);
    assert.deepEqual(compareSchemas(expected.production, await readDatabaseSchema(database)), []);
  } finally {
    await database.close();
  }
});

for (const driftCase of POSTGRES_CASES) {
  test(`PGlite: ${driftCase.name} is found exactly`, async () => {
    const database = await PgliteConnection.scratch();
    try {
      await applyMigrations(database, project.env('production').migrationsDir);
      await database.executeScript(driftCase.sql);
      const findings = compareSchemas(expected.production, await readDatabaseSchema(database));
      assert.deepEqual(withoutRemedy(findings), driftCase.findings);
      // The remediation makes the database match the schema again.
      await database.executeScript(findings.map((finding) => finding.fix).join('\n'));
      assert.deepEqual(compareSchemas(expected.production, await readDatabaseSchema(database)), []);
    } finally {
      await database.close();
    }
  });
}

const SQLITE_CASES: DriftCase[] = [
  {
    name: 'a dropped column',
    sql: `ALTER TABLE "clients" DROP COLUMN "notes"`,
    findings: [{ code: 'missing-column', table: 'clients', column: 'notes', expected: 'TEXT' }],
  },
  {
    name: 'an added column',
    sql: `ALTER TABLE "clients" ADD COLUMN "nickname" TEXT`,
    findings: [{ code: 'extra-column', table: 'clients', column: 'nickname', actual: 'TEXT' }],
  },
  {
    name: 'a dropped index',
    sql: `DROP INDEX "clients_profile_id_idx"`,
    findings: [{ code: 'missing-index', table: 'clients', index: 'clients_profile_id_idx', expected: '(profile_id)' }],
  },
];

test('SQLite files: the dev history applies cleanly; each manual change is found exactly through a file: URL', async () => {
  for (const driftCase of [{ name: 'clean', sql: '', findings: [] }, ...SQLITE_CASES]) {
    const file = path.join(project.dir, `dev-${driftCase.name.replace(/\W+/g, '-')}.db`);
    const database = await SqliteConnection.open(file);
    try {
      assert.deepEqual(await applyMigrations(database, project.env('dev').migrationsDir), ['20250101000000_init']);
      if (driftCase.sql) await database.executeScript(driftCase.sql);
    } finally {
      await database.close();
    }
    const result = await checkDrift(expected.dev, `file:${file}`);
    assert.equal(result.status, driftCase.findings.length === 0 ? 'clean' : 'drift', driftCase.name);
    assert.deepEqual(withoutRemedy(result.findings), driftCase.findings, driftCase.name);
    if (result.findings.length === 0) continue;
    const fixing = await SqliteConnection.open(file);
    try {
      await fixing.executeScript(result.findings.map((finding) => finding.fix).join('\n'));
    } finally {
      await fixing.close();
    }
    assert.deepEqual((await checkDrift(expected.dev, `file:${file}`)).findings, [], `${driftCase.name}: fixed`);
  }
});

test('a PGlite data directory is checked through a pglite: URL', async () => {
  const dataDir = path.join(project.dir, 'pgdata');
  const database = await PgliteConnection.create(dataDir);
  try {
    await applyMigrations(database, project.env('production').migrationsDir);
    await database.executeScript(`DROP INDEX "clients_profile_id_idx"`);
  } finally {
    await database.close();
  }
  const result = await checkDrift(expected.production, `pglite:${dataDir}`);
  assert.deepEqual(
    result.findings.map((f) => f.code),
    ['missing-index'],
  );
  assert.equal((await checkDrift(expected.production, `pglite:${path.join(project.dir, 'nope')}`)).status, 'unreachable');
});

test('a missing SQLite file is unreachable and is not created', async () => {
  const file = path.join(project.dir, 'missing.db');
  const result = await checkDrift(expected.dev, `file:${file}`);
  assert.equal(result.status, 'unreachable');
  const { existsSync } = await import('node:fs');
  assert.equal(existsSync(file), false);
});

test('a server that accepts but never answers fails within the timeout, exit 3, no password printed', async () => {
  const silent = net.createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const port = (silent.address() as net.AddressInfo).port;
  try {
    const started = performance.now();
    const result = await run(
      project.dir,
      'db',
      'drift',
      '--env',
      'production',
      '--url',
      `postgresql://app:Sup3rSecretPw@127.0.0.1:${port}/app`,
      '--timeout',
      '800',
    );
    const elapsed = performance.now() - started;
    assert.equal(result.code, 3, result.stdout + result.stderr);
    assert.ok(elapsed < 5000, `took ${elapsed} ms`);
    assert.ok(!(result.stdout + result.stderr).includes('Sup3rSecretPw'));
    assert.match(result.stdout, /app:\*\*\*@127\.0\.0\.1/);
  } finally {
    silent.close();
  }
});

test('a real PostgreSQL server: each manual change is found exactly; a fleet is summarised; drift never writes', async (t) => {
  const server = await startPostgresServer((message) => t.skip(message));
  if (!server) return;
  try {
    await realServerChecks(server);
  } finally {
    await server.stop();
  }
});

async function realServerChecks(server: PostgresServer): Promise<void> {
  const templateUrl = await server.createDatabase('migrated');
  const template = await PostgresConnection.open(templateUrl);
  try {
    assert.deepEqual(await applyMigrations(template, project.env('production').migrationsDir), ['20250101000000_init']);
  } finally {
    await template.close();
  }
  const cases = [{ name: 'clean', sql: '', findings: [] as DriftFinding[] }, ...POSTGRES_CASES];
  const urls: string[] = [];
  for (const [index, driftCase] of cases.entries()) {
    await server.sql(`CREATE DATABASE case_${index} TEMPLATE migrated`);
    if (driftCase.sql) await server.sql(driftCase.sql, `case_${index}`);
    urls.push(server.url({ database: `case_${index}` }));
  }
  for (const [index, driftCase] of cases.entries()) {
    const result = await checkDrift(expected.production, urls[index]);
    assert.deepEqual(withoutRemedy(result.findings), driftCase.findings, driftCase.name);
  }

  // A role that can read nothing but the catalog, with a password that must never be printed.
  const password = 'R3ad-0nly-s3cret';
  await server.sql(`CREATE ROLE drift_reader LOGIN PASSWORD '${password}'`);
  await server.sql(`REVOKE ALL ON SCHEMA public FROM PUBLIC`, 'case_1');
  const readerUrl = server.url({ database: 'case_1', user: 'drift_reader', password });
  const logBefore = (await server.log()).length;
  const result = await run(project.dir, 'db', 'drift', '--env', 'production', '--url', readerUrl, '--format', 'json');
  assert.equal(result.code, 1, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.deepEqual(
    report.data.databases[0].findings.map((f: DriftFinding) => f.code),
    ['missing-column'],
  );
  assert.ok(!(result.stdout + result.stderr).includes(password), 'password printed');
  const readerLog = (await server.log())
    .slice(logBefore)
    .split('\n')
    .filter((line) => line.startsWith('drift_reader@'));
  // Simple queries log as `statement: ...`, parameterised ones as `execute <unnamed>: ...`.
  const statements = readerLog.filter((line) => /(statement|execute [^:]*): /.test(line));
  assert.ok(
    statements.some((line) => /SELECT/.test(line)),
    "the statement log records the reader's catalog reads",
  );
  const writes = statements.filter((line) =>
    /\b(INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|TRUNCATE|GRANT|COPY)\b/i.test(line.replace(/.*?(statement|execute [^:]*): /, '')),
  );
  assert.deepEqual(writes, []);
  assert.ok(statements.some((line) => /BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY/.test(line)));

  // A fleet: every case database plus one unreachable, with bounded concurrency.
  const fleet = await run(
    project.dir,
    'db',
    'drift',
    '--env',
    'production',
    ...urls.flatMap((url) => ['--url', url]),
    '--concurrency',
    '3',
    '--format',
    'json',
  );
  const fleetReport = JSON.parse(fleet.stdout);
  assert.equal(fleet.code, 1);
  assert.deepEqual(fleetReport.data.summary, { databases: cases.length, clean: 1, drift: cases.length - 1, unreachable: 0, error: 0 });
  assert.ok(!fleet.stdout.includes(server.url().split(':')[2].split('@')[0]), 'superuser password printed');
  const text = await run(project.dir, 'db', 'drift', '--env', 'production', '--url', urls[0], '--url', urls[1]);
  assert.match(text.stdout, /database\s+status\s+findings/);

  // The migration state is read in the same read-only session, with SELECTs only: a database deployed by steward.
  const deployedUrl = await server.createDatabase('deployed');
  const history = await readMigrationsList(project.env('production').migrationsDir);
  assert.equal((await deployDatabase(history, deployedUrl)).status, 'applied');
  await server.sql('GRANT SELECT ON ALL TABLES IN SCHEMA public TO drift_reader', 'deployed');
  const deployedLogStart = (await server.log()).length;
  const deployed = await run(
    project.dir,
    'db',
    'drift',
    '--env',
    'production',
    '--url',
    server.url({ database: 'deployed', user: 'drift_reader', password }),
    '--format',
    'json',
  );
  const state = JSON.parse(deployed.stdout).data.databases[0];
  assert.equal(state.status, 'clean', deployed.stdout);
  assert.deepEqual([state.migrations.lastApplied, state.migrations.pending, state.migrations.failed], ['20250101000000_init', 0, []]);
  const deployedLog = (await server.log())
    .slice(deployedLogStart)
    .split('\n')
    .filter((line) => line.startsWith('drift_reader@'));
  const sent = deployedLog.filter((line) => /(statement|execute [^:]*): /.test(line)).map((line) => line.replace(/.*?(statement|execute [^:]*): /, ''));
  assert.ok(
    sent.some((sql) => /^SELECT .* FROM _prisma_migrations/.test(sql)),
    'the history is read by the reader',
  );
  assert.deepEqual(
    sent.filter((sql) => /\b(INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|TRUNCATE|GRANT|COPY)\b/i.test(sql)),
    [],
  );
}

test('--fix-sql drafts the remediation as a linted migration in the history, never touching the database; applied, drift is clean', async () => {
  const dataDir = path.join(project.dir, 'pgdata-fix');
  const database = await PgliteConnection.create(dataDir);
  try {
    await applyMigrations(database, project.env('production').migrationsDir);
    await database.executeScript(
      `ALTER TABLE "clients" DROP COLUMN "notes"; CREATE INDEX "clients_hand_idx" ON "clients" ("phone_number") WHERE "phone_number" IS NOT NULL`,
    );
  } finally {
    await database.close();
  }
  const url = `pglite:${dataDir}`;
  const migrationsDir = project.env('production').migrationsDir;
  const { readdirSync, readFileSync } = await import('node:fs');
  const before = readdirSync(migrationsDir);
  // --format markdown is the shared markdown reporter: the databases' table, then the findings.
  const markdown = await run(project.dir, 'db', 'drift', '--env', 'production', '--url', url, '--format', 'markdown');
  assert.equal(markdown.code, 1, markdown.stderr);
  assert.match(
    markdown.stdout,
    /^### Schema drift: production\n\n\| Database \| Status \| Findings \| Acknowledged \| Migrations \|\n\|---\|---\|---\|---\|---\|\n\| pglite:\S+ \| drift \| 2 \| 0 \| at 20250101000000_init \|/,
  );
  assert.match(markdown.stdout, /\| `missing-column` \| .*notes/);
  const drafted = await run(project.dir, 'db', 'drift', '--env', 'production', '--url', url, '--fix-sql', 'repair drift', '--format', 'json');
  assert.equal(drafted.code, 1, drafted.stderr);
  const report = JSON.parse(drafted.stdout);
  assert.deepEqual(report.data.databases[0].findings.map((f: DriftFinding) => f.code).sort(), ['extra-index', 'missing-column']);
  assert.match(report.data.databases[0].findings.find((f: DriftFinding) => f.code === 'extra-index').message, /WHERE phone_number IS NOT NULL/);
  const added = readdirSync(migrationsDir).filter((name) => !before.includes(name));
  assert.equal(added.length, 1);
  assert.match(added[0], /^\d{14}_repair_drift$/);
  const script = readFileSync(path.join(migrationsDir, added[0], 'migration.sql'), 'utf8');
  assert.match(script, /DROP INDEX IF EXISTS "clients_hand_idx";/);
  assert.match(script, /ALTER TABLE "clients" ADD COLUMN IF NOT EXISTS "notes" text;/);
  assert.ok(report.diagnostics.some((note: { code: string }) => note.code === 'fix-migration-written'));

  // Drift wrote nothing to the database: the same findings again.
  const again = await checkDrift(expected.production, url);
  assert.deepEqual(again.findings.map((f) => f.code).sort(), ['extra-index', 'missing-column']);
  // Applied (as a deploy would), the database matches the schema.
  const fixing = await PgliteConnection.open(dataDir);
  try {
    await fixing.executeScript(script);
  } finally {
    await fixing.close();
  }
  assert.equal((await checkDrift(expected.production, url)).status, 'clean');

  // Two databases, or a name that is no name, are bad input (exit 2) before anything is read.
  assert.equal((await run(project.dir, 'db', 'drift', '--env', 'production', '--url', url, '--url', url, '--fix-sql', 'x')).code, 2);
  assert.equal((await run(project.dir, 'db', 'drift', '--env', 'production', '--url', url, '--fix-sql', '---')).code, 2);
  assert.deepEqual(
    readdirSync(migrationsDir).filter((name) => !before.includes(name)),
    added,
  );
});
