import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mockMigrationAwareAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DatabaseProvider } from '../../../src/providers/registry.js';
import { PgliteConnection } from '../../../src/engine/pglite-connection.js';
import { diffTarget, SchemaEngineSession } from '../../../src/engine/schema-engine.js';
import { lintMigration } from '../../../src/migrate/lint/lint-migration.js';
import { MIGRATION_RULES } from '../../../src/migrate/lint/rules.js';
import type { DatabaseSchema } from '../../../src/database/model.js';

interface LintCase {
  name: string;
  provider: DatabaseProvider;
  sql: string;
  /** [code, line, severity] of every diagnostic, in rule order. */
  expected: Array<[string, number, string]>;
  before?: DatabaseSchema;
}

const LOCK = "SET lock_timeout = '5s';\n";
const USERS_BEFORE = (columns: Array<[string, string]>): DatabaseSchema => ({
  provider: 'postgresql',
  enums: [],
  tables: [
    {
      name: 'users',
      primaryKey: ['id'],
      indexes: [],
      foreignKeys: [],
      columns: columns.map(([name, type]) => ({ name, type, nullable: true, default: null })),
    },
  ],
});

const CASES: LintCase[] = [
  {
    name: 'creating a table is safe',
    provider: 'postgresql',
    sql: 'CREATE TABLE "t" ("id" INTEGER NOT NULL);\nCREATE INDEX "t_id_idx" ON "t"("id");\nCREATE UNIQUE INDEX "t_id_key" ON "t"("id");\n',
    expected: [],
  },
  {
    name: "a new table's foreign key to an existing table is safe",
    provider: 'postgresql',
    sql: 'CREATE TABLE "posts" ("id" INTEGER NOT NULL, "authorId" INTEGER NOT NULL);\nALTER TABLE "posts" ADD CONSTRAINT "posts_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;\n',
    expected: [],
  },
  {
    name: 'drop table',
    provider: 'postgresql',
    sql: '-- DropTable\nDROP TABLE "users";\n',
    expected: [
      ['drop-table', 2, 'error'],
      ['missing-lock-timeout', 2, 'warning'],
    ],
  },
  {
    name: 'drop column (postgres, two in one statement)',
    provider: 'postgresql',
    sql: 'ALTER TABLE "users" DROP COLUMN "a",\nDROP COLUMN "b";\n',
    expected: [
      ['drop-column', 1, 'error'],
      ['drop-column', 1, 'error'],
      ['missing-lock-timeout', 1, 'warning'],
    ],
  },
  { name: 'drop column (sqlite)', provider: 'sqlite', sql: 'ALTER TABLE "users" DROP COLUMN "a";\n', expected: [['drop-column', 1, 'error']] },
  {
    name: 'required column without default',
    provider: 'postgresql',
    sql: LOCK + 'ALTER TABLE "users" ADD COLUMN "age" INTEGER NOT NULL;\n',
    expected: [['add-required-column', 2, 'error']],
  },
  {
    name: 'required column with a default is safe',
    provider: 'postgresql',
    sql: LOCK + 'ALTER TABLE "users" ADD COLUMN "age" INTEGER NOT NULL DEFAULT 0,\nADD COLUMN "nick" TEXT;\n',
    expected: [],
  },
  {
    name: 'type change (old type unknown)',
    provider: 'postgresql',
    sql: 'ALTER TABLE "users" ALTER COLUMN "name" SET DATA TYPE VARCHAR(10);\n',
    expected: [
      ['change-column-type', 1, 'error'],
      ['missing-lock-timeout', 1, 'warning'],
    ],
  },
  {
    name: 'type change narrowing varchar(191) to varchar(10)',
    provider: 'postgresql',
    before: USERS_BEFORE([['name', 'character varying(191)']]),
    sql: LOCK + 'ALTER TABLE "users" ALTER COLUMN "name" SET DATA TYPE VARCHAR(10);\n',
    expected: [['change-column-type', 2, 'error']],
  },
  {
    name: 'type change int to bigint rewrites',
    provider: 'postgresql',
    before: USERS_BEFORE([['n', 'integer']]),
    sql: LOCK + 'ALTER TABLE "users" ALTER COLUMN "n" SET DATA TYPE BIGINT;\n',
    expected: [['change-column-type', 2, 'error']],
  },
  {
    name: 'type changes that do not rewrite: varchar widened, varchar to text, numeric precision, timestamp precision',
    provider: 'postgresql',
    before: USERS_BEFORE([
      ['a', 'character varying(10)'],
      ['b', 'character varying(10)'],
      ['c', 'numeric(10,2)'],
      ['d', 'timestamp(3) without time zone'],
    ]),
    sql:
      LOCK +
      'ALTER TABLE "users" ALTER COLUMN "a" SET DATA TYPE VARCHAR(200),\nALTER COLUMN "b" SET DATA TYPE TEXT,\nALTER COLUMN "c" SET DATA TYPE DECIMAL(20,2),\nALTER COLUMN "d" SET DATA TYPE TIMESTAMP(6);\n',
    expected: [],
  },
  {
    name: 'numeric scale change rewrites',
    provider: 'postgresql',
    before: USERS_BEFORE([['c', 'numeric(10,2)']]),
    sql: LOCK + 'ALTER TABLE "users" ALTER COLUMN "c" SET DATA TYPE DECIMAL(20,4);\n',
    expected: [['change-column-type', 2, 'error']],
  },
  {
    name: 'unique index on an existing table',
    provider: 'postgresql',
    sql: '\n\nCREATE UNIQUE INDEX "users_email_key" ON "users"("email");\n',
    expected: [
      ['add-unique-constraint', 3, 'warning'],
      ['index-locks-writes', 3, 'warning'],
      ['missing-lock-timeout', 3, 'warning'],
    ],
  },
  {
    name: 'unique index on an existing SQLite table (no lock rule on SQLite)',
    provider: 'sqlite',
    sql: 'CREATE UNIQUE INDEX "users_email_key" ON "users"("email");\n',
    expected: [['add-unique-constraint', 1, 'warning']],
  },
  {
    name: 'plain index on an existing table',
    provider: 'postgresql',
    sql: LOCK + 'CREATE INDEX "users_name_idx" ON "users"("name");\n',
    expected: [['index-locks-writes', 2, 'warning']],
  },
  { name: 'index built concurrently', provider: 'postgresql', sql: 'CREATE INDEX CONCURRENTLY "users_name_idx" ON "users"("name");\n', expected: [] },
  {
    name: 'lock_timeout set after the first lock is too late',
    provider: 'postgresql',
    sql: 'ALTER TABLE "users" ADD COLUMN "nick" TEXT;\n' + LOCK,
    expected: [['missing-lock-timeout', 1, 'warning']],
  },
  {
    name: 'SET LOCAL lock_timeout counts',
    provider: 'postgresql',
    sql: 'SET LOCAL lock_timeout TO \'2s\';\nALTER TABLE "users" ADD COLUMN "nick" TEXT;\nDROP INDEX "users_nick_idx";\n',
    expected: [],
  },
  { name: 'drop index locks its table', provider: 'postgresql', sql: 'DROP INDEX "users_nick_idx";\n', expected: [['missing-lock-timeout', 1, 'warning']] },
  {
    name: 'data statements take no lock that blocks writes',
    provider: 'postgresql',
    sql: `UPDATE "users" SET "nick" = 'x' WHERE "nick" IS NULL;\n`,
    expected: [],
  },
  {
    name: 'foreign key on an existing table without NOT VALID',
    provider: 'postgresql',
    sql:
      LOCK +
      'ALTER TABLE "posts" ADD COLUMN "editorId" INTEGER;\nALTER TABLE "posts" ADD CONSTRAINT "posts_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;\n',
    expected: [['constraint-missing-not-valid', 3, 'warning']],
  },
  {
    name: 'foreign key NOT VALID, then VALIDATE',
    provider: 'postgresql',
    sql:
      LOCK +
      'ALTER TABLE "posts" ADD CONSTRAINT "posts_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "users"("id") NOT VALID;\nALTER TABLE "posts" VALIDATE CONSTRAINT "posts_editorId_fkey";\n',
    expected: [],
  },
  {
    name: 'check constraint without NOT VALID',
    provider: 'postgresql',
    sql: LOCK + 'ALTER TABLE "users" ADD CONSTRAINT "age_positive" CHECK ("age" > 0);\n',
    expected: [['constraint-missing-not-valid', 2, 'warning']],
  },
  {
    name: 'volatile default rewrites the table',
    provider: 'postgresql',
    sql: LOCK + 'ALTER TABLE "users" ADD COLUMN "token" UUID NOT NULL DEFAULT gen_random_uuid();\n',
    expected: [['add-column-rewrites', 2, 'warning']],
  },
  {
    name: 'serial column rewrites the table (and is not a required column without default)',
    provider: 'postgresql',
    sql: LOCK + 'ALTER TABLE "users" ADD COLUMN "n" SERIAL NOT NULL;\n',
    expected: [['add-column-rewrites', 2, 'warning']],
  },
  {
    name: 'stable and constant defaults do not rewrite',
    provider: 'postgresql',
    sql: LOCK + `ALTER TABLE "users" ADD COLUMN "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\nADD COLUMN "kind" TEXT NOT NULL DEFAULT 'random()';\n`,
    expected: [],
  },
  {
    name: 'optional column made required',
    provider: 'postgresql',
    sql: LOCK + 'ALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL;\n',
    expected: [['set-not-null', 2, 'warning']],
  },
  {
    name: 'enum value used in the migration that adds it',
    provider: 'postgresql',
    sql: LOCK + `ALTER TYPE "Role" ADD VALUE 'OWNER';\nALTER TABLE "users" ALTER COLUMN "role" SET DEFAULT 'OWNER';\n`,
    expected: [['enum-value-used-in-transaction', 3, 'error']],
  },
  { name: 'enum value added alone is safe', provider: 'postgresql', sql: `ALTER TYPE "Role" ADD VALUE 'OWNER';\n`, expected: [] },
  {
    name: 'acknowledged codes become info',
    provider: 'postgresql',
    sql: '-- steward-ack: drop-table, missing-lock-timeout\nDROP TABLE "users";\n',
    expected: [
      ['drop-table', 2, 'info'],
      ['missing-lock-timeout', 2, 'info'],
    ],
  },
  {
    name: 'a semicolon inside a string does not split a statement',
    provider: 'postgresql',
    sql: LOCK + `ALTER TABLE "users" ADD COLUMN "s" TEXT NOT NULL DEFAULT 'a;b';\nDROP TABLE "x";\n`,
    expected: [['drop-table', 3, 'error']],
  },
];

