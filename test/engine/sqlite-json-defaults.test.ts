import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonColumnDefaults, quoteSqliteJsonDefaults } from '../../src/engine/sqlite-json-defaults.js';

const SCHEMA = `datasource db {
  provider = "sqlite"
}

model Client {
  id       Int  @id
  channels Json @default("[]") @map("contact_channels")
  settings Json @default("{\\"a\\": \\"it's\\"}")
  plain    Json
  tags     String @default("[]")

  @@map("clients")
}

model new_clients {
  id       Int  @id
  channels Json @default("{}") @map("contact_channels")
}
`;

test('jsonColumnDefaults: table and column by their database names, the JSON text unescaped', () => {
  assert.deepEqual(jsonColumnDefaults([{ path: 's.prisma', content: SCHEMA }]), [
    { table: 'clients', column: 'contact_channels', json: '[]' },
    { table: 'clients', column: 'settings', json: `{"a": "it's"}` },
    { table: 'new_clients', column: 'contact_channels', json: '{}' },
  ]);
});

const defaults = jsonColumnDefaults([{ path: 's.prisma', content: SCHEMA }]);

// Each case: the engine's script, and the script steward writes.
const cases: Array<{ name: string; script: string; expected: string }> = [
  {
    name: 'CREATE TABLE: the JSON default becomes a literal, a String default of the same text is untouched',
    script: `CREATE TABLE "clients" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "contact_channels" JSONB NOT NULL DEFAULT [],
    "settings" JSONB NOT NULL DEFAULT {"a": "it's"},
    "plain" JSONB NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '[]'
);
`,
    expected: `CREATE TABLE "clients" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "contact_channels" JSONB NOT NULL DEFAULT '[]',
    "settings" JSONB NOT NULL DEFAULT '{"a": "it''s"}',
    "plain" JSONB NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '[]'
);
`,
  },
  {
    name: 'a table rebuild: new_<table> and its coalesce; the real table new_clients keeps its own default',
    script: `CREATE TABLE "new_clients" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "contact_channels" JSONB NOT NULL DEFAULT {}
);
CREATE TABLE "new_clients" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "settings" JSONB NOT NULL DEFAULT {"a": "it's"}
);
INSERT INTO "new_clients" ("id", "settings") SELECT "id", coalesce("settings", {"a": "it's"}) AS "settings" FROM "clients";
DROP TABLE "clients";
`,
    expected: `CREATE TABLE "new_clients" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "contact_channels" JSONB NOT NULL DEFAULT '{}'
);
CREATE TABLE "new_clients" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "settings" JSONB NOT NULL DEFAULT '{"a": "it''s"}'
);
INSERT INTO "new_clients" ("id", "settings") SELECT "id", coalesce("settings", '{"a": "it''s"}') AS "settings" FROM "clients";
DROP TABLE "clients";
`,
  },
  {
    name: 'ALTER TABLE ... ADD COLUMN',
    script: `ALTER TABLE "clients" ADD COLUMN "contact_channels" JSONB NOT NULL DEFAULT [];\n`,
    expected: `ALTER TABLE "clients" ADD COLUMN "contact_channels" JSONB NOT NULL DEFAULT '[]';\n`,
  },
  {
    name: 'already quoted (a fixed engine): unchanged',
    script: `CREATE TABLE "clients" (\n    "contact_channels" JSONB NOT NULL DEFAULT '[]'\n);\n`,
    expected: `CREATE TABLE "clients" (\n    "contact_channels" JSONB NOT NULL DEFAULT '[]'\n);\n`,
  },
  {
    name: 'another table with the same column name: unchanged',
    script: `CREATE TABLE "other" (\n    "contact_channels" JSONB NOT NULL DEFAULT []\n);\n`,
    expected: `CREATE TABLE "other" (\n    "contact_channels" JSONB NOT NULL DEFAULT []\n);\n`,
  },
];

for (const { name, script, expected } of cases) {
  test(`quoteSqliteJsonDefaults: ${name}`, () => {
    assert.equal(quoteSqliteJsonDefaults(script, defaults), expected);
    assert.equal(quoteSqliteJsonDefaults(expected, defaults), expected, 'idempotent');
  });
}

test('quoteSqliteJsonDefaults: the rebuild of clients quotes its coalesce', () => {
  const only = defaults.filter((d) => d.table === 'clients');
  const script = `INSERT INTO "new_clients" ("id", "settings") SELECT "id", coalesce("settings", {"a": "it's"}) AS "settings" FROM "clients";\nDROP TABLE "clients";\n`;
  assert.equal(
    quoteSqliteJsonDefaults(script, only),
    `INSERT INTO "new_clients" ("id", "settings") SELECT "id", coalesce("settings", '{"a": "it''s"}') AS "settings" FROM "clients";\nDROP TABLE "clients";\n`,
  );
});
