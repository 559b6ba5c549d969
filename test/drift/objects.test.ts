/**
 * Drift per object kind. Two databases are built from the same SQL (the structure the schema
 * says); one is then changed by hand. Drift must report exactly one finding, carrying the SQL
 * that fixes it; running that SQL must make drift clean again. PostgreSQL runs on PGlite,
 * SQLite on a temporary file.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DatabaseSchema } from '../../src/database/model.js';
import { readDatabaseSchema } from '../../src/database/read-schema.js';
import { compareSchemas } from '../../src/catalog/compare.js';
import { driftMessage } from '../../src/drift/message.js';
import { normaliseViewDefinition } from '../../src/catalog/normalize.js';
import type { DatabaseConnection } from '../../src/engine/connection.js';
import { PgliteConnection } from '../../src/engine/pglite-connection.js';
import { SqliteConnection } from '../../src/engine/sqlite-connection.js';
import { PostgresConnection } from '../../src/engine/postgres-connection.js';
import { startPostgresServer } from '../helpers/postgres-server.js';

const POSTGRES_BASE = `
CREATE TYPE "Mood" AS ENUM ('HAPPY', 'SAD', 'ANGRY');
CREATE TABLE "items" (
  "id" SERIAL NOT NULL,
  "title" TEXT NOT NULL,
  "email" TEXT NOT NULL,
  "qty" INTEGER NOT NULL DEFAULT 0,
  "tags" TEXT[] DEFAULT '{}'::text[],
  "mood" "Mood" NOT NULL DEFAULT 'HAPPY',
  "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deleted" TIMESTAMP(3),
  "during" TSRANGE,
  "owner" TEXT NOT NULL DEFAULT 'nobody',
  CONSTRAINT "items_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "items_qty_check" CHECK (qty >= 0),
  CONSTRAINT "items_no_overlap" EXCLUDE USING gist ("during" WITH &&)
);
CREATE INDEX "items_title_idx" ON "items" ("title");
CREATE UNIQUE INDEX "items_email_live_key" ON "items" ("email") WHERE "deleted" IS NULL;
CREATE INDEX "items_lower_email_idx" ON "items" (lower("email"));
CREATE INDEX "items_email_pattern_idx" ON "items" ("email" text_pattern_ops);
CREATE INDEX "items_created_idx" ON "items" ("created" DESC NULLS LAST);
CREATE INDEX "items_owner_idx" ON "items" ("owner") INCLUDE ("title");
CREATE VIEW "live_items" AS SELECT id, title FROM items WHERE deleted IS NULL;
CREATE MATERIALIZED VIEW "item_counts" AS SELECT owner, count(*) AS n FROM items GROUP BY owner;
CREATE FUNCTION touch_created() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.created := now(); RETURN NEW; END $$;
CREATE TRIGGER "items_touch" BEFORE INSERT ON "items" FOR EACH ROW EXECUTE FUNCTION touch_created();
ALTER TABLE "items" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "items_owner" ON "items" FOR SELECT TO PUBLIC USING (owner = current_user);
CREATE SEQUENCE "ticket_seq" INCREMENT BY 1 START WITH 100;
`;

interface Case {
  name: string;
  change: string;
  code: string;
  /** A fragment the message must show (the whole object, e.g. a predicate). */
  shows?: RegExp;
  /** The master edit that adopts the database's version, where Prisma can say it. */
  adopt?: RegExp;
}

