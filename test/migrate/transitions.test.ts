import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { loadConfig } from '../../src/config/load.js';
import type { DatabaseSchema } from '../../src/database/model.js';
import { isStewardError } from '../../src/errors/index.js';
import { parseSchema } from '../../src/schema/parse.js';
import { describeTransition, masterTransitions, splitColumns, syncsBack, transitionPhase } from '../../src/migrate/transitions/transitions.js';
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

const SPLIT = `datasource db {
  provider = "postgresql"
}

/// @steward.transition(drop: "legacy_code")
/// @steward.transition(drop: "status", backfill: "'active'")
model User {
  id        Int    @id
  /// @steward.transition(from: "name", backfill: "split_part(name, ' ', 1)", sqlite: "substr(name, 1, instr(name, ' ') - 1)")
  firstName String @map("first_name")
  /// @steward.transition(from: "name", backfill: "split_part(name, ' ', 2)")
  lastName  String @map("last_name")

  @@map("users")
}
`;

const table = (columns: Array<[string, boolean]>, triggers: string[] = []): DatabaseSchema => {
  const schema = history(columns);
  schema.tables[0].triggers = triggers.map((name) => ({ name, definition: '' }));
  return schema;
};

test('transitions: drops on the model, a split from one column, its old column retired implicitly', () => {
  const transitions = masterTransitions(parseSchema({ path: 'schema.prisma', text: SPLIT }));
  assert.deepEqual(
    transitions.map((t) => [t.kind, t.column, t.from, t.backfill, t.sqliteBackfill, t.implicit]),
    [
      ['column', 'first_name', 'name', "split_part(name, ' ', 1)", "substr(name, 1, instr(name, ' ') - 1)", undefined],
      ['column', 'last_name', 'name', "split_part(name, ' ', 2)", undefined, undefined],
      ['drop', 'legacy_code', undefined, undefined, undefined, undefined],
      ['drop', 'status', undefined, "'active'", undefined, undefined],
      ['drop', 'name', undefined, undefined, undefined, true],
    ],
  );
  assert.deepEqual(
    transitions.map((t) => t.location.line),
    [9, 11, 5, 6, 9],
  );
  const [first, , legacy, status, name] = transitions;
  assert.equal(syncsBack(first, transitions), false, 'a split is not cast back');
  assert.deepEqual(splitColumns(name, transitions), ['first_name', 'last_name']);
  // A NOT NULL column without default: expand drops NOT NULL; once nullable, contract; gone, done.
  assert.equal(transitionPhase(legacy, table([['legacy_code', false]])), 'expand');
  assert.equal(transitionPhase(legacy, table([['legacy_code', true]])), 'contract');
  assert.equal(transitionPhase(legacy, table([['id', false]])), 'done');
  // With a backfill: expand is the sync trigger, whatever the nullability.
  assert.equal(transitionPhase(status, table([['status', true]])), 'expand');
  assert.equal(transitionPhase(status, table([['status', false]], ['steward_syncback_users_status'])), 'contract');
  assert.equal(describeTransition(status), `drop "users"."status" (kept filled with 'active' until contract)`);
  // A single `from` with no expression stays a rename (cast back, no retirement).
  const rename = masterTransitions(parseSchema({ path: 'schema.prisma', text: MASTER }));
  assert.equal(syncsBack(rename[0], rename), true);
  assert.equal(
    rename.some((t) => t.kind === 'drop'),
    false,
  );
});

test('transitions: misplaced or malformed drop and split annotations are ANNOTATION_INVALID at their line', () => {
  const cases: Array<[string, string, number, RegExp]> = [
    ['drop on a field', SPLIT.replace('from: "name", backfill: "split_part(name, \' \', 2)"', 'drop: "name"'), 11, /goes on the model/],
    ['a model annotation without drop', SPLIT.replace('drop: "legacy_code"', 'backfill: "1"'), 5, /drop: "old_column"/],
    ['a dropped column still mapped', SPLIT.replace('drop: "legacy_code"', 'drop: "first_name"'), 5, /User\.firstName still maps to that column/],
    ['an unknown key', SPLIT.replace('drop: "legacy_code"', 'remove: "legacy_code"'), 5, /unknown key 'remove'/],
    ['sqlite without backfill', SPLIT.replace('drop: "legacy_code"', 'drop: "legacy_code", sqlite: "1"'), 5, /needs backfill/],
    ['from and drop together', SPLIT.replace('drop: "legacy_code"', 'drop: "legacy_code", from: "x"'), 5, /do not go together/],
    ['a trailing comma', SPLIT.replace('drop: "legacy_code"', 'drop: "legacy_code",'), 5, /takes from/],
  ];
  for (const [what, text, line, message] of cases)
    assert.throws(
      () => masterTransitions(parseSchema({ path: 'schema.prisma', text })),
      (error) => isStewardError(error) && error.code === 'ANNOTATION_INVALID' && error.location?.line === line && message.test(error.message),
      what,
    );
});

