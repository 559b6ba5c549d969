import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CHANGE_SEVERITIES, DIFF_CODE_LIST, DIFF_CODES, type DiffCode } from '../../src/diff/codes.js';
import { diffSchemas, type DiffEnvironment } from '../../src/diff/diff.js';
import { loadSchema } from '../../src/schema/load.js';
import { parseSchema } from '../../src/schema/parse.js';
import { fixture } from './helpers.js';

/**
 * Fixture histories: each folder under test/fixtures/diff holds two versions of a master
 * (before.prisma, after.prisma). The table lists the changes each history must produce as
 * [code, model, field?]; together they cover every code of the closed list.
 */
const HISTORIES: { name: string; environments?: DiffEnvironment[]; migrations?: boolean; expect: [DiffCode, string | undefined, string?][] }[] = [
  {
    // Expand/contract: each transition is one change, not the rename, type change or NOT NULL it brings.
    name: 'transitions',
    expect: [
      ['field-transition', 'User', 'displayName'],
      ['field-transition', 'User', 'points'],
      ['field-transition', 'User', 'bio'],
      ['field-transition', 'User', 'email'],
      ['field-transition-backfill', 'User', 'plan'],
      ['field-transition-backfill', 'User', 'nickname'],
    ],
  },
  {
    // Expand/contract retiring the old shape: a split, column drops and a table drop, one change
    // each (not field-removed, model-removed or a probable rename); the table's back-relation goes with it.
    name: 'transitions-retire',
    expect: [
      ['model-transition-drop', 'AuditLog'],
      ['field-transition-split', 'User', 'firstName'],
      ['field-transition-drop', 'User', 'legacyCode'],
      ['field-transition-drop', 'User', 'note'],
    ],
  },
  {
    name: 'blog',
    expect: [
      ['model-removed', 'Temp'],
      ['model-added', 'Audit'],
      ['model-renamed', 'NewName'],
      ['table-renamed', 'User'],
      ['table-renamed', 'NewName'],
      ['field-added-optional', 'User', 'phone'],
      ['field-added-with-default', 'User', 'plan'],
      ['field-added-required', 'User', 'country'],
      ['field-removed', 'Post', 'tagId'],
      ['field-renamed', 'User', 'heritage'],
      ['column-renamed', 'User', 'heritage'],
      ['field-type-changed', 'User', 'age'],
      ['field-list-changed', 'User', 'tags'],
      ['field-native-type-changed', 'User', 'title'],
      ['field-nullability-tightened', 'User', 'name'],
      ['field-nullability-relaxed', 'User', 'nickname'],
      ['field-default-added', 'User', 'score'],
      ['field-default-changed', 'User', 'role'],
      ['field-default-removed', 'User', 'bio'],
      ['column-renamed', 'User', 'createdAt'],
      ['field-updated-at-changed', 'User', 'updatedAt'],
      ['primary-key-added', 'Setting'],
      ['primary-key-removed', 'Flag'],
      ['primary-key-changed', 'Tag'],
      ['unique-added', 'User', 'handle'],
      ['unique-removed', 'User', 'email'],
      ['unique-added', 'Flag', 'name'],
      ['unique-removed', 'Setting', 'key'],
      ['compound-unique-added', 'Post', 'slug'],
      ['compound-unique-removed', 'Post'],
      ['index-added', 'User', 'email'],
      ['index-removed', 'User', 'name'],
      ['index-changed', 'Post', 'authorId'],
      ['index-renamed', 'Post', 'slug'],
      ['relation-added-on-new-column', 'Comment', 'author'],
      ['back-relation-added', 'User', 'comments'],
      ['relation-removed', 'Post', 'tag'],
      ['relation-removed', 'Tag', 'posts'],
      ['relation-fields-changed', 'Comment', 'post'],
      ['relation-references-changed', 'Comment', 'post'],
      ['relation-on-delete-changed', 'Post', 'author'],
      ['relation-on-update-changed', 'Post', 'author'],
      ['field-added-optional', 'Comment', 'authorId'],
    ],
  },
  {
    name: 'catalog',
    expect: [
      ['enum-added', 'Currency'],
      ['enum-removed', 'Legacy'],
      ['enum-renamed', 'Colour'],
      ['enum-type-renamed', 'Size'],
      ['enum-type-renamed', 'Colour'],
      ['enum-value-added', 'Status', 'REVIEW'],
      ['enum-value-removed', 'Status', 'HIDDEN'],
      ['enum-value-removed', 'Status', 'SECRET'],
      ['enum-value-renamed', 'Status', 'ARCHIVED'],
      ['view-added', 'TopProducts'],
      ['view-removed', 'OldStats'],
      ['view-field-added', 'ProductStats', 'median'],
      ['view-field-removed', 'ProductStats', 'average'],
      ['view-field-changed', 'ProductStats', 'total'],
    ],
  },
  {
    name: 'documents',
    expect: [
      ['composite-type-added', 'Phone'],
      ['composite-type-removed', 'Geo'],
      ['composite-field-added', 'Address', 'country'],
      ['composite-field-removed', 'Address', 'zip'],
      ['composite-field-changed', 'Address', 'city'],
    ],
  },
  {
    name: 'environments',
    environments: [
      { name: 'dev', provider: 'sqlite' },
      { name: 'production', provider: 'postgresql' },
    ],
    expect: [
      ['env-excluded', 'Event', 'payload'],
      ['env-included', 'Event', 'trace'],
      ['env-included', 'Metric'],
      ['env-override-changed', 'Event', 'kind'],
      ['env-attributes-excluded-changed', 'Event', 'code'],
      ['field-added-optional', 'Event', 'labels'],
    ],
  },
  { name: 'provider', expect: [['provider-changed', undefined]] },
  {
    name: 'renames',
    migrations: true,
    expect: [
      ['probable-model-rename', 'Writer'],
      ['probable-enum-rename', 'Feeling'],
      ['probable-enum-value-rename', 'Level', 'MEDIUM'],
      ['probable-field-rename', 'Writer', 'displayName'],
      ['probable-field-rename', 'Post', 'writerId'],
      ['probable-field-rename', 'Post', 'writer'],
      ['back-relation-added', 'Writer', 'reviewed'],
      ['relation-added', 'Post', 'reviewer'],
      ['migration-data-statement', undefined],
      ['migration-index-not-in-schema', undefined],
    ],
  },
];

