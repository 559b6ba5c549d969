/**
 * Expand/contract transitions in `steward diff`: the marker steward writes into each phase's
 * migration (read back from the real phase SQL), the phase per environment it gives, and the
 * description of each transition kind.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SchemaChange } from '../../src/diff/codes.js';
import { diffSchemas } from '../../src/diff/diff.js';
import { transitionMarkers, transitionMarkerLine } from '../../src/diff/transition-markers.js';
import { withTransitionPhases, type TransitionHistory } from '../../src/diff/transition-phases.js';
import { migrationSqlChanges } from '../../src/diff/migration-sql.js';
import { applyUsages } from '../../src/diff/usage.js';
import { contractPreludeSql, expandSql } from '../../src/migrate/transitions/phase-sql.js';
import type { Transition } from '../../src/migrate/transitions/transitions.js';
import { parseSchema } from '../../src/schema/parse.js';

const RENAME: Transition = {
  model: 'User',
  field: 'displayName',
  table: 'users',
  column: 'display_name',
  from: 'name',
  required: true,
  location: { file: 'schema.prisma', line: 1, column: 1 },
};
const BACKFILL: Transition = { ...RENAME, field: 'plan', column: 'plan', from: undefined, backfill: `'free'; -- "quoted"` };

test('markers: the phase SQL steward writes names its transition, read back exactly', () => {
  assert.deepEqual(transitionMarkers(expandSql({ transition: RENAME, newType: 'TEXT', oldType: 'text' })), [
    { phase: 'expand', model: 'User', field: 'displayName', table: 'users', column: 'display_name', from: 'name', backfill: undefined },
  ]);
  assert.deepEqual(transitionMarkers(contractPreludeSql({ transition: BACKFILL, newType: 'TEXT' })), [
    { phase: 'contract', model: 'User', field: 'plan', table: 'users', column: 'plan', from: undefined, backfill: `'free'; -- "quoted"` },
  ]);
});

const cases: Array<{ name: string; sql: string; expect: ReturnType<typeof transitionMarkers> }> = [
  { name: 'no steward comment', sql: 'ALTER TABLE "users" ADD COLUMN "x" TEXT;', expect: [] },
  {
    name: 'readable comment of an older contract',
    sql: '-- steward expand/contract, contract: User.displayName (see docs/migrations.md#expandcontract)\nUPDATE "users" SET x = 1;',
    expect: [{ phase: 'contract', model: 'User', field: 'displayName' }],
  },
  {
    name: 'older SQLite one-step header',
    sql: `-- steward expand/contract on SQLite: one step (not zero-downtime): "users"."name" -> "display_name"; new required column "users"."plan" (backfill 'free')\n`,
    expect: [
      { phase: 'contract', table: 'users', from: 'name', column: 'display_name' },
      { phase: 'contract', table: 'users', column: 'plan', backfill: `'free'` },
    ],
  },
  {
    name: 'the JSON line wins over the readable comment beside it',
    sql: `-- steward expand/contract, expand: User.other\n${transitionMarkerLine('expand', RENAME)}\n`,
    expect: [{ phase: 'expand', model: 'User', field: 'displayName', table: 'users', column: 'display_name', from: 'name', backfill: undefined }],
  },
  { name: 'a malformed JSON line is no marker', sql: '-- steward-transition: {"phase":"later"}\n-- steward-transition: {oops', expect: [] },
];
for (const c of cases) test(`markers: ${c.name}`, () => assert.deepEqual(transitionMarkers(c.sql), c.expect));

const BEFORE = `datasource db {
  provider = "postgresql"
}

model User {
  id    Int    @id
  name  String
  score Int

  @@map("users")
}
`;
const AFTER = `datasource db {
  provider = "postgresql"
}

model User {
  id          Int    @id
  /// @steward.transition(from: "name")
  displayName String @map("display_name")
  /// @steward.transition(from: "score")
  points      BigInt
  /// @steward.transition(backfill: "'free'")
  plan        String

  @@map("users")
}
`;

function transitionChanges(): SchemaChange[] {
  return diffSchemas(parseSchema({ path: 'before.prisma', text: BEFORE }), parseSchema({ path: 'after.prisma', text: AFTER }));
}

test('diff: each transition is one dangerous change naming what changes, instead of the one-step breaking ones', () => {
  const changes = transitionChanges();
  assert.deepEqual(
    changes.map((c) => [c.code, c.severity, c.message]),
    [
      ['field-transition-backfill', 'dangerous', `field User.plan String added by expand/contract: existing rows get 'free'`],
      [
        'field-transition',
        'dangerous',
        'User.displayName replaces column name by expand/contract (column name -> display_name; field User.name -> displayName)',
      ],
      [
        'field-transition',
        'dangerous',
        'User.points replaces column score by expand/contract (column score -> points; field User.score -> points; type Int -> BigInt)',
      ],
    ],
  );
  assert.deepEqual(changes[2].transition, { from: 'score', column: 'points', fieldRenamed: true, typeChanged: true, phases: [] });
  // Without the annotation the same change is the one-step, breaking one.
  const plain = diffSchemas(
    parseSchema({ path: 'before.prisma', text: BEFORE }),
    parseSchema({ path: 'after.prisma', text: AFTER.replace(/ *\/\/\/ @steward.*\n/g, '') }),
  );
  assert.ok(plain.some((c) => c.severity === 'breaking'));
  assert.ok(!plain.some((c) => c.code.startsWith('field-transition')));
});

const script = (name: string, phase: 'expand' | 'contract', ...transitions: Transition[]) => ({
  name,
  sql: transitions.map((t) => transitionMarkerLine(phase, t)).join('\n'),
});
const POINTS: Transition = { ...RENAME, field: 'points', column: 'points', from: 'score' };
const PLAN: Transition = { ...BACKFILL, backfill: `'free'` };

const phaseCases: Array<{ name: string; histories: TransitionHistory[]; expect: string[] }> = [
  {
    name: 'nothing written yet: expand pending (SQLite: its one step comes at contract)',
    histories: [
      { env: 'production', oneStep: false, scripts: [{ name: '1_init', sql: 'CREATE TABLE "users" ();' }] },
      { env: 'dev', oneStep: true, scripts: [] },
    ],
    expect: [
      `field User.plan String added by expand/contract: existing rows get 'free'; phases: production expand pending, dev contract pending`,
      'User.displayName replaces column name by expand/contract (column name -> display_name; field User.name -> displayName); phases: production expand pending, dev contract pending',
      'User.points replaces column score by expand/contract (column score -> points; field User.score -> points; type Int -> BigInt); phases: production expand pending, dev contract pending',
    ],
  },
  {
    name: 'expand written: contract pending everywhere',
    histories: [
      { env: 'production', oneStep: false, scripts: [script('2_v2_expand', 'expand', RENAME, POINTS, PLAN)] },
      { env: 'dev', oneStep: true, scripts: [] },
    ],
    expect: [
      `field User.plan String added by expand/contract: existing rows get 'free'; phase: contract pending`,
      'User.displayName replaces column name by expand/contract (column name -> display_name; field User.name -> displayName); phase: contract pending',
      'User.points replaces column score by expand/contract (column score -> points; field User.score -> points; type Int -> BigInt); phase: contract pending',
    ],
  },
  {
    name: 'contract written for one transition only, in one history',
    histories: [
      { env: 'production', oneStep: false, scripts: [script('2_v2_expand', 'expand', RENAME, POINTS, PLAN), script('3_v2_contract', 'contract', RENAME)] },
    ],
    expect: [
      `field User.plan String added by expand/contract: existing rows get 'free'; phase: contract pending`,
      'User.displayName replaces column name by expand/contract (column name -> display_name; field User.name -> displayName); phase: done',
      'User.points replaces column score by expand/contract (column score -> points; field User.score -> points; type Int -> BigInt); phase: contract pending',
    ],
  },
];
for (const c of phaseCases) {
  test(`phases: ${c.name}`, () => {
    const changes = withTransitionPhases(transitionChanges(), c.histories);
    assert.deepEqual(
      changes.map((x) => x.message),
      c.expect,
    );
    assert.deepEqual(
      changes[1].transition?.phases.map((p) => p.env),
      c.histories.map((h) => h.env),
    );
  });
}

test('usages: code still using the old field is listed on the transition without making it breaking', () => {
  const [, rename] = applyUsages(transitionChanges(), [{ model: 'User', field: 'name', file: 'src/users.ts', line: 4, column: 40 }]);
  assert.equal(rename.severity, 'dangerous');
  assert.deepEqual(rename.usages, [{ file: 'src/users.ts', line: 4, column: 40 }]);
  assert.match(rename.reason, /still uses the old field \(src\/users\.ts:4\): switch it before contract/);
});

test("migration SQL: a transition phase's own UPDATE is the transition's, not a data statement to review", () => {
  const contract = contractPreludeSql({ transition: RENAME, newType: 'TEXT', oldType: 'text' });
  const schema = parseSchema({ path: 'after.prisma', text: AFTER });
  assert.deepEqual(migrationSqlChanges([{ name: 'contract', sql: contract }], schema), []);
  const unmarked = contract.replace(/^-- steward.*\n/gm, '');
  assert.deepEqual(
    migrationSqlChanges([{ name: 'by-hand', sql: unmarked }], schema).map((f) => f.code),
    ['migration-data-statement'],
  );
});

test('transitions: false compares the fields as a one-step migration would (what migrate create asks about)', () => {
  const changes = diffSchemas(parseSchema({ path: 'before.prisma', text: BEFORE }), parseSchema({ path: 'after.prisma', text: AFTER }), { transitions: false });
  assert.ok(!changes.some((c) => c.code.startsWith('field-transition')));
  assert.ok(changes.some((c) => c.code === 'field-added-required' && c.field === 'plan'));
  assert.ok(changes.some((c) => c.code === 'probable-field-rename' && c.field === 'displayName'));
});
