/**
 * Issue 21's "migrate create for a new field on top of that history applies cleanly", on each of
 * the seven real applications (a copy of each): `steward init` adopts it, a new optional field
 * goes into one model of the master, `steward migrate create --name add_field` writes the
 * migration, and the whole history with it, replayed into an empty PGlite (with the extensions
 * it needs, from a cache of its own so nothing of create's is reused), has the new column.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { extensionsInSchema } from '../../src/engine/pglite-extensions.js';
import { openHistoryScratch } from '../../src/migrate/history-scratch.js';
import { readSchemaFiles } from '../../src/schema/load.js';
import { parseSchema } from '../../src/schema/parse.js';
import { run } from '../helpers/project.js';
import { REALWORLD_APPS, realworldDir } from '../helpers/realworld.js';

const FIELD = 'stewardAddedNote';

/** The first model of the master (a file, or the first file of a folder that has one): its file, name and table. */
function firstModel(master: string): { file: string; model: string; table: string } {
  const files = statSync(master).isDirectory()
    ? readdirSync(master, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.prisma'))
        .sort()
        .map((f) => join(master, f))
    : [master];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const match = /^model (\w+) \{\n([\s\S]*?)^\}/m.exec(text);
    if (match) return { file, model: match[1], table: /@@map\("([^"]+)"\)/.exec(match[2])?.[1] ?? match[1] };
  }
  throw new Error(`no model in ${master}`);
}

describe('real applications: migrate create for a new field applies on top of the history', () => {
  const realworld = realworldDir();
  // One cache for the apps' `migrate create` runs: the empty PGlite is made once, not per app.
  const cacheDir = mkdtempSync(join(tmpdir(), 'steward-create-cache-'));
  const previousCache = process.env.STEWARD_CACHE_DIR;
  before(() => {
    process.env.STEWARD_CACHE_DIR = cacheDir;
  });
  after(() => {
    if (previousCache === undefined) delete process.env.STEWARD_CACHE_DIR;
    else process.env.STEWARD_CACHE_DIR = previousCache;
    rmSync(cacheDir, { recursive: true, force: true });
  });
  for (const app of REALWORLD_APPS) {
    it(app.name, { skip: realworld ? false : 'no ../shared/realworld' }, async () => {
      const dir = mkdtempSync(join(tmpdir(), `steward-create-${app.name}-`));
      const verifyCache = mkdtempSync(join(tmpdir(), `steward-create-verify-${app.name}-`));
      try {
        cpSync(join(realworld!, app.name), dir, { recursive: true });
        const init = await run(dir, 'init', '--format', 'json');
        assert.equal(init.code, 0, init.stderr);

        const { file, model, table } = firstModel(join(dir, app.master));
        const text = readFileSync(file, 'utf8');
        writeFileSync(file, text.replace(new RegExp(`^(model ${model} \\{\\n)`, 'm'), `$1  ${FIELD} String?\n`));

        const create = await run(dir, 'migrate', 'create', '--name', 'add_field', '--format', 'json');
        assert.ok(create.code === 0 || create.code === 1, `migrate create exit ${create.code}: ${create.stderr}`);
        assert.doesNotMatch(create.stderr + create.stdout, /This is a bug|INTERNAL|^\s+at .*\(/m);
        const output = (JSON.parse(create.stdout) as { data: { migrations: { env: string; migration: string | null; file: string | null }[] } }).data;
        const written = output.migrations.find((m) => m.file !== null);
        assert.ok(written, `a migration was written: ${create.stdout}`);
        const script = readFileSync(join(dir, written.file!), 'utf8');
        assert.match(script, new RegExp(`ADD COLUMN\\s+"${FIELD}" TEXT`), script);

        // The whole history with the new migration, replayed from empty: a cache of its own,
        // with only the empty PGlite of the shared one (no replayed state of create's).
        cpSync(join(cacheDir, 'pglite'), join(verifyCache, 'pglite'), { recursive: true });
        const declared = extensionsInSchema(parseSchema(readSchemaFiles(join(dir, app.master))));
        const scratch = await openHistoryScratch('postgresql', 'production', join(dir, app.migrations), { cacheDir: verifyCache }, { declared });
        assert.equal(scratch.blocked, undefined);
        try {
          assert.equal(scratch.restored, false);
          assert.equal(scratch.scripts.at(-1)!.name, written.migration);
          const columns = await scratch.connection!.query(
            "SELECT data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name = $2",
            [table, FIELD],
          );
          assert.deepEqual(
            columns.map((row) => row.data_type),
            ['text'],
            `${table}.${FIELD} exists after the history`,
          );
        } finally {
          await scratch.connection!.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
        rmSync(verifyCache, { recursive: true, force: true });
      }
    });
  }
});
