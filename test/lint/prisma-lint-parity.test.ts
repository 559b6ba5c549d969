import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { resolveLintConfig } from '../../src/lint/config.js';
import { lintSchema } from '../../src/lint/engine.js';
import { isScalarType } from '../../src/schema/model.js';
import { parseSchema } from '../../src/schema/parse.js';
import { corpusEntries } from '../helpers/corpus.js';

/**
 * Runs prisma-lint itself (pinned dev dependency) and steward with the same prisma-lint
 * configuration over every corpus file, and compares the findings (rule, block, field,
 * message, line). Deliberate differences, documented in docs/lint.md:
 *  - require-default-empty-arrays: prisma-lint also reports relation and composite-type lists,
 *    which Prisma does not allow a default on; steward checks scalar and enum lists only.
 *  - enum value findings: prisma-lint points at the enum, steward at the value (lines are
 *    not compared for them).
 *  - files prisma-lint cannot parse are skipped.
 */
const CONFIG = {
  rules: {
    'ban-unbounded-string-type': ['error', { allowNativeTextType: true }],
    'enum-name-pascal-case': 'error',
    'enum-value-case': ['error', { style: 'snake', case: 'upper' }],
    'enum-value-snake-case': 'error',
    'field-name-camel-case': 'error',
    'field-name-grammatical-number': ['error', { ifList: 'plural' }],
    'field-name-mapping-snake-case': ['error', { compoundWords: ['S3'] }],
    'field-order': ['error', { order: ['id', '...', 'createdAt', 'updatedAt'] }],
    'forbid-field': ['error', { forbid: ['uuid', '/^deleted/'] }],
    'forbid-required-ignored-field': 'error',
    'model-name-grammatical-number': ['error', { style: 'singular' }],
    'model-name-mapping-snake-case': ['error', { pluralize: true }],
    'model-name-pascal-case': 'error',
    'model-name-prefix': ['error', { prefix: 'A' }],
    'require-default-empty-arrays': 'error',
    'require-field-index': ['error', { forAllRelations: true, forNames: ['tenantId', '/Id$/'] }],
    'require-field-type': [
      'error',
      {
        require: [
          { ifName: 'id', type: 'String', nativeType: 'Uuid' },
          { ifName: '/At$/', type: 'DateTime' },
        ],
      },
    ],
    'require-field': ['error', { require: ['id', 'createdAt', { name: 'updatedAt', ifSibling: 'createdAt' }, { name: 'tenantId', ifSibling: '/userId/' }] }],
  },
};

interface PrismaLintViolation {
  ruleName: string;
  message: string;
  model?: { name: string; location: { startLine: number } };
  enum?: { name: string; location: { startLine: number } };
  field?: { name: string; fieldType: unknown; location: { startLine: number } };
}

async function loadPrismaLint() {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('prisma-lint/package.json'));
  const load = async <T>(file: string) => (await import(pathToFileURL(join(root, 'dist', file)).href)) as T;
  const definitions = (await load<{ default: unknown[] }>('rule-definitions.js')).default;
  const { parseRules } = await load<{ parseRules: (d: unknown[], c: unknown) => { rules: unknown[]; parseIssues: string[] } }>('common/parse-rules.js');
  const { lintPrismaSourceCode } = await load<{
    lintPrismaSourceCode: (a: { rules: unknown[]; fileName: string; sourceCode: string }) => PrismaLintViolation[];
  }>('lint-prisma-source-code.js');
  const parsed = parseRules(definitions, CONFIG);
  assert.deepEqual(parsed.parseIssues, []);
  return (fileName: string, sourceCode: string) => lintPrismaSourceCode({ rules: parsed.rules, fileName, sourceCode });
}

function countKeys(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

describe('prisma-lint parity on the real-world corpus', () => {
  const entries = corpusEntries();
  it('gives the same findings as prisma-lint with all 18 rules enabled', async (t) => {
    if (entries.length === 0) return t.skip('../shared/corpus not found');
    const prismaLint = await loadPrismaLint();
    const config = resolveLintConfig({ section: { preset: 'none' }, prismaLint: { config: CONFIG, path: '.prismalintrc.json' } });
    let compared = 0;
    let findings = 0;
    const differences: string[] = [];
    for (const entry of entries) {
      // prisma-lint lints file by file; so does this comparison.
      for (const file of entry.files) {
        let theirs: PrismaLintViolation[];
        try {
          theirs = prismaLint(file.path, file.text);
        } catch {
          continue; // prisma-lint's parser rejects this file
        }
        compared++;
        const enumNames = new Set(parseSchema([file]).enums.map((e) => e.name));
        const expected = theirs
          .filter(
            (v) =>
              !(
                v.ruleName === 'require-default-empty-arrays' &&
                !(typeof v.field?.fieldType === 'string' && (isScalarType(v.field.fieldType) || enumNames.has(v.field.fieldType)))
              ),
          )
          .map((v) =>
            [
              v.ruleName,
              (v.model ?? v.enum)!.name,
              v.field?.name ?? '',
              v.message,
              v.ruleName.startsWith('enum-value') ? 0 : (v.field ?? v.model ?? v.enum)!.location.startLine,
            ].join('|'),
          );
        const ours = lintSchema(parseSchema([file]), config).map((d) =>
          [d.code, d.model, d.code.startsWith('enum-value') ? '' : (d.field ?? ''), d.message, d.code.startsWith('enum-value') ? 0 : d.location!.line].join(
            '|',
          ),
        );
        findings += expected.length;
        const want = countKeys(expected);
        for (const k of ours) {
          const n = want.get(k) ?? 0;
          if (n > 0) want.set(k, n - 1);
          else differences.push(`${file.path}: only steward: ${k}`);
        }
        for (const [k, n] of want) if (n > 0) differences.push(`${file.path}: only prisma-lint (${n}): ${k}`);
      }
    }
    assert.ok(compared > 20, `compared ${compared} files`);
    assert.ok(findings > 1000, `only ${findings} findings compared`);
    assert.deepEqual(differences.slice(0, 20), []);
  });
});
