/**
 * Each real application's full migration history replays into steward's scratch PostgreSQL
 * (PGlite) through steward's own code: the extensions the scripts create (pgcrypto, pg_trgm,
 * citext, vector) are loaded, formbricks' data-migration folders (migration.ts, no
 * migration.sql) are skipped, and the replayed database has the app's tables.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readDatabaseSchema } from '../../src/database/read-schema.js';
import { extensionsInSchema } from '../../src/engine/pglite-extensions.js';
import { openHistoryScratch } from '../../src/migrate/history-scratch.js';
import { readSchemaFiles } from '../../src/schema/load.js';
import { parseSchema } from '../../src/schema/parse.js';
import { REALWORLD_APPS, realworldDir } from '../helpers/realworld.js';

const root = realworldDir();

describe('real applications: histories replay into the PGlite scratch', { skip: root ? false : '../shared/realworld is absent' }, () => {
  let cacheDir: string;
  before(async () => {
    cacheDir = await mkdtemp(path.join(os.tmpdir(), 'steward-realworld-replay-'));
  });
  after(async () => {
    await rm(cacheDir, { recursive: true, force: true });
  });

  for (const app of REALWORLD_APPS) {
    test(app.name, async () => {
      const appDir = path.join(root!, app.name);
      const declared = extensionsInSchema(parseSchema(readSchemaFiles(path.join(appDir, app.master))));
      const started = performance.now();
      const scratch = await openHistoryScratch('postgresql', 'production', path.join(appDir, app.migrations), { cacheDir }, { declared });
      const replayMs = performance.now() - started;
      assert.equal(scratch.blocked, undefined, `${app.name} needs no extension PGlite lacks`);
      try {
        assert.equal(scratch.restored, false);
        assert.ok(scratch.scripts.length > 10, `${app.name} has a real history (${scratch.scripts.length} migrations)`);
        const structure = await readDatabaseSchema(scratch.connection!);
        assert.ok(structure.tables.length >= 5, `${app.name}: the replayed database has the app's tables (${structure.tables.length})`);
        const created = await scratch.connection!.query("SELECT extname FROM pg_catalog.pg_extension WHERE extname <> 'plpgsql' ORDER BY 1");
        assert.deepEqual(
          created.map((row) => row.extname),
          scratch.plan.extensions.filter((name) => name !== 'plpgsql'),
          'every extension loaded was created by the history',
        );
        console.log(
          `# ${app.name}: ${scratch.scripts.length} migrations replayed in ${replayMs.toFixed(0)} ms; extensions: ${scratch.plan.extensions.join(', ') || 'none'}`,
        );
      } finally {
        await scratch.connection?.close();
      }
    });
  }
});
