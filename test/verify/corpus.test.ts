import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/index.js';
import { verifyProject } from '../../src/verify/verify.js';
import { corpusDir } from '../helpers/corpus.js';

/** Large real PostgreSQL schemas whose dev (SQLite) and production (PostgreSQL) environments pass every CRUD smoke test. */
const PASSING = [
  'calcom__cal.com__packages__prisma__schema.prisma',
  'mfts__papermark__prisma__schema',
  'gitroomhq__postiz-app__libraries__nestjs-libraries__src__database__prisma__schema.prisma',
  'baptisteArno__typebot.io__packages__prisma__postgresql__schema.prisma',
  'teableio__teable__packages__db-main-prisma__prisma__postgres__schema.prisma',
];

/** Schemas with a real incompatibility: steward must report it, with its cause. */
const INCOMPATIBLE: { name: string; env: string; cause: RegExp }[] = [
  // gin_trgm_ops needs pg_trgm, which the schema never creates.
  { name: 'documenso__documenso__packages__prisma__schema.prisma', env: 'production', cause: /gin_trgm_ops comes from a PostgreSQL extension \(pg_trgm\)/ },
];

async function verifyCorpusSchema(name: string) {
  const source = join(corpusDir()!, name);
  const dir = mkdtempSync(join(tmpdir(), 'steward-verify-corpus-'));
  mkdirSync(join(dir, 'prisma'));
  const isFolder = statSync(source).isDirectory();
  const master = isFolder ? 'prisma/master' : 'prisma/schema.master.prisma';
  cpSync(source, join(dir, master), { recursive: true });
  writeFileSync(
    join(dir, 'steward.config.json'),
    JSON.stringify({ master, environments: { dev: { provider: 'sqlite' }, production: { provider: 'postgresql' } } }),
  );
  return verifyProject(await loadConfig({ cwd: dir }), { skipTypecheck: true });
}

describe('corpus: CRUD smoke tests on both environments of large real schemas', { skip: corpusDir() ? false : 'no ../shared/corpus' }, () => {
  for (const name of PASSING) {
    it(name, async () => {
      const report = await verifyCorpusSchema(name);
      assert.equal(report.crud?.length, 2);
      for (const env of report.crud!) {
        assert.equal(env.setupError, undefined, `${env.env}: ${env.setupError?.message}`);
        assert.ok(env.models.length >= 15, `${env.env}: ${env.models.length} models`);
        const problems = env.models.filter((m) => m.status !== 'passed').map((m) => `${m.model} ${m.status} ${m.operation ?? ''}: ${m.message}`);
        assert.deepEqual(problems, [], env.env);
      }
    });
  }
  // Prisma's SQLite DDL writes Json @default("{}") unquoted (a syntax error); steward quotes it.
  it('Openpanel-dev__openpanel__packages__db__prisma__schema.prisma: the dev environment with Json @default("{}") prepares', async () => {
    const report = await verifyCorpusSchema('Openpanel-dev__openpanel__packages__db__prisma__schema.prisma');
    const dev = report.crud!.find((e) => e.env === 'dev')!;
    assert.equal(dev.setupError, undefined, dev.setupError?.message);
    assert.ok(dev.models.length >= 10, `${dev.models.length} models`);
  });
  for (const { name, env, cause } of INCOMPATIBLE) {
    it(`${name}: the ${env} incompatibility is reported with its cause`, async () => {
      const report = await verifyCorpusSchema(name);
      const failing = report.crud!.find((e) => e.env === env)!;
      assert.ok(failing.setupError, `${env} should not be preparable`);
      assert.match(failing.setupError.hint ?? '', cause);
      assert.doesNotMatch(failing.setupError.message, /sql_schema_connector::/, 'no engine trace');
    });
  }
});
