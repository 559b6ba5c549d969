import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, test } from 'node:test';
import { loadConfig } from '../../src/config/load.js';
import { SqliteConnection } from '../../src/engine/sqlite-connection.js';
import { normalizeProvider } from '../../src/generate/capabilities.js';
import { baselineMigrations } from '../../src/migrate/baseline.js';
import { createMigrations } from '../../src/migrate/create-migrations.js';
import type { Schema, Value } from '../../src/schema/model.js';
import { parseSchema } from '../../src/schema/parse.js';
import { databaseName, datasourceProvider, getArgument, getAttribute } from '../../src/schema/query.js';
import { assertCorpusPresent, corpusEntries, corpusSkip } from '../helpers/corpus.js';
import { applyMigrations, exampleProject } from '../helpers/example-project.js';
import { tempProject } from '../helpers/project.js';

// Done-when (issue 21, item 5): every dev (SQLite) migration steward writes applies to a real
// SQLite file, and a row inserted without a Json or list column reads back the default the
// master means ('[]', '{}', '["NEW"]'), not '' or a syntax error.

interface MeantDefault {
  table: string;
  column: string;
  field: string;
  /** The JSON value the master's default means. */
  value: unknown;
}

/** Json and scalar-list defaults of the master, as the values they mean. */
function meantDefaults(master: Schema): MeantDefault[] {
  const out: MeantDefault[] = [];
  for (const model of master.models) {
    for (const field of model.fields) {
      if (field.type.name !== 'Json' && !field.type.list) continue;
      const attribute = getAttribute(field, 'default');
      const value = attribute ? getArgument(attribute, 'value', 0)?.value : undefined;
      if (!value) continue;
      const meant = field.type.name === 'Json' ? (value.kind === 'string' ? JSON.parse(value.value) : undefined) : listValue(value);
      if (meant === undefined) continue;
      out.push({ table: databaseName(model), column: databaseName(field), field: `${model.name}.${field.name}`, value: meant });
    }
  }
  return out;
}

function listValue(value: Value): unknown {
  if (value.kind !== 'array') return undefined;
  const items = value.items.map((item) =>
    item.kind === 'string' || item.kind === 'number' || item.kind === 'boolean' ? item.value : item.kind === 'constant' ? item.name : undefined,
  );
  return items.includes(undefined) ? undefined : items;
}

/**
 * Inserts one row into each table that has a meant default, giving a value only to required
 * columns without a default, and compares what SQLite stored with the master's meaning.
 * Returns how many defaults were read back.
 */
async function checkDefaults(database: SqliteConnection, master: Schema, label: string): Promise<number> {
  const meant = meantDefaults(master);
  await database.executeScript('PRAGMA foreign_keys = OFF;');
  const tables = [...new Set(meant.map((m) => m.table))];
  for (const table of tables) {
    const info = await database.query(`SELECT name, type, "notnull" AS required, dflt_value AS dflt, pk FROM pragma_table_info(?)`, [table]);
    assert.ok(info.length > 0, `${label}: table ${table} exists`);
    const integerKey = info.filter((c) => Number(c.pk) > 0).length === 1 && info.some((c) => Number(c.pk) > 0 && /^INTEGER$/i.test(String(c.type)));
    const needed = info.filter((c) => Number(c.required) === 1 && c.dflt === null && !(integerKey && Number(c.pk) > 0));
    const values = needed.map((c) =>
      /INT|BOOL|REAL|FLOA|DOUB|DEC|NUM|DATE/i.test(String(c.type)) ? 1 : /BLOB/i.test(String(c.type)) ? new Uint8Array([1]) : 'x',
    );
    const quoted = (name: unknown) => `"${String(name).replace(/"/g, '""')}"`;
    const sql =
      needed.length === 0
        ? `INSERT INTO ${quoted(table)} DEFAULT VALUES`
        : `INSERT INTO ${quoted(table)} (${needed.map((c) => quoted(c.name)).join(', ')}) VALUES (${needed.map(() => '?').join(', ')})`;
    await database.query(sql, values);
    const row = (await database.query(`SELECT * FROM ${quoted(table)} LIMIT 1`))[0];
    for (const m of meant.filter((d) => d.table === table)) {
      const stored = row[m.column];
      assert.equal(typeof stored, 'string', `${label}: ${m.field} stores text, got ${JSON.stringify(stored)}`);
      let parsed: unknown;
      assert.doesNotThrow(() => (parsed = JSON.parse(stored as string)), `${label}: ${m.field} stores JSON, got ${JSON.stringify(stored)}`);
      assert.deepEqual(parsed, m.value, `${label}: ${m.field}`);
    }
  }
  return meant.length;
}

async function applyToFreshFile(migrationsDir: string, dir: string): Promise<SqliteConnection> {
  const database = await SqliteConnection.open(path.join(dir, `check-${Date.now()}-${Math.random().toString(36).slice(2)}.db`));
  await applyMigrations(database, migrationsDir);
  return database;
}

