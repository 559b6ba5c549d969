/**
 * A Prisma 6 project as users have it (datasource URLs, `prisma@6`, the `metrics` preview
 * feature), end to end: every path that hands its schemas to steward's Prisma 7 engines.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PgliteConnection } from '../../src/engine/pglite-connection.js';
import { SqliteConnection } from '../../src/engine/sqlite-connection.js';
import { detectPrismaMajor } from '../../src/project/prisma-version.js';
import { repoRoot } from '../helpers/corpus.js';
import { applyMigrations } from '../helpers/example-project.js';
import { run, tempProject } from '../helpers/project.js';

function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'steward-prisma6-'));
  cpSync(join(repoRoot, 'test/fixtures/prisma6'), dir, { recursive: true });
  return dir;
}

/**
 * Applies both histories (SQLite file, PGlite data folder) as `prisma migrate deploy` would, then
 * checks that drift finds nothing and verify's CRUD passes on both environments.
 */
async function deployDriftVerify(
  dir: string,
  histories: { dev: string; production: string },
  migrations: number,
): Promise<{ driftProduction: string; verify: string; pgdata: string }> {
  const file = join(dir, 'dev.db');
  const sqlite = await SqliteConnection.open(file);
  try {
    assert.equal((await applyMigrations(sqlite, histories.dev)).length, migrations);
  } finally {
    await sqlite.close();
  }
  const pgdata = join(dir, 'pgdata');
  const pglite = await PgliteConnection.create(pgdata);
  try {
    assert.equal((await applyMigrations(pglite, histories.production)).length, migrations);
  } finally {
    await pglite.close();
  }
  const driftDev = await run(dir, 'db', 'drift', '--env', 'dev', '--url', `file:${file}`);
  assert.equal(driftDev.code, 0, driftDev.stderr + driftDev.stdout);
  const driftProduction = await run(dir, 'db', 'drift', '--env', 'production', '--url', `pglite:${pgdata}`);
  assert.equal(driftProduction.code, 0, driftProduction.stderr + driftProduction.stdout);
  const verify = await run(dir, 'verify', '--skip-typecheck');
  assert.equal(verify.code, 0, verify.stderr + verify.stdout);
  assert.match(verify.stdout, /CRUD dev: 2\/2 models passed/);
  assert.match(verify.stdout, /CRUD production: 2\/2 models passed/);
  return { driftProduction: driftProduction.stdout, verify: verify.stdout, pgdata };
}

