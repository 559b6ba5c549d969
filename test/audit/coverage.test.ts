import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { untestedAdditions } from '../../src/audit/coverage.js';
import { auditProject } from '../../src/audit/project.js';
import { loadConfig } from '../../src/compose/sections.js';
import type { SchemaChange } from '../../src/diff/codes.js';
import { parseSchema } from '../../src/schema/parse.js';

const schema = parseSchema({
  path: 'schema.prisma',
  text: 'model User {\n  id String @id\n  nickname String?\n  bio String?\n}\nmodel Badge {\n  id String @id\n  label String\n}\n',
});
const change = (code: string, model: string, field?: string) =>
  ({ code, model, ...(field ? { field } : {}), severity: 'safe', reason: '', message: '' }) as unknown as SchemaChange;

test('added models and fields no test mentions are reported; mentioned ones are not', () => {
  const changes = [
    change('field-added-optional', 'User', 'nickname'),
    change('field-added-optional', 'User', 'bio'),
    change('model-added', 'Badge'),
    change('field-added-required', 'Badge', 'label'),
    change('field-type-changed', 'User', 'id'),
  ];
  const found = untestedAdditions(
    schema,
    changes,
    [{ path: 'test/user.test.ts', text: `await prisma.user.update({ data: { nickname: 'n' } })` }],
    'schema-v1.0.0',
  );
  assert.deepEqual(
    found.map((f) => `${f.kind} ${f.model}.${f.field ?? ''}`),
    ['untested User.bio', 'untested Badge.'],
  );
  assert.match(found[0].message, /added since schema-v1.0.0/);
  // A test naming the delegate covers the new model (and its fields go with it).
  assert.deepEqual(
    untestedAdditions(schema, changes, [{ path: 'a.spec.ts', text: 'prisma.badge.create(); bio' }], 'v1').map((f) => f.field ?? f.model),
    ['nickname'],
  );
  assert.deepEqual(untestedAdditions(schema, changes, [], 'v1', { untested: 'off' }), []);
});

const MASTER = (extra: string) =>
  `datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\nmodel User {\n  id    Int    @id @default(autoincrement())\n  email String @unique\n${extra}}\n`;

test('audit reports fields added since the last release tag that no test file mentions (test globs configurable)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'steward-coverage-'));
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('config', 'user.email', 't@example.com');
    git('config', 'user.name', 'T');
    git('config', 'commit.gpgsign', 'false');
    git('config', 'tag.gpgsign', 'false');
    mkdirSync(join(dir, 'prisma'));
    mkdirSync(join(dir, 'specs'));
    writeFileSync(join(dir, 'prisma', 'schema.master.prisma'), MASTER(''));
    git('add', '-A');
    git('commit', '-q', '-m', 'init');
    git('tag', '-a', 'schema-v1.0.0', '-m', 'Schema 1.0.0');
    writeFileSync(join(dir, 'prisma', 'schema.master.prisma'), MASTER('  nickname String?\n  bio      String?\n'));
    writeFileSync(join(dir, 'specs', 'user.check.ts'), `it('sets a nickname', () => prisma.user.update({ where: { id: 1 }, data: { nickname: 'n' } }))\n`);
    const untested = async (config: string) => {
      writeFileSync(join(dir, 'steward.config.json'), config);
      const result = await auditProject(await loadConfig({ cwd: dir }));
      return result.findings.filter((f) => f.kind === 'untested').map((f) => f.field);
    };
    // specs/*.check.ts is not a test file by default: both new fields are untested.
    assert.deepEqual(await untested('{}'), ['nickname', 'bio']);
    assert.deepEqual(await untested(JSON.stringify({ audit: { tests: ['specs/'] } })), ['bio']);
    assert.deepEqual(await untested(JSON.stringify({ audit: { coverage: false } })), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
