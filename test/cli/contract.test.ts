/**
 * The exit-code and output contract under bad input (issue 12): the code is decided once from
 * the results, and a failure is a diagnostic in the machine-readable formats.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { exampleProject, REPOSITORY_ROOT } from '../helpers/example-project.js';
import { run, tempProject } from '../helpers/project.js';

const bin = join(REPOSITORY_ROOT, 'dist', 'src', 'cli', 'bin.js');

function spawnCli(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args, '--cwd', cwd], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: undefined } });
}

test('a dev migration.sql that is not SQL: migrate lint and check exit 2 (PGlite cannot reset the code), JSON on stdout', async () => {
  const project = await exampleProject({ keepHistory: true });
  try {
    const devDir = join(project.dir, 'api/prisma/migrations/dev');
    const first = readdirSync(devDir)
      .filter((n) => /^\d/.test(n))
      .sort()[0];
    writeFileSync(join(devDir, first, 'migration.sql'), 'this is not sql at all ;;; (\n');
    for (const args of [['migrate', 'lint'], ['check']]) {
      const text = spawnCli(project.dir, ...args);
      assert.equal(text.status, 2, `${args.join(' ')}: ${text.stdout}${text.stderr}`);
      assert.match(text.stderr, /error\[MIGRATION_INVALID\]/);
    }
    const json = spawnCli(project.dir, 'migrate', 'lint', '--format', 'json');
    assert.equal(json.status, 2, json.stderr);
    const parsed = JSON.parse(json.stdout) as { diagnostics: Array<{ code: string; file: string; line: number }> };
    assert.equal(parsed.diagnostics[0].code, 'MIGRATION_INVALID');
    assert.equal(parsed.diagnostics[0].file, `api/prisma/migrations/dev/${first}/migration.sql`);
  } finally {
    project.cleanup();
  }
});

const CONFIG = JSON.stringify({ master: 'prisma/schema.master.prisma', environments: { dev: { provider: 'sqlite' }, production: { provider: 'postgresql' } } });

test('validate exits 2 on a malformed master, like every other command', async () => {
  const dir = tempProject({
    'prisma/schema.master.prisma': 'datasource db {\n  provider = "postgresql"\n}\n\nmodel A {\n  id Int @id\n  x  Strin g\n}\n',
    'steward.config.json': CONFIG,
  });
  for (const command of ['validate', 'generate', 'lint']) {
    const result = await run(dir, command);
    assert.equal(result.code, 2, `${command}: ${result.stdout}${result.stderr}`);
  }
  const validate = await run(dir, 'validate');
  assert.match(validate.stdout, /prisma\/schema\.master\.prisma:7:\d+/);
});

test('an empty master is refused before any environment file is written', async () => {
  const dir = tempProject({ 'prisma/schema.master.prisma': '\n// nothing yet\n', 'steward.config.json': CONFIG });
  const result = await run(dir, 'generate');
  assert.equal(result.code, 2, result.stdout + result.stderr);
  assert.match(result.stderr, /error\[SCHEMA_INVALID\]: prisma\/schema\.master\.prisma:1:1: The master schema is empty/);
  assert.equal(existsSync(join(dir, 'prisma/schema.dev.prisma')), false);
  assert.equal(existsSync(join(dir, 'prisma/schema.production.prisma')), false);
});

test('with --format json, sarif or github a configuration or schema error is a diagnostic on stdout, with its exit code', async () => {
  const broken = tempProject({ 'steward.config.json': '{ "master": ', 'prisma/schema.master.prisma': 'model A {\n  id Int @id\n}\n' });
  const syntax = tempProject({ 'prisma/schema.master.prisma': 'model A {\n  id Int @id\n  x  Strin g\n}\n', 'steward.config.json': CONFIG });
  for (const dir of [broken, syntax]) {
    const json = await run(dir, 'generate', '--format', 'json');
    assert.equal(json.code, 2, json.stderr);
    const envelope = JSON.parse(json.stdout) as {
      version: string;
      command: string;
      status: string;
      diagnostics: Array<Record<string, unknown>>;
      data: unknown;
    };
    // THE envelope of --format json: a command that stopped on an error says so, with its diagnostic.
    assert.deepEqual([typeof envelope.version, envelope.command, envelope.status, envelope.data], ['string', 'generate', 'failed', {}]);
    const diagnostic = envelope.diagnostics[0];
    assert.equal(diagnostic.source, 'steward');
    assert.equal(diagnostic.severity, 'error');
    assert.match(String(diagnostic.code), /^(CONFIG_INVALID|CONFIG_LOAD_FAILED|SCHEMA_SYNTAX|SCHEMA_INVALID)$/);
    assert.equal(typeof diagnostic.file, 'string');

    const sarif = await run(dir, 'lint', '--format', 'sarif');
    assert.equal(sarif.code, 2, sarif.stderr);
    const results = (JSON.parse(sarif.stdout) as { runs: Array<{ results: Array<{ level: string }> }> }).runs[0].results;
    assert.equal(results[0].level, 'error');

    const github = await run(dir, 'lint', '--format', 'github');
    assert.equal(github.code, 2, github.stderr);
    assert.match(github.stdout, /^::error file=[^,]+,line=\d+,col=\d+,title=steward steward%3A [A-Z_]+::/m);
  }
  const located = await run(syntax, 'generate', '--format', 'json');
  const diagnostic = (JSON.parse(located.stdout) as { diagnostics: Array<Record<string, unknown>> }).diagnostics[0];
  assert.deepEqual([diagnostic.file, diagnostic.line], ['prisma/schema.master.prisma', 3]);
});

test('--format json is one envelope for every command, its status following the exit code', async () => {
  const dir = tempProject({
    'steward.config.json': CONFIG,
    'prisma/schema.master.prisma':
      'datasource db {\n  provider = "postgresql"\n}\n\nmodel User {\n  id    Int    @id @default(autoincrement())\n  email String @unique\n}\n',
  });
  const STATUS: Record<number, string> = { 0: 'ok', 1: 'findings', 2: 'failed', 3: 'failed', 4: 'failed' };
  const url = ['--url', 'file:./dev.db'];
  const commands = [
    ['generate'],
    ['validate'],
    ['lint'],
    ['docs'],
    ['audit'],
    ['status'],
    ['migrate', 'baseline', '--name', 'init'],
    ['migrate', 'create', '--name', 'next', '--dry-run'],
    ['migrate', 'lint'],
    ['migrate', 'deploy', '--env', 'dev', ...url],
    ['migrate', 'status', '--env', 'dev', ...url],
    ['migrate', 'preflight', '--env', 'dev', ...url],
    ['db', 'drift', '--env', 'dev', ...url],
    ['report', '--html', 'report.html'],
    ['check'],
  ];
  for (const args of commands) {
    const r = await run(dir, ...args, '--format', 'json');
    const label = `${args.join(' ')} (exit ${r.code}): ${r.stdout}${r.stderr}`;
    // A stream (migrate deploy) prints one JSON line per database first: the envelope is last.
    const lines = args[1] === 'deploy' ? r.stdout.trim().split('\n') : [r.stdout];
    let envelope: Record<string, unknown>;
    try {
      envelope = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`${label}\n${(error as Error).message}`);
    }
    assert.deepEqual(Object.keys(envelope), ['version', 'command', 'status', 'diagnostics', 'summary', 'data'], label);
    assert.deepEqual([envelope.command, envelope.status], [args[0], STATUS[r.code]], label);
    assert.ok(r.code <= 1, label);
    assert.ok(Array.isArray(envelope.diagnostics) && typeof envelope.data === 'object' && envelope.data !== null, label);
    if (args[0] === 'check')
      assert.ok(
        (envelope.data as { steps: { name: string }[] }).steps.some((s) => s.name === 'lint'),
        label,
      );
    if (args[1] === 'deploy')
      assert.deepEqual(
        lines.slice(0, -1).map((line) => JSON.parse(line).status),
        ['applied'],
        label,
      );
  }
});
