import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { corpusDir } from '../helpers/corpus.js';
import { PG_MASTER, checkErrors, run, snapshot, tempProject } from '../helpers/project.js';
import { withScripts } from '../../src/init/plan.js';

describe('steward init', () => {
  it('adopts a Prisma 6 PostgreSQL project; check passes; a second run changes nothing', async () => {
    const dir = tempProject({
      'prisma/schema.prisma': PG_MASTER,
      'prisma/migrations/20240101000000_init/migration.sql': '-- init\n',
      'package.json': JSON.stringify({ name: 'app', scripts: { build: 'tsc', 'schema:check': 'custom' }, devDependencies: { prisma: '6.19.0' } }, null, 4) + '\n',
    });
    const r = await run(dir, 'init');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(join(dir, 'prisma/schema.master.prisma'), 'utf8'), PG_MASTER);
    const config = readFileSync(join(dir, 'steward.config.ts'), 'utf8');
    assert.match(config, /prismaMajor: 6/);
    assert.match(config, /dev: \{ provider: "sqlite", output: "prisma\/schema.dev.prisma" \}/);
    assert.match(config, /production: \{ provider: "postgresql", output: "prisma\/schema.prisma", migrations: "prisma\/migrations" \}/);
    // The original schema is now the generated production schema (Prisma 6: URL kept).
    const production = readFileSync(join(dir, 'prisma/schema.prisma'), 'utf8');
    assert.match(production, /schema\.master\.prisma/);
    assert.match(production, /url\s+= env\("DATABASE_URL"\)/);
    assert.match(readFileSync(join(dir, 'prisma/schema.dev.prisma'), 'utf8'), /provider = "sqlite"/);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    assert.equal(pkg.scripts['schema:check'], 'custom', 'existing scripts are kept');
    assert.equal(pkg.scripts['schema:generate'], 'steward generate');
    assert.equal(pkg.scripts.build, 'tsc');
    assert.match(readFileSync(join(dir, 'package.json'), 'utf8'), /^\{\n {4}"name"/, 'indentation kept');
    assert.match(readFileSync(join(dir, '.github/workflows/steward.yml'), 'utf8'), /npx steward check --format github/);
    assert.deepEqual((await checkErrors(dir)).errors, []);

    const before = snapshot(dir);
    const again = await run(dir, 'init');
    assert.equal(again.code, 0);
    assert.match(again.stdout, /Nothing to do/);
    assert.deepEqual(snapshot(dir), before);
  });

  it('a SQLite project gets one environment; no package.json is noted, not created', async () => {
    const sqlite = 'datasource db {\n  provider = "sqlite"\n}\n\nmodel Note {\n  id   Int    @id @default(autoincrement())\n  body String\n}\n';
    const dir = tempProject({ 'schema.prisma': sqlite });
    const r = await run(dir, 'init', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { environments: { name: string; output: string }[]; notes: string[] };
    assert.deepEqual(out.environments.map((e) => `${e.name} ${e.output}`), ['dev schema.prisma']);
    assert.ok(out.notes.some((n) => /no package\.json/.test(n)));
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
    assert.equal(withScripts(JSON.stringify({ scripts: { 'schema:generate': 'a', 'schema:check': 'b', 'schema:docs': 'c', 'schema:status': 'd' } })), undefined);
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
