import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load.js';
import { createMigrations } from '../../src/migrate/create-migrations.js';
import { exampleProject } from '../helpers/example-project.js';

test('audit --fix --write then migrate create on the example: every proposed column suits a table with rows', async () => {
  const project = await exampleProject({ keepHistory: true });
  try {
    let out = '';
    await runCli(['audit', '--fix', '--write', '--cwd', project.dir], { stdout: (t) => (out += t), stderr: (t) => (out += t) });
    assert.match(out, /Applying master edits/);
    const master = readFileSync(join(project.dir, 'api/prisma/schema.master.prisma'), 'utf8');
    // Documented defaults and uniqueness are kept; a required field without a documented default is optional.
    assert.match(master, /\n  planTier +PlanTier +@default\(FREE\) @map\("plan_tier"\)\n/);
    assert.match(master, /\n  usageQuota +Int +@default\(1000\) @map\("usage_quota"\)\n/);
    assert.match(master, /\n  stripeCustomerId +String\? +@unique @map\("stripe_customer_id"\)\n/);
    assert.match(master, /\n  isActive +Boolean +@default\(true\) @map\("is_active"\)\n/);
    assert.match(master, /\n  shareToken +String\? +@unique @map\("share_token"\)\n/);
    assert.match(master, /\n  userType +SenderType\? +@map\("user_type"\)\n/);
    const config = await loadConfig({ cwd: project.dir });
    const migrations = await createMigrations(config, { name: 'audit fixes', now: new Date(Date.UTC(2027, 0, 1)) });
    assert.deepEqual(
      migrations.map((m) => m.env),
      ['dev', 'production'],
    );
    for (const m of migrations) assert.match(m.script, /plan_tier/, m.env);
    const errors = migrations.flatMap((m) => m.diagnostics.filter((d) => d.severity === 'error').map((d) => `${m.env} ${d.code}: ${d.message}`));
    assert.deepEqual(errors, []);
  } finally {
    project.cleanup();
  }
});