const POSTGRES_CASES: Case[] = [
  {
    name: 'index method',
    change: `DROP INDEX "items_title_idx"; CREATE INDEX "items_title_idx" ON "items" USING hash ("title")`,
    code: 'index-definition',
    shows: /USING hash \(title\)/,
  },
  {
    name: 'index predicate',
    change: `DROP INDEX "items_email_live_key"; CREATE UNIQUE INDEX "items_email_live_key" ON "items" ("email") WHERE "deleted" IS NOT NULL`,
    code: 'index-definition',
    shows: /WHERE deleted IS NOT NULL/,
  },
  { name: 'partial index dropped', change: `DROP INDEX "items_email_live_key"`, code: 'missing-unique', shows: /UNIQUE \(email\) WHERE deleted IS NULL/ },
  {
    name: 'index expression',
    change: `DROP INDEX "items_lower_email_idx"; CREATE INDEX "items_lower_email_idx" ON "items" (upper("email"))`,
    code: 'index-definition',
    shows: /upper\(email\)/,
  },
  {
    name: 'index operator class',
    change: `DROP INDEX "items_email_pattern_idx"; CREATE INDEX "items_email_pattern_idx" ON "items" ("email")`,
    code: 'index-definition',
    shows: /email text_pattern_ops/,
  },
  {
    name: 'index sort and nulls order',
    change: `DROP INDEX "items_created_idx"; CREATE INDEX "items_created_idx" ON "items" ("created")`,
    code: 'index-definition',
    shows: /created DESC NULLS LAST/,
  },
  {
    name: 'index INCLUDE columns',
    change: `DROP INDEX "items_owner_idx"; CREATE INDEX "items_owner_idx" ON "items" ("owner") INCLUDE ("email")`,
    code: 'index-definition',
    shows: /INCLUDE \(email\)/,
  },
  {
    name: 'an extra partial index',
    change: `CREATE INDEX "items_hand_idx" ON "items" ("qty") WHERE "qty" > 10`,
    code: 'extra-index',
    shows: /\(qty\) WHERE qty > 10/,
  },
  {
    name: 'CHECK body',
    change: `ALTER TABLE "items" DROP CONSTRAINT "items_qty_check"; ALTER TABLE "items" ADD CONSTRAINT "items_qty_check" CHECK (qty > 0)`,
    code: 'check-definition',
    shows: /CHECK \(qty > 0\)/,
  },
  { name: 'CHECK dropped', change: `ALTER TABLE "items" DROP CONSTRAINT "items_qty_check"`, code: 'missing-check' },
  {
    name: 'exclusion constraint',
    change: `ALTER TABLE "items" DROP CONSTRAINT "items_no_overlap"; ALTER TABLE "items" ADD CONSTRAINT "items_no_overlap" EXCLUDE USING gist ("during" WITH =)`,
    code: 'exclusion-definition',
  },
  {
    name: 'view body',
    change: `CREATE OR REPLACE VIEW "live_items" AS SELECT id, title FROM items WHERE deleted IS NOT NULL`,
    code: 'view-definition',
    shows: /deleted IS NOT NULL/,
  },
  {
    name: 'materialized view body',
    change: `DROP MATERIALIZED VIEW "item_counts"; CREATE MATERIALIZED VIEW "item_counts" AS SELECT owner, count(*) AS n FROM items WHERE qty > 0 GROUP BY owner`,
    code: 'view-definition',
    shows: /MATERIALIZED VIEW/,
  },
  { name: 'an extra view', change: `CREATE VIEW "hand_view" AS SELECT 1 AS one`, code: 'extra-view' },
  {
    name: 'function body',
    change: `CREATE OR REPLACE FUNCTION touch_created() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.created := now() - interval '1 day'; RETURN NEW; END $$`,
    code: 'function-definition',
  },
  {
    name: 'trigger',
    change: `DROP TRIGGER "items_touch" ON "items"; CREATE TRIGGER "items_touch" BEFORE INSERT OR UPDATE ON "items" FOR EACH ROW EXECUTE FUNCTION touch_created()`,
    code: 'trigger-definition',
    shows: /INSERT OR UPDATE/,
  },
  { name: 'trigger dropped', change: `DROP TRIGGER "items_touch" ON "items"`, code: 'missing-trigger' },
  { name: 'row-level security', change: `ALTER TABLE "items" DISABLE ROW LEVEL SECURITY`, code: 'row-level-security' },
  {
    name: 'policy',
    change: `DROP POLICY "items_owner" ON "items"; CREATE POLICY "items_owner" ON "items" FOR SELECT TO PUBLIC USING (owner = session_user)`,
    code: 'policy-definition',
    shows: /session_user/i,
  },
  { name: 'sequence', change: `ALTER SEQUENCE "ticket_seq" INCREMENT BY 5`, code: 'sequence-definition', shows: /INCREMENT BY 5/ },
  {
    name: 'enum value order',
    change: `ALTER TYPE "Mood" RENAME TO "Mood_old"; CREATE TYPE "Mood" AS ENUM ('SAD', 'HAPPY', 'ANGRY');
     ALTER TABLE "items" ALTER COLUMN "mood" DROP DEFAULT; ALTER TABLE "items" ALTER COLUMN "mood" TYPE "Mood" USING ("mood"::text::"Mood");
     ALTER TABLE "items" ALTER COLUMN "mood" SET DEFAULT 'HAPPY'; DROP TYPE "Mood_old"`,
    code: 'enum-value-order',
  },
  { name: 'an extra enum value', change: `ALTER TYPE "Mood" ADD VALUE 'BORED'`, code: 'extra-enum-value' },
  {
    name: 'a column default of another meaning',
    change: `ALTER TABLE "items" ALTER COLUMN "owner" SET DEFAULT 'somebody'`,
    code: 'column-default',
    adopt: /@default\("somebody"\)$/,
  },
  {
    name: 'an enum default of another value',
    change: `ALTER TABLE "items" ALTER COLUMN "mood" SET DEFAULT 'SAD'`,
    code: 'column-default',
    adopt: /@default\(SAD\)$/,
  },
  {
    name: 'an extra GIN index Prisma can declare',
    change: `CREATE INDEX "items_tags_idx" ON "items" USING gin ("tags")`,
    code: 'extra-index',
    shows: /USING gin \(tags\)/,
    adopt: /@@index\(\[tags\], type: Gin, map: "items_tags_idx"\)/,
  },
  {
    name: 'NOT NULL on a list column',
    change: `UPDATE "items" SET "tags" = '{}'; ALTER TABLE "items" ALTER COLUMN "tags" SET NOT NULL`,
    code: 'column-nullability',
  },
];

