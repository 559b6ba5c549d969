/**
 * Expand/contract transitions in `steward diff`: the marker steward writes into each phase's
 * migration (read back from the real phase SQL), the phase per environment it gives, and the
 * description of each transition kind.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { SchemaChange } from '../../src/diff/codes.js';
import { diffSchemas } from '../../src/diff/diff.js';
import { transitionMarkers, transitionMarkerLine } from '../../src/diff/transition-markers.js';
import { withTransitionPhases, type TransitionHistory } from '../../src/diff/transition-phases.js';
import { migrationSqlChanges } from '../../src/diff/migration-sql.js';
import { applyUsages } from '../../src/diff/usage.js';
import { contractPreludeSql, expandDropSql, expandDropTableSql, expandSql } from '../../src/migrate/transitions/phase-sql.js';
import { masterTransitions, type Transition } from '../../src/migrate/transitions/transitions.js';
import { parseSchema } from '../../src/schema/parse.js';
import { pgMaster, usersModel } from '../helpers/transitions.js';
import { fixture } from './helpers.js';

const RENAME: Transition = {
  kind: 'column',
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
    { phase: 'expand', kind: 'column', model: 'User', field: 'displayName', table: 'users', column: 'display_name', from: 'name' },
  ]);
  assert.deepEqual(transitionMarkers(contractPreludeSql([{ transition: BACKFILL, newType: 'TEXT' }], [])), [
    { phase: 'contract', kind: 'column', model: 'User', field: 'plan', table: 'users', column: 'plan', backfill: `'free'; -- "quoted"` },
  ]);
});

// A split of users.name into first_name and last_name, the old column kept filled for old code
// (drop with a backfill), a plain drop and a retired table: the SQL of each phase, as written.
const FIRST: Transition = { ...RENAME, field: 'firstName', column: 'first_name', backfill: "split_part(name, ' ', 1)" };
const LAST: Transition = { ...RENAME, field: 'lastName', column: 'last_name', backfill: "split_part(name, ' ', 2)" };
const NAME_DROP: Transition = {
  ...RENAME,
  kind: 'drop',
  field: '',
  column: 'name',
  from: undefined,
  backfill: "first_name || ' ' || last_name",
  required: false,
};
const LEGACY_DROP: Transition = { ...NAME_DROP, column: 'legacy_code', backfill: undefined };
const AUDIT_DROP: Transition = { ...NAME_DROP, kind: 'dropTable', model: 'AuditLog', table: 'audit_log', column: '', backfill: undefined };

/** The markers of the split (FIRST, LAST, NAME_DROP) in a phase, as read back. */
const splitMarkers = (phase: 'expand' | 'contract'): ReturnType<typeof transitionMarkers> => [
  { phase, kind: 'column', model: 'User', field: 'firstName', table: 'users', column: 'first_name', from: 'name', backfill: "split_part(name, ' ', 1)" },
  { phase, kind: 'column', model: 'User', field: 'lastName', table: 'users', column: 'last_name', from: 'name', backfill: "split_part(name, ' ', 2)" },
  { phase, kind: 'drop', model: 'User', table: 'users', column: 'name', backfill: "first_name || ' ' || last_name" },
];

