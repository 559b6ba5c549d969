import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { diffSchemas } from '../../src/diff/diff.js';
import { loadSchema } from '../../src/schema/load.js';
import { corpusDir } from './helpers.js';

test('dub: the last single-file schema and the commit that split it into files diff to no changes', (t) => {
  const single = join(corpusDir(), 'dubinc__dub__apps__web__prisma__schema.prisma');
  const split = join(corpusDir(), 'dubinc__dub__apps__web__prisma__schema@d2284af');
  if (!existsSync(single) || !existsSync(split)) return t.skip('corpus not available');
  const a = loadSchema(single);
  const b = loadSchema(split);
  assert.equal(a.files.length, 1);
  assert.ok(b.files.length > 1, 'the split version is a folder of files');
  assert.equal(a.models.length, b.models.length);
  assert.deepEqual(diffSchemas(a, b), []);
  assert.deepEqual(diffSchemas(b, a), []);
});

test('dub: the single-file schema versus today reports changes in both directions', (t) => {
  const single = join(corpusDir(), 'dubinc__dub__apps__web__prisma__schema.prisma');
  const today = join(corpusDir(), 'dubinc__dub__apps__web__prisma__schema');
  if (!existsSync(single) || !existsSync(today)) return t.skip('corpus not available');
  const forward = diffSchemas(loadSchema(single), loadSchema(today));
  const backward = diffSchemas(loadSchema(today), loadSchema(single));
  assert.ok(forward.some((c) => c.code === 'model-added'));
  assert.ok(backward.some((c) => c.code === 'model-removed'));
  assert.equal(forward.filter((c) => c.code === 'model-added').length, backward.filter((c) => c.code === 'model-removed').length);
});

test('every corpus schema diffed with itself has no changes', (t) => {
  const dir = corpusDir();
  if (!existsSync(dir)) return t.skip('corpus not available');
  const entries = readdirSync(dir).filter((n) => n.endsWith('.prisma') || !n.includes('.') || n.includes('@'));
  let count = 0;
  for (const name of entries) {
    if (name === 'README.md' || name === 'INDEX.tsv') continue;
    const schema = loadSchema(join(dir, name));
    assert.deepEqual(diffSchemas(schema, schema), [], name);
    count++;
  }
  assert.ok(count > 10);
});
