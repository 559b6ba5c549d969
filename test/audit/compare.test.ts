import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Claim } from '../../src/audit/claims.js';
import { compareClaims } from '../../src/audit/compare.js';
import { extractDocClaims } from '../../src/audit/docs/extract.js';
import { isNearMiss, sameWords } from '../../src/audit/field-match.js';
import { MESSAGING_SCHEMA } from './schema.js';

const docs = (text: string): Claim[] => extractDocClaims('DESIGN.md', text).claims;
const compare = (claims: Claim[], severity = {}) =>
  compareClaims(MESSAGING_SCHEMA, claims, {
    environments: [
      { name: 'dev', provider: 'sqlite' },
      { name: 'production', provider: 'postgresql' },
    ],
    severity,
  });
const summary = (claims: Claim[]) => compare(claims).map((f) => [f.kind, f.model, f.field ?? null, f.schemaField ?? null]);

test('naming conventions and near misses', () => {
  assert.equal(sameWords('last_read_at', 'lastReadAt'), true);
  assert.equal(isNearMiss('phone', 'phoneNumber'), true);
  assert.equal(isNearMiss('active', 'isActive'), true);
  assert.equal(isNearMiss('recieved', 'received'), true);
  assert.equal(isNearMiss('id', 'userId'), false);
  assert.equal(isNearMiss('title', 'content'), false);
});

const table = (model: string, rows: string[]) => [`### ${model}`, '', '| Field | Type | Required |', '|---|---|---|', ...rows, ''].join('\n');

test('each finding kind from docs', () => {
  const claims = docs(
    [
      table('ConversationParticipant', [
        '| `id` | String | Yes |',
        '| `conversationId` | String | Yes |',
        '| `userId` | String | Yes |',
        '| `userType` | SenderType | Yes |',
        '| `lastReadAt` | DateTime | No |',
      ]),
      table('Message', [
        '| `id` | String | Yes |',
        '| `conversationId` | String | Yes |',
        '| `senderType` | SenderType | Yes |',
        '| `content` | Int | Yes |',
        '| `phone` | String | No |',
        '| `metadata` | Json | Yes |',
      ]),
      '### `Attachment`\n\n- `url` (String)\n',
    ].join('\n'),
  );
  assert.deepEqual(summary(claims), [
    ['missing-in-schema', 'ConversationParticipant', 'userType', null],
    ['naming-mismatch', 'ConversationParticipant', 'lastReadAt', 'last_read_at'],
    ['naming-mismatch', 'Message', 'phone', 'phoneNumber'],
    ['type-mismatch', 'Message', 'content', 'content'],
    ['required-mismatch', 'Message', 'metadata', 'metadata'],
    ['missing-model', 'Attachment', null, null],
  ]);
});

test('undocumented fields of documented models are info; severities are configurable', () => {
  const claims = docs(table('Conversation', ['| `id` | String | Yes |', '| `title` | String | No |', '| `tags` | String[] | Yes |']));
  const findings = compare(claims);
  assert.deepEqual(
    findings.map((f) => [f.kind, f.field, f.severity]),
    [['undocumented', 'createdAt', 'info']],
  );
  assert.deepEqual(compare(claims, { undocumented: 'off' }), []);
  assert.equal(compare(claims, { undocumented: 'error' })[0].severity, 'error');
});

test('a documented and used field carries both sources and every location', () => {
  const code: Claim = {
    kind: 'field',
    source: 'code',
    model: 'Conversation',
    field: 'isActive',
    context: 'where',
    location: { file: 'a.ts', line: 3, column: 5 },
  };
  const findings = compare([...docs(table('Conversation', ['| `isActive` | Boolean | Yes |'])), code], { undocumented: 'off' });
  assert.equal(findings.length, 1);
  assert.deepEqual(findings[0].sources, ['docs', 'code']);
  assert.deepEqual(
    findings[0].locations.map((l) => `${l.file}:${l.line}`),
    ['DESIGN.md:5', 'a.ts:3'],
  );
  assert.equal(
    findings[0].suggestion,
    'add `isActive Boolean? @map("is_active")` to model Conversation (documented as required: optional until existing rows are backfilled, then make it required)',
  );
});

test('env-incompatible names each environment that lacks the feature', () => {
  const feature: Claim = {
    kind: 'feature',
    source: 'code',
    feature: 'insensitive-mode',
    written: "mode: 'insensitive'",
    model: 'Message',
    field: 'content',
    location: { file: 'a.ts', line: 1, column: 1 },
  };
  const list: Claim = { ...feature, feature: 'scalar-list-filter', written: 'has', model: 'Conversation', field: 'tags' };
  assert.deepEqual(
    compare([feature, list, feature]).map((f) => [f.kind, f.env, f.model, f.locations.length]),
    [
      ['env-incompatible', 'dev', 'Conversation', 1],
      ['env-incompatible', 'dev', 'Message', 1],
    ],
  );
});

test('a plain heading that is not a schema model claims nothing', () => {
  assert.deepEqual(summary(docs('## Overview\n\n- `mode` what it does\n')), []);
});
