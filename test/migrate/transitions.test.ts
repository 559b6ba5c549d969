import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { loadConfig } from '../../src/config/load.js';
import type { DatabaseSchema } from '../../src/database/model.js';
import { isStewardError } from '../../src/errors/index.js';
import { parseSchema } from '../../src/schema/parse.js';
import { masterTransitions, transitionPhase } from '../../src/migrate/transitions/transitions.js';
import { oldShapeUsages } from '../../src/migrate/transitions/usage-gate.js';
import { tempProject } from '../helpers/project.js';

const MASTER = `datasource db {
  provider = "postgresql"
}

model User {
  id          Int    @id
  /// @steward.transition(from: "name")
  displayName String @map("display_name")
  /// @steward.transition(backfill: "lower(\\"email\\")")
  handle      String?
  email       String

  @@map("users")
}
`;

const history = (columns: Array<[string, boolean]>): DatabaseSchema => ({
  provider: 'postgresql',
  enums: [],
  tables: [
    {
      name: 'users',
      primaryKey: ['id'],
      indexes: [],
      foreignKeys: [],
      columns: columns.map(([name, nullable]) => ({ name, type: 'text', nullable, default: null })),
    },
  ],
});

test('transitions: read from the master, phase from the history', () => {
  const [rename, backfill] = masterTransitions(parseSchema({ path: 'schema.prisma', text: MASTER }));
  assert.deepEqual(
    { ...rename, location: undefined },
    {
      kind: 'column',
      model: 'User',
      field: 'displayName',
      table: 'users',
      column: 'display_name',
      from: 'name',
      backfill: undefined,
      sqliteBackfill: undefined,
      required: true,
      location: undefined,
    },
  );
  assert.equal(backfill.backfill, 'lower("email")');
  assert.equal(backfill.required, false);
  assert.equal(
    transitionPhase(
      rename,
      history([
        ['id', false],
        ['name', false],
      ]),
    ),
    'expand',
  );
  assert.equal(
    transitionPhase(
      rename,
      history([
        ['name', false],
        ['display_name', true],
      ]),
    ),
    'contract',
  );
  assert.equal(transitionPhase(rename, history([['display_name', true]])), 'contract', 'required: NOT NULL still to come');
  assert.equal(transitionPhase(rename, history([['display_name', false]])), 'done');
  assert.equal(transitionPhase(backfill, history([['handle', true]])), 'done', 'optional: nothing to contract');
});

test('transitions: a malformed annotation is ANNOTATION_INVALID at its line', () => {
  const schema = parseSchema({ path: 'schema.prisma', text: MASTER.replace('from: "name"', 'to: "name"') });
  assert.throws(
    () => masterTransitions(schema),
    (error) => isStewardError(error) && error.code === 'ANNOTATION_INVALID' && error.location?.line === 7,
  );
});

test('usage gate: Prisma Client calls and raw SQL naming the table and the old column, in code, docs and seeds', async () => {
  const dir = tempProject({
    'steward.config.json': JSON.stringify({ master: 'prisma/schema.prisma', environments: { production: { provider: 'postgresql' } } }),
    'prisma/schema.prisma': MASTER,
    'src/a.ts': [
      "import { prisma } from './db';",
      'export const a = () => prisma.user.findMany({ where: { name: "x" } });',
      'export const b = () => prisma.$queryRaw`SELECT "name" FROM "users"`;',
      'export const c = () => prisma.$queryRaw`SELECT name FROM tags`;',
      'export const d = { name: "users" };',
      'export const e = () => prisma.user.findMany({ select: { displayName: true } });',
    ].join('\n'),
    'docs/api.md':
      "# API\n\n```sql\nSELECT id, name\nFROM users\nWHERE id = 1;\n```\n\n```ts\nconst users = await prisma.user.findMany({\n  orderBy: { name: 'asc' },\n});\n```\n",
    'prisma/seed.sql': 'INSERT INTO "users" ("id", "name", "email") VALUES (1, \'a\', \'a@x\');\n',
  });
  try {
    const config = await loadConfig({ cwd: dir });
    const [rename, backfill] = masterTransitions(parseSchema({ path: 'schema.prisma', text: MASTER }));
    const found = oldShapeUsages(config, parseSchema({ path: 'schema.prisma', text: MASTER }), rename).map((u) => `${u.file}:${u.line} ${u.how}`);
    assert.deepEqual(found, [
      'docs/api.md:4 raw-sql',
      'docs/api.md:11 prisma-client',
      'prisma/seed.sql:1 raw-sql',
      'src/a.ts:2 prisma-client',
      'src/a.ts:3 raw-sql',
    ]);
    assert.deepEqual(oldShapeUsages(config, parseSchema({ path: 'schema.prisma', text: MASTER }), backfill), [], 'a new column has no old shape');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
