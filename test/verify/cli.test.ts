import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { run, tempProject } from '../helpers/project.js';

const master = `generator client {
  provider = "prisma-client"
  output   = "../src/generated/prisma"
}

datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model Account {
  id       String   @id @default(uuid()) @db.Uuid
  handle   String   @unique @db.VarChar(16)
  /// @steward.only(production)
  search   Unsupported("tsvector")?
  scopes   String[]
  balance  Decimal  @db.Decimal(10, 2)
  sessions Session[]
}

model Session {
  id        Int      @id @default(autoincrement())
  accountId String   @db.Uuid
  account   Account  @relation(fields: [accountId], references: [id], onDelete: Cascade)
  token     Bytes    @unique
  expiresAt DateTime
}
`;

const app = `import { PrismaClient } from './generated/prisma/client.js';

export async function find(prisma: PrismaClient, scope: string) {
  return prisma.account.findMany({ where: { scopes: { has: scope } } });
}
`;

function project(extra: Record<string, string> = {}) {
  return tempProject({
    'prisma/schema.master.prisma': master,
    'steward.config.json': JSON.stringify({ master: 'prisma/schema.master.prisma' }),
    'tsconfig.json': JSON.stringify({
      compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, skipLibCheck: true },
      include: ['src/**/*.ts'],
    }),
    'src/app.ts': app,
    ...extra,
  });
}

describe('steward verify (CLI)', () => {
  it('reports a list filter that only the dev client lacks, as an error at its location, and CRUD passes on both', async () => {
    const result = await run(project(), 'verify');
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /src\/app\.ts:4:\d+ error type error with the dev client only \(Account\.scopes\): .*'has'/);
    assert.match(result.stdout, /^Account\s+passed\s+passed$/m);
    assert.match(result.stdout, /^Session\s+passed\s+passed$/m);
  });

  it('markdown lists the environment errors and the CRUD table', async () => {
    const result = await run(project(), 'verify', '--format', 'markdown');
    assert.match(result.stdout, /\| `src\/app\.ts:4:\d+` \| dev \| Account\.scopes \|/);
    assert.match(result.stdout, /\| Session \| passed \| passed \|/);
  });

  it('check --verify adds the verify findings to the gate', async () => {
    const dir = project();
    assert.equal((await run(dir, 'generate')).code, 0);
    const without = await run(dir, 'check');
    const withVerify = await run(dir, 'check', '--verify');
    assert.doesNotMatch(without.stdout, /env-type-error/);
    assert.match(withVerify.stdout, /env-type-error/);
    assert.equal(withVerify.code, 1);
  });

  it('refuses a --url that is not PostgreSQL and an unknown verify config key', async () => {
    assert.equal((await run(project(), 'verify', '--url', 'mysql://x@localhost/db')).code, 2);
    const bad = project({ 'steward.config.json': JSON.stringify({ master: 'prisma/schema.master.prisma', verify: { tsconfg: 'x' } }) });
    const result = await run(bad, 'verify');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /verify\.tsconfg/);
  });
});

describe('steward verify: migration histories', () => {
  const sqliteMaster = `datasource db {
  provider = "sqlite"
}

model Note {
  id    Int    @id @default(autoincrement())
  title String
  body  String
}
`;
  const lock = 'provider = "sqlite"\n';
  const files = (script: string) =>
    tempProject({
      'prisma/schema.master.prisma': sqliteMaster,
      'steward.config.json': JSON.stringify({ master: 'prisma/schema.master.prisma', environments: { dev: { provider: 'sqlite' } } }),
      'prisma/migrations/dev/migration_lock.toml': lock,
      'prisma/migrations/dev/20250101000000_init/migration.sql': script,
    });

  it("applies the environment's history instead of pushing the schema", async () => {
    const result = await run(
      files('CREATE TABLE "Note" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "title" TEXT NOT NULL, "body" TEXT NOT NULL);\n'),
      'verify',
      '--skip-typecheck',
      '--format',
      'json',
    );
    assert.equal(result.code, 0, result.stdout);
    const report = (JSON.parse(result.stdout) as { data: { crud: { setup: string; models: { status: string }[] }[] } }).data;
    assert.equal(report.crud[0].setup, 'migrations');
    assert.equal(report.crud[0].models[0].status, 'passed');
  });

  it('reports a history that lags behind the schema as the failing operation with Prisma’s error', async () => {
    const result = await run(
      files('CREATE TABLE "Note" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "title" TEXT NOT NULL);\n'),
      'verify',
      '--skip-typecheck',
    );
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^Note\s+FAILED: create/m);
    assert.match(result.stdout, /\[dev\] Note: create failed.*body/);
  });

  it('names the migration that does not apply, at its file', async () => {
    const dir = files('CREATE TABLE "Note" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "title" TEXT NOT NULL, "body" TEXT NOT NULL);\n');
    mkdirSync(join(dir, 'prisma/migrations/dev/20250102000000_broken'));
    writeFileSync(join(dir, 'prisma/migrations/dev/20250102000000_broken/migration.sql'), 'ALTER TABLE "Nope" ADD COLUMN "x" INTEGER;\n');
    const result = await run(dir, 'verify', '--skip-typecheck');
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(
      result.stdout,
      /prisma\/migrations\/dev\/20250102000000_broken\/migration\.sql:1:1 error \[dev\] could not prepare the scratch database \(applying migration 20250102000000_broken\): .*Nope/,
    );
    const json = JSON.parse((await run(dir, 'verify', '--skip-typecheck', '--format', 'json')).stdout) as {
      diagnostics: { code: string; file: string | null; data: { migration: string | null } }[];
    };
    const failed = json.diagnostics.find((d) => d.code === 'crud-setup-failed');
    assert.equal(failed?.file, 'prisma/migrations/dev/20250102000000_broken/migration.sql');
    assert.equal(failed?.data.migration, '20250102000000_broken');
  });
});

describe('steward verify: prisma-client-js', () => {
  it('resolves `@prisma/client` to each environment client and separates a plain typo from environment errors', async () => {
    const dir = tempProject({
      'prisma/schema.master.prisma': `generator client {\n  provider = "prisma-client-js"\n}\n\ndatasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n\nmodel User {\n  id   Int      @id @default(autoincrement())\n  name String\n  tags String[]\n}\n`,
      'steward.config.json': JSON.stringify({ master: 'prisma/schema.master.prisma' }),
      'tsconfig.json': JSON.stringify({
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, skipLibCheck: true },
        include: ['src/**/*.ts'],
      }),
      'src/app.ts': [
        "import { PrismaClient, Prisma } from '@prisma/client';",
        'export const find = (p: PrismaClient, q: string) => p.user.findMany({ where: { tags: { has: q } } });',
        "export const typo: Prisma.UserWhereInput = { nam: 'x' };",
        '',
      ].join('\n'),
    });
    const result = await run(dir, 'verify', '--skip-crud', '--format', 'json');
    const report = (
      JSON.parse(result.stdout) as { data: { typecheck: { findings: { kind: string; line: number; envs: string[]; model?: string; field?: string }[] } } }
    ).data;
    assert.deepEqual(
      report.typecheck.findings.map((f) => [f.kind, f.line, f.envs.join(), f.model, f.field]),
      [
        ['environment', 2, 'dev', 'User', 'tags'],
        // TypeScript's "did you mean 'name'?" names the field.
        ['code', 3, 'dev,production', 'User', 'name'],
      ],
    );
  });
});