const splitDropCases: Array<{ name: string; sql: string; expect: ReturnType<typeof transitionMarkers> }> = [
  {
    name: "a split's expand: each new column, and the old column's retirement",
    sql: [
      expandSql({ transition: FIRST, newType: 'TEXT', oldType: 'text' }, false),
      expandSql({ transition: LAST, newType: 'TEXT', oldType: 'text' }, false),
      expandDropSql(NAME_DROP, { nullable: false, default: null }, ['first_name', 'last_name']),
    ].join('\n'),
    expect: splitMarkers('expand'),
  },
  {
    name: 'a drop of a NOT NULL column: its expand (NOT NULL dropped) is marked',
    sql: expandDropSql(LEGACY_DROP, { nullable: false, default: null }, []),
    expect: [{ phase: 'expand', kind: 'drop', model: 'User', table: 'users', column: 'legacy_code' }],
  },
  { name: 'a drop of a nullable column has no expand (nothing written)', sql: expandDropSql(LEGACY_DROP, { nullable: true, default: null }, []), expect: [] },
  {
    name: "a retired table's expand (its foreign keys dropped) is marked",
    sql: expandDropTableSql(AUDIT_DROP, ['audit_log_userId_fkey']),
    expect: [{ phase: 'expand', kind: 'dropTable', model: 'AuditLog', table: 'audit_log' }],
  },
  {
    name: 'one contract carries every transition it completes, in order',
    sql: contractPreludeSql(
      [
        { transition: FIRST, newType: 'TEXT', oldType: 'text' },
        { transition: LAST, newType: 'TEXT', oldType: 'text' },
      ],
      [NAME_DROP, LEGACY_DROP, AUDIT_DROP],
    ),
    expect: [
      ...splitMarkers('contract'),
      { phase: 'contract', kind: 'drop', model: 'User', table: 'users', column: 'legacy_code' },
      { phase: 'contract', kind: 'dropTable', model: 'AuditLog', table: 'audit_log' },
    ],
  },
  {
    name: 'a kind this version does not know is no marker',
    sql: '-- steward-transition: {"phase":"contract","kind":"merge","table":"users"}',
    expect: [],
  },
];
for (const c of splitDropCases) test(`markers: ${c.name}`, () => assert.deepEqual(transitionMarkers(c.sql), c.expect));

const cases: Array<{ name: string; sql: string; expect: ReturnType<typeof transitionMarkers> }> = [
  { name: 'no steward comment', sql: 'ALTER TABLE "users" ADD COLUMN "x" TEXT;', expect: [] },
  {
    name: 'readable comment of an older contract',
    sql: '-- steward expand/contract, contract: User.displayName (see docs/migrations.md#expandcontract)\nUPDATE "users" SET x = 1;',
    expect: [{ phase: 'contract', kind: 'column', model: 'User', field: 'displayName' }],
  },
  {
    name: 'older SQLite one-step header',
    sql: `-- steward expand/contract on SQLite: one step (not zero-downtime): "users"."name" -> "display_name"; new required column "users"."plan" (backfill 'free')\n`,
    expect: [
      { phase: 'contract', kind: 'column', table: 'users', from: 'name', column: 'display_name' },
      { phase: 'contract', kind: 'column', table: 'users', column: 'plan', backfill: `'free'` },
    ],
  },
  {
    name: 'the JSON line wins over the readable comment beside it',
    sql: `-- steward expand/contract, expand: User.other\n${transitionMarkerLine('expand', RENAME)}\n`,
    expect: [{ phase: 'expand', kind: 'column', model: 'User', field: 'displayName', table: 'users', column: 'display_name', from: 'name' }],
  },
  { name: 'a malformed JSON line is no marker', sql: '-- steward-transition: {"phase":"later"}\n-- steward-transition: {oops', expect: [] },
];
for (const c of cases) test(`markers: ${c.name}`, () => assert.deepEqual(transitionMarkers(c.sql), c.expect));

const BEFORE = pgMaster([
  usersModel(`
  id    Int    @id
  name  String
  score Int
`),
]);
const AFTER = pgMaster([
  usersModel(`
  id          Int    @id
  /// @steward.transition(from: "name")
  displayName String @map("display_name")
  /// @steward.transition(from: "score")
  points      BigInt
  /// @steward.transition(backfill: "'free'")
  plan        String
`),
]);

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
  assert.deepEqual(changes[2].transition, { kind: 'column', from: 'score', column: 'points', expand: true, fieldRenamed: true, typeChanged: true, phases: [] });
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
  const contract = contractPreludeSql([{ transition: RENAME, newType: 'TEXT', oldType: 'text' }], []);
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

// ---- splits and drops ------------------------------------------------------------------------

const RETIRE_BEFORE = readFileSync(fixture('transitions-retire', 'before.prisma'), 'utf8');
const RETIRE_AFTER = readFileSync(fixture('transitions-retire', 'after.prisma'), 'utf8');

function retireChanges(after = RETIRE_AFTER): SchemaChange[] {
  return diffSchemas(parseSchema({ path: 'before.prisma', text: RETIRE_BEFORE }), parseSchema({ path: 'after.prisma', text: after }));
}

