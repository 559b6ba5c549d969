import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../src/cli/main.js';

const MASTER = `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

generator client {
  provider = "prisma-client-js"
}

model User {
  id       Int      @id @default(autoincrement())
  email    String   @unique
  nickname String?
  tags     String[]
  posts    Post[]
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  author   User   @relation(fields: [authorId], references: [id])
  authorId Int
}
`;

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'steward-release-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'Test');
  git('config', 'commit.gpgsign', 'false');
  git('config', 'tag.gpgsign', 'false');
  return dir;
}

async function steward(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli([...args, '--no-color'], {
    cwd,
    env: { ...process.env, GITHUB_ACTIONS: 'false' },
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    isTTY: false,
  });
  return { code, out, err };
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

async function commitAll(dir: string, message: string): Promise<void> {
  assert.equal((await steward(dir, 'generate', '--quiet')).code, 0);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
}

test('release session: tag, change the master, release --bump auto picks the version, writes the changelog and tags; again does nothing', async () => {
  const dir = repo();
  try {
    mkdirSync(join(dir, 'prisma'));
    const master = join(dir, 'prisma', 'schema.master.prisma');
    writeFileSync(master, MASTER);
    // This session is about versions: the fixture is not written to the lint rules.
    writeFileSync(join(dir, 'steward.config.json'), JSON.stringify({ lint: { preset: 'none' } }));
    await commitAll(dir, 'initial schema');

    const first = await steward(dir, 'release', '--bump', 'auto', '--date', '2025-01-01');
    assert.equal(first.code, 0, first.out + first.err);
    assert.equal(git(dir, 'tag', '--list'), 'schema-v1.0.0');

    // A breaking change (a field removed) and an addition. (In nickname's place, phone would be a probable rename.)
    writeFileSync(master, MASTER.replace('  nickname String?\n', '').replace('  tags     String[]\n', '  tags     String[]\n  phone    String?\n'));
    await commitAll(dir, 'replace nickname with phone');
    const diff = (JSON.parse((await steward(dir, 'diff', '--format', 'json')).out) as { data: { changes: { code: string; field: string }[]; bump: string } })
      .data;
    assert.deepEqual(diff.changes.map((c) => `${c.code} ${c.field}`).sort(), ['field-added-optional phone', 'field-removed nickname']);
    assert.equal(diff.bump, 'major');

    const second = await steward(dir, 'release', '--bump', 'auto', '--date', '2025-02-01');
    assert.equal(second.code, 0, second.out + second.err);
    assert.deepEqual(git(dir, 'tag', '--list').split('\n'), ['schema-v1.0.0', 'schema-v2.0.0']);
    assert.equal(git(dir, 'cat-file', '-t', 'schema-v2.0.0'), 'tag', 'an annotated tag');
    assert.match(git(dir, 'tag', '-n99', 'schema-v2.0.0'), /field User\.nickname removed/);
    const changelog = readFileSync(join(dir, 'prisma', 'SCHEMA_CHANGELOG.md'), 'utf8');
    assert.match(changelog, /^## 2\.0\.0 - 2025-02-01$/m);
    assert.match(changelog, /^## 1\.0\.0 - 2025-01-01$/m);
    assert.match(changelog, /🔴 breaking: field User\.nickname removed/);
    assert.equal(git(dir, 'status', '--porcelain'), '', 'the changelog is committed');
    assert.equal(git(dir, 'rev-parse', 'schema-v2.0.0^{commit}'), git(dir, 'rev-parse', 'HEAD'), 'the tag names the commit with the changelog');

    const again = await steward(dir, 'release', '--bump', 'auto');
    assert.equal(again.code, 0);
    assert.match(again.out, /Nothing to release/);
    assert.equal(git(dir, 'tag', '--list').split('\n').length, 2);
    assert.equal(readFileSync(join(dir, 'prisma', 'SCHEMA_CHANGELOG.md'), 'utf8'), changelog);
    assert.equal((await steward(dir, 'changelog', '--check')).code, 0, 'the changelog is up to date after a release');

    // A dirty tree is refused unless --force.
    writeFileSync(master, MASTER.replace('  nickname String?\n', '  phone    String?\n  city     String?\n'));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'city, without regenerating the environments');
    writeFileSync(join(dir, 'notes.txt'), 'uncommitted');
    const refused = await steward(dir, 'release');
    assert.equal(refused.code, 1);
    assert.match(refused.out, /uncommitted changes/);
    assert.match(refused.out, /generate: environment file prisma\/schema.dev.prisma/);
    assert.equal(git(dir, 'tag', '--list').split('\n').length, 2);
    const forced = await steward(dir, 'release', '--force', '--date', '2025-03-01');
    assert.equal(forced.code, 0, forced.out + forced.err);
    assert.match(git(dir, 'tag', '--list'), /schema-v2\.1\.0/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('v1.0-style tags with a configured prefix; the working tree is never checked out', async () => {
  const dir = repo();
  try {
    mkdirSync(join(dir, 'prisma', 'schema'), { recursive: true });
    writeFileSync(
      join(dir, 'steward.config.json'),
      JSON.stringify({ master: 'prisma/schema', changes: { tagPrefix: 'v', initialVersion: '1.0', releaseChecks: ['clean'] } }),
    );
    const [head, ...rest] = MASTER.split('model Post');
    writeFileSync(join(dir, 'prisma', 'schema', 'main.prisma'), head);
    writeFileSync(join(dir, 'prisma', 'schema', 'post.prisma'), `model Post${rest.join('model Post')}`);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'folder master');
    assert.equal((await steward(dir, 'release')).code, 0);
    assert.equal(git(dir, 'tag', '--list'), 'v1.0');

    // Moving a model to another file is no change.
    writeFileSync(join(dir, 'prisma', 'schema', 'main.prisma'), head + `model Post${rest.join('model Post')}`);
    rmSync(join(dir, 'prisma', 'schema', 'post.prisma'));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'one file');
    const same = (JSON.parse((await steward(dir, 'diff', '--format', 'json')).out) as { data: { changes: unknown[] } }).data;
    assert.deepEqual(same.changes, []);

    writeFileSync(
      join(dir, 'prisma', 'schema', 'main.prisma'),
      (head + `model Post${rest.join('model Post')}`).replace('  title    String\n', '  title    String\n  body     String @default("")\n'),
    );
    const working = await steward(dir, 'diff', '--format', 'markdown');
    assert.match(working.out, /### Safe \(1\)/);
    assert.match(working.out, /Post\.body/);
    git(dir, 'commit', '-q', '-am', 'body');
    assert.equal((await steward(dir, 'release')).code, 0);
    assert.deepEqual(git(dir, 'tag', '--list').split('\n'), ['v1.0', 'v1.1']);
    const atTag = (
      JSON.parse((await steward(dir, 'diff', '--from', 'v1.0', '--to', 'v1.1', '--format', 'json')).out) as { data: { changes: { code: string }[] } }
    ).data;
    assert.deepEqual(
      atTag.changes.map((c) => c.code),
      ['field-added-with-default'],
    );
    const commit = await steward(dir, 'diff', '--from', 'v1.0', '--format', 'commit');
    assert.match(commit.out, /^schema: add Post\.body\n\n- \[safe\]/);
    const bad = await steward(dir, 'diff', '--from', 'no-such-ref');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /neither a file, a folder nor a git ref/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('release refuses while lint reports errors, naming them', async () => {
  const dir = repo();
  try {
    mkdirSync(join(dir, 'prisma'));
    writeFileSync(join(dir, 'prisma', 'schema.master.prisma'), MASTER);
    await commitAll(dir, 'initial schema');
    const refused = await steward(dir, 'release', '--bump', 'auto');
    assert.equal(refused.code, 1, refused.out + refused.err);
    assert.match(refused.out + refused.err, /require-created-at/);
    assert.equal(git(dir, 'tag', '--list'), '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
