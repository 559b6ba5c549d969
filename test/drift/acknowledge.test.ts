import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigProblems } from '../../src/config/check-value.js';
import { acknowledgementLocation, applyAcknowledgements } from '../../src/drift/acknowledge.js';
import type { DriftResult } from '../../src/drift/check-drift.js';
import { findingObject } from '../../src/catalog/codes.js';
import { validateDriftConfig } from '../../src/drift/config.js';

const result = (findings: DriftResult['findings']): DriftResult => ({ database: 'db', status: findings.length ? 'drift' : 'clean', findings, durationMs: 1 });

const FINDINGS: DriftResult['findings'] = [
  { code: 'extra-index', table: 'Viewer', index: 'Viewer_email_prefix_idx', actual: '(lower(email) text_pattern_ops)' },
  { code: 'extra-function', function: 'nanoid(size integer)', actual: 'CREATE OR REPLACE FUNCTION ...' },
  { code: 'column-nullability', table: 'oauthClient', column: 'scopes', expected: 'NULL', actual: 'NOT NULL' },
];

test('objects are named as acknowledgements name them', () => {
  assert.deepEqual(FINDINGS.map(findingObject), ['Viewer.Viewer_email_prefix_idx', 'nanoid(size integer)', 'oauthClient.scopes']);
  assert.equal(findingObject({ code: 'extra-enum-value', enum: 'Role', value: 'GUEST' }), 'Role.GUEST');
  assert.equal(findingObject({ code: 'extra-extension', extension: 'pgcrypto' }), 'pgcrypto');
});

test('matched findings are acknowledged, not drift; wildcards and codes narrow the match; the rest stays', () => {
  const { results, notes } = applyAcknowledgements(
    [result(FINDINGS)],
    [
      { object: 'Viewer.*', codes: ['extra-index'], reason: 'expression index for prefix search' },
      { object: 'nanoid(*)', reason: 'id generator used by data migrations' },
      { object: 'oauthClient.scopes', codes: ['column-type'], reason: 'wrong code: must not match' },
    ],
    'production',
    '2026-11-29',
  );
  assert.deepEqual(
    results[0].findings.map((f) => f.code),
    ['column-nullability'],
  );
  assert.equal(results[0].status, 'drift');
  assert.deepEqual(
    results[0].acknowledged!.map((f) => [f.code, f.reason, f.acknowledgement]),
    [
      ['extra-index', 'expression index for prefix search', 0],
      ['extra-function', 'id generator used by data migrations', 1],
    ],
  );
  assert.deepEqual(
    notes.map((n) => [n.code, n.severity]),
    [['drift-acknowledgement-unused', 'warning']],
  );
  assert.match(notes[0].message, /drift\.acknowledge\[2\] \(oauthClient\.scopes column-type\) matches no difference/);
});

test("everything acknowledged: clean; another environment's entries neither apply nor count as unused", () => {
  const { results, notes } = applyAcknowledgements(
    [result(FINDINGS)],
    [
      { object: '*', reason: 'all intended', env: 'production' },
      { object: 'x', reason: 'staging only', env: 'staging' },
    ],
    'production',
    '2026-11-29',
  );
  assert.equal(results[0].status, 'clean');
  assert.deepEqual(results[0].findings, []);
  assert.deepEqual(notes, []);
});

test('an expired acknowledgement no longer applies and is reported; the expiry day itself still applies', () => {
  const acks = [{ object: 'Viewer.Viewer_email_prefix_idx', reason: 'until the search rewrite', expires: '2026-11-28' }];
  const lastDay = applyAcknowledgements([result(FINDINGS.slice(0, 1))], acks, 'production', '2026-11-28');
  assert.equal(lastDay.results[0].status, 'clean');
  const after = applyAcknowledgements([result(FINDINGS.slice(0, 1))], acks, 'production', '2026-11-29');
  assert.equal(after.results[0].status, 'drift');
  assert.deepEqual(
    after.notes.map((n) => n.code),
    ['drift-acknowledgement-expired'],
  );
});

test('unreachable databases say nothing about whether an acknowledgement is used', () => {
  const { notes } = applyAcknowledgements(
    [{ database: 'db', status: 'unreachable', findings: [], durationMs: 1, error: 'down' }],
    [{ object: 'x', reason: 'r' }],
    'production',
    '2026-11-29',
  );
  assert.deepEqual(notes, []);
});

test('the drift section is validated with key paths', () => {
  const problems = new ConfigProblems();
  validateDriftConfig(
    {
      acknowledge: [
        { object: 'a.b', reason: 'ok', codes: ['extra-index'], expires: '2026-02-30' },
        { object: '', codes: ['nope'], why: 'x' },
      ],
    },
    problems,
    'drift',
  );
  assert.deepEqual(problems.problems, [
    'drift.acknowledge[0].expires: expected a date YYYY-MM-DD, got "2026-02-30"',
    'drift.acknowledge[1].why: unknown key; known keys: env, object, codes, reason, expires',
    'drift.acknowledge[1].object: expected a non-empty string, got ""',
    'drift.acknowledge[1].reason: expected a non-empty string, got nothing',
    problems.problems[4],
  ]);
  assert.match(problems.problems[4], /^drift\.acknowledge\[1\]\.codes: unknown drift code "nope"/);
  const fine = new ConfigProblems();
  validateDriftConfig(
    { acknowledge: [{ object: 'users.User_email_key', reason: 'duplicate left by a rename', env: 'production', expires: '2027-01-31' }] },
    fine,
    'drift',
  );
  assert.deepEqual(fine.problems, []);
});

test("an acknowledgement is located in the config file by its object key, after migrate's own", () => {
  const text = JSON.stringify(
    {
      migrate: { acknowledge: [{ migration: 'm', checksum: 'sha256:0123456789abcdef', codes: ['drop-column'] }] },
      drift: {
        acknowledge: [
          { object: 'a.b', reason: 'r' },
          { object: 'c', reason: 'r' },
        ],
      },
    },
    null,
    2,
  );
  const second = acknowledgementLocation(text, 1)!;
  assert.equal(text.split('\n')[second.line - 1].trim(), '"object": "c",');
  assert.equal(second.column, text.split('\n')[second.line - 1].indexOf('"object"') + 1);
  assert.equal(acknowledgementLocation(text, 2), null);
  assert.equal(acknowledgementLocation('{}', 0), null);
});
