import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  extensionNames,
  extensionsImpliedBySchema,
  extensionsInScript,
  extensionsInSchema,
  isPgliteExtension,
  missingPgliteExtensions,
  pgliteExtensions,
} from '../../src/engine/pglite-extensions.js';
import { parseSchema } from '../../src/schema/parse.js';

const names = (script: string) => extensionsInScript(script, 'm').map((request) => request.name);

test('CREATE EXTENSION in a migration script: bare, quoted, IF NOT EXISTS, WITH SCHEMA, VERSION, CASCADE', () => {
  const cases: [string, string[]][] = [
    ['CREATE EXTENSION citext;', ['citext']],
    ['create extension if not exists "uuid-ossp";', ['uuid-ossp']],
    ['CREATE EXTENSION IF NOT EXISTS "pgcrypto" WITH SCHEMA public;', ['pgcrypto']],
    ['CREATE EXTENSION pg_trgm SCHEMA extensions VERSION "1.6";', ['pg_trgm']],
    ['CREATE EXTENSION IF NOT EXISTS earthdistance CASCADE;', ['earthdistance']],
    // A bare name folds to lower case, a quoted one keeps its case (as PostgreSQL does).
    ['CREATE EXTENSION PG_TRGM;', ['pg_trgm']],
    ['CREATE EXTENSION "Weird""Name";', ['Weird"Name']],
    ['CREATE\n  EXTENSION\n  IF NOT EXISTS\n  vector;', ['vector']],
    ['-- Create Extension\nCREATE EXTENSION IF NOT EXISTS pg_trgm;\nCREATE TABLE "t" ("id" int);', ['pg_trgm']],
    ['CREATE TABLE a (id int); CREATE EXTENSION hstore; CREATE EXTENSION ltree;', ['hstore', 'ltree']],
  ];
  for (const [script, expected] of cases) assert.deepEqual(names(script), expected, script);
});

test('comments and string literals that mention CREATE EXTENSION do not count', () => {
  const cases = [
    '-- CREATE EXTENSION postgis;\nCREATE TABLE t (id int);',
    '/* CREATE EXTENSION postgis; */ CREATE TABLE t (id int);',
    "COMMENT ON TABLE t IS 'run CREATE EXTENSION postgis first';",
    "INSERT INTO notes VALUES ('CREATE EXTENSION postgis');",
    'DROP EXTENSION IF EXISTS postgis;',
    'ALTER EXTENSION vector UPDATE;',
  ];
  for (const script of cases) assert.deepEqual(names(script), [], script);
});

test('a request remembers its migration and line', () => {
  const [request] = extensionsInScript('-- header\n\nCREATE EXTENSION IF NOT EXISTS "citext";\n', '20240101_init');
  assert.deepEqual(request, { name: 'citext', origin: { migration: '20240101_init', line: 3 } });
});

test("the datasource's extensions: identifiers, map: names, schema and version arguments", () => {
  const schema = parseSchema([
    {
      path: 'schema.prisma',
      text: `datasource db {
  provider   = "postgresql"
  extensions = [citext, uuidOssp(map: "uuid-ossp"), pgvector(map: "vector", schema: "extensions"), pg_trgm(version: "1.6")]
}
`,
    },
  ]);
  const requests = extensionsInSchema(schema);
  assert.deepEqual(
    requests.map((r) => r.name),
    ['citext', 'uuid-ossp', 'vector', 'pg_trgm'],
  );
  assert.deepEqual(requests[0].origin, { schemaFile: 'schema.prisma', line: 3 });
  assert.deepEqual(extensionsInSchema(parseSchema([{ path: 's.prisma', text: 'datasource db {\n  provider = "postgresql"\n}\n' }])), []);
});

test('extensions a schema uses without declaring them: @db.Citext, Unsupported("vector"), dbgenerated, trigram ops', () => {
  const schema = parseSchema([
    {
      path: 'schema.prisma',
      text: `datasource db {
  provider = "postgresql"
}

model User {
  id        String                      @id @default(dbgenerated("uuid_generate_v4()")) @db.Uuid
  email     String                      @db.Citext
  embedding Unsupported("vector(1536)")?
  name      String

  @@index([name(ops: raw("gin_trgm_ops"))], type: Gin)
}
`,
    },
  ]);
  assert.deepEqual(extensionNames(extensionsImpliedBySchema(schema)), ['citext', 'pg_trgm', 'uuid-ossp', 'vector']);
});

test('PGlite has the common extensions; the rest are reported once each', () => {
  for (const name of ['citext', 'uuid-ossp', 'pg_trgm', 'btree_gin', 'btree_gist', 'pgcrypto', 'hstore', 'ltree', 'vector', 'plpgsql'])
    assert.ok(isPgliteExtension(name), name);
  const missing = missingPgliteExtensions([
    { name: 'postgis', origin: { migration: 'a', line: 1 } },
    { name: 'citext', origin: { migration: 'a', line: 2 } },
    { name: 'postgis', origin: { migration: 'b', line: 1 } },
    { name: 'pg_stat_statements', origin: { migration: 'b', line: 4 } },
  ]);
  assert.deepEqual(
    missing.map((r) => [r.name, r.origin]),
    [
      ['postgis', { migration: 'a', line: 1 }],
      ['pg_stat_statements', { migration: 'b', line: 4 }],
    ],
  );
});

test('only the extensions asked for are imported, with what CASCADE needs', async () => {
  assert.deepEqual(Object.keys(await pgliteExtensions([])), []);
  assert.deepEqual(Object.keys(await pgliteExtensions(['uuid-ossp', 'postgis', 'plpgsql'])), ['uuid-ossp']);
  assert.deepEqual(Object.keys(await pgliteExtensions(['earthdistance'])).sort(), ['cube', 'earthdistance']);
  const loaded = await pgliteExtensions(['uuid-ossp']);
  assert.equal(loaded['uuid-ossp'].name, 'uuid-ossp');
});
