import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadPrismaLintConfig, PRISMA_LINT_SEARCH_PLACES } from '../../src/lint/config.js';
import { StewardError } from '../../src/errors/index.js';
import { run, tempProject } from '../helpers/project.js';

const RULES = { rules: { 'model-name-pascal-case': 'error' } };
const YAML = 'rules:\n  model-name-pascal-case: error\n  # a comment\n  model-name-prefix:\n    - error\n    - prefix: Tbl\n';
const YAML_RULES = { rules: { 'model-name-pascal-case': 'error', 'model-name-prefix': ['error', { prefix: 'Tbl' }] } };

describe('prisma-lint configuration search (as prisma-lint finds it)', () => {
  const cases: [string, Record<string, string>, unknown][] = [
    ['.prismalintrc.json', { '.prismalintrc.json': JSON.stringify(RULES) }, RULES],
    ['.prismalintrc.yaml', { '.prismalintrc.yaml': YAML }, YAML_RULES],
    ['.prismalintrc.yml', { '.prismalintrc.yml': YAML }, YAML_RULES],
    ['.prismalintrc', { '.prismalintrc': YAML }, YAML_RULES],
    ['.prismalintrc', { '.prismalintrc': JSON.stringify(RULES) }, RULES],
    ['.config/prismalintrc.yml', { '.config/prismalintrc.yml': YAML }, YAML_RULES],
    ['.prismalintrc.cjs', { '.prismalintrc.cjs': `module.exports = ${JSON.stringify(RULES)};` }, RULES],
    ['prismalint.config.mjs', { 'prismalint.config.mjs': `export default ${JSON.stringify(RULES)};` }, RULES],
    [
      'prismalint.config.ts',
      { 'prismalint.config.ts': `const config: { rules: Record<string, string> } = ${JSON.stringify(RULES)};\nexport default config;\n` },
      RULES,
    ],
    ['package.json#prismalint', { 'package.json': JSON.stringify({ name: 'x', prismalint: RULES }) }, RULES],
  ];
  for (const [path, files, expected] of cases) {
    it(`reads ${path}${path === '.prismalintrc' ? ` (${files[path].startsWith('{') ? 'JSON' : 'YAML'})` : ''}`, async () => {
      const dir = tempProject(files);
      assert.deepEqual(await loadPrismaLintConfig(dir), { config: expected, path });
    });
  }

  it('takes the first place in prisma-lint order: package.json, then .prismalintrc, then .json, .yaml...', async () => {
    assert.equal(PRISMA_LINT_SEARCH_PLACES[0], 'package.json');
    const dir = tempProject({ 'package.json': JSON.stringify({ name: 'x' }), '.prismalintrc.yaml': YAML, '.prismalintrc.json': JSON.stringify(RULES) });
    assert.equal((await loadPrismaLintConfig(dir))?.path, '.prismalintrc.json', 'package.json without the key is skipped');
    const withKey = tempProject({ 'package.json': JSON.stringify({ prismalint: YAML_RULES }), '.prismalintrc.json': JSON.stringify(RULES) });
    assert.equal((await loadPrismaLintConfig(withKey))?.path, 'package.json#prismalint');
  });

  it('malformed YAML is a configuration error with the line', async () => {
    const dir = tempProject({ '.prismalintrc.yaml': 'rules:\n  model-name-pascal-case: [error\n' });
    await assert.rejects(loadPrismaLintConfig(dir), (error: unknown) => {
      assert.ok(error instanceof StewardError);
      assert.equal(error.code, 'CONFIG_INVALID');
      assert.match(error.message, /\.prismalintrc\.yaml is not valid YAML/);
      assert.equal(error.location?.file, '.prismalintrc.yaml');
      assert.ok(typeof error.location?.line === 'number');
      return true;
    });
  });

  it('steward lint applies a YAML configuration unchanged (exit 1 on its findings)', async () => {
    const dir = tempProject({
      'prisma/schema.master.prisma': 'datasource db {\n  provider = "postgresql"\n}\n\nmodel user {\n  id Int @id\n}\n',
      '.prismalintrc.yml': YAML,
      'steward.config.json': JSON.stringify({ lint: { preset: 'none' } }),
    });
    const r = await run(dir, 'lint', '--format', 'json');
    const rules = (JSON.parse(r.stdout) as { diagnostics: { rule: string }[] }).diagnostics.map((d) => d.rule).sort();
    assert.deepEqual(rules, ['model-name-pascal-case', 'model-name-prefix']);
    assert.equal(r.code, 1);
  });
});
