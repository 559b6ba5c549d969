import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load.js';
import { StewardError } from '../../src/errors/index.js';
import { baselineMigrations } from '../../src/migrate/baseline.js';
import { createMigrations } from '../../src/migrate/create-migrations.js';
import { parseSchema } from '../../src/schema/parse.js';
import { tempProject } from '../helpers/project.js';

// Issue 20: a model, column, enum or enum value that disappears while a similar one appears is
// asked about (terminal), or refused unless a flag or @steward.renamedFrom settles it; a
// confirmed rename is a RENAME, and the data stays.

const BEFORE = `datasource db {
  provider = "postgresql"
}

enum Mood {
  HAPPY
  SAD
}

model Author {
  id       Int    @id @default(autoincrement())
  email    String @unique
  fullName String
  mood     Mood   @default(HAPPY)
}
`;

const AFTER = BEFORE.replace('enum Mood', 'enum Feeling')
  .replace('model Author', 'model Writer')
  .replace('fullName String', 'displayName String')
  .replace('mood     Mood ', 'mood     Feeling');

const CONFIG = (envs: Record<string, unknown>) => JSON.stringify({ master: 'prisma/schema.master.prisma', environments: envs });
const NOW = new Date(Date.UTC(2025, 0, 2));

async function project(envs: Record<string, unknown>) {
  const dir = tempProject({ 'steward.config.json': CONFIG(envs), 'prisma/schema.master.prisma': BEFORE });
  await baselineMigrations(await loadConfig({ cwd: dir }), { name: 'init', now: new Date(Date.UTC(2025, 0, 1)) });
  writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), AFTER);
  return { dir, config: await loadConfig({ cwd: dir }), previousMaster: parseSchema([{ path: 'before.prisma', text: BEFORE }]) };
}

const BOTH = { dev: { provider: 'sqlite' }, production: { provider: 'postgresql' } };

test('without a terminal, a migration that drops a probable rename is refused and nothing is written', async () => {
  const { dir, config, previousMaster } = await project(BOTH);
  const migrations = await createMigrations(config, { name: 'renames', now: NOW, previousMaster });
  assert.ok(migrations.every((m) => m.refused));
  assert.equal(existsSync(path.join(dir, 'prisma/migrations/dev/20250102000000_renames')), false);
  assert.equal(existsSync(path.join(dir, 'prisma/migrations/production/20250102000000_renames')), false);
  const production = migrations.find((m) => m.env === 'production')!;
  const refused = production.diagnostics.filter((d) => d.code === 'unconfirmed-rename');
  assert.deepEqual(refused.map((d) => d.data?.from).sort(), ['Author', 'Mood', 'Writer.fullName']);
  assert.ok(refused.every((d) => d.severity === 'error'));
  const table = refused.find((d) => d.data?.from === 'Author')!;
  assert.match(table.message, /drop table "Author" with its data/);
  assert.ok(table.notes!.some((n) => n.includes('--rename Author=Writer')));
  assert.ok(table.notes!.some((n) => n.includes('@steward.renamedFrom("Author") on Writer')));
  assert.ok(table.notes!.some((n) => n.includes('--accept-drop Author')));
  // SQLite has no enum type to drop: only the table and the column are refused there.
  assert.deepEqual(
    migrations
      .find((m) => m.env === 'dev')!
      .diagnostics.filter((d) => d.code === 'unconfirmed-rename')
      .map((d) => d.data?.from)
      .sort(),
    ['Author', 'Writer.fullName'],
  );
});

test('--rename confirms each one: RENAME statements instead of drops, on SQLite and PostgreSQL', async () => {
  const { dir, config, previousMaster } = await project(BOTH);
  const migrations = await createMigrations(config, {
    name: 'renames',
    now: NOW,
    previousMaster,
    renames: ['Author=Writer', 'Writer.fullName=Writer.displayName', 'Mood=Feeling'],
  });
  for (const m of migrations) {
    assert.equal(m.refused, undefined, m.env);
    assert.ok(m.file && existsSync(m.file), m.env);
    assert.match(m.script, /ALTER TABLE "Author" RENAME TO "Writer";/, m.env);
    assert.match(m.script, /RENAME COLUMN "fullName" TO "displayName"/, m.env);
    assert.doesNotMatch(m.script, /DROP TABLE "Author"|DROP COLUMN|DROP TYPE/, m.env);
  }
  assert.match(migrations.find((m) => m.env === 'production')!.script, /ALTER TYPE "Mood" RENAME TO "Feeling";/);
  assert.deepEqual(readdirSync(path.join(dir, 'prisma/migrations/production')).sort(), [
    '20250101000000_init',
    '20250102000000_renames',
    'migration_lock.toml',
  ]);
});

test('answers on a terminal: dropped and created is written as the drop; flags that name nothing are usage errors', async () => {
  const { config, previousMaster } = await project({ dev: { provider: 'sqlite' } });
  const asked: string[] = [];
  const [dev] = await createMigrations(config, {
    name: 'drops',
    now: NOW,
    previousMaster,
    ask: async (q) => {
      asked.push(`${q.fromLabel}=${q.toLabel}`);
      return q.kind === 'column' ? 'rename' : 'drop';
    },
  });
  assert.deepEqual(asked.sort(), ['Author=Writer', 'Mood=Feeling', 'Writer.fullName=Writer.displayName']);
  assert.equal(dev.refused, undefined);
  assert.match(dev.script, /DROP TABLE "Author"/);
  await assert.rejects(
    createMigrations(config, { name: 'x', now: NOW, previousMaster, renames: ['Autor=Writer'] }),
    (e: unknown) => e instanceof StewardError && e.code === 'USAGE' && /Author=Writer/.test(e.hint ?? ''),
  );
  await assert.rejects(createMigrations(config, { name: 'x', now: NOW, previousMaster, renames: ['Author=Writer'], acceptDrops: ['Author'] }), /both renamed/);
});

test('CLI: exit 1 without a terminal, naming the flags; the annotation settles it too', async () => {
  const { dir } = await project({ dev: { provider: 'sqlite' } });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=steward', '-c', 'user.email=steward@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      stdio: 'ignore',
    });
  // The previous master is the one committed with the latest migration.
  writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), BEFORE);
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'init');
  writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), AFTER);
  let stdout = '';
  const cli = (...args: string[]) =>
    runCli(['migrate', 'create', '--name', 'next', '--cwd', dir, ...args], {
      stdout: (t) => (stdout += t),
      stderr: () => {},
      isTTY: false,
      env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: undefined },
    });
  assert.equal(await cli(), 1);
  assert.match(stdout, /dev: not written: a probable rename needs a decision/);
  assert.match(stdout, /unconfirmed-rename/);
  assert.match(stdout, /--rename Author=Writer/);
  assert.equal(readdirSync(path.join(dir, 'prisma/migrations/dev')).length, 2);
  writeFileSync(
    path.join(dir, 'prisma/schema.master.prisma'),
    AFTER.replace('model Writer', '/// @steward.renamedFrom("Author")\nmodel Writer').replace(
      '  displayName',
      '  /// @steward.renamedFrom("fullName")\n  displayName',
    ),
  );
  stdout = '';
  assert.equal(await cli(), 0, stdout);
  assert.match(stdout, /dev: wrote .*next\/migration.sql \(2 renames\)/);
});
