/**
 * Every filesystem failure is a coded error with the path, exit 2, nothing written (issue 12):
 * directories where files are expected, unreadable files, symbolic link loops, stale temporaries.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeFilesAtomic } from '../../src/fs/atomic-write.js';
import { isStewardError } from '../../src/errors/index.js';
import { run, snapshot, tempProject } from '../helpers/project.js';

const MASTER = `datasource db {
  provider = "postgresql"
}

model User {
  id    Int    @id @default(autoincrement())
  email String @unique
}
`;
const CONFIG = JSON.stringify({ master: 'prisma/schema.master.prisma', environments: { dev: { provider: 'sqlite' }, production: { provider: 'postgresql' } } });

function project(extra: Record<string, string> = {}): string {
  return tempProject({ 'prisma/schema.master.prisma': MASTER, 'steward.config.json': CONFIG, ...extra });
}

const isRoot = process.getuid?.() === 0;

function assertCoded(result: { code: number; stdout: string; stderr: string }, code: RegExp, path: string): void {
  assert.equal(result.code, 2, result.stdout + result.stderr);
  assert.match(result.stderr, code);
  assert.ok(result.stderr.includes(path), `the path ${path} is named:\n${result.stderr}`);
  assert.doesNotMatch(result.stderr, /internal error|\[INTERNAL\]|bug in prisma-steward|\n\s+at /);
}

test('a configuration file that is a directory: every command exits 2 with the path', async () => {
  const dir = tempProject({ 'prisma/schema.master.prisma': MASTER });
  mkdirSync(join(dir, 'steward.config.json'));
  for (const command of [['generate'], ['validate'], ['lint'], ['status']]) {
    assertCoded(await run(dir, ...command), /error\[FILE_UNREADABLE\]/, 'steward.config.json');
  }
});

test('an unreadable configuration file is a coded error', { skip: isRoot && 'root reads every file' }, async () => {
  const dir = project();
  chmodSync(join(dir, 'steward.config.json'), 0o000);
  assertCoded(await run(dir, 'generate'), /error\[FILE_UNREADABLE\]/, 'steward.config.json');
});

test('an environment output that is a directory: exit 2, the path, no other file written', async () => {
  const dir = project();
  mkdirSync(join(dir, 'prisma/schema.dev.prisma'));
  const before = snapshot(dir);
  assertCoded(await run(dir, 'generate'), /error\[FILE_(UNREADABLE|UNWRITABLE)\]/, 'prisma/schema.dev.prisma');
  assert.deepEqual(snapshot(dir), before);
  assert.equal(existsSync(join(dir, 'prisma/schema.production.prisma')), false);
});

test('--baseline, report --html and .steward/history.jsonl that are directories are coded errors', async () => {
  const dir = project();
  assert.equal((await run(dir, 'generate')).code, 0);
  mkdirSync(join(dir, 'lint-baseline.json'));
  assertCoded(await run(dir, 'lint', '--baseline', 'lint-baseline.json'), /error\[FILE_(UNREADABLE|UNWRITABLE)\]/, 'lint-baseline.json');
  mkdirSync(join(dir, 'report.html'));
  assertCoded(await run(dir, 'report', '--html', 'report.html'), /error\[FILE_UNWRITABLE\]/, 'report.html');
  mkdirSync(join(dir, '.steward/history.jsonl'), { recursive: true });
  assertCoded(await run(dir, 'status', '--record'), /error\[FILE_(UNREADABLE|UNWRITABLE)\]/, 'history.jsonl');
});

test('SCHEMA_CHANGELOG.md that is a directory is a coded error', async () => {
  const dir = project();
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'init');
  mkdirSync(join(dir, 'prisma/SCHEMA_CHANGELOG.md'));
  assertCoded(await run(dir, 'changelog', '--write'), /error\[FILE_UNREADABLE\]/, 'SCHEMA_CHANGELOG.md');
});

test('a symbolic link loop among the markdown files is a coded error, not a crash', async () => {
  const dir = project({ 'docs/readme.md': '# Docs\n' });
  symlinkSync('loop.md', join(dir, 'docs/loop.md'));
  assertCoded(await run(dir, 'docs'), /error\[FILE_UNREADABLE\]/, 'docs/loop.md');
});

test('a read-only folder is refused before the first write', { skip: isRoot && 'root writes into read-only folders' }, async () => {
  const dir = project();
  chmodSync(join(dir, 'prisma'), 0o555);
  try {
    assertCoded(await run(dir, 'generate'), /error\[FILE_UNWRITABLE\]/, 'prisma');
  } finally {
    chmodSync(join(dir, 'prisma'), 0o755);
  }
});

test('temporaries left by a killed run are removed by the next write; live ones are kept', () => {
  const dir = tempProject({ 'out/a.txt': 'old' });
  const stale = join(dir, 'out', '.a.txt.999999999.steward-tmp');
  const live = join(dir, 'out', `.a.txt.${process.ppid}.steward-tmp`);
  writeFileSync(stale, 'trunc');
  writeFileSync(live, 'busy');
  writeFilesAtomic([{ path: join(dir, 'out/a.txt'), text: 'new' }], dir);
  assert.deepEqual(readdirSync(join(dir, 'out')).sort(), ['.a.txt.' + process.ppid + '.steward-tmp', 'a.txt']);
});

test('a batch with one directory target writes nothing', () => {
  const dir = tempProject({ 'a.txt': 'a' });
  mkdirSync(join(dir, 'b.txt'));
  const before = snapshot(dir);
  assert.throws(
    () =>
      writeFilesAtomic(
        [
          { path: join(dir, 'a.txt'), text: 'A' },
          { path: join(dir, 'b.txt'), text: 'B' },
        ],
        dir,
      ),
    (e: unknown) => isStewardError(e) && e.code === 'FILE_UNWRITABLE' && e.location?.file === 'b.txt',
  );
  assert.deepEqual(snapshot(dir), before);
});