test('example: the committed dev history and a fresh baseline store the defaults the master means', async () => {
  const project = await exampleProject({ keepHistory: true });
  try {
    const master = parseSchema(readFileSync(project.config.master, 'utf8'));
    const committed = await applyToFreshFile(project.env('dev').migrationsDir, project.dir);
    try {
      assert.ok((await checkDefaults(committed, master, 'committed')) >= 1);
      const row = await committed.query(`SELECT contact_channels FROM clients LIMIT 1`);
      assert.equal(row[0].contact_channels, '[]');
    } finally {
      await committed.close();
    }
    rmSync(project.env('dev').migrationsDir, { recursive: true, force: true });
    await baselineMigrations(project.config, { env: 'dev', name: 'init' });
    const fresh = await applyToFreshFile(project.env('dev').migrationsDir, project.dir);
    try {
      assert.ok((await checkDefaults(fresh, master, 'baseline')) >= 1);
    } finally {
      await fresh.close();
    }
  } finally {
    project.cleanup();
  }
});

const BEFORE = `datasource db {
  provider = "postgresql"
}

enum Stage {
  NEW
  DONE
}

model Item {
  id    Int     @id @default(autoincrement())
  name  String
  extra Json?

  @@map("items")
}
`;

// New columns on a table with rows (a table rebuild on SQLite) and an optional Json column made
// required (the rebuild's coalesce): old and new rows both get the defaults.
const AFTER = `datasource db {
  provider = "postgresql"
}

enum Stage {
  NEW
  DONE
}

model Item {
  id       Int      @id @default(autoincrement())
  name     String
  extra    Json     @default("{}")
  stages   Stage[]  @default([NEW])
  labels   String[] @default([])
  settings Json     @default("{\\"theme\\": \\"it's dark\\"}") @map("item settings")

  @@map("items")
}
`;

test('migrate create: added and tightened Json and list columns store the defaults in old and new rows', async () => {
  const dir = tempProject({
    'steward.config.json': JSON.stringify({ master: 'prisma/schema.master.prisma', environments: { dev: { provider: 'sqlite' } } }),
    'prisma/schema.master.prisma': BEFORE,
  });
  try {
    let config = await loadConfig({ cwd: dir });
    await baselineMigrations(config, { name: 'init', now: new Date(Date.UTC(2025, 0, 1)) });
    const file = path.join(dir, 'dev.db');
    const migrationsDir = config.environments[0].migrationsDir;
    const before = await SqliteConnection.open(file);
    try {
      await applyMigrations(before, migrationsDir);
      await before.query(`INSERT INTO items (name) VALUES ('old')`);
    } finally {
      await before.close();
    }
    writeFileSync(path.join(dir, 'prisma/schema.master.prisma'), AFTER);
    config = await loadConfig({ cwd: dir });
    const [migration] = await createMigrations(config, { name: 'defaults', now: new Date(Date.UTC(2025, 0, 2)) });
    assert.match(migration.script, /coalesce\("extra", '\{\}'\)/);
    const applying = await SqliteConnection.open(file);
    await applyMigrations(applying, migrationsDir).finally(() => applying.close());
    // A new connection: libsql's statement cache keeps the table's old column list.
    const database = await SqliteConnection.open(file);
    try {
      const old = (await database.query(`SELECT * FROM items WHERE name = 'old'`))[0];
      assert.deepEqual([old.extra, old.stages, old.labels, old['item settings']], ['{}', '["NEW"]', '[]', `{"theme": "it's dark"}`]);
      await database.query(`DELETE FROM items`);
      assert.equal(await checkDefaults(database, parseSchema(AFTER), 'after create'), 4);
      const again = await createMigrations(config, { name: 'again', dryRun: true });
      assert.equal(again[0].script, '', 'the corrected history diffs clean against the schema');
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('corpus: every SQL master’s dev baseline stores the defaults it means', { skip: corpusSkip() }, () => {
  const SQLITE_CONVERTIBLE = ['postgresql', 'cockroachdb', 'mysql'];
  const entries = corpusEntries()
    .map((entry) => ({ ...entry, schema: parseSchema(entry.files) }))
    .filter((entry) => SQLITE_CONVERTIBLE.includes(normalizeProvider(datasourceProvider(entry.schema)) ?? ''));
  let checked = 0;

  it('finds the corpus and its SQL masters', () => {
    assertCorpusPresent();
    assert.ok(entries.length >= 20, `only ${entries.length} found`);
  });

  for (const entry of entries) {
    it(entry.name, async () => {
      const files: Record<string, string> = {};
      for (const file of entry.files) files[path.join('prisma/master', file.path)] = file.text;
      const master = entry.files.length === 1 ? path.join('prisma/master', entry.files[0].path) : path.join('prisma/master', entry.name);
      const dir = tempProject({
        ...files,
        'steward.config.json': JSON.stringify({ master, environments: { dev: { provider: 'sqlite', migrations: 'prisma/migrations/dev' } } }),
      });
      try {
        const config = await loadConfig({ cwd: dir });
        await baselineMigrations(config, { env: 'dev', name: 'init' });
        const migrationsDir = config.environments[0].migrationsDir;
        mkdirSync(migrationsDir, { recursive: true });
        assert.equal(readdirSync(migrationsDir).filter((name) => name.endsWith('_init')).length, 1, 'a baseline was written');
        const database = await applyToFreshFile(migrationsDir, dir);
        try {
          checked += await checkDefaults(database, entry.schema, entry.name);
        } finally {
          await database.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('read back Json and list defaults from the corpus', (t) => {
    assertCorpusPresent();
    t.diagnostic(`${checked} Json and list defaults read back from ${entries.length} corpus masters`);
    assert.ok(checked >= 10, `only ${checked} defaults checked`);
  });
});
