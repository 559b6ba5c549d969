import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type Benchmark, fmtMs, runNode, sideBySide, stewardBin } from './measure.js';
import { syntheticSchema } from './synthetic.js';

/** prisma-lint with all 18 rules enabled, light options. */
const PRISMA_LINT_CONFIG = {
  rules: {
    'ban-unbounded-string-type': ['error', { allowNativeTextType: true }],
    'enum-name-pascal-case': 'error',
    'enum-value-case': ['error', { style: 'snake', case: 'upper' }],
    'enum-value-snake-case': 'error',
    'field-name-camel-case': 'error',
    'field-name-grammatical-number': ['error', { ifList: 'plural' }],
    'field-name-mapping-snake-case': 'error',
    'field-order': ['error', { order: ['id', '...', 'createdAt', 'updatedAt'] }],
    'forbid-field': ['error', { forbid: ['uuid'] }],
    'forbid-required-ignored-field': 'error',
    'model-name-grammatical-number': ['error', { style: 'singular' }],
    'model-name-mapping-snake-case': ['error', { pluralize: true }],
    'model-name-pascal-case': 'error',
    'model-name-prefix': ['error', { prefix: 'Entity' }],
    'require-default-empty-arrays': 'error',
    'require-field-index': ['error', { forAllRelations: true }],
    'require-field-type': ['error', { require: [{ ifName: 'id', type: 'String', nativeType: 'Uuid' }] }],
    'require-field': ['error', { require: ['id', 'createdAt', 'updatedAt'] }],
  },
};

/** All 18 rules with the options of the parity test (test/lint/prisma-lint-parity.test.ts): compound words and patterns. */
const PRISMA_LINT_PARITY_CONFIG = {
  rules: {
    ...PRISMA_LINT_CONFIG.rules,
    'field-name-mapping-snake-case': ['error', { compoundWords: ['S3'] }],
    'forbid-field': ['error', { forbid: ['uuid', '/^deleted/'] }],
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

function project(models: number): string {
  const dir = mkdtempSync(join(tmpdir(), `steward-lint-bench-${models}-`));
  mkdirSync(join(dir, 'prisma'));
  writeFileSync(join(dir, 'prisma', 'schema.master.prisma'), syntheticSchema(models));
  writeFileSync(join(dir, 'prismalint.json'), JSON.stringify(PRISMA_LINT_CONFIG));
  writeFileSync(join(dir, 'prismalint-parity.json'), JSON.stringify(PRISMA_LINT_PARITY_CONFIG));
  // steward with the recommended preset only (the prisma-lint file above has a name steward does not read).
  writeFileSync(join(dir, 'steward.config.json'), JSON.stringify({ lint: { preset: 'recommended' } }));
  return dir;
}

/** Issue 3's goals: on 300 models steward lint takes at most 1/4 of prisma-lint's wall time; 3,000 models lint in under 1 s. */
export const lintBenchmark: Benchmark = {
  name: 'lint',
  run({ rounds }) {
    const lines: string[] = [];
    const goals: { goal: string; met: boolean }[] = [];
    const prismaLintCli = join(dirname(createRequire(import.meta.url).resolve('prisma-lint/package.json')), 'dist', 'cli.js');
    const p300 = project(300);
    const p3000 = project(3000);
    const findings = { expectStatus: [0, 1] };
    try {
      const cmp = sideBySide(rounds, {
        steward: () => runNode(stewardBin, ['lint', '--cwd', p300, '--format', 'json'], findings),
        // The first run after installing or upgrading has no V8 code cache yet (src/cli/code-cache.ts).
        'steward, no code cache': () => runNode(stewardBin, ['lint', '--cwd', p300, '--format', 'json'], { ...findings, env: { STEWARD_CODE_CACHE: 'off' } }),
        'prisma-lint': () =>
          runNode(prismaLintCli, ['-c', join(p300, 'prismalint.json'), '-o', 'json', join(p300, 'prisma', 'schema.master.prisma')], { cwd: p300, ...findings }),
        'prisma-lint (parity options)': () =>
          runNode(prismaLintCli, ['-c', join(p300, 'prismalint-parity.json'), '-o', 'json', join(p300, 'prisma', 'schema.master.prisma')], {
            cwd: p300,
            ...findings,
          }),
      });
      const ratio = cmp.steward.ms / cmp['prisma-lint'].ms;
      const parityRatio = cmp.steward.ms / cmp['prisma-lint (parity options)'].ms;
      lines.push(`300 models: steward lint (recommended) ${fmtMs(cmp.steward.ms)} (${cmp.steward.peakMb.toFixed(0)} MB)`);
      lines.push(
        `  without the code cache (first run after installing): ${fmtMs(cmp['steward, no code cache'].ms)}, ratio ${(cmp['steward, no code cache'].ms / cmp['prisma-lint'].ms).toFixed(2)}`,
      );
      lines.push(
        `  vs prisma-lint, 18 rules, light options: ${fmtMs(cmp['prisma-lint'].ms)} (${cmp['prisma-lint'].peakMb.toFixed(0)} MB): ratio ${ratio.toFixed(2)}`,
      );
      lines.push(`  vs prisma-lint, 18 rules, parity-test options: ${fmtMs(cmp['prisma-lint (parity options)'].ms)}: ratio ${parityRatio.toFixed(2)}`);
      // The goal is judged against the faster prisma-lint configuration.
      goals.push({ goal: "steward lint on 300 models takes at most 1/4 of prisma-lint's wall time (light options)", met: ratio <= 0.25 });
      const big = sideBySide(rounds, {
        'lint 3000': () => runNode(stewardBin, ['lint', '--cwd', p3000], findings),
        'lint 3000 json': () => runNode(stewardBin, ['lint', '--cwd', p3000, '--format', 'json'], findings),
      });
      lines.push(
        `3,000 models (about 24,000 findings): steward lint ${fmtMs(big['lint 3000'].ms)}, peak ${big['lint 3000'].peakMb.toFixed(0)} MB (whole process, Node start-up and text output included)`,
      );
      lines.push(`  with --format json (18 MB of output): ${fmtMs(big['lint 3000 json'].ms)}`);
      goals.push({ goal: '3,000 models lint in under 1 s', met: big['lint 3000'].ms < 1000 });
    } finally {
      rmSync(p300, { recursive: true, force: true });
      rmSync(p3000, { recursive: true, force: true });
    }
    return { name: 'lint', lines, goals };
  },
};