/** Same meaning, other spelling: no finding. */
const POSTGRES_EQUIVALENT = [
  { name: 'now() for CURRENT_TIMESTAMP', change: `ALTER TABLE "items" ALTER COLUMN "created" SET DEFAULT now()` },
  { name: `ARRAY[]::text[] for '{}'::text[]`, change: `ALTER TABLE "items" ALTER COLUMN "tags" SET DEFAULT ARRAY[]::text[]` },
  { name: `'0'::integer for 0`, change: `ALTER TABLE "items" ALTER COLUMN "qty" SET DEFAULT '0'::integer` },
  { name: `a cast literal for a plain one`, change: `ALTER TABLE "items" ALTER COLUMN "owner" SET DEFAULT 'nobody'::character varying` },
];

test('a one-table view reads alike from PostgreSQL 15 (columns qualified) and 16+ / PGlite (not); a join keeps its qualifiers', () => {
  assert.equal(
    normaliseViewDefinition(' SELECT items.id,\n    items.title\n   FROM items\n  WHERE items.deleted IS NULL;'),
    normaliseViewDefinition(' SELECT id,\n    title\n   FROM items\n  WHERE deleted IS NULL;'),
  );
  assert.equal(
    normaliseViewDefinition('SELECT i.owner, count(*) AS n FROM items i GROUP BY i.owner'),
    'SELECT owner, count(*) AS n FROM items i GROUP BY owner',
  );
  assert.notEqual(normaliseViewDefinition('SELECT a.id FROM a JOIN b ON a.id = b.id'), normaliseViewDefinition('SELECT b.id FROM a JOIN b ON a.id = b.id'));
  assert.notEqual(
    normaliseViewDefinition('SELECT id FROM items WHERE deleted IS NULL'),
    normaliseViewDefinition('SELECT id FROM items WHERE deleted IS NOT NULL'),
  );
});

async function exactlyOneFixed(expected: DatabaseSchema, database: DatabaseConnection, driftCase: Case): Promise<void> {
  const findings = compareSchemas(expected, await readDatabaseSchema(database));
  assert.deepEqual(
    findings.map((finding) => finding.code),
    [driftCase.code],
    JSON.stringify(findings, null, 2),
  );
  const [finding] = findings;
  if (driftCase.shows) assert.match(driftMessage(finding), driftCase.shows);
  if (driftCase.adopt) assert.match(finding.adopt ?? '', driftCase.adopt);
  assert.ok(finding.fix, 'the finding carries its remediation SQL');
  await database.executeScript(finding.fix);
  assert.deepEqual(compareSchemas(expected, await readDatabaseSchema(database)), [], `after the fix:\n${finding.fix}`);
}

