import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FieldClaim, ModelClaim } from '../../src/audit/claims.js';
import { extractDocClaims } from '../../src/audit/docs/extract.js';
import { isPlannedDoc } from '../../src/audit/docs/status.js';
import { modelFromHeading } from '../../src/audit/docs/heading.js';

const fields = (text: string) => extractDocClaims('DESIGN.md', text).claims.filter((c): c is FieldClaim => c.kind === 'field');
const models = (text: string) => extractDocClaims('DESIGN.md', text).claims.filter((c): c is ModelClaim => c.kind === 'model');

test('heading forms that name a model', () => {
  assert.deepEqual(modelFromHeading('Conversation'), { model: 'Conversation', explicit: false });
  assert.deepEqual(modelFromHeading('`Conversation`'), { model: 'Conversation', explicit: true });
  assert.deepEqual(modelFromHeading('Conversation model'), { model: 'Conversation', explicit: true, byWord: true });
  assert.deepEqual(modelFromHeading('3.1 Message Model'), { model: 'Message', explicit: true, byWord: true });
  // Section words are never models: API/UI reference sections, "Data model".
  for (const h of ['Data model', 'Domain Model', 'Body', 'Returns', '### Properties', 'Request', 'Overview']) assert.equal(modelFromHeading(h), undefined, h);
  assert.equal(modelFromHeading('Sending a message'), undefined);
  assert.equal(modelFromHeading('data model'), undefined);
});

test('a fenced prisma block claims its models and fields with types and lines', () => {
  const text = '# Design\n\n```prisma\nmodel MessageRead {\n  id     String   @id\n  readAt DateTime?\n  tags   String[]\n}\n```\n';
  const claims = fields(text);
  assert.deepEqual(
    claims.map((c) => [c.model, c.field, c.type?.written, c.type?.optional, c.location.line]),
    [
      ['MessageRead', 'id', 'String', false, 5],
      ['MessageRead', 'readAt', 'DateTime?', true, 6],
      ['MessageRead', 'tags', 'String[]', false, 7],
    ],
  );
  assert.equal(models(text)[0].explicit, true);
});

test('a prisma block that does not parse is a problem, not a guess', () => {
  const result = extractDocClaims('DESIGN.md', '```prisma\nmodel A {\n  id String @id(\n```\n');
  assert.equal(result.claims.length, 0);
  assert.equal(result.problems.length, 1);
});

test('heading + table with Field, Type, Required and Notes columns', () => {
  const text = [
    '## Conversation',
    '',
    'A thread.',
    '',
    '| Field | Type | Required | Notes |',
    '|---|---|---|---|',
    '| `id` | String | Yes | uuid |',
    '| `title` | String | No | shown in the inbox |',
    '| `lastMessageAt` | DateTime | No | for sorting |',
    '',
  ].join('\n');
  const claims = fields(text);
  assert.deepEqual(
    claims.map((c) => [c.field, c.type?.accepts, c.type?.optional, c.location.line, c.note]),
    [
      ['id', ['String'], false, 7, 'uuid'],
      ['title', ['String'], true, 8, 'shown in the inbox'],
      ['lastMessageAt', ['DateTime'], true, 9, 'for sorting'],
    ],
  );
  assert.equal(models(text)[0].explicit, true, 'a typed table makes the heading a model claim');
});

test('tables headed Name or Column, without types, say nothing about types', () => {
  const claims = fields('### `Profile`\n\n| Column | Purpose |\n|---|---|\n| full_name | display |\n');
  assert.deepEqual(
    claims.map((c) => [c.field, c.type]),
    [['full_name', undefined]],
  );
});

test('heading + bullet list with backticked names and optional types in parentheses', () => {
  const text = '### Attachment\n\n- `id` (String) — UUID\n- `sizeBytes` (Int, optional) — size\n  - a nested note\n- `url` — signed URL\n- Not a field\n';
  const claims = fields(text);
  assert.deepEqual(
    claims.map((c) => [c.field, c.type?.accepts, c.type?.optional, c.location.line]),
    [
      ['id', ['String'], undefined, 3],
      ['sizeBytes', ['Int'], true, 4],
      ['url', undefined, undefined, 6],
    ],
  );
});

test('text outside a model section and prose mentions claim nothing', () => {
  const text = [
    '# How it works',
    '',
    'Conversations have a `description` and `isActive` flag.',
    '',
    '- `lastReadAt` (DateTime) is a read cursor',
    '',
    '## Enums',
    '',
    '- SenderType: `USER`, `CLIENT`',
    '',
    '## Setup',
    '',
    '| Name | Value |',
    '|---|---|',
    '| `DATABASE_URL` | postgres |',
    '',
  ].join('\n');
  assert.deepEqual(extractDocClaims('README.md', text).claims, []);
});

test('a plain heading with an untyped or one-item list is not an explicit model claim', () => {
  for (const text of ['## Billing\n\n- `stripe` handles cards\n', '# Billing\n\n- `lastReadAt` (DateTime) is a cursor\n']) {
    const claims = models(text);
    assert.equal(claims.length, 1);
    assert.equal(claims[0].explicit, false);
  }
});

test('precision: described properties are not types, reference sections are not models', () => {
  // `id`: Unique chat identifier -> no type "Unique"; a backticked heading over untyped rows is no explicit model.
  const bullets = fields(
    '## `Chat`\n\n- `id`: Unique chat identifier\n- `title`: String\n- `body`: `Text` - the message\n- `kind`: Stable node kind, see below\n',
  );
  assert.deepEqual(
    bullets.map((c) => [c.field, c.type?.written ?? null]),
    [
      ['id', null],
      ['title', 'String'],
      ['body', 'Text'],
      ['kind', null],
    ],
  );
  const untyped = models(
    '### `ZWorkflowNodeBase`\n\nProperties:\n\n- `id`: Stable node id inside the workflow definition.\n- `label`: Optional human-readable node label.\n',
  );
  assert.deepEqual(
    untyped.map((c) => c.explicit),
    [false],
  );
  for (const text of [
    '#### Body\n\n| Field | Type |\n|---|---|\n| `accountId` | `string` |\n| `fee` | `number` |\n',
    '## Data model\n\n| Field | Type |\n|---|---|\n| id | String |\n| name | String |\n',
    '### Returns\n\n- `id` (String)\n- `name` (String)\n',
  ]) {
    assert.deepEqual(models(text), [], text);
  }
});

test('docs marked draft, planned or proposal are recognised', () => {
  assert.equal(isPlannedDoc('---\ntitle: X\nstatus: draft\n---\n# X'), true);
  assert.equal(isPlannedDoc('# Notifications\n\nStatus: Planned (Q3)\n'), true);
  assert.equal(isPlannedDoc('# Notifications\n\n**Status:** Proposal\n'), true);
  assert.equal(isPlannedDoc('# Notifications\n\n| Status | To Do |\n|---|---|\n'), true);
  assert.equal(isPlannedDoc('# Notifications\n\nStatus: Shipped\n'), false);
  assert.equal(isPlannedDoc('# Notifications\n\nThe status of a draft message is kept.\n'), false);
  assert.equal(isPlannedDoc('Status: idea', ['idea']), true);
  assert.equal(isPlannedDoc('Status: draft', ['idea']), false);
});
