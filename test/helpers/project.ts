import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { runCli } from '../../src/cli/main.js';

/** A throwaway project folder with the given files. */
export function tempProject(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'steward-test-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Every file under dir with its content, to prove a command touched nothing. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as a user would from `dir`, without colours. */
export async function run(dir: string, ...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: undefined },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: false,
  });
  return { code, stdout, stderr };
}

export const PG_MASTER = `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

generator client {
  provider = "prisma-client"
  output   = "../src/generated/prisma"
}

enum Role {
  USER
  ADMIN
}

model User {
  id        String   @id @default(dbgenerated("gen_random_uuid()")) @db.Uuid
  email     String   @unique @db.VarChar(320)
  roles     Role[]   @default([USER])
  tags      String[] @default([])
  posts     Post[]
  createdAt DateTime @default(now()) @map("created_at")
  updatedAt DateTime @updatedAt @map("updated_at")

  @@index([tags], type: Gin)
  @@map("users")
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String @db.Text
  authorId String @map("author_id") @db.Uuid
  author   User   @relation(fields: [authorId], references: [id], onDelete: Cascade, map: "post_author_fk")
  createdAt DateTime @default(now()) @map("created_at")
  updatedAt DateTime @updatedAt @map("updated_at")

  @@index([authorId])
  @@map("posts")
}
`;

/**
 * `steward check` in JSON: its exit code and the error diagnostics of the given sources
 * (lint and audit judge the schema's style and docs, which these tests do not control).
 */
export async function checkErrors(dir: string, sources: readonly string[] = ['generate', 'validate', 'docs']): Promise<{ code: number; errors: string[] }> {
  const r = await run(dir, 'check', '--format', 'json');
  if (r.code !== 0 && r.code !== 1) throw new Error(`steward check exit ${r.code}: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { diagnostics: { source: string; code: string; severity: string; file?: string; line?: number; message: string }[] };
  return {
    code: r.code,
    errors: out.diagnostics
      .filter((d) => d.severity === 'error' && sources.includes(d.source))
      .map((d) => `${d.source}/${d.code} ${d.file}:${d.line} ${d.message}`),
  };
}
