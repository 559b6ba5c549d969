import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { corpusDir } from '../helpers/corpus.js';
import { PG_MASTER, checkErrors, run, snapshot, tempProject } from '../helpers/project.js';
import { withScripts } from '../../src/init/plan.js';

describe('steward init', () => {
  it('adopts a Prisma 6 PostgreSQL project as it is: the schema is the master, its history the production history', async () => {
    const dir = tempProject({
      'prisma/schema.prisma': PG_MASTER,
      'prisma/migrations/20240101000000_init/migration.sql': 'CREATE TABLE "a" ("id" INT);\n',
      'prisma/migrations/20240201000000_drop/migration.sql': 'ALTER TABLE "a" DROP COLUMN "id";\n',
      'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
      'package.json': JSON.stringify({ name: 'app', scripts: { build: 'tsc' }, devDependencies: { prisma: '6.19.0' } }, null, 4) + '\n',
    });
    const before = snapshot(dir);
    const r = await run(dir, 'init');
    assert.equal(r.code, 0, r.stderr);
    const after = snapshot(dir);
    for (const [path, text] of Object.entries(before)) assert.equal(after[path], text, `${path} changed`);
    const config = readFileSync(join(dir, 'steward.config.ts'), 'utf8');
    assert.match(config, /master: "prisma\/schema.prisma"/);
    assert.match(config, /prismaMajor: 6/);
    assert.match(config, /production: \{ provider: "postgresql", output: "prisma\/schema.prisma", migrations: "prisma\/migrations" \}/);
    assert.match(config, /adoptedAt: \{ production: "20240201000000_drop" \}/);
    assert.doesNotMatch(config, /dev:/, 'no SQLite evidence: production only');
    assert.match(readFileSync(join(dir, '.github/workflows/steward.yml'), 'utf8'), /npx steward check --format github/);
    // The applied drop-column migration is before the adoption point: not judged.
    assert.deepEqual((await checkErrors(dir, ['generate', 'validate', 'docs', 'migrate-lint'])).errors, []);

    const again = await run(dir, 'init');
    assert.equal(again.code, 0);
    assert.match(again.stdout, /Nothing to do/);
    assert.deepEqual(snapshot(dir), after);
  });

  it('adds a SQLite dev environment from evidence (.env), beside the production history, never inside it', async () => {
    const dir = tempProject({
      'prisma/schema.prisma': PG_MASTER,
      'prisma/migrations/20240101000000_init/migration.sql': '-- init\n',
      '.env.example': 'DATABASE_URL="file:./dev.db"\n',
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
      '.nvmrc': '22\n',
    });
    const r = await run(dir, 'init', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const out = (JSON.parse(r.stdout) as { data: { environments: { name: string; output: string; migrations: string }[] } }).data;
    assert.deepEqual(
      out.environments.map((e) => `${e.name} ${e.output} ${e.migrations}`),
      ['production prisma/schema.prisma prisma/migrations', 'dev prisma/schema.dev.prisma prisma/migrations-dev'],
    );
    assert.match(readFileSync(join(dir, 'prisma/schema.dev.prisma'), 'utf8'), /provider = "sqlite"/);
    const workflow = readFileSync(join(dir, '.github/workflows/steward.yml'), 'utf8');
    assert.match(workflow, /pnpm\/action-setup/);
    assert.match(workflow, /pnpm install --frozen-lockfile/);
    assert.match(workflow, /node-version: 22/);
    assert.deepEqual((await checkErrors(dir)).errors, []);
  });

  it('--dev none, --dry-run and --scripts', async () => {
    const dir = tempProject({ 'prisma/schema.prisma': PG_MASTER, '.env': 'DATABASE_URL=file:./dev.db\n', 'package.json': '{\n    "name": "x"\n}\n' });
    const before = snapshot(dir);
    const dry = await run(dir, 'init', '--dry-run');
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /would write steward.config.ts/);
    assert.deepEqual(snapshot(dir), before, 'a dry run writes nothing');
    const r = await run(dir, 'init', '--dev', 'none', '--scripts');
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(readFileSync(join(dir, 'steward.config.ts'), 'utf8'), /dev:/);
    const pkg = readFileSync(join(dir, 'package.json'), 'utf8');
    assert.match(pkg, /^\{\n {4}"name"/, 'indentation kept');
    assert.match(pkg, /"schema:check": "steward check"/);
    assert.equal((await run(dir, 'init', '--dev', 'mysql')).code, 2);
  });

  it('finds the schema in a monorepo: prisma.config.ts with path.join(__dirname), relative --cwd, docs and migration copies ignored', async () => {
    const dir = tempProject({
      'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['apps/*', 'packages/*'] }),
      'apps/web/package.json': '{ "name": "web" }',
      'packages/db/package.json': JSON.stringify({ name: 'db', devDependencies: { prisma: '^7.2.0' } }),
      'packages/db/prisma.config.ts':
        "import path from 'node:path';\nimport { defineConfig } from 'prisma/config';\nexport default defineConfig({\n  schema: path.join(__dirname, 'prisma'),\n  migrations: { path: path.join(__dirname, 'prisma/migrations') },\n});\n",
      'packages/db/prisma/schema.prisma': PG_MASTER.replace(/\n  url .*\n/, '\n'),
      'packages/db/prisma/migrations/20240101000000_init/migration.sql': '-- init\n',
      'docs/schema.prisma': PG_MASTER,
      'packages/db/prisma/migrations/schema.prisma': PG_MASTER,
    });
    const r = await run(join(dir, 'apps', '..'), 'init', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const out = (
      JSON.parse(r.stdout) as { data: { schema: { path: string; via: string }; environments: { output: string; migrations: string }[]; notes: string[] } }
    ).data;
    assert.equal(out.schema.path, 'packages/db/prisma');
    assert.match(out.schema.via, /packages\/db\/prisma.config.ts/);
    assert.deepEqual(
      out.environments.map((e) => e.migrations),
      ['packages/db/prisma/migrations'],
    );
    assert.ok(
      out.notes.some((n) => /Prisma 7 \(packages\/db\/package.json/.test(n)),
      out.notes.join('; '),
    );
    // A relative --cwd works as well.
    const other = tempProject({ 'prisma/schema.prisma': PG_MASTER });
    const relativeCwd = (await import('node:path')).relative(process.cwd(), other);
    const rel = await run(process.cwd(), '--cwd', relativeCwd, 'init', '--dry-run');
    assert.equal(rel.code, 0, rel.stderr);
  });

  it('several schemas: lists them and takes --master', async () => {
    const dir = tempProject({
      'apps/a/prisma/schema.prisma': PG_MASTER,
      'apps/b/prisma/schema.prisma': PG_MASTER,
      'package.json': '{ "name": "m" }',
      'apps/a/package.json': '{}',
      'apps/b/package.json': '{}',
    });
    const r = await run(dir, 'init');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--master/);
    assert.match(r.stderr, /apps\/a\/prisma\/schema.prisma/);
    assert.match(r.stderr, /apps\/b\/prisma\/schema.prisma/);
    const picked = await run(dir, 'init', '--master', 'apps/b/prisma/schema.prisma', '--format', 'json');
    assert.equal(picked.code, 0, picked.stderr);
    assert.equal((JSON.parse(picked.stdout) as { data: { master: string } }).data.master, 'apps/b/prisma/schema.prisma');
  });

  it('a SQLite project gets one environment: the master itself', async () => {
    const sqlite = 'datasource db {\n  provider = "sqlite"\n}\n\nmodel Note {\n  id   Int    @id @default(autoincrement())\n  body String\n}\n';
    const dir = tempProject({ 'schema.prisma': sqlite });
    const r = await run(dir, 'init', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const out = (JSON.parse(r.stdout) as { data: { environments: { name: string; output: string }[] } }).data;
    assert.deepEqual(
      out.environments.map((e) => `${e.name} ${e.output}`),
      ['dev schema.prisma'],
    );
    assert.equal(readFileSync(join(dir, 'schema.prisma'), 'utf8'), sqlite);
    assert.deepEqual((await checkErrors(dir)).errors, []);
  });

  it('an invalid schema stops init with file:line:col, exit 2, nothing written', async () => {
    const dir = tempProject({ 'prisma/schema.prisma': PG_MASTER.replace('title    String', 'title    Strin') });
    const before = snapshot(dir);
    const r = await run(dir, 'init');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /prisma\/schema\.prisma:\d+:\d+/);
    assert.deepEqual(snapshot(dir), before);
  });

  it('no schema at all is a clear error', async () => {
    const r = await run(mkdtempSync(join(tmpdir(), 'steward-empty-')), 'init');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /No Prisma schema found/);
  });

  it('withScripts adds only missing scripts', () => {
    assert.equal(
      withScripts(JSON.stringify({ scripts: { 'schema:generate': 'a', 'schema:check': 'b', 'schema:docs': 'c', 'schema:status': 'd' } })),
      undefined,
    );
    assert.deepEqual(Object.keys(JSON.parse(withScripts('{"name":"x"}')!).scripts), ['schema:generate', 'schema:check', 'schema:docs', 'schema:status']);
  });

  it('on copies of corpus schemas: init, then steward check runs (sqlite, postgresql, mysql, multi-file)', async (t) => {
    const corpus = corpusDir();
    if (!corpus) {
      t.skip('no ../shared/corpus');
      return;
    }
    const picks = [
      'Mintplex-Labs__anything-llm__server__prisma__schema.prisma',
      'documenso__documenso__packages__prisma__schema.prisma',
      'baptisteArno__typebot.io__packages__prisma__mysql__schema.prisma',
      'Openpanel-dev__openpanel__packages__db__prisma__schema.prisma',
      'dubinc__dub__apps__web__prisma__schema',
    ];
    let ran = 0;
    for (const name of picks) {
      const source = join(corpus, name);
      try {
        statSync(source);
      } catch {
        continue;
      }
      const dir = mkdtempSync(join(tmpdir(), 'steward-init-corpus-'));
      mkdirSync(join(dir, 'prisma'));
      if (statSync(source).isDirectory()) cpSync(source, join(dir, 'prisma', 'schema'), { recursive: true });
      else cpSync(source, join(dir, 'prisma', 'schema.prisma'));
      writeFileSync(join(dir, 'package.json'), '{ "name": "adopted" }\n');
      const init = await run(dir, 'init');
      assert.equal(init.code, 0, `${name}: ${init.stderr}`);
      // check runs to the end (exit 0 or 1); generation, validation and docs are clean. Lint and
      // audit findings are the adopted project's own business.
      assert.deepEqual((await checkErrors(dir)).errors, [], name);
      const before = snapshot(dir);
      assert.equal((await run(dir, 'init')).code, 0);
      assert.deepEqual(snapshot(dir), before, `${basename(name)}: re-running init changed files`);
      ran++;
    }
    assert.ok(ran >= 3, `only ${ran} corpus schemas found`);
  });
});