describe('a Prisma 6 style project', () => {
  it('is detected as Prisma 6', () => {
    assert.equal(detectPrismaMajor(join(repoRoot, 'test/fixtures/prisma6'), 'prisma/schema.master.prisma').major, 6);
  });

  it('runs generate, validate, migrate baseline and create, db drift (SQLite and PGlite) and verify', async () => {
    const dir = copyFixture();
    const generate = await run(dir, 'generate');
    assert.equal(generate.code, 0, generate.stderr + generate.stdout);
    const production = readFileSync(join(dir, 'prisma/schema.production.prisma'), 'utf8');
    assert.match(production, /url\s+= env\("DATABASE_URL"\)/); // a Prisma 6 target keeps its URL
    assert.match(production, /"metrics"/);

    const validate = await run(dir, 'validate');
    assert.equal(validate.code, 0, validate.stdout + validate.stderr);

    const baseline = await run(dir, 'migrate', 'baseline');
    assert.equal(baseline.code, 0, baseline.stderr + baseline.stdout);
    assert.match(baseline.stdout, /engine-url-ignored/);
    assert.match(baseline.stdout, /preview feature "metrics" is not given to Prisma 7's schema engine/);
    for (const env of ['dev', 'production'])
      assert.equal(readdirSync(join(dir, 'prisma/migrations', env)).filter((n) => n.endsWith('_baseline')).length, 1, env);

    writeFileSync(
      join(dir, 'prisma/schema.master.prisma'),
      readFileSync(join(dir, 'prisma/schema.master.prisma'), 'utf8').replace(
        '  body     String?\n',
        '  body     String?\n  pinned   Boolean  @default(false)\n',
      ),
    );
    const create = await run(dir, 'migrate', 'create', '--name', 'pinned');
    assert.equal(create.code, 0, create.stderr + create.stdout);
    assert.match(create.stdout, /dev: wrote .*_pinned/);
    assert.match(create.stdout, /production: wrote .*_pinned/);

    const { driftProduction, verify, pgdata } = await deployDriftVerify(
      dir,
      { dev: join(dir, 'prisma/migrations/dev'), production: join(dir, 'prisma/migrations/production') },
      2,
    );
    // What the engine was not given is said, as migrate create and baseline say it (info, exit 0).
    assert.match(
      driftProduction,
      /prisma\/schema\.production\.prisma:\d+:\d+ info datasource `url` is not given to Prisma 7's schema engine .*\[engine-url-ignored\]/,
    );
    assert.match(driftProduction, /preview feature "metrics" is not given to Prisma 7's schema engine.*\(production\) \[engine-preview-feature-ignored\]/);
    assert.match(driftProduction, /no drift from environment 'production'/);
    const driftJson = JSON.parse((await run(dir, 'db', 'drift', '--env', 'production', '--url', `pglite:${pgdata}`, '--format', 'json')).stdout) as {
      diagnostics: { source: string; code: string }[];
    };
    assert.deepEqual([...new Set(driftJson.diagnostics.filter((d) => d.source !== 'drift').map((note) => note.code))].sort(), [
      'engine-preview-feature-ignored',
      'engine-url-ignored',
    ]);

    assert.match(verify, /prisma\/schema\.dev\.prisma:\d+:\d+ info datasource `url` is not given to Prisma 7's schema engine/);
    assert.match(verify, /preview feature "metrics" is not given to Prisma 7's schema engine.*\(production\)/);
    assert.ok(!existsSync(join(dir, 'prisma/migrations/dev/migration.sql')));
  });

  it('as users have it (prisma/schema.prisma, no steward config): init, then generate, migrate baseline and create, db drift and verify', async () => {
    const dir = copyFixture();
    rmSync(join(dir, 'steward.config.json'));
    renameSync(join(dir, 'prisma/schema.master.prisma'), join(dir, 'prisma/schema.prisma'));
    const schemaBefore = readFileSync(join(dir, 'prisma/schema.prisma'), 'utf8');
    const init = await run(dir, 'init', '--dev', 'sqlite');
    assert.equal(init.code, 0, init.stderr + init.stdout);
    assert.match(init.stdout, /Prisma 6 \(package.json/);
    assert.equal(readFileSync(join(dir, 'prisma/schema.prisma'), 'utf8'), schemaBefore, 'init changes no existing schema');
    assert.match(readFileSync(join(dir, 'prisma/schema.dev.prisma'), 'utf8'), /provider = "sqlite"/);

    assert.equal((await run(dir, 'generate', '--check')).code, 0);
    const baseline = await run(dir, 'migrate', 'baseline');
    assert.equal(baseline.code, 0, baseline.stderr + baseline.stdout);
    writeFileSync(join(dir, 'prisma/schema.prisma'), schemaBefore.replace('  body     String?\n', '  body     String?\n  pinned   Boolean  @default(false)\n'));
    assert.equal((await run(dir, 'generate')).code, 0);
    const create = await run(dir, 'migrate', 'create', '--name', 'pinned');
    assert.equal(create.code, 0, create.stderr + create.stdout);
    const production = join(dir, 'prisma/migrations');
    const dev = join(dir, 'prisma/migrations-dev');
    const added = readdirSync(production).find((n) => n.endsWith('_pinned'))!;
    assert.match(readFileSync(join(production, added, 'migration.sql'), 'utf8'), /ADD COLUMN\s+"pinned" BOOLEAN NOT NULL DEFAULT false/);

    await deployDriftVerify(dir, { dev, production }, 2);
  });

  it('refuses a master whose relation error hides behind a preview feature Prisma 7 does not know', async () => {
    const dir = copyFixture();
    const master = join(dir, 'prisma/schema.master.prisma');
    writeFileSync(master, readFileSync(master, 'utf8').replace('  notes Note[]\n', ''));
    for (const major of [6, 7]) {
      writeFileSync(join(dir, 'steward.config.json'), JSON.stringify({ prismaMajor: major }));
      const validate = await run(dir, 'validate');
      assert.equal(validate.code, 2, `validate under ${major}: ${validate.stdout}`);
      assert.match(validate.stdout, /schema\.master\.prisma:\d+:\d+ error .*missing an opposite relation field/);
      for (const args of [['generate'], ['lint'], ['migrate', 'baseline']]) {
        const result = await run(dir, ...args);
        assert.equal(result.code, 2, `${args.join(' ')} under ${major}: ${result.stdout}${result.stderr}`);
        assert.match(result.stderr, /SCHEMA_INVALID.*schema\.master\.prisma:\d+:\d+/);
      }
      assert.ok(!existsSync(join(dir, 'prisma/schema.dev.prisma')) && !existsSync(join(dir, 'prisma/migrations')), 'nothing written');
    }
  });

  it("an adopted multi-file master (its own environment): the engine notes point at the master's own file and line", async () => {
    const dir = tempProject({
      'prisma/schema/schema.prisma':
        '// the app\n\ngenerator client {\n  provider        = "prisma-client-js"\n  previewFeatures = ["metrics"]\n}\n\ndatasource db {\n  provider  = "postgresql"\n  url       = env("DATABASE_URL")\n  directUrl = env("DIRECT_URL")\n}\n',
      'prisma/schema/user.prisma': 'model User {\n  id   Int     @id @default(autoincrement())\n  name String?\n}\n',
      'steward.config.json': JSON.stringify({
        master: 'prisma/schema',
        prismaMajor: 6,
        environments: { production: { provider: 'postgresql', output: 'prisma/schema', migrations: 'prisma/migrations' } },
      }),
    });
    const baseline = await run(dir, 'migrate', 'baseline', '--dry-run');
    assert.equal(baseline.code, 0, baseline.stdout + baseline.stderr);
    assert.match(baseline.stdout, /prisma\/schema\/schema\.prisma:5:22 info preview feature "metrics"/);
    assert.match(baseline.stdout, /prisma\/schema\/schema\.prisma:10:3 info datasource `url`/);
    assert.match(baseline.stdout, /prisma\/schema\/schema\.prisma:11:3 info datasource `directUrl`/);
  });

  it('lint refuses an invalid master (exit 2, located) instead of linting it', async () => {
    const dir = copyFixture();
    const master = join(dir, 'prisma/schema.master.prisma');
    writeFileSync(master, readFileSync(master, 'utf8').replace('  body     String?', '  body     Strin?'));
    const lint = await run(dir, 'lint');
    assert.equal(lint.code, 2, lint.stdout);
    assert.match(lint.stderr, /schema\.master\.prisma:22:12/);
  });
});