test('diff: a split, column drops and a table drop are one dangerous change each, not removals or renames', () => {
  const changes = retireChanges();
  assert.deepEqual(
    changes.map((c) => [c.code, c.severity, c.message]),
    [
      ['model-transition-drop', 'dangerous', 'model AuditLog removed by expand/contract (table audit_log dropped at contract)'],
      ['field-transition-split', 'dangerous', 'User.firstName, User.lastName split from column name by expand/contract'],
      ['field-transition-drop', 'dangerous', 'field User.legacyCode removed by expand/contract (column legacy_code dropped at contract)'],
      ['field-transition-drop', 'dangerous', 'field User.note removed by expand/contract (column note dropped at contract)'],
    ],
  );
  assert.deepEqual(changes[1].transition, {
    kind: 'split',
    from: 'name',
    column: 'name',
    split: [
      { field: 'firstName', column: 'first_name' },
      { field: 'lastName', column: 'last_name' },
    ],
    expand: true,
    fieldRenamed: false,
    typeChanged: false,
    phases: [],
  });
  // What has an expand phase: the table (a foreign key to drop), the NOT NULL column; not the nullable one.
  assert.deepEqual(
    changes.map((c) => c.transition?.expand),
    [true, true, true, false],
  );
  // Without the annotations the same change is the one-step, breaking one.
  const plain = retireChanges(RETIRE_AFTER.replace(/ *\/\/\/ @steward.*\n/g, ''));
  assert.deepEqual([...new Set(plain.filter((c) => c.severity === 'breaking').map((c) => c.code))].sort(), [
    'field-added-required',
    'field-removed',
    'model-removed',
    'probable-field-rename',
    'relation-removed',
  ]);
  assert.ok(!plain.some((c) => c.transition));
});

test("diff: a split whose old column keeps a drop's backfill says what new code's rows give it", () => {
  const after = RETIRE_AFTER.replace('model User {', `/// @steward.transition(drop: "name", backfill: "first_name || ' ' || last_name")\nmodel User {`);
  const changes = retireChanges(after);
  const split = changes.find((c) => c.code === 'field-transition-split');
  assert.equal(
    split?.message,
    "User.firstName, User.lastName split from column name by expand/contract; until contract rows new code writes get name = first_name || ' ' || last_name",
  );
  assert.equal(split?.transition?.backfill, "first_name || ' ' || last_name");
  // The drop of the split's old column is the split's, not a change of its own.
  assert.equal(changes.filter((c) => c.code === 'field-transition-drop').length, 2);
});

test('diff: a drop with a backfill says what new rows get until contract', () => {
  const after = RETIRE_AFTER.replace('/// @steward.transition(drop: "legacy_code")', `/// @steward.transition(drop: "legacy_code", backfill: "'none'")`);
  const drop = retireChanges(after).find((c) => c.field === 'legacyCode');
  assert.equal(
    drop?.message,
    `field User.legacyCode removed by expand/contract (column legacy_code dropped at contract; until then rows new code writes get 'none')`,
  );
  assert.equal(drop?.transition?.backfill, `'none'`);
});

const NAME_DROP_IMPLICIT: Transition = { ...NAME_DROP, backfill: undefined, implicit: true };
const LEGACY: Transition = { ...LEGACY_DROP };
const NOTE: Transition = { ...LEGACY_DROP, column: 'note' };