describe('PostgreSQL (PGlite): each object kind', () => {
  let expected: DatabaseSchema;
  before(async () => {
    const database = await PgliteConnection.scratch();
    try {
      await database.executeScript(POSTGRES_BASE);
      expected = await readDatabaseSchema(database);
    } finally {
      await database.close();
    }
  });

  test('built as the schema says: clean, and every kind is read', async () => {
    const database = await PgliteConnection.scratch();
    try {
      await database.executeScript(POSTGRES_BASE);
      assert.deepEqual(compareSchemas(expected, await readDatabaseSchema(database)), []);
    } finally {
      await database.close();
    }
    const items = expected.tables.find((table) => table.name === 'items')!;
    assert.equal(items.indexes.length, 6);
    assert.deepEqual(items.constraints!.map((c) => c.kind).sort(), ['check', 'exclusion']);
    assert.equal(items.triggers!.length, 1);
    assert.equal(items.policies!.length, 1);
    assert.deepEqual(items.rowLevelSecurity, { enabled: true, forced: false });
    assert.deepEqual(
      expected.views!.map((view) => [view.name, view.materialized]),
      [
        ['item_counts', true],
        ['live_items', false],
      ],
    );
    assert.deepEqual(
      expected.functions!.map((fn) => fn.name),
      ['touch_created()'],
    );
    assert.deepEqual(expected.sequences!.map((s) => s.name).sort(), ['items_id_seq', 'ticket_seq']);
  });

  for (const driftCase of POSTGRES_CASES) {
    test(`${driftCase.name}: exactly one ${driftCase.code}, fixed by its SQL`, async () => {
      const database = await PgliteConnection.scratch();
      try {
        await database.executeScript(POSTGRES_BASE);
        await database.executeScript(driftCase.change);
        await exactlyOneFixed(expected, database, driftCase);
      } finally {
        await database.close();
      }
    });
  }

  test('a real PostgreSQL server (15 here) reads the same objects as PGlite does: clean; a changed predicate is found and fixed', async (t) => {
    const server = await startPostgresServer((message) => t.skip(message));
    if (!server) return;
    try {
      const url = await server.createDatabase('objects');
      await server.sql(POSTGRES_BASE, 'objects');
      const database = await PostgresConnection.open(url);
      try {
        assert.deepEqual(compareSchemas(expected, await readDatabaseSchema(database)), []);
        await database.executeScript(POSTGRES_CASES[1].change);
        await exactlyOneFixed(expected, database, POSTGRES_CASES[1]);
      } finally {
        await database.close();
      }
    } finally {
      await server.stop();
    }
  });

  for (const same of POSTGRES_EQUIVALENT) {
    test(`defaults by meaning: ${same.name} is no drift`, async () => {
      const database = await PgliteConnection.scratch();
      try {
        await database.executeScript(POSTGRES_BASE);
        await database.executeScript(same.change);
        assert.deepEqual(compareSchemas(expected, await readDatabaseSchema(database)), []);
      } finally {
        await database.close();
      }
    });
  }
});

const SQLITE_BASE = `
CREATE TABLE "items" (
  "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "email" TEXT NOT NULL,
  "qty" INTEGER NOT NULL DEFAULT 0,
  "deleted" DATETIME,
  CONSTRAINT "items_qty_check" CHECK (qty >= 0)
);
CREATE UNIQUE INDEX "items_email_live_key" ON "items"("email") WHERE "deleted" IS NULL;
CREATE INDEX "items_lower_email_idx" ON "items"(lower("email"));
CREATE VIEW "live_items" AS SELECT id, email FROM items WHERE deleted IS NULL;
CREATE TRIGGER "items_no_negative" BEFORE UPDATE ON "items" BEGIN SELECT RAISE(ABORT, 'no') WHERE NEW.qty < -100; END;
`;

