import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintSchema } from '../../src/lint/engine.js';
import { resolveLintConfig } from '../../src/lint/config.js';
import { applyBaseline, createBaseline } from '../../src/lint/baseline.js';
import { isStewardError } from '../../src/errors/index.js';
import { parseSchema } from '../../src/schema/parse.js';
import { onlyRule, withDatasource } from './rule-tester.js';

const lint = (
  code: string,
  config = resolveLintConfig({ section: { preset: 'none', rules: { 'field-name-camel-case': 'error', 'unused-suppression': 'warn' } } }),
  path = 'schema.prisma',
) => lintSchema(parseSchema([{ path, text: withDatasource(code) }]), config);

describe('suppressions', () => {
  it('/// steward-ignore on a field suppresses that rule there, with a reason', () => {
    const found = lint(
      'model A {\n  id Int @id\n  /// steward-ignore field-name-camel-case -- legacy column read by the billing job\n  old_name String\n  other_name String\n}\n',
    );
    assert.deepEqual(
      found.map((d) => `${d.code} ${d.field}`),
      ['field-name-camel-case other_name'],
    );
  });

  it('/// steward-ignore on a model covers its fields', () => {
    assert.deepEqual(lint('/// steward-ignore field-name-camel-case\nmodel A {\n  id Int @id\n  old_name String\n}\n'), []);
  });

  it('a suppression that suppresses nothing, or names an unknown rule, is reported', () => {
    const found = lint('model A {\n  /// steward-ignore field-name-camel-case, no-such-rule\n  id Int @id\n}\n');
    assert.deepEqual(
      found.map((d) => [d.code, d.severity, d.location?.line, d.message]),
      [
        ['unused-suppression', 'warning', 5, "Suppression comment 'field-name-camel-case' suppresses nothing here"],
        ['unused-suppression', 'warning', 5, "Suppression comment names an unknown rule 'no-such-rule'"],
      ],
    );
  });

  it("prisma-lint's ignore comments work unchanged", () => {
    const found = lint(
      'model A {\n  /// prisma-lint-ignore-model field-name-camel-case\n  id Int @id\n  old_name String\n}\nmodel B {\n  /// prisma-lint-ignore-model\n  id Int @id\n  x_y String\n}\nmodel C {\n  id Int @id\n  /// prisma-lint-ignore-field field-name-camel-case\n  a_b String\n  c_d String\n}\n',
    );
    assert.deepEqual(
      found.map((d) => `${d.model}.${d.field}`),
      ['C.c_d'],
    );
  });
});

describe('configuration', () => {
  const problems = (section: unknown): string[] => {
    try {
      resolveLintConfig({ section });
    } catch (error) {
      assert.ok(isStewardError(error));
      assert.equal(error.code, 'CONFIG_INVALID');
      assert.equal(error.exitCode, 2);
      return error.details;
    }
    return [];
  };

  it('unknown rules and bad options are errors naming the key', () => {
    assert.deepEqual(problems({ rules: { 'field-name-camelcase': 'error' } }), [
      "lint.rules.field-name-camelcase: unknown rule (did you mean 'field-name-camel-case'?)",
    ]);
    assert.deepEqual(problems({ rules: { 'table-name-snake-case': ['error', { style: 'plurals' }] } }), [
      'lint.rules.table-name-snake-case[1].style: expected one of "plural", "singular", "unchanged", got "plurals"',
    ]);
    assert.deepEqual(problems({ rules: { 'enum-value-case': 'error' } }), ['lint.rules.enum-value-case.style: is required']);
    assert.deepEqual(problems({ rules: { 'require-id': 'loud' } }), ['lint.rules.require-id: expected "error", "warn", "off" or [level, options], got "loud"']);
    assert.deepEqual(problems({ colour: true }), ['lint.colour: unknown key; known keys: preset, rules, overrides, prismaLintConfig, baseline']);
  });

  it('the recommended preset applies with no configuration', () => {
    const config = resolveLintConfig();
    assert.equal(config.rules['require-created-at'].severity, 'error');
    assert.equal(config.rules['field-name-camel-case'].severity, 'error');
    assert.equal(config.rules['environment-compatibility'].severity, 'warning');
    assert.equal(config.rules['ban-unbounded-string-type'].severity, 'off');
  });

  it('a .prismalintrc.json is applied over the preset', () => {
    const config = resolveLintConfig({
      section: { preset: 'none' },
      prismaLint: { path: '.prismalintrc.json', config: { rules: { 'model-name-prefix': ['error', { prefix: 'Tbl' }] } } },
    });
    assert.deepEqual(config.rules['model-name-prefix'], { severity: 'error', options: { prefix: 'Tbl' } });
  });

  it('overrides apply per file pattern', () => {
    const config = resolveLintConfig({
      section: {
        preset: 'none',
        rules: { 'field-name-camel-case': 'error' },
        overrides: [{ files: ['legacy/*.prisma'], rules: { 'field-name-camel-case': 'warn' } }],
      },
    });
    const schema = parseSchema([
      { path: 'prisma/legacy/old.prisma', text: 'model A {\n  id Int @id\n  a_b Int\n}\n' },
      { path: 'prisma/new.prisma', text: 'model B {\n  id Int @id\n  c_d Int\n}\n' },
    ]);
    assert.deepEqual(
      lintSchema(schema, config).map((d) => `${d.field} ${d.severity}`),
      ['a_b warning', 'c_d error'],
    );
  });

  it('overrides apply per environment', () => {
    const config = resolveLintConfig({
      section: {
        preset: 'none',
        rules: { 'environment-compatibility': 'warn' },
        overrides: [{ environments: ['dev'], rules: { 'environment-compatibility': 'off' } }],
      },
    });
    const schema = parseSchema(withDatasource('model A {\n  id Int @id\n  tags String[]\n}\n'));
    const envs = [
      { name: 'dev', provider: 'sqlite' as const, prismaMajor: 7 as const, urlEnv: 'DATABASE_URL' },
      { name: 'mysql', provider: 'mysql' as const, prismaMajor: 7 as const, urlEnv: 'DATABASE_URL' },
    ];
    assert.deepEqual(
      lintSchema(schema, config, { environments: envs }).map((d) => d.env),
      ['mysql'],
    );
  });
});

describe('baseline', () => {
  it('hides recorded findings and keeps new ones, regardless of line moves', () => {
    const before = lintSchema(parseSchema(withDatasource('model A {\n  id Int @id\n  a_b Int\n}\n')), onlyRule('field-name-camel-case'));
    const baseline = createBaseline(before);
    const after = lintSchema(parseSchema(withDatasource('\n\nmodel A {\n  id Int @id\n  a_b Int\n  c_d Int\n}\n')), onlyRule('field-name-camel-case'));
    const { fresh, known } = applyBaseline(after, baseline);
    assert.equal(known, 1);
    assert.deepEqual(
      fresh.map((d) => d.field),
      ['c_d'],
    );
  });
});
