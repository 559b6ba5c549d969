/**
 * Histories that create extensions: PGlite loads the ones it has (and the warm history cache
 * restores them); one it lacks is a finding naming the extension and the fix, never exit 2;
 * with a shadow URL the history replays in a throwaway database on that server, dropped after.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { run, tempProject } from '../helpers/project.js';
import { SUPERUSER_PASSWORD, startPostgresServer } from '../helpers/postgres-server.js';

const MASTER = (extraField = '') => `datasource db {
  provider = "postgresql"
}

model Member {
  id    Int    @id @default(autoincrement())
  email String @unique @db.Citext${extraField}

  @@map("members")
}
`;

const CONFIG = (production: Record<string, unknown> = {}) =>
  JSON.stringify({
    master: 'prisma/schema.prisma',
    environments: { production: { provider: 'postgresql', migrations: 'prisma/migrations', prismaConfig: false, ...production } },
  });

const LOCK = 'provider = "postgresql"\n';

const CITEXT_HISTORY = {
  'prisma/migrations/migration_lock.toml': LOCK,
  'prisma/migrations/20240101000000_init/migration.sql': `-- Extensions first, as teams write them by hand
CREATE EXTENSION IF NOT EXISTS "citext" WITH SCHEMA public;

CREATE TABLE "members" ("id" SERIAL NOT NULL, "email" CITEXT NOT NULL, CONSTRAINT "members_pkey" PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "members_email_key" ON "members"("email");
`,
};

test('a history that creates citext replays in PGlite, cold and then restored from the warm cache', async () => {
  const dir = tempProject({ 'steward.config.json': CONFIG(), 'prisma/schema.prisma': MASTER('\n  name  String?'), ...CITEXT_HISTORY });
  try {
    const env = { STEWARD_CACHE_DIR: `${dir}/.cache` };
    Object.assign(process.env, env);
    assert.equal((await run(dir, 'generate')).code, 0);
    const lint = await run(dir, 'migrate', 'lint');
    assert.equal(lint.code, 0, lint.stdout + lint.stderr);
    // The first create replays and keeps the state; the second restores it, which needs citext loaded again.
    for (const pass of ['cold', 'warm']) {
      const created = await run(dir, 'migrate', 'create', '--name', 'add_name', '--dry-run');
      assert.equal(created.code, 0, `${pass}: ${created.stdout}${created.stderr}`);
      assert.match(created.stdout, /ALTER TABLE "members" ADD COLUMN\s+"name" TEXT/, pass);
      assert.doesNotMatch(created.stdout, /email/, `${pass}: the citext column is read back as it is`);
    }
  } finally {
    delete process.env.STEWARD_CACHE_DIR;
    rmSync(dir, { recursive: true, force: true });
  }
});

const POSTGIS_HISTORY = {
  'prisma/migrations/migration_lock.toml': LOCK,
  'prisma/migrations/20240101000000_init/migration.sql': `CREATE TABLE "members" ("id" SERIAL NOT NULL, "email" TEXT NOT NULL, CONSTRAINT "members_pkey" PRIMARY KEY ("id"));
`,
  // dblink ships with Debian's PostgreSQL but not with PGlite.
  'prisma/migrations/20240102000000_link/migration.sql': `-- reach the legacy database
CREATE EXTENSION IF NOT EXISTS dblink;
`,
};

const PLAIN_MASTER = `datasource db {
  provider = "postgresql"
}

model Member {
  id    Int    @id @default(autoincrement())
  email String @unique
  name  String?

  @@map("members")
}
`;

test('an extension PGlite lacks is a finding naming it and the fix, not exit 2', async () => {
  const dir = tempProject({ 'steward.config.json': CONFIG(), 'prisma/schema.prisma': PLAIN_MASTER, ...POSTGIS_HISTORY });
  try {
    assert.equal((await run(dir, 'generate')).code, 0);
    const lint = await run(dir, 'migrate', 'lint', '--format', 'json');
    assert.equal(lint.code, 0, 'the history is valid: a warning, the lint could not run');
    const diagnostics = JSON.parse(lint.stdout).diagnostics as Array<Record<string, unknown>>;
    assert.equal(diagnostics.length, 1, lint.stdout);
    assert.equal(diagnostics[0].code, 'scratch-extension-unavailable');
    assert.equal(diagnostics[0].severity, 'warning');
    assert.match(String(diagnostics[0].message), /"dblink"/);
    assert.deepEqual([diagnostics[0].file, diagnostics[0].line], ['prisma/migrations/20240102000000_link/migration.sql', 2]);
    assert.match((diagnostics[0].notes as string[]).join('\n'), /environments\.production\.shadowUrl.*--shadow-url/);

    const check = await run(dir, 'check');
    assert.notEqual(check.code, 2, check.stdout + check.stderr);
    assert.match(check.stdout + check.stderr, /scratch-extension-unavailable/);

    const create = await run(dir, 'migrate', 'create', '--name', 'add_name');
    assert.equal(create.code, 1, 'no migration could be planned: an error finding, exit 1');
    assert.match(create.stdout, /production: not planned/);
    assert.match(create.stdout + create.stderr, /Extension "dblink" is not available/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('with a shadow URL, such a history replays in a throwaway database on that server, which is dropped', async (t) => {
  const server = await startPostgresServer((message) => t.skip(message));
  if (!server) return;
  const dir = tempProject({ 'steward.config.json': CONFIG(), 'prisma/schema.prisma': PLAIN_MASTER, ...POSTGIS_HISTORY });
  try {
    assert.equal((await run(dir, 'generate')).code, 0);
    await server.sql('CREATE TABLE keep_me (id int)');
    const lint = await run(dir, 'migrate', 'lint', '--shadow-url', server.url());
    assert.equal(lint.code, 0, lint.stdout + lint.stderr);
    assert.doesNotMatch(lint.stdout + lint.stderr, /scratch-extension-unavailable/);

    const create = await run(dir, 'migrate', 'create', '--name', 'add_name', '--dry-run', '--shadow-url', server.url());
    assert.equal(create.code, 0, create.stdout + create.stderr);
    assert.match(create.stdout, /ALTER TABLE "members" ADD COLUMN\s+"name" TEXT/);

    // The same through the configuration.
    const configured = tempProject({ 'steward.config.json': CONFIG({ shadowUrl: server.url() }), 'prisma/schema.prisma': PLAIN_MASTER, ...POSTGIS_HISTORY });
    try {
      assert.equal((await run(configured, 'generate')).code, 0);
      const viaConfig = await run(configured, 'migrate', 'lint');
      assert.equal(viaConfig.code, 0, viaConfig.stdout + viaConfig.stderr);
    } finally {
      rmSync(configured, { recursive: true, force: true });
    }

    const databases = await server.sql("SELECT datname FROM pg_database WHERE datname LIKE 'prisma_steward_scratch_%'");
    assert.deepEqual(databases.rows, [], 'every throwaway database was dropped');
    const kept = await server.sql("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'");
    assert.deepEqual(kept.rows, [{ n: 1 }], 'the database the URL names holds only what it had');
    // On the database the URL names, steward only created and dropped its throwaway databases.
    const log = await server.log();
    const onPostgres = log
      .split('\n')
      .filter((line) => line.startsWith('postgres@postgres:') && /statement:/.test(line) && !/keep_me|pg_database|information_schema/.test(line));
    for (const line of onPostgres) assert.match(line, /statement: (CREATE|DROP) DATABASE (IF EXISTS )?"prisma_steward_scratch_/, line);
    assert.ok(onPostgres.length >= 4, 'create and drop at least twice');
    assert.ok(/CREATE EXTENSION IF NOT EXISTS dblink/.test(log), 'the history ran on the server');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.stop();
  }
});

test('a shadow URL with a password never appears in output, and a bad one is a usage error', async (t) => {
  const dir = tempProject({ 'steward.config.json': CONFIG(), 'prisma/schema.prisma': PLAIN_MASTER, ...POSTGIS_HISTORY });
  try {
    assert.equal((await run(dir, 'generate')).code, 0);
    const bad = await run(dir, 'migrate', 'lint', '--shadow-url', 'mysql://u:pw@localhost/x');
    assert.equal(bad.code, 2);
    const unreachable = await run(dir, 'migrate', 'lint', '--shadow-url', `postgresql://postgres:${SUPERUSER_PASSWORD}@127.0.0.1:1/postgres`);
    assert.equal(unreachable.code, 3, unreachable.stdout + unreachable.stderr);
    assert.doesNotMatch(unreachable.stdout + unreachable.stderr, new RegExp(SUPERUSER_PASSWORD));
    assert.match(unreachable.stderr, /postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:1/);
    t.diagnostic(unreachable.stderr.trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
