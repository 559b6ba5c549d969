/**
 * The usage gate at `steward migrate deploy` (src/migrate/transitions/deploy-gate.ts), on PGlite:
 * a pending contract phase is refused while the fixture code still uses the old column (nothing
 * applied to that database, not even the migrations before it; a dry run shows the refusal too),
 * applied with --force (saying what it overrides) and applied once the code no longer uses it.
 * Along the way `steward diff` and the changelog describe the transition and its phase.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { openDatabase } from '../../src/engine/open-database.js';
import { parseDatabaseUrl } from '../../src/providers/location.js';
import { run, tempProject } from '../helpers/project.js';
import { DISPLAY_NAME_CODE, NAME_CODE, migrationDirs, renameMasters, retireMasters, stewardConfig } from '../helpers/transitions.js';

const CONFIG = stewardConfig({ production: 'postgresql' });

const { before: V1, after: V2 } = renameMasters();

/** What the database has applied, and its columns of "users" (none: no table). */
async function state(dir: string, url: string): Promise<{ applied: string[]; columns: string[] }> {
  const connection = await openDatabase(parseDatabaseUrl(url, dir), { timeoutMs: 10_000 });
  try {
    const table = await connection.query(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`);
    const applied = table[0].present
      ? (await connection.query('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY started_at')).map((r) =>
          String(r.migration_name),
        )
      : [];
    const columns = (await connection.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'users' ORDER BY column_name`)).map((r) =>
      String(r.column_name),
    );
    return { applied, columns };
  } finally {
    await connection.close();
  }
}

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@x.test', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'pipe' });

