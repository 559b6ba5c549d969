import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { freshPglite, isPgliteCacheWarm, pgliteDumpPath } from '../../src/engine/pglite-cache.js';

test('the first PGlite starts cold and leaves a dump; the next one starts warm and empty', async () => {
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'steward-cache-'));
  try {
    assert.equal(await isPgliteCacheWarm({ cacheDir }), false);
    const cold = await freshPglite({ cacheDir });
    await cold.exec('CREATE TABLE left_behind (id int)');
    await cold.close();
    const dump = await stat(pgliteDumpPath({ cacheDir }));
    assert.ok(dump.size > 0);
    assert.equal(await isPgliteCacheWarm({ cacheDir }), true);

    const warm = await freshPglite({ cacheDir });
    const tables = await warm.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
    assert.deepEqual(tables.rows, [{ n: 0 }], 'the dump was taken before anything was created');
    await warm.close();
    // Started from the dump, not made anew: the dump is read, never rewritten (no timing asserted).
    const after = await stat(pgliteDumpPath({ cacheDir }));
    assert.deepEqual([after.size, after.mtimeMs], [dump.size, dump.mtimeMs]);
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
});