const retirePhaseCases: Array<{ name: string; histories: TransitionHistory[]; expect: string[] }> = [
  {
    name: 'nothing written yet: expand pending, but a nullable drop goes straight to contract',
    histories: [
      { env: 'production', oneStep: false, scripts: [] },
      { env: 'dev', oneStep: true, scripts: [] },
    ],
    expect: [
      'model AuditLog removed by expand/contract (table audit_log dropped at contract); phases: production expand pending, dev contract pending',
      'User.firstName, User.lastName split from column name by expand/contract; phases: production expand pending, dev contract pending',
      'field User.legacyCode removed by expand/contract (column legacy_code dropped at contract); phases: production expand pending, dev contract pending',
      'field User.note removed by expand/contract (column note dropped at contract); phase: contract pending',
    ],
  },
  {
    name: 'expand written (the nullable drop has none): contract pending everywhere',
    histories: [{ env: 'production', oneStep: false, scripts: [script('2_expand', 'expand', FIRST, LAST, NAME_DROP_IMPLICIT, LEGACY, AUDIT_DROP)] }],
    expect: [
      'model AuditLog removed by expand/contract (table audit_log dropped at contract); phase: contract pending',
      'User.firstName, User.lastName split from column name by expand/contract; phase: contract pending',
      'field User.legacyCode removed by expand/contract (column legacy_code dropped at contract); phase: contract pending',
      'field User.note removed by expand/contract (column note dropped at contract); phase: contract pending',
    ],
  },
  {
    name: "one split column's marker alone does not finish the split; the contract of the rest does",
    histories: [
      { env: 'production', oneStep: false, scripts: [script('2_expand', 'expand', FIRST, LAST, LEGACY, AUDIT_DROP), script('3_contract', 'contract', FIRST)] },
      {
        env: 'staging',
        oneStep: false,
        scripts: [
          script('2_expand', 'expand', FIRST, LAST, LEGACY, AUDIT_DROP),
          script('3_contract', 'contract', FIRST, LAST, NAME_DROP_IMPLICIT, LEGACY, NOTE, AUDIT_DROP),
        ],
      },
    ],
    expect: [
      'model AuditLog removed by expand/contract (table audit_log dropped at contract); phases: production contract pending, staging done',
      'User.firstName, User.lastName split from column name by expand/contract; phases: production contract pending, staging done',
      'field User.legacyCode removed by expand/contract (column legacy_code dropped at contract); phases: production contract pending, staging done',
      'field User.note removed by expand/contract (column note dropped at contract); phases: production contract pending, staging done',
    ],
  },
  {
    name: "a drop's marker is not the new column's of the same name elsewhere",
    histories: [{ env: 'production', oneStep: false, scripts: [script('2_other', 'contract', { ...RENAME, column: 'legacy_code', field: 'legacyCode' })] }],
    expect: [
      'model AuditLog removed by expand/contract (table audit_log dropped at contract); phase: expand pending',
      'User.firstName, User.lastName split from column name by expand/contract; phase: expand pending',
      'field User.legacyCode removed by expand/contract (column legacy_code dropped at contract); phase: expand pending',
      'field User.note removed by expand/contract (column note dropped at contract); phase: contract pending',
    ],
  },
];
for (const c of retirePhaseCases) {
  test(`phases of splits and drops: ${c.name}`, () => {
    assert.deepEqual(
      withTransitionPhases(retireChanges(), c.histories).map((x) => x.message),
      c.expect,
    );
  });
}

test('usages: code using the split field, the dropped field or the retired model is listed, the change stays dangerous', () => {
  const changes = applyUsages(retireChanges(), [
    { model: 'User', field: 'name', file: 'src/users.ts', line: 3, column: 10 },
    { model: 'User', field: 'legacyCode', file: 'src/users.ts', line: 7, column: 12 },
    { model: 'AuditLog', file: 'src/audit.ts', line: 2, column: 20 },
  ]);
  assert.deepEqual(
    changes.map((c) => [c.code, c.severity, c.usages.map((u) => `${u.file}:${u.line}`)]),
    [
      ['model-transition-drop', 'dangerous', ['src/audit.ts:2']],
      ['field-transition-split', 'dangerous', ['src/users.ts:3']],
      ['field-transition-drop', 'dangerous', ['src/users.ts:7']],
      ['field-transition-drop', 'dangerous', []],
    ],
  );
  assert.match(changes[0].reason, /still uses the old model \(src\/audit\.ts:2\): switch it before contract/);
  assert.match(changes[1].reason, /still uses the old field \(src\/users\.ts:3\)/);
});

test('the fixture master is what migrate reads: the same transitions, the split old column retired implicitly', () => {
  const transitions = masterTransitions(parseSchema({ path: 'after.prisma', text: RETIRE_AFTER }));
  assert.deepEqual(
    transitions.map((t) => [t.kind, t.model, t.field, t.table, t.column, t.implicit ?? false]),
    [
      ['column', 'User', 'firstName', 'users', 'first_name', false],
      ['column', 'User', 'lastName', 'users', 'last_name', false],
      ['drop', 'User', '', 'users', 'legacy_code', false],
      ['drop', 'User', '', 'users', 'note', false],
      ['drop', 'User', '', 'users', 'name', true],
      ['dropTable', 'AuditLog', '', 'audit_log', '', false],
    ],
  );
});
