import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveLintConfig } from '../../src/lint/config.js';
import { lintSchema } from '../../src/lint/engine.js';
import type { LintEnvironment } from '../../src/lint/environment.js';
import { fixSchemaFiles } from '../../src/lint/fix.js';
import { prismaValidate } from '../../src/prisma/schema-wasm.js';
import { parseSchema } from '../../src/schema/parse.js';
import { corpusDir, corpusEntries } from '../helpers/corpus.js';

const ENVIRONMENTS: LintEnvironment[] = [
  { name: 'dev', provider: 'sqlite', prismaMajor: 7, urlEnv: 'DATABASE_URL' },
  { name: 'production', provider: 'postgresql', prismaMajor: 7, urlEnv: 'DATABASE_URL' },
];

const CONFIGS = {
  recommended: resolveLintConfig(),
  "prisma-lint's fixable rules": resolveLintConfig({
    section: {
      preset: 'none',
      rules: { 'field-name-mapping-snake-case': 'error', 'model-name-mapping-snake-case': ['error', { pluralize: true }], 'require-default-empty-arrays': 'error' },
    },
  }),
};

const VALIDATE = { allowDatasourceUrls: true, lenientPreviewFeatures: true };

describe('lint --fix on the real-world corpus', () => {
  for (const entry of corpusEntries()) {
    it(`${entry.name}: fixes are idempotent and Prisma still validates the schema`, () => {
      const validBefore = !prismaValidate(entry.files, VALIDATE).some((d) => d.severity === 'error');
      for (const [name, config] of Object.entries(CONFIGS)) {
        const once = fixSchemaFiles(entry.files, config, { environments: ENVIRONMENTS });
        const twice = fixSchemaFiles(once.files, config, { environments: ENVIRONMENTS });
        assert.deepEqual(twice.applied, [], `${name}: a second --fix applied ${twice.applied.map((d) => d.code).join(', ')}`);
        assert.deepEqual(twice.files, once.files);
        assert.deepEqual(lintSchema(parseSchema(once.files), config, { environments: ENVIRONMENTS }).filter((d) => d.fix), [], `${name}: fixable findings remain`);
        if (validBefore) {
          const errors = prismaValidate(once.files, VALIDATE).filter((d) => d.severity === 'error');
          assert.deepEqual(errors.map((e) => `${e.location?.file}:${e.location?.line} ${e.message}`), [], `${name}: Prisma rejects the fixed schema`);
        }
      }
    });
  }
  it('corpus present (otherwise these tests are skipped)', (t) => {
    if (!corpusDir()) t.skip('../shared/corpus not found');
  });
});
