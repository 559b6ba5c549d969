import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { loadConfig as loadCoreConfig } from '../../src/config/load.js';
import { loadConfig } from '../../src/compose/sections.js';
import { StewardError } from '../../src/errors/index.js';
import { PG_MASTER, tempProject } from '../helpers/project.js';

// tempProject folders live in the system's temporary folder: no node_modules/prisma-steward
// anywhere above them, as for an example copied out of the repository.
describe('configuration files that import prisma-steward', () => {
  for (const specifier of ['prisma-steward/config', 'prisma-steward']) {
    it(`resolve '${specifier}' to steward's own copy, with nothing installed beside the configuration`, async () => {
      const dir = tempProject({
        'prisma/schema.master.prisma': PG_MASTER,
        'steward.config.ts': `import { defineConfig, type StewardConfig } from '${specifier}';\nconst base: StewardConfig = { prismaMajor: 6 };\nexport default defineConfig({ ...base, environments: { local: { provider: 'sqlite' } } });\n`,
      });
      const config = await loadConfig({ cwd: dir });
      assert.equal(config.prismaMajor, 6);
      assert.deepEqual(
        config.environments.map((e) => e.name),
        ['local'],
      );
      assert.deepEqual(
        readdirSync(dir).filter((n) => n.includes('steward.config')),
        ['steward.config.ts'],
      );
    });
  }

  it('resolves the whole library for a configuration that uses more than defineConfig', async () => {
    const dir = tempProject({
      'prisma/schema.master.prisma': PG_MASTER,
      'steward.config.mjs': `import { parseSchema } from 'prisma-steward';\nexport default { prismaMajor: parseSchema('model A {\\n  id Int @id\\n}').models.length === 1 ? 5 : 7 };\n`,
    });
    assert.equal((await loadConfig({ cwd: dir })).prismaMajor, 5);
  });

  it('names the configuration file, not a temporary file, when an import fails', async () => {
    const dir = tempProject({ 'prisma/schema.master.prisma': PG_MASTER, 'steward.config.ts': `import { x } from './missing.js';\nexport default { x };\n` });
    await assert.rejects(loadConfig({ cwd: dir }), (e: unknown) => {
      assert.ok(e instanceof StewardError && e.code === 'CONFIG_LOAD_FAILED', String(e));
      assert.match(e.message, /imported from steward\.config\.ts/);
      assert.doesNotMatch(e.message, /\.tmp|\.mjs/);
      return true;
    });
  });
});

describe('configuration sections', () => {
  const files = { 'prisma/schema.master.prisma': PG_MASTER, 'steward.config.json': JSON.stringify({ lint: { preset: 'recommended' } }) };

  it('the config layer knows no capability: a section is unknown unless the composition root gives it', async () => {
    await assert.rejects(
      loadCoreConfig({ cwd: tempProject(files) }),
      (e: unknown) => e instanceof StewardError && e.code === 'CONFIG_INVALID' && e.details.some((d) => /^lint: unknown key/.test(d)),
    );
  });

  it("the composition root's loadConfig validates and keeps every capability's section", async () => {
    const config = await loadConfig({ cwd: tempProject(files) });
    assert.deepEqual(config.sections.lint, { preset: 'recommended' });
  });
});
