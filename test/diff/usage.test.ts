import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffSchemas } from '../../src/diff/diff.js';
import { applyUsages } from '../../src/diff/usage.js';
import { loadSchema } from '../../src/schema/load.js';
import { fixture } from './helpers.js';

test('a removed or renamed field still used by code gets its call sites and says the application breaks', () => {
  const changes = diffSchemas(loadSchema(fixture('blog', 'before.prisma')), loadSchema(fixture('blog', 'after.prisma')));
  const withUsages = applyUsages(changes, [
    { model: 'Post', field: 'tagId', file: 'src/posts.ts', line: 12, column: 5 },
    { model: 'User', field: 'legacy', file: 'src/users.ts', line: 3, column: 9 },
    { model: 'OldName', file: 'src/old.ts', line: 1, column: 1 },
    { model: 'User', field: 'phone', file: 'src/users.ts', line: 8, column: 1 },
  ]);
  const removed = withUsages.find((c) => c.code === 'field-removed' && c.field === 'tagId')!;
  assert.deepEqual(
    removed.usages.map((u) => `${u.file}:${u.line}`),
    ['src/posts.ts:12'],
  );
  assert.match(removed.reason, /application breaks/);
  assert.deepEqual(
    withUsages.find((c) => c.code === 'field-renamed')!.usages.map((u) => u.file),
    ['src/users.ts'],
  );
  assert.deepEqual(
    withUsages.find((c) => c.code === 'model-renamed')!.usages.map((u) => u.file),
    ['src/old.ts'],
  );
  // Additions are not affected by usages.
  assert.deepEqual(withUsages.find((c) => c.field === 'phone')!.usages, []);
  assert.deepEqual(applyUsages(changes, []), changes);
});
