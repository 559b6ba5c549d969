import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveLintConfig } from '../../src/lint/config.js';
import { lintSchema } from '../../src/lint/engine.js';
import type { LintEnvironment } from '../../src/lint/environment.js';
import { fixSchemaFiles } from '../../src/lint/fix.js';
import { prismaValidate } from '../../src/prisma/schema-wasm.js';
import { parseSchema } from '../../src/schema/parse.js';
import type { Schema } from '../../src/schema/model.js';
import { databaseName } from '../../src/schema/query.js';
import { corpusDir, corpusEntries, realworldSchemas } from '../helpers/corpus.js';
import { realworldDir } from '../helpers/realworld.js';

const ENVIRONMENTS: LintEnvironment[] = [
  { name: 'dev', provider: 'sqlite', prismaMajor: 7, urlEnv: 'DATABASE_URL' },
  { name: 'production', provider: 'postgresql', prismaMajor: 7, urlEnv: 'DATABASE_URL' },
];

const CONFIGS = {
  recommended: resolveLintConfig(),
  "prisma-lint's fixable rules": resolveLintConfig({
    section: {
      preset: 'none',
      rules: {
        'field-name-mapping-snake-case': 'error',
        'model-name-mapping-snake-case': ['error', { pluralize: true }],
        'require-default-empty-arrays': 'error',
      },
    },
  }),
};

const VALIDATE = { allowDatasourceUrls: true, lenientPreviewFeatures: true };

describe('lint --fix on the real-world corpus', () => {
  for (const entry of corpusEntries()) {
    it(`${entry.name}: fixes are idempotent and Prisma still validates the schema`, () => {
      const validBefore = !prismaValidate(entry.files, VALIDATE).some((d) => d.severity === 'error');
      for (const [name, config] of Object.entries(CONFIGS)) {
        const once = fixSchemaFiles(entry.files, config, { environments: ENVIRONMENTS, unsafe: true });
        const twice = fixSchemaFiles(once.files, config, { environments: ENVIRONMENTS, unsafe: true });
        assert.deepEqual(twice.applied, [], `${name}: a second --fix applied ${twice.applied.map((d) => d.code).join(', ')}`);
        assert.deepEqual(twice.files, once.files);
        assert.deepEqual(
          lintSchema(parseSchema(once.files), config, { environments: ENVIRONMENTS }).filter((d) => d.fix),
          [],
          `${name}: fixable findings remain`,
        );
        if (validBefore) {
          const errors = prismaValidate(once.files, VALIDATE).filter((d) => d.severity === 'error');
          assert.deepEqual(
            errors.map((e) => `${e.location?.file}:${e.location?.line} ${e.message}`),
            [],
            `${name}: Prisma rejects the fixed schema`,
          );
        }
      }
    });
  }
  it('corpus present (otherwise these tests are skipped)', (t) => {
    if (!corpusDir()) t.skip('../shared/corpus not found');
  });
});

/** Every model's table and every field's column, by Prisma name: what a migration would rename. */
function databaseNames(schema: Schema): Map<string, string> {
  const names = new Map<string, string>();
  for (const model of [...schema.models, ...schema.views]) {
    names.set(model.name, databaseName(model));
    for (const field of model.fields) names.set(`${model.name}.${field.name}`, databaseName(field));
  }
  for (const e of schema.enums) {
    names.set(e.name, databaseName(e));
    for (const value of e.values) names.set(`${e.name}.${value.name}`, databaseName(value));
  }
  return names;
}

describe('lint --fix (safe fixes only) renames nothing in the database', () => {
  const entries = [
    ...corpusEntries().map((e) => ({ ...e, name: `corpus/${e.name}` })),
    ...realworldSchemas().map((e) => ({ ...e, name: `realworld/${e.name}` })),
  ];
  for (const entry of entries) {
    it(`${entry.name}: every table and column keeps its name`, () => {
      const before = databaseNames(parseSchema(entry.files));
      for (const [name, config] of Object.entries(CONFIGS)) {
        const fixed = fixSchemaFiles(entry.files, config, { environments: ENVIRONMENTS });
        const after = databaseNames(parseSchema(fixed.files));
        const renamed = [...before].filter(([key, db]) => after.get(key) !== db).map(([key, db]) => `${key}: ${db} -> ${after.get(key)}`);
        assert.deepEqual(renamed, [], `${name}: --fix renamed database objects`);
        // The unsafe fixes are still reported, each with its kind and migration statement.
        const left = lintSchema(parseSchema(fixed.files), config, { environments: ENVIRONMENTS }).filter((d) => d.fix);
        for (const d of left)
          assert.ok(d.fix!.kind === 'rename-column' || d.fix!.kind === 'rename-table', `${d.code}: a safe fix (${d.fix!.kind}) was left unapplied`);
      }
    });
  }
  it('realworld present (otherwise these tests are skipped)', (t) => {
    if (!realworldDir()) t.skip('../shared/realworld not found');
  });
});
