import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { StewardError } from '../../src/errors/index.js';
import { migrationsListOf } from '../../src/engine/migrations-list.js';
import { deployDatabase } from '../../src/migrate/deploy.js';
import { parseShard, shardOf } from '../../src/migrate/deploy-fleet.js';
import { startPostgresServer, SUPERUSER_PASSWORD, type PostgresServer } from '../helpers/postgres-server.js';
import { runCli } from '../../src/cli/main.js';
import { run, tempProject } from '../helpers/project.js';

const HISTORY = [
  ['20250101000000_init', 'CREATE TABLE "author" ("id" SERIAL PRIMARY KEY, "name" TEXT NOT NULL);\n'],
  ['20250102000000_books', 'CREATE TABLE "book" ("id" SERIAL PRIMARY KEY, "title" TEXT NOT NULL);\n'],
  ['20250103000000_tags', 'CREATE TABLE "tag" ("id" SERIAL PRIMARY KEY, "label" TEXT NOT NULL);\n'],
] as const;

function fleetProject(): string {
  const files: Record<string, string> = {
    'steward.config.json': JSON.stringify({ master: 'prisma/schema.prisma', environments: { tenants: { provider: 'postgresql' } } }),
    'prisma/schema.prisma':
      'datasource db {\n  provider = "postgresql"\n}\n\nmodel Author {\n  id   Int    @id @default(autoincrement())\n  name String\n\n  @@map("author")\n}\n',
    'prisma/migrations/tenants/migration_lock.toml': 'provider = "postgresql"\n',
  };
  for (const [name, script] of HISTORY) files[`prisma/migrations/tenants/${name}/migration.sql`] = script;
  return tempProject(files);
}

interface Line {
  database: string;
  status: string;
  applied: string[];
  failedMigration: string | null;
  error: string | null;
}

function jsonLines(stdout: string): { databases: Line[]; summary: Record<string, number>; stopped: string | null } {
  const lines = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  // The last line is the --format json envelope, on one line.
  const last = lines.pop();
  assert.equal(last.command, 'migrate');
  return { databases: lines, summary: last.data.summary, stopped: last.data.stopped };
}

let server: PostgresServer | null = null;
let skipReason = '';
before(async () => {
  server = await startPostgresServer((message) => (skipReason = message));
});
after(() => server?.stop());

test('--shard i/n: disjoint slices that cover the list; bad values are usage errors', () => {
  const items = Array.from({ length: 10 }, (_, i) => i);
  const slices = [1, 2, 3].map((index) => shardOf(items, parseShard(`${index}/3`)));
  assert.deepEqual(slices, [
    [0, 3, 6, 9],
    [1, 4, 7],
    [2, 5, 8],
  ]);
  assert.deepEqual(shardOf(items, undefined), items);
  for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1-3'])
    assert.throws(
      () => parseShard(bad),
      (error) => error instanceof StewardError && error.code === 'USAGE',
    );
});

