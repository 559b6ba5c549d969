/** The review fixture: a repository with two commits (test/review/*.test.ts). */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tempProject } from './project.js';

const CONFIG = JSON.stringify({
  master: 'prisma/schema.master.prisma',
  prismaMajor: 7,
  environments: { dev: { provider: 'sqlite', urlEnv: 'DATABASE_URL' }, production: { provider: 'postgresql', urlEnv: 'DATABASE_URL' } },
});

const BASE = `datasource db {
  provider = "postgresql"
}

generator client {
  provider = "prisma-client-js"
}

model User {
  id        String   @id @default(cuid())
  email     String   @unique
  nickname  String?
  posts     Post[]
  createdAt DateTime @default(now())
}

model Post {
  id       String @id @default(cuid())
  title    String
  authorId String
  author   User   @relation(fields: [authorId], references: [id])
}
`;

// The change: nickname renamed to displayName (confirmed), an optional field with a lint finding
// (snake case), a new model with a cascade relation, Post.title dropped.
const HEAD = BASE.replace('  nickname  String?\n', '  /// @steward.renamedFrom("nickname")\n  displayName String?\n  last_seen DateTime?\n')
  .replace('  title    String\n', '')
  .replace(
    '  author   User   @relation(fields: [authorId], references: [id])\n}',
    '  author   User   @relation(fields: [authorId], references: [id])\n  comments Comment[]\n}\n\nmodel Comment {\n  id     String @id @default(cuid())\n  body   String\n  postId String\n  post   Post   @relation(fields: [postId], references: [id], onDelete: Cascade)\n}',
  );

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Fixture',
  GIT_AUTHOR_EMAIL: 'fixture@example.com',
  GIT_COMMITTER_NAME: 'Fixture',
  GIT_COMMITTER_EMAIL: 'fixture@example.com',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
};
export const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

/** `steward migrate create`, with the timestamped folder renamed to a fixed name (a stable snapshot). */
async function migrate(dir: string, order: number, name: string, ...args: string[]): Promise<void> {
  const r = await run(dir, 'migrate', 'create', '--name', name, ...args);
  // 1: written, with a safety finding (the change's drop of Post.title), which the review must show.
  assert.ok(r.code === 0 || r.code === 1, r.stdout + r.stderr);
  assert.match(r.stdout + r.stderr, /wrote /);
  for (const env of ['dev', 'production']) {
    const folder = join(dir, 'prisma', 'migrations', env);
    if (!existsSync(folder)) continue;
    for (const f of readdirSync(folder))
      if (f.endsWith(`_${name}`) && !f.startsWith('20260101')) renameSync(join(folder, f), join(folder, `2026010100000${order}_${name}`));
  }
}

/** A repository with two commits: the base, then the change (production's migration written, dev's not, generated files not regenerated). */
export async function fixtureRepository(): Promise<string> {
  const dir = tempProject({ 'steward.config.json': CONFIG, 'prisma/schema.master.prisma': BASE, '.gitignore': '.steward/cache/\n' });
  git(dir, 'init', '-q', '-b', 'main');
  assert.equal((await run(dir, 'generate')).code, 0);
  await migrate(dir, 1, 'init');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  writeFileSync(join(dir, 'prisma/schema.master.prisma'), HEAD);
  await migrate(dir, 2, 'comments', '--env', 'production');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'change');
  return dir;
}
