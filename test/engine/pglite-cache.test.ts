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
    let started = performance.now();
    const cold = await freshPglite({ cacheDir });
    const coldMs = performance.now() - started;
    await cold.exec('CREATE TABLE left_behind (id int)');
    await cold.close();
    assert.ok((await stat(pgliteDumpPath({ cacheDir }))).size > 0);
    assert.equal(await isPgliteCacheWarm({ cacheDir }), true);

    started = performance.now();
    const warm = await freshPglite({ cacheDir });
    const warmMs = performance.now() - started;
    const tables = await warm.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
    assert.deepEqual(tables.rows, [{ n: 0 }], 'the dump was taken before anything was created');
    await warm.close();
    assert.ok(warmMs < coldMs, `warm start (${warmMs.toFixed(0)} ms) should beat cold start (${coldMs.toFixed(0)} ms)`);
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
});