test('a 20-database fleet with one broken database: the canary stops, continue-on-error finishes the rest, resume completes after repair', async (t) => {
  if (!server) return t.skip(skipReason);
  const dir = fleetProject();
  try {
    const urls: string[] = [];
    for (let i = 1; i <= 20; i++) urls.push(await server.createDatabase(`tenant_${String(i).padStart(2, '0')}`));
    // tenant_03 is at the second migration and someone created a "tag" table by hand: the third migration fails there.
    const firstTwo = migrationsListOf(
      path.join(dir, 'prisma/migrations/tenants'),
      HISTORY.slice(0, 2).map(([name, script]) => ({ name, script })),
      'provider = "postgresql"\n',
    );
    assert.equal((await deployDatabase(firstTwo, urls[2])).status, 'applied');
    await server.sql('CREATE TABLE "tag" ("id" INTEGER)', 'tenant_03');
    writeFileSync(path.join(dir, 'fleet.txt'), `# one database per tenant\n${urls.join('\n')}\n`);
    const deploy = (...extra: string[]) =>
      run(dir, 'migrate', 'deploy', '--env', 'tenants', '--urls-file', 'fleet.txt', '--state', 'rollout.json', '--concurrency', '4', ...extra);
    const outputs: string[] = [];

    // 1. A canary of 5: tenant_03 fails, nothing beyond the canary is touched.
    const first = await deploy('--canary', '5');
    outputs.push(first.stdout, first.stderr);
    assert.equal(first.code, 1, first.stderr);
    const one = jsonLines(first.stdout);
    assert.equal(one.databases.length, 20);
    assert.match(one.stopped ?? '', /^canary failed: .*tenant_03 failed/);
    const broken = one.databases.find((line) => line.database.endsWith('/tenant_03'))!;
    assert.equal(broken.status, 'failed');
    assert.equal(broken.failedMigration, '20250103000000_tags');
    assert.match(broken.error ?? '', /already exists/);
    for (const line of one.databases) {
      const index = Number(/tenant_(\d+)/.exec(line.database)![1]);
      if (index > 5) assert.equal(line.status, 'skipped', line.database);
    }
    const untouched = await server.sql(`SELECT to_regclass('_prisma_migrations') IS NULL AS missing`, 'tenant_12');
    assert.equal(untouched.rows[0].missing, true, 'a database outside the canary was not opened for writing');

    // The fleet's version skew, read-only.
    const skew = await run(dir, 'migrate', 'status', '--env', 'tenants', '--urls-file', 'fleet.txt');
    outputs.push(skew.stdout, skew.stderr);
    assert.equal(skew.code, 1);
    assert.match(skew.stdout, /tenant_03\s+failed\s+20250102000000_books\s+1\s+20250103000000_tags/);
    assert.match(skew.stdout, /versions? in the fleet \(latest: 20250103000000_tags\):.*at \(none\)/);

    // 2. Continue on error: every other database is deployed, the broken one is reported.
    const second = await deploy('--continue-on-error');
    outputs.push(second.stdout, second.stderr);
    assert.equal(second.code, 1);
    const two = jsonLines(second.stdout);
    assert.equal(two.summary.failed, 1);
    assert.equal(two.summary.applied + two.summary.resumed, 19);
    assert.ok(two.summary.resumed >= 3, "the canary's deployed databases are not opened again");
    assert.equal(
      two.databases
        .find((line) => line.status === 'failed')!
        .database.split('/')
        .pop(),
      'tenant_03',
    );

    // 3. Repair (as `prisma migrate resolve --rolled-back` would), and resume: only tenant_03 is deployed.
    await server.sql(`DROP TABLE "tag"; UPDATE _prisma_migrations SET rolled_back_at = now() WHERE finished_at IS NULL`, 'tenant_03');
    const third = await deploy();
    outputs.push(third.stdout, third.stderr);
    assert.equal(third.code, 0, third.stdout);
    const three = jsonLines(third.stdout);
    assert.deepEqual(three.summary, { applied: 1, 'up-to-date': 0, pending: 0, failed: 0, refused: 0, unreachable: 0, error: 0, skipped: 0, resumed: 19 });
    assert.deepEqual(three.databases.find((line) => line.status === 'applied')!.applied, ['20250103000000_tags']);
    for (let i = 1; i <= 20; i++) {
      const rows: { rows: Array<{ n: number }> } = await server.sql(
        `SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        `tenant_${String(i).padStart(2, '0')}`,
      );
      assert.equal(rows.rows[0].n, 3, `tenant_${i}`);
    }
    const status = await run(dir, 'migrate', 'status', '--env', 'tenants', '--urls-file', 'fleet.txt', '--format', 'json');
    assert.equal(status.code, 0, status.stdout);
    assert.ok(JSON.parse(status.stdout).data.databases.every((line: Line) => line.status === 'up-to-date'));

    const state = readFileSync(path.join(dir, 'rollout.json'), 'utf8');
    for (const text of [...outputs, state, status.stdout]) assert.ok(!text.includes(SUPERUSER_PASSWORD), 'no password printed or stored');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('unreachable databases of a fleet exit 3 and are listed, password-free', async (t) => {
  if (!server) return t.skip(skipReason);
  const dir = fleetProject();
  try {
    const good = await server.createDatabase('reachable_one');
    const missing = server.url({ database: 'no_such_tenant' });
    const closed = 'postgresql://app:t0p-s3cret@127.0.0.1:1/closed_port';
    mkdirSync(path.join(dir, 'ops'));
    writeFileSync(path.join(dir, 'ops/fleet.txt'), [good, missing, closed].join('\n'));
    const result = await run(dir, 'migrate', 'deploy', '--env', 'tenants', '--urls-file', 'ops/fleet.txt', '--continue-on-error', '--timeout', '3000');
    assert.equal(result.code, 3, result.stdout + result.stderr);
    const { databases, summary } = jsonLines(result.stdout);
    assert.equal(summary.applied, 1);
    assert.equal(summary.unreachable, 2);
    assert.deepEqual(
      databases
        .filter((line) => line.status === 'unreachable')
        .map((line) => line.database.split('/').pop())
        .sort(),
      ['closed_port', 'no_such_tenant'],
    );
    assert.ok(!(result.stdout + result.stderr).includes(SUPERUSER_PASSWORD));
    assert.ok(!(result.stdout + result.stderr).includes('t0p-s3cret'));
    // A single database in text: the unreachable one is named as an error with exit 3.
    const single = await run(dir, 'migrate', 'deploy', '--env', 'tenants', '--url', closed, '--timeout', '3000');
    assert.equal(single.code, 3);
    assert.match(single.stdout + single.stderr, /closed_port/);
    assert.ok(!(single.stdout + single.stderr).includes('t0p-s3cret'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('SQLite fleet: progress on a terminal, one JSON line per database otherwise; --shard takes its slice', async () => {
  const dir = tempProject({
    'steward.config.json': JSON.stringify({ master: 'prisma/schema.prisma', environments: { dev: { provider: 'sqlite' } } }),
    'prisma/schema.prisma': 'datasource db {\n  provider = "sqlite"\n}\n\nmodel A {\n  id Int @id\n}\n',
    'prisma/migrations/dev/migration_lock.toml': 'provider = "sqlite"\n',
    'prisma/migrations/dev/20250101000000_init/migration.sql': 'CREATE TABLE "A" ("id" INTEGER NOT NULL PRIMARY KEY);\n',
    'fleet.txt': 'file:a.db\nfile:b.db\nfile:c.db\nfile:d.db\n',
  });
  try {
    const piped = await run(dir, 'migrate', 'deploy', '--env', 'dev', '--urls-file', 'fleet.txt', '--shard', '2/2');
    assert.equal(piped.code, 0, piped.stderr);
    const { databases, summary } = jsonLines(piped.stdout);
    assert.deepEqual(
      databases.map((line) => path.basename(line.database)),
      ['b.db', 'd.db'],
    );
    assert.equal(summary.applied, 2);
    let stdout = '';
    let stderr = '';
    const code = await runCli(['migrate', 'deploy', '--env', 'dev', '--urls-file', 'fleet.txt'], {
      cwd: dir,
      env: { ...process.env, CI: undefined, GITHUB_ACTIONS: undefined, TERM: 'xterm', NO_COLOR: '1' },
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      isTTY: true,
      stderrIsTTY: true,
    });
    assert.equal(code, 0, stdout + stderr);
    assert.match(stderr, /deploying \d\/4/, 'a progress line on the terminal');
    assert.match(stdout, /a\.db: applied 1 migration: 20250101000000_init\n.*b\.db: up to date/s);
    assert.match(stdout, /2 applied, 2 up-to-date/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