for (const lintCase of CASES) {
  test(`lint: ${lintCase.name}`, () => {
    const diagnostics = lintMigration({ env: 'e', provider: lintCase.provider, script: lintCase.sql, file: 'm.sql', migration: 'm', before: lintCase.before });
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.location?.line, d.severity]),
      lintCase.expected,
    );
  });
}

test('every rule has a reason and a safer recipe, and codes are unique', () => {
  const codes = MIGRATION_RULES.map((rule) => rule.code);
  assert.equal(new Set(codes).size, codes.length);
  for (const rule of MIGRATION_RULES) assert.ok(rule.reason.length > 20 && rule.recipe.length > 20, rule.code);
});

const SQLITE = (body: string) => `datasource db {\n  provider = "sqlite"\n}\n\n${body}`;
const POSTGRES = (body: string) => `datasource db {\n  provider = "postgresql"\n}\n\n${body}`;

test("Prisma's own SQLite rebuild for a new required column: table rebuild plus required column", async () => {
  const engine = await SchemaEngineSession.open(mockMigrationAwareAdapterFactory('sqlite'));
  try {
    const from = SQLITE('model User {\n  id   Int    @id\n  name String?\n}\n');
    const to = SQLITE('model User {\n  id   Int    @id\n  name String\n  age  Int\n}\n');
    const sql = await engine.diffScript(diffTarget.schema({ path: 'a', content: from }), diffTarget.schema({ path: 'b', content: to }));
    const codes = lintMigration({ env: 'dev', provider: 'sqlite', script: sql, file: 'm.sql', migration: 'm' }).map((d) => d.code);
    assert.deepEqual(codes, ['add-required-column', 'sqlite-table-rebuild'], sql);
  } finally {
    await engine.dispose();
  }
});

test("Prisma's own PostgreSQL enum value removal is remove-enum-value, naming the value", async () => {
  const database = await PgliteConnection.scratch();
  const engine = await SchemaEngineSession.open(database.adapterFactory());
  try {
    const from = POSTGRES('enum Role {\n  A\n  B\n  C\n}\n\nmodel User {\n  id   Int  @id\n  role Role\n}\n');
    const to = POSTGRES('enum Role {\n  A\n  B\n}\n\nmodel User {\n  id   Int  @id\n  role Role\n}\n');
    const sql = await engine.diffScript(diffTarget.schema({ path: 'a', content: from }), diffTarget.schema({ path: 'b', content: to }));
    const before: DatabaseSchema = { provider: 'postgresql', tables: [], enums: [{ name: 'Role', values: ['A', 'B', 'C'] }] };
    const diagnostics = lintMigration({ env: 'production', provider: 'postgresql', script: sql, file: 'm.sql', migration: 'm', before });
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['remove-enum-value', 'missing-lock-timeout'],
      sql,
    );
    assert.match(diagnostics[0].message, /removes value 'C' from enum "Role"/);
  } finally {
    await engine.dispose();
    await database.close();
  }
});
