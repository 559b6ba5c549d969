import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffSchemas } from '../../src/diff/diff.js';
import { migrationSqlChanges, splitStatements } from '../../src/diff/migration-sql.js';
import { isRebuildName, nearNames } from '../../src/diff/rename-inference.js';
import { parseSchema } from '../../src/schema/parse.js';

const parse = (text: string) =>
  parseSchema([{ path: 'schema.prisma', text: `datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n${text}` }]);
const codes = (before: string, after: string, options = {}) =>
  diffSchemas(parse(before), parse(after), options).map((c) => `${c.code} ${[c.model, c.field].filter(Boolean).join('.')}`.trim());

test('near names: shared words or a small edit distance, not a shared "id"', () => {
  assert.match(nearNames('projectOverwrites', 'workspaceOverwrites')!, /overwrites/);
  assert.match(nearNames('report', 'reports')!, /1 edit/);
  assert.equal(nearNames('projectId', 'workspaceId'), undefined);
  assert.equal(nearNames('token_type', 'password'), undefined);
});

test("Prisma's enum rebuild names (X_old, X_new) are never a rename", () => {
  assert.ok(isRebuildName('Status_old', 'Status'));
  assert.ok(isRebuildName('Status', 'Status_new'));
  assert.ok(!isRebuildName('Status', 'State'));
  assert.deepEqual(codes('enum Status_old {\n  A\n  B\n}', 'enum Status {\n  A\n  B\n}'), ['enum-removed Status_old', 'enum-added Status']);
});

const user = (fields: string) => `model User {\n  id    Int    @id\n  email String @unique\n${fields}\n}`;

test('a field of the same type in the same place is a probable rename; another type is not', () => {
  assert.deepEqual(codes(user('  phone String?\n  age Int'), user('  mobile String?\n  age Int')), ['probable-field-rename User.mobile']);
  assert.deepEqual(codes(user('  phone String?\n  age Int'), user('  mobile Int?\n  age Int')).sort(), [
    'field-added-optional User.mobile',
    'field-removed User.phone',
  ]);
  // Attributes must match too: a new default is another column.
  assert.deepEqual(codes(user('  phone String?'), user('  mobile String? @default("x")')).sort(), [
    'field-added-optional User.mobile',
    'field-removed User.phone',
  ]);
});

test('the annotation that confirms a probable rename turns it into a rename', () => {
  const changes = diffSchemas(parse(user('  phone String?')), parse(user('  mobile String?')));
  assert.equal(changes[0].renamedFrom, 'phone');
  assert.match(changes[0].message, /@steward\.renamedFrom\("phone"\) on mobile/);
  assert.deepEqual(codes(user('  phone String?'), user('  /// @steward.renamedFrom("phone")\n  mobile String?')), [
    'field-renamed User.mobile',
    'column-renamed User.mobile',
  ]);
  assert.deepEqual(codes(user('  phone String?'), user('  mobile String?'), { inferRenames: false }).sort(), [
    'field-added-optional User.mobile',
    'field-removed User.phone',
  ]);
});

test('a foreign key on a column created in the same change is safe; with a default or on an existing column it is not', () => {
  const before = 'model Team {\n  id Int @id\n}\n' + user('  teamId Int?');
  const team = (fields: string) => 'model Team {\n  id Int @id\n  users User[]\n}\n' + user(fields);
  const relation = '  team Team? @relation(fields: [teamId], references: [id])';
  assert.ok(codes('model Team {\n  id Int @id\n}\n' + user(''), team(`  teamId Int?\n${relation}`)).includes('relation-added-on-new-column User.team'));
  assert.ok(codes('model Team {\n  id Int @id\n}\n' + user(''), team(`  teamId Int? @default(1)\n${relation}`)).includes('relation-added User.team'));
  assert.ok(codes(before, team(`  teamId Int?\n${relation}`)).includes('relation-added User.team'));
});

test('severity policy: enum-value-added is dangerous by default and configurable', () => {
  const before = 'enum Role {\n  USER\n}';
  const after = 'enum Role {\n  USER\n  ADMIN\n}';
  assert.equal(diffSchemas(parse(before), parse(after))[0].severity, 'dangerous');
  assert.equal(diffSchemas(parse(before), parse(after), { severities: { 'enum-value-added': 'safe' } })[0].severity, 'safe');
});

test('migration SQL: data statements and undeclared indexes, judged by their last name', () => {
  const schema = parse('model Post {\n  id Int @id\n  slug String\n  @@index([slug])\n}');
  const sql = [
    '-- UPDATE in a comment is no statement\nCREATE FUNCTION f() RETURNS void AS $$ BEGIN UPDATE "Post" SET slug = \'x\'; END $$ LANGUAGE plpgsql;',
    'CREATE INDEX "tmp" ON "Post"("slug");',
    'ALTER INDEX "tmp" RENAME TO "Post_slug_idx";',
    'CREATE UNIQUE INDEX "Post_slug_live" ON "Post"("slug") WHERE "id" > 0;',
    'UPDATE "Post" SET "slug" = \'a;b\' WHERE "slug" IS NULL;',
  ].join('\n');
  assert.equal(splitStatements(sql).length, 5);
  const found = migrationSqlChanges([{ name: '20250101_x', sql }], schema);
  assert.deepEqual(
    found.map((f) => [f.code, f.table]),
    [
      ['migration-data-statement', 'Post'],
      ['migration-index-not-in-schema', 'Post'],
    ],
  );
  assert.match(found[1].message, /unique partial index Post_slug_live on Post.*a partial index cannot be declared/);
});

test('config: changes.severities names known codes and severities only', async () => {
  const { ConfigProblems } = await import('../../src/config/check-value.js');
  const { validateChangesConfig, resolveChangesConfig } = await import('../../src/diff/config.js');
  const p = new ConfigProblems();
  validateChangesConfig({ severities: { 'enum-value-added': 'safe', 'enum-value-addded': 'safe', 'field-removed': 'fine' } }, p, 'changes');
  assert.equal(p.problems.length, 2);
  assert.match(p.problems.join('\n'), /enum-value-addded.*unknown change code/);
  assert.match(p.problems.join('\n'), /field-removed.*expected one of breaking, dangerous, safe/);
  assert.deepEqual(resolveChangesConfig({ changes: { severities: { 'enum-value-added': 'safe' } } }).severities, { 'enum-value-added': 'safe' });
});
