import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load.js';
import { StewardError } from '../../src/errors/index.js';
import { PG_MASTER, snapshot, tempProject } from '../helpers/project.js';

describe('loadConfig', () => {
  it('zero config follows the specification layout', async () => {
    const dir = tempProject({ 'api/prisma/schema.master.prisma': PG_MASTER });
    const config = await loadConfig({ cwd: dir });
    assert.equal(config.master, join(dir, 'api/prisma/schema.master.prisma'));
    assert.deepEqual(
      config.environments.map((e) => [e.name, e.provider]),
      [
        ['dev', 'sqlite'],
        ['production', 'postgresql'],
      ],
    );
    assert.equal(config.environments[0].output, join(dir, 'api/prisma/schema.dev.prisma'));
    assert.equal(config.environments[0].prismaConfigPath, join(dir, 'api/prisma.dev.config.ts'));
    assert.equal(config.environments[1].migrationsDir, join(dir, 'api/prisma/migrations/production'));
    assert.equal(config.environments[0].urlEnv, 'DATABASE_URL');
  });

  it("zero config: production keeps a CockroachDB master's provider, and is PostgreSQL for any other", async () => {
    for (const [provider, production] of [
      ['cockroachdb', 'cockroachdb'],
      ['postgresql', 'postgresql'],
      ['mysql', 'postgresql'],
      ['sqlite', 'postgresql'],
    ] as const) {
      const dir = tempProject({ 'prisma/schema.master.prisma': PG_MASTER.replace('"postgresql"', `"${provider}"`) });
      const config = await loadConfig({ cwd: dir });
      assert.deepEqual(
        config.environments.map((e) => [e.name, e.provider]),
        [
          ['dev', 'sqlite'],
          ['production', production],
        ],
        provider,
      );
    }
  });

  it('finds a master anywhere under the working directory, outside node_modules', async () => {
    const dir = tempProject({ 'packages/db/schema.master.prisma': PG_MASTER, 'node_modules/x/schema.master.prisma': PG_MASTER });
    assert.equal((await loadConfig({ cwd: dir })).master, join(dir, 'packages/db/schema.master.prisma'));
  });

  it('loads steward.config.ts with defineConfig and leaves no temporary file', async () => {
    const dir = tempProject({
      'db/master.prisma': PG_MASTER,
      'steward.config.ts': `import { defineConfig } from 'prisma-steward';\nconst envs: Record<string, { provider: 'sqlite' | 'postgresql' }> = { local: { provider: 'sqlite' } };\nexport default defineConfig({ master: 'db/master.prisma', prismaMajor: 6, environments: envs });\n`,
      'node_modules/prisma-steward/package.json': JSON.stringify({ name: 'prisma-steward', type: 'module', exports: './index.js' }),
      'node_modules/prisma-steward/index.js': 'export const defineConfig = (c) => c;\n',
    });
    const before = Object.keys(snapshot(dir)).sort();
    const config = await loadConfig({ cwd: dir });
    assert.deepEqual(
      config.environments.map((e) => [e.name, e.provider, e.prismaMajor, e.prismaConfigPath]),
      [['local', 'sqlite', 6, undefined]],
    );
    assert.deepEqual(Object.keys(snapshot(dir)).sort(), before);
  });

  it('loads JSON configuration', async () => {
    const dir = tempProject({
      'm.prisma': PG_MASTER,
      'steward.config.json': JSON.stringify({ master: 'm.prisma', environments: { dev: { provider: 'sqlite', output: 'out/dev.prisma' } } }),
    });
    const config = await loadConfig({ cwd: dir });
    assert.equal(config.environments[0].output, join(dir, 'out/dev.prisma'));
  });

  it("keeps an environment's shadowUrl", async () => {
    const url = 'postgresql://steward:pw@localhost:5432/postgres';
    const dir = tempProject({
      'm.prisma': PG_MASTER,
      'steward.config.json': JSON.stringify({ master: 'm.prisma', environments: { production: { provider: 'postgresql', shadowUrl: url } } }),
    });
    const config = await loadConfig({ cwd: dir });
    assert.equal(config.environments[0].shadowUrl, url);
  });

  const invalid: [string, unknown, RegExp][] = [
    ['an unknown key', { mastr: 'x' }, /mastr: unknown key/],
    ['a bad provider', { environments: { dev: { provider: 'sqlite3' } } }, /environments\.dev\.provider: expected one of .*"sqlite".*got "sqlite3"/],
    ['an unknown environment key', { environments: { dev: { provider: 'sqlite', ouput: 'x' } } }, /environments\.dev\.ouput: unknown key/],
    ['a bad prismaMajor', { prismaMajor: 4 }, /prismaMajor: expected one of 5, 6, 7/],
    [
      'a shadowUrl that is not PostgreSQL',
      { environments: { production: { provider: 'postgresql', shadowUrl: 'file:./x.db' } } },
      /environments\.production\.shadowUrl: must be a postgresql:\/\/ URL/,
    ],
  ];
  for (const [name, value, message] of invalid) {
    it(`rejects ${name}, naming the key`, async () => {
      const dir = tempProject({ 'prisma/schema.master.prisma': PG_MASTER, 'steward.config.json': JSON.stringify(value) });
      await assert.rejects(
        loadConfig({ cwd: dir }),
        (e: unknown) => e instanceof StewardError && e.code === 'CONFIG_INVALID' && e.exitCode === 2 && e.details.some((d) => message.test(d)),
      );
    });
  }

  it('accepts prismaMajor 5 at the top and per environment', async () => {
    const dir = tempProject({
      'prisma/schema.master.prisma': PG_MASTER,
      'steward.config.json': JSON.stringify({
        prismaMajor: 5,
        environments: { dev: { provider: 'sqlite' }, production: { provider: 'postgresql', prismaMajor: 6 } },
      }),
    });
    const config = await loadConfig({ cwd: dir });
    assert.equal(config.prismaMajor, 5);
    assert.deepEqual(
      config.environments.map((e) => [e.name, e.prismaMajor, e.prismaConfigPath]),
      [
        ['dev', 5, undefined],
        ['production', 6, undefined],
      ],
    );
  });

  it('reports malformed JSON with a line and column', async () => {
    const dir = tempProject({ 'prisma/schema.master.prisma': PG_MASTER, 'steward.config.json': '{\n  "master": "x",\n  oops\n}\n' });
    await assert.rejects(loadConfig({ cwd: dir }), (e: unknown) => e instanceof StewardError && e.location?.line === 3);
  });

  it('says where it looked when there is no master', async () => {
    const dir = tempProject({ 'README.md': '# nothing' });
    await assert.rejects(
      loadConfig({ cwd: dir }),
      (e: unknown) => e instanceof StewardError && e.code === 'MASTER_NOT_FOUND' && /schema\.master\.prisma/.test(e.hint ?? ''),
    );
  });
});