const SQLITE_CASES: Case[] = [
  {
    name: 'index predicate',
    change: `DROP INDEX "items_email_live_key"; CREATE UNIQUE INDEX "items_email_live_key" ON "items"("email") WHERE "deleted" IS NOT NULL`,
    code: 'index-definition',
    shows: /WHERE "deleted" IS NOT NULL/,
  },
  {
    name: 'index expression',
    change: `DROP INDEX "items_lower_email_idx"; CREATE INDEX "items_lower_email_idx" ON "items"(upper("email"))`,
    code: 'index-definition',
    shows: /upper/,
  },
  {
    name: 'view body',
    change: `DROP VIEW "live_items"; CREATE VIEW "live_items" AS SELECT id, email FROM items WHERE deleted IS NOT NULL`,
    code: 'view-definition',
  },
  {
    name: 'trigger',
    change: `DROP TRIGGER "items_no_negative"; CREATE TRIGGER "items_no_negative" BEFORE UPDATE ON "items" BEGIN SELECT RAISE(ABORT, 'no') WHERE NEW.qty < 0; END`,
    code: 'trigger-definition',
  },
  {
    name: 'CHECK body (fixed by a table rebuild)',
    change: `CREATE TABLE "x" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "email" TEXT NOT NULL, "qty" INTEGER NOT NULL DEFAULT 0, "deleted" DATETIME, CONSTRAINT "items_qty_check" CHECK (qty > 0));
             INSERT INTO "x" SELECT * FROM "items"; DROP VIEW "live_items"; DROP TABLE "items"; ALTER TABLE "x" RENAME TO "items";
             CREATE UNIQUE INDEX "items_email_live_key" ON "items"("email") WHERE "deleted" IS NULL;
             CREATE INDEX "items_lower_email_idx" ON "items"(lower("email"));
             CREATE VIEW "live_items" AS SELECT id, email FROM items WHERE deleted IS NULL;
             CREATE TRIGGER "items_no_negative" BEFORE UPDATE ON "items" BEGIN SELECT RAISE(ABORT, 'no') WHERE NEW.qty < -100; END;`,
    code: 'check-definition',
    shows: /CHECK \(qty > 0\)/,
  },
];

describe('SQLite: each object kind it has', () => {
  let dir: string;
  let expected: DatabaseSchema;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'steward-drift-objects-'));
    const database = await SqliteConnection.open(path.join(dir, 'expected.db'));
    try {
      await database.executeScript(SQLITE_BASE);
      expected = await readDatabaseSchema(database);
    } finally {
      await database.close();
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('built as the schema says: clean', async () => {
    const database = await SqliteConnection.open(path.join(dir, 'clean.db'));
    try {
      await database.executeScript(SQLITE_BASE);
      assert.deepEqual(compareSchemas(expected, await readDatabaseSchema(database)), []);
    } finally {
      await database.close();
    }
    const items = expected.tables[0];
    assert.equal(items.indexes.find((index) => index.name === 'items_email_live_key')!.where, '"deleted" IS NULL');
    assert.deepEqual(items.constraints, [{ name: 'items_qty_check', kind: 'check', definition: 'CHECK (qty >= 0)' }]);
  });

  for (const [i, driftCase] of SQLITE_CASES.entries()) {
    test(`${driftCase.name}: exactly one ${driftCase.code}, fixed by its SQL`, async () => {
      const database = await SqliteConnection.open(path.join(dir, `case-${i}.db`));
      try {
        await database.executeScript(SQLITE_BASE);
        await database.executeScript(driftCase.change);
        await exactlyOneFixed(expected, database, driftCase);
      } finally {
        await database.close();
      }
    });
  }
});

test('an extension the schema wants is missing only when installed nowhere; one in the schema the schema does not want is extra', () => {
  const base = { provider: 'postgresql' as const, tables: [], enums: [] };
  const wants = { ...base, extensions: ['citext'], installedExtensions: ['citext', 'plpgsql'] };
  assert.deepEqual(compareSchemas(wants, { ...base, extensions: [], installedExtensions: ['plpgsql', 'citext'] }), []);
  assert.deepEqual(
    compareSchemas(wants, { ...base, extensions: [], installedExtensions: ['plpgsql'] }).map((f) => [f.code, f.fix]),
    [['missing-extension', 'CREATE EXTENSION IF NOT EXISTS "citext";']],
  );
  assert.deepEqual(
    compareSchemas(wants, { ...base, extensions: ['citext', 'pgcrypto'], installedExtensions: ['citext', 'pgcrypto'] }).map((f) => f.code),
    ['extra-extension'],
  );
});