test('usage gate: a dropped column, through its camelCase field and raw SQL', async () => {
  const dir = tempProject({
    'steward.config.json': JSON.stringify({ master: 'prisma/schema.prisma', environments: { production: { provider: 'postgresql' } } }),
    'prisma/schema.prisma': SPLIT,
    'src/a.ts': [
      "import { prisma } from './db';",
      'export const a = () => prisma.user.create({ data: { id: 1, legacyCode: "x" } });',
      'export const b = () => prisma.$executeRaw`UPDATE "users" SET "legacy_code" = NULL`;',
      'export const c = () => prisma.user.findMany({ select: { firstName: true } });',
    ].join('\n'),
  });
  try {
    const config = await loadConfig({ cwd: dir });
    const master = parseSchema({ path: 'schema.prisma', text: SPLIT });
    const legacy = masterTransitions(master).find((t) => t.kind === 'drop' && t.column === 'legacy_code')!;
    assert.deepEqual(
      oldShapeUsages(config, master, legacy).map((u) => `${u.file}:${u.line} ${u.how}`),
      ['src/a.ts:2 prisma-client', 'src/a.ts:3 raw-sql'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('transitions: a table retired on the datasource block; its foreign keys make the expand', async () => {
  const text = `/// @steward.transition(dropTable: "audit_log")\n${MASTER}`;
  const [, , retired] = masterTransitions(parseSchema({ path: 'schema.prisma', text }));
  assert.deepEqual([retired.kind, retired.table, retired.model, retired.location.line], ['dropTable', 'audit_log', 'AuditLog', 1]);
  const withTable = (foreignKeys: DatabaseSchema['tables'][number]['foreignKeys']): DatabaseSchema => ({
    ...history([['id', false]]),
    tables: [...history([['id', false]]).tables, { name: 'audit_log', primaryKey: ['id'], indexes: [], foreignKeys, columns: [] }],
  });
  const fk = {
    name: 'audit_log_user_id_fkey',
    columns: ['user_id'],
    referencedTable: 'users',
    referencedColumns: ['id'],
    onDelete: 'RESTRICT',
    onUpdate: 'CASCADE',
  };
  assert.equal(transitionPhase(retired, withTable([fk])), 'expand');
  assert.equal(transitionPhase(retired, withTable([{ ...fk, referencedTable: 'audit_log' }])), 'contract', 'a key to itself blocks nothing');
  assert.equal(transitionPhase(retired, history([['id', false]])), 'done');
  for (const [what, bad, message] of [
    ['on a model', MASTER.replace('model User {', '/// @steward.transition(dropTable: "audit_log")\nmodel User {'), /goes on the datasource block/],
    ['a table still mapped', `/// @steward.transition(dropTable: "users")\n${MASTER}`, /model User still maps to that table/],
    ['with other keys', `/// @steward.transition(dropTable: "audit_log", backfill: "1")\n${MASTER}`, /dropTable takes nothing else/],
  ] as const)
    assert.throws(
      () => masterTransitions(parseSchema({ path: 'schema.prisma', text: bad })),
      (error) => isStewardError(error) && error.code === 'ANNOTATION_INVALID' && message.test(error.message),
      what,
    );
  const dir = tempProject({
    'steward.config.json': JSON.stringify({ master: 'prisma/schema.prisma', environments: { production: { provider: 'postgresql' } } }),
    'prisma/schema.prisma': text,
    'src/a.ts': [
      "import { prisma } from './db';",
      "export const a = () => prisma.auditLog.create({ data: { note: 'x' } });",
      'export const b = () => prisma.$executeRaw`DELETE FROM "audit_log" WHERE id = 1`;',
      'export const c = () => prisma.$queryRaw`SELECT note FROM audit_logs`;',
      'export const d = () => prisma.user.findMany();',
    ].join('\n'),
  });
  try {
    const config = await loadConfig({ cwd: dir });
    assert.deepEqual(
      oldShapeUsages(config, parseSchema({ path: 'schema.prisma', text }), retired).map((u) => `${u.file}:${u.line} ${u.how}`),
      ['src/a.ts:2 prisma-client', 'src/a.ts:3 raw-sql'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