function diffFixture(name: string, environments?: DiffEnvironment[], migrations = false) {
  return diffSchemas(loadSchema(fixture(name, 'before.prisma')), loadSchema(fixture(name, 'after.prisma')), {
    environments,
    migrations: migrations ? [{ name: 'migration.sql', sql: readFileSync(fixture(name, 'migration.sql'), 'utf8') }] : undefined,
  });
}

for (const h of HISTORIES) {
  test(`history ${h.name}: exactly the expected changes, each with its code's severity and reason`, () => {
    const changes = diffFixture(h.name, h.environments, h.migrations);
    const actual = changes.map((c) => [c.code, c.model, c.field].filter((x) => x !== undefined).join(' ')).sort();
    const expected = h.expect.map((e) => e.filter((x) => x !== undefined).join(' ')).sort();
    assert.deepEqual(actual, expected);
    for (const c of changes) {
      assert.equal(c.severity, DIFF_CODES[c.code].severity);
      assert.equal(c.reason, DIFF_CODES[c.code].reason);
      assert.ok(c.location && c.location.line > 0, `${c.code} has a location`);
    }
  });
}

test('the histories cover every change code and every severity', () => {
  const seen = new Set(HISTORIES.flatMap((h) => diffFixture(h.name, h.environments, h.migrations).map((c) => c.code)));
  assert.deepEqual(
    DIFF_CODE_LIST.filter((c) => !seen.has(c)),
    [],
  );
  assert.deepEqual(
    CHANGE_SEVERITIES.filter((s) => !DIFF_CODE_LIST.some((c) => seen.has(c) && DIFF_CODES[c].severity === s)),
    [],
  );
});

test('every code has a severity and a sentence of reason', () => {
  for (const code of DIFF_CODE_LIST) {
    assert.ok(CHANGE_SEVERITIES.includes(DIFF_CODES[code].severity), code);
    assert.match(DIFF_CODES[code].reason, /^[A-Z@(].*\.$/, code);
  }
});

test('a schema diffed with itself has no changes; reordering blocks and fields is no change', () => {
  const before = loadSchema(fixture('blog', 'before.prisma'));
  assert.deepEqual(diffSchemas(before, before), []);
  const text = before.files[0].text;
  const blocks = text.split(/\n(?=model |datasource |generator )/);
  const reordered = [blocks[0], ...blocks.slice(1).reverse()]
    .join('\n')
    .replace('  email     String   @unique\n  name      String?\n', '  name      String?\n  email     String   @unique\n');
  assert.notEqual(reordered, text);
  assert.deepEqual(diffSchemas(before, parse(reordered)), []);
});

test('per-environment effects: a list field added is a JSON array on SQLite only', () => {
  const change = diffFixture('environments', [
    { name: 'dev', provider: 'sqlite' },
    { name: 'production', provider: 'postgresql' },
  ]).find((c) => c.field === 'labels')!;
  assert.deepEqual(
    change.envs.map((e) => e.env),
    ['dev'],
  );
  assert.match(change.envs[0].effect, /Json/);
});

test('renamedFrom and database names pair renamed things instead of removing and adding them', () => {
  const changes = diffFixture('blog');
  assert.ok(!changes.some((c) => c.code === 'model-removed' && c.model === 'OldName'));
  assert.ok(!changes.some((c) => c.code === 'field-removed' && c.field === 'legacy'));
  const renamed = changes.find((c) => c.code === 'field-renamed')!;
  assert.equal(renamed.before, 'legacy');
  assert.equal(renamed.after, 'heritage');
});

function parse(text: string) {
  return parseSchema([{ path: 'reordered.prisma', text }]);
}
