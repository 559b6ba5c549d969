/**
 * An existing history: migrations before the adoption point are replayed, never judged;
 * acknowledgements live in the configuration, keyed by migration and checksum; `--since <ref>`
 * judges only what a pull request adds.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPOSITORY_ROOT } from '../helpers/example-project.js';
import { run, snapshot, tempProject } from '../helpers/project.js';

// Temp projects share the repository's warm PGlite cache.
process.env.STEWARD_CACHE_DIR ??= join(REPOSITORY_ROOT, '.steward', 'cache');

const SCHEMA = 'datasource db {\n  provider = "postgresql"\n}\n\nmodel A {\n  id Int @id\n}\n';
const CREATE = 'CREATE TABLE "A" ("id" INTEGER NOT NULL, "old" TEXT, CONSTRAINT "A_pkey" PRIMARY KEY ("id"));\n';
const DROP = 'SET lock_timeout = \'5s\';\nALTER TABLE "A" DROP COLUMN "old";\n';

function project(config: Record<string, unknown>, migrations: Record<string, string>): string {
  const files: Record<string, string> = { 'prisma/schema.prisma': SCHEMA, 'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n' };
  for (const [name, sql] of Object.entries(migrations)) files[`prisma/migrations/${name}/migration.sql`] = sql;
  files['steward.config.json'] = JSON.stringify({
    master: 'prisma/schema.prisma',
    environments: { production: { provider: 'postgresql', output: 'prisma/schema.prisma', migrations: 'prisma/migrations' } },
    ...config,
  });
  return tempProject(files);
}

async function lintCodes(dir: string, ...args: string[]): Promise<{ code: number; findings: { code: string; severity: string; message: string }[] }> {
  const r = await run(dir, 'migrate', 'lint', '--format', 'json', ...args);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return { code: r.code, findings: (JSON.parse(r.stdout) as { diagnostics: { code: string; severity: string; message: string }[] }).diagnostics };
}

describe('migrate lint on an adopted history', () => {
  it('judges only migrations after migrate.adoptedAt', async () => {
    const dir = project(
      { migrate: { adoptedAt: { production: '20240201000000_drop old' } } },
      { '20240101000000_init': CREATE, '20240201000000_drop old': DROP },
    );
    assert.deepEqual((await lintCodes(dir)).findings, []);
    // A new migration after adoption is judged, against the structure the old ones built.
    mkdirSync(join(dir, 'prisma/migrations/20240301000000_drop_table'));
    writeFileSync(join(dir, 'prisma/migrations/20240301000000_drop_table/migration.sql'), 'DROP TABLE "A";\n');
    const after = await lintCodes(dir);
    assert.equal(after.code, 1);
    assert.deepEqual(
      after.findings.map((f) => f.code),
      ['drop-table', 'missing-lock-timeout'],
    );
    // Without the adoption point, the old drop-column is judged too.
    const config = JSON.parse(readFileSync(join(dir, 'steward.config.json'), 'utf8')) as Record<string, unknown>;
    delete config.migrate;
    writeFileSync(join(dir, 'steward.config.json'), JSON.stringify(config));
    assert.deepEqual((await lintCodes(dir)).findings.map((f) => f.code).sort(), ['drop-column', 'drop-table', 'missing-lock-timeout']);
  });

  it('an adoption point that is not in the history is a configuration error', async () => {
    const dir = project({ migrate: { adoptedAt: { production: '20990101000000_nope' } } }, { '20240101000000_init': CREATE });
    const r = await run(dir, 'migrate', 'lint');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /adoptedAt\.production names 20990101000000_nope/);
  });

  it('acknowledges a finding by migration and checksum, without touching the file; a changed file brings it back', async () => {
    const checksum = `sha256:${createHash('sha256').update(DROP).digest('hex').slice(0, 16)}`;
    const ack = { migration: '20240201000000_drop', checksum, codes: ['drop-column'], reason: 'column unused since v2' };
    const dir = project({ migrate: { acknowledge: [ack] } }, { '20240101000000_init': CREATE, '20240201000000_drop': DROP });
    const before = snapshot(dir);
    const r = await lintCodes(dir);
    assert.equal(r.code, 0);
    assert.deepEqual(
      r.findings.map((f) => `${f.code} ${f.severity}`),
      ['drop-column info'],
    );
    assert.match(r.findings[0].message, /acknowledged: column unused since v2/);
    assert.deepEqual(snapshot(dir), before, 'nothing written');
    // The unacknowledged finding tells how to acknowledge it, with the checksum to use.
    writeFileSync(join(dir, 'prisma/migrations/20240201000000_drop/migration.sql'), DROP + '-- edited\n');
    const text = await run(dir, 'migrate', 'lint');
    assert.equal(text.code, 1);
    assert.match(text.stdout + text.stderr, /acknowledgement-outdated/);
    assert.match(text.stdout + text.stderr, /migrate\.acknowledge in steward\.config/);
    assert.match(text.stdout + text.stderr, /checksum: 'sha256:[0-9a-f]{16}'/);
  });

  it('a malformed acknowledgement is a configuration error naming the key', async () => {
    const dir = project({ migrate: { acknowledge: [{ migration: 'x', checksum: 'abc', codes: 'drop-column' }] } }, { '20240101000000_init': CREATE });
    const r = await run(dir, 'migrate', 'lint');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /migrate\.acknowledge\[0\]\.checksum/);
    assert.match(r.stderr, /migrate\.acknowledge\[0\]\.codes/);
  });

  it('--since <ref> judges only the migrations the ref does not have', async () => {
    const dir = project({}, { '20240101000000_init': CREATE, '20240201000000_drop': DROP });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'base');
    mkdirSync(join(dir, 'prisma/migrations/20240301000000_drop_table'));
    writeFileSync(join(dir, 'prisma/migrations/20240301000000_drop_table/migration.sql'), 'DROP TABLE "A";\n');
    assert.deepEqual(
      (await lintCodes(dir, '--since', 'HEAD')).findings.map((f) => f.code),
      ['drop-table', 'missing-lock-timeout'],
    );
    assert.deepEqual((await lintCodes(dir)).findings.map((f) => f.code).sort(), ['drop-column', 'drop-table', 'missing-lock-timeout']);
    const bad = await run(dir, 'migrate', 'lint', '--since', 'no-such-ref');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /not a commit/);
  });

  it('a long history (700 migrations, folder names with spaces) is linted from the adoption point', async () => {
    const migrations: Record<string, string> = { '20200101000000_init': 'CREATE TABLE "A" ("id" INTEGER NOT NULL, CONSTRAINT "A_pkey" PRIMARY KEY ("id"));\n' };
    for (let i = 1; i < 700; i++)
      migrations[`2021${String(10000000000 + i).slice(1)}_add c${i}${i % 50 === 0 ? ' copy' : ''}`] = `ALTER TABLE "A" ADD COLUMN "c${i}" TEXT;\n`;
    const names = Object.keys(migrations).sort();
    const dir = project({ migrate: { adoptedAt: { production: names.at(-1) } } }, migrations);
    assert.deepEqual((await lintCodes(dir)).findings, []);
    mkdirSync(join(dir, 'prisma/migrations/20990101000000_drop c1'));
    writeFileSync(join(dir, 'prisma/migrations/20990101000000_drop c1/migration.sql'), 'ALTER TABLE "A" DROP COLUMN "c1";\n');
    assert.deepEqual(
      (await lintCodes(dir)).findings.map((f) => f.code),
      ['drop-column', 'missing-lock-timeout'],
    );
  });
});
