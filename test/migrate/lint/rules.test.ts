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

const CASES: LintCase[] = [
  { name: 'creating a table is safe', provider: 'postgresql', sql: 'CREATE TABLE "t" ("id" INTEGER NOT NULL);\nCREATE INDEX "t_id_idx" ON "t"("id");\nCREATE UNIQUE INDEX "t_id_key" ON "t"("id");\n', expected: [] },
  { name: 'drop table', provider: 'postgresql', sql: '-- DropTable\nDROP TABLE "users";\n', expected: [['drop-table', 2, 'error']] },
  { name: 'drop column (postgres, two in one statement)', provider: 'postgresql', sql: 'ALTER TABLE "users" DROP COLUMN "a",\nDROP COLUMN "b";\n', expected: [['drop-column', 1, 'error'], ['drop-column', 1, 'error']] },
  { name: 'drop column (sqlite)', provider: 'sqlite', sql: 'ALTER TABLE "users" DROP COLUMN "a";\n', expected: [['drop-column', 1, 'error']] },
  { name: 'required column without default', provider: 'postgresql', sql: 'ALTER TABLE "users" ADD COLUMN "age" INTEGER NOT NULL;\n', expected: [['add-required-column', 1, 'error']] },
  { name: 'required column with a default is safe', provider: 'postgresql', sql: 'ALTER TABLE "users" ADD COLUMN "age" INTEGER NOT NULL DEFAULT 0,\nADD COLUMN "nick" TEXT;\n', expected: [] },
  { name: 'type change', provider: 'postgresql', sql: 'ALTER TABLE "users" ALTER COLUMN "name" SET DATA TYPE VARCHAR(10);\n', expected: [['change-column-type', 1, 'error']] },
  { name: 'unique index on an existing table', provider: 'postgresql', sql: '\n\nCREATE UNIQUE INDEX "users_email_key" ON "users"("email");\n', expected: [['add-unique-constraint', 3, 'warning'], ['index-locks-writes', 3, 'warning']] },
  { name: 'unique index on an existing SQLite table (no lock rule on SQLite)', provider: 'sqlite', sql: 'CREATE UNIQUE INDEX "users_email_key" ON "users"("email");\n', expected: [['add-unique-constraint', 1, 'warning']] },
  { name: 'plain index on an existing table', provider: 'postgresql', sql: 'CREATE INDEX "users_name_idx" ON "users"("name");\n', expected: [['index-locks-writes', 1, 'warning']] },
  { name: 'acknowledged codes become info', provider: 'postgresql', sql: '-- steward-ack: drop-table\nDROP TABLE "users";\n', expected: [['drop-table', 2, 'info']] },
  { name: 'a semicolon inside a string does not split a statement', provider: 'postgresql', sql: `ALTER TABLE "users" ADD COLUMN "s" TEXT NOT NULL DEFAULT 'a;b';\nDROP TABLE "x";\n`, expected: [['drop-table', 2, 'error']] },
];

for (const lintCase of CASES) {
  test(`lint: ${lintCase.name}`, () => {
    const diagnostics = lintMigration({ env: 'e', provider: lintCase.provider, script: lintCase.sql, file: 'm.sql', migration: 'm', before: lintCase.before });
    assert.deepEqual(diagnostics.map((d) => [d.code, d.location?.line, d.severity]), lintCase.expected);
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
    assert.deepEqual(diagnostics.map((d) => d.code), ['remove-enum-value'], sql);
    assert.match(diagnostics[0].message, /removes value 'C' from enum "Role"/);
  } finally {
    await engine.dispose();
    await database.close();
  }
});