test('deploy refuses a pending contract while code uses the old column; --force and the switched code apply it', async () => {
  const dir = tempProject({ 'steward.config.json': CONFIG, 'prisma/schema.master.prisma': V1, 'src/users.ts': NAME_CODE });
  const first = `pglite:${path.join(dir, 'db-first')}`;
  const fresh = `pglite:${path.join(dir, 'db-fresh')}`;
  try {
    const baseline = await run(dir, 'migrate', 'baseline', '--name', 'init');
    assert.equal(baseline.code, 0, baseline.stdout + baseline.stderr);
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'v1');
    git(dir, 'tag', 'schema-v1.0.0');
    const [init] = migrationDirs(dir, 'production');
    assert.equal((await run(dir, 'migrate', 'deploy', '--env', 'production', '--url', first)).code, 0);

    // Expand: not gated (nothing is dropped).
    writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), V2);
    const expand = await run(dir, 'migrate', 'create', '--expand-contract', '--name', 'users_v2');
    assert.equal(expand.code, 0, expand.stdout + expand.stderr);
    const diffExpand = await run(dir, 'diff');
    assert.match(
      diffExpand.stdout,
      /dangerous User\.displayName replaces column name by expand\/contract \(column name -> display_name; field User\.name -> displayName\); phase: contract pending \[field-transition\]/,
      diffExpand.stdout,
    );
    git(dir, 'add', 'prisma');
    git(dir, 'commit', '-qm', 'v2 expand');
    const deployExpand = await run(dir, 'migrate', 'deploy', '--env', 'production', '--url', first);
    assert.equal(deployExpand.code, 0, deployExpand.stdout + deployExpand.stderr);
    const [, expandName] = migrationDirs(dir, 'production');
    assert.deepEqual((await state(dir, first)).applied, [init, expandName]);

    // Contract written with --force while the code still reads "name" (the create-time gate overridden).
    const contract = await run(dir, 'migrate', 'create', '--expand-contract', '--name', 'users_v2_done', '--force');
    assert.equal(contract.code, 0, contract.stdout + contract.stderr);
    const [, , contractName] = migrationDirs(dir, 'production');
    assert.match(contractName, /_users_v2_done_contract$/);
    const diffContract = await run(dir, 'diff', '--format', 'json');
    const change = JSON.parse(diffContract.stdout).data.changes.find((c: { code: string }) => c.code === 'field-transition');
    assert.deepEqual(change.transition, {
      kind: 'column',
      from: 'name',
      column: 'display_name',
      expand: true,
      fieldRenamed: true,
      typeChanged: false,
      phases: [{ env: 'production', phase: 'done' }],
    });
    // The same from git objects (what `steward release` diffs: a ref), before and after the contract is committed.
    git(dir, 'add', 'prisma');
    git(dir, 'commit', '-qm', 'v2 contract');
    const atHead = await run(dir, 'diff', '--to', 'HEAD');
    assert.match(atHead.stdout, /replaces column name by expand\/contract .*; phase: done \[field-transition\]/, atHead.stdout);
    const atExpand = await run(dir, 'diff', '--to', 'HEAD~1');
    assert.match(atExpand.stdout, /replaces column name by expand\/contract .*; phase: contract pending \[field-transition\]/, atExpand.stdout);
    const changelog = await run(dir, 'changelog');
    assert.match(changelog.stdout, /- 🟠 dangerous: User\.displayName replaces column name by expand\/contract .*; phase: done \(`field-transition`\)/);

    // Deploy refuses: exit 1, the places listed, nothing applied.
    const refused = await run(dir, 'migrate', 'deploy', '--env', 'production', '--url', first);
    assert.equal(refused.code, 1, refused.stdout + refused.stderr);
    const out = refused.stdout + refused.stderr;
    assert.match(
      out,
      /refused: \S+_users_v2_done_contract is a contract phase dropping old columns or tables still used in 2 places \(src\/users\.ts:4, src\/users\.ts:8\); nothing applied/,
    );
    assert.match(out, /transition-old-shape-used/);
    assert.match(out, /src\/users\.ts:4:\d+ Prisma Client call \("users"\."name" -> "display_name", \S+_contract\)/);
    assert.match(out, /src\/users\.ts:8:\d+ raw SQL: .*SELECT "name" FROM "users"/);
    assert.deepEqual(await state(dir, first), { applied: [init, expandName], columns: ['display_name', 'email', 'id', 'name'] });
    if (process.env.SHOW_GATE) console.log(diffExpand.stdout, changelog.stdout, out);

    // A database with the whole history pending gets nothing, not even init.
    const freshRefused = await run(dir, 'migrate', 'deploy', '--env', 'production', '--url', fresh);
    assert.equal(freshRefused.code, 1, freshRefused.stdout + freshRefused.stderr);
    assert.deepEqual(await state(dir, fresh), { applied: [], columns: [] });

    // The dry run shows the refusal too.
    const dry = await run(dir, 'migrate', 'deploy', '--env', 'production', '--url', first, '--dry-run');
    assert.equal(dry.code, 1, dry.stdout + dry.stderr);
    assert.match(dry.stdout + dry.stderr, /refused: .*nothing applied/);
    assert.match(dry.stdout + dry.stderr, /a deploy would apply nothing/);

    // --force applies it and says what it overrides.
    const forced = await run(dir, 'migrate', 'deploy', '--env', 'production', '--url', first, '--force');
    assert.equal(forced.code, 0, forced.stdout + forced.stderr);
    assert.match(forced.stdout + forced.stderr, /transition-gate-overridden/);
    assert.match(forced.stdout + forced.stderr, /--force: applied a contract phase that drops old columns or tables still used in 2 places/);
    assert.deepEqual(await state(dir, first), { applied: [init, expandName, contractName], columns: ['display_name', 'email', 'id'] });
    if (process.env.SHOW_GATE) console.log(dry.stdout + dry.stderr, forced.stdout + forced.stderr);

    // The code moves to the new field: the fresh database gets the whole history.
    writeFileSync(path.join(dir, 'src/users.ts'), DISPLAY_NAME_CODE);
    const passed = await run(dir, 'migrate', 'deploy', '--env', 'production', '--url', fresh);
    assert.equal(passed.code, 0, passed.stdout + passed.stderr);
    assert.doesNotMatch(passed.stdout + passed.stderr, /transition-/);
    assert.deepEqual(await state(dir, fresh), { applied: [init, expandName, contractName], columns: ['display_name', 'email', 'id'] });

    // The annotation removed once contract is written: the marker still names the old column.
    writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), V2.replace(/ *\/\/\/ @steward.*\n/, ''));
    writeFileSync(path.join(dir, 'src/users.ts'), NAME_CODE);
    const third = `pglite:${path.join(dir, 'db-third')}`;
    const withoutAnnotation = await run(dir, 'migrate', 'deploy', '--env', 'production', '--url', third, '--dry-run');
    assert.equal(withoutAnnotation.code, 1, withoutAnnotation.stdout + withoutAnnotation.stderr);
    assert.match(withoutAnnotation.stdout + withoutAnnotation.stderr, /src\/users\.ts:4:\d+ Prisma Client call/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const { before: DROP_V1, after: DROP_V2 } = retireMasters();

const DROP_OLD_CODE = `import { prisma } from './db';

export async function codes() {
  return prisma.user.findMany({ select: { legacyCode: true } });
}

export async function audit() {
  return prisma.auditLog.findMany();
}
`;

test('deploy gates the contract of a column drop and a table drop: refused while code uses them, applied once it does not', async () => {
  const dir = tempProject({ 'steward.config.json': CONFIG, 'prisma/schema.master.prisma': DROP_V1, 'src/legacy.ts': DROP_OLD_CODE });
  const url = `pglite:${path.join(dir, 'db')}`;
  try {
    assert.equal((await run(dir, 'migrate', 'baseline', '--name', 'init')).code, 0);
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'v1');
    git(dir, 'tag', 'schema-v1.0.0');
    assert.equal((await run(dir, 'migrate', 'deploy', '--env', 'production', '--url', url)).code, 0);

    // Expand: NOT NULL dropped on legacy_code, audit_log's foreign key dropped; both marked.
    writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), DROP_V2);
    const expand = await run(dir, 'migrate', 'create', '--expand-contract', '--name', 'retire');
    assert.equal(expand.code, 0, expand.stdout + expand.stderr);
    const diffExpand = await run(dir, 'diff');
    assert.match(
      diffExpand.stdout,
      /dangerous field User\.legacyCode removed by expand\/contract \(column legacy_code dropped at contract\); phase: contract pending \[field-transition-drop\]/,
    );
    assert.match(
      diffExpand.stdout,
      /dangerous model AuditLog removed by expand\/contract \(table audit_log dropped at contract\); phase: contract pending \[model-transition-drop\]/,
    );
    assert.doesNotMatch(diffExpand.stdout, /\[(field-removed|model-removed)\]/);
    assert.equal((await run(dir, 'migrate', 'deploy', '--env', 'production', '--url', url)).code, 0);

    const contract = await run(dir, 'migrate', 'create', '--expand-contract', '--name', 'retire_done', '--force');
    assert.equal(contract.code, 0, contract.stdout + contract.stderr);
    const [, , contractName] = migrationDirs(dir, 'production');
    assert.match(contractName, /_retire_done_contract$/);
    assert.match((await run(dir, 'diff')).stdout, /table audit_log dropped at contract\); phase: done \[model-transition-drop\]/);

    const refused = await run(dir, 'migrate', 'deploy', '--env', 'production', '--url', url);
    assert.equal(refused.code, 1, refused.stdout + refused.stderr);
    const out = refused.stdout + refused.stderr;
    assert.match(
      out,
      /refused: \S+_retire_done_contract is a contract phase dropping old columns or tables still used in 2 places \(src\/legacy\.ts:4, src\/legacy\.ts:8\)/,
    );
    assert.match(out, /src\/legacy\.ts:4:\d+ Prisma Client call \(drop "users"\."legacy_code"/);
    assert.match(out, /src\/legacy\.ts:8:\d+ Prisma Client call \(drop table "audit_log"/);
    assert.match(out, /database-refused/);
    assert.equal((await state(dir, url)).columns.includes('legacy_code'), true);

    writeFileSync(path.join(dir, 'src/legacy.ts'), 'export const none = 1;\n');
    const passed = await run(dir, 'migrate', 'deploy', '--env', 'production', '--url', url);
    assert.equal(passed.code, 0, passed.stdout + passed.stderr);
    assert.deepEqual((await state(dir, url)).columns, ['email', 'id']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
