/**
 * Adoption on the seven real applications in ../shared/realworld, each on a copy: `steward init`
 * then `steward check` end without a crash (exit 0 or 1), no existing schema or migration file
 * changes, and no migration that existed before adoption is judged.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { REALWORLD_APPS, realworldDir } from '../helpers/realworld.js';
import { run } from '../helpers/project.js';

/** Every .prisma and migration file of a tree, by relative path. */
function schemaAndMigrationFiles(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== '.steward') walk(p);
      } else if (e.name.endsWith('.prisma') || e.name === 'migration.sql' || e.name === 'migration_lock.toml' || /^prisma\.config\./.test(e.name)) {
        out.set(relative(root, p), readFileSync(p, 'utf8'));
      }
    }
  };
  walk(root);
  return out;
}

describe('adoption on real applications', () => {
  const realworld = realworldDir();
  for (const { name: app, master, migrations } of REALWORLD_APPS) {
    it(`${app}: init then check, nothing existing changed, no finding on an applied migration`, {
      skip: realworld ? false : 'no ../shared/realworld',
    }, async () => {
      const dir = mkdtempSync(join(tmpdir(), `steward-adopt-${app}-`));
      try {
        cpSync(join(realworld!, app), dir, { recursive: true });
        const before = schemaAndMigrationFiles(dir);
        const init = await run(dir, 'init', '--format', 'json');
        assert.equal(init.code, 0, init.stderr);
        const plan = (JSON.parse(init.stdout) as { data: { environments: { name: string; output: string; migrations: string }[]; master: string } }).data;
        // The project's own schema is the master and the environment of its provider, with its real history.
        assert.equal(plan.master, master);
        assert.equal(plan.environments[0].output, master);
        assert.equal(plan.environments[0].migrations, migrations);

        const check = await run(dir, 'check', '--format', 'json');
        assert.ok(check.code === 0 || check.code === 1, `check exit ${check.code}: ${check.stderr}`);
        assert.doesNotMatch(check.stderr + check.stdout, /This is a bug|INTERNAL|^\s+at .*\(/m);
        const diagnostics = (JSON.parse(check.stdout) as { diagnostics: { source: string; code: string; file?: string }[] }).diagnostics;
        const onHistory = diagnostics.filter((d) => d.source === 'migrate-lint');
        assert.deepEqual(onHistory, [], 'every migration existed before adoption');
        assert.deepEqual(
          diagnostics.filter((d) => d.source === 'generate' || d.source === 'validate').filter((d) => (d as { severity?: string }).severity === 'error'),
          [],
        );

        const after = schemaAndMigrationFiles(dir);
        for (const [path, text] of before) assert.equal(after.get(path), text, `${path} changed`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
