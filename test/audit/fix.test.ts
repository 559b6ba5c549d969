import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedMasterFiles } from '../../src/audit/apply.js';
import { compareClaims } from '../../src/audit/compare.js';
import { extractDocClaims } from '../../src/audit/docs/extract.js';
import { proposeFixes } from '../../src/audit/fix.js';
import { parseSchema } from '../../src/schema/parse.js';

const master = parseSchema({
  path: 'schema.prisma',
  text: `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model Conversation {
  id        String   @id
  createdAt DateTime @default(now()) @map("created_at")

  participants Participant[]
}

model Participant {
  id             String       @id
  conversationId String       @map("conversation_id")
  last_read_at   DateTime?
  conversation   Conversation @relation(fields: [conversationId], references: [id])

  @@index([conversationId, last_read_at])
}
`,
});

test('--fix adds documented fields with the naming convention and renames with @map, keeping the master valid', () => {
  const docs = extractDocClaims(
    'DESIGN.md',
    '### Conversation\n\n| Field | Type | Required |\n|---|---|---|\n| `lastMessageAt` | DateTime | No |\n| `isActive` | Boolean | Yes |\n\n### Participant\n\n- `lastReadAt` (DateTime?)\n',
  ).claims;
  const findings = compareClaims(master, docs, { environments: [], severity: { undocumented: 'off' } });
  const fixes = proposeFixes(master, findings);
  assert.deepEqual(
    fixes.map((f) => f.description),
    [
      'model Conversation: add `isActive Boolean? @map("is_active")`',
      'model Conversation: add `lastMessageAt DateTime? @map("last_message_at")`',
      'model Participant: rename `last_read_at` to `lastReadAt` with @map("last_read_at")',
    ],
  );
  const [file] = fixedMasterFiles(master, fixes);
  const fixed = parseSchema(file);
  const conversation = fixed.models[0];
  assert.deepEqual(
    conversation.fields.map((f) => f.name),
    ['id', 'createdAt', 'isActive', 'lastMessageAt', 'participants'],
  );
  const participant = fixed.models[1];
  assert.equal(participant.fields[2].name, 'lastReadAt');
  assert.match(file.text, /lastReadAt\s+DateTime\?\s+@map\("last_read_at"\)/);
  assert.match(file.text, /@@index\(\[conversationId, lastReadAt\]\)/);
  // Re-auditing the fixed master finds nothing left to fix; it still says that isActive, documented
  // required, is optional until its rows are backfilled.
  assert.deepEqual(
    compareClaims(fixed, docs, { environments: [], severity: { undocumented: 'off' } }).map((f) => `${f.kind} ${f.model}.${f.field}`),
    ['required-mismatch Conversation.isActive'],
  );
});

test('proposed fields keep what the docs state (default, unique, @updatedAt, lists) and never break a table with rows', () => {
  const docs = extractDocClaims(
    'DESIGN.md',
    [
      '### Conversation',
      '',
      '| Field | Type | Required | Notes |',
      '|---|---|---|---|',
      '| `isArchived` | Boolean | Yes | default `false` |',
      '| `slug` | String | Yes | unique; set from the title |',
      '| `priority` | Int | Yes | defaults to 3 |',
      "| `kind` | String | Yes | defaults to the first participant's kind |",
      '| `imageURLs` | String | No | |',
      '',
      '```prisma',
      'model Participant {',
      '  mutedAt   DateTime @default(now())',
      '  seenAt    DateTime @updatedAt',
      '  labels    String[]',
      '}',
      '```',
      '',
    ].join('\n'),
  ).claims;
  const findings = compareClaims(master, docs, { environments: [], severity: { undocumented: 'off', 'naming-mismatch': 'off' } });
  const lines = proposeFixes(master, findings).map((f) => f.description);
  assert.deepEqual(lines, [
    'model Conversation: add `imageURLs String? @map("image_urls")`',
    'model Conversation: add `isArchived Boolean @default(false) @map("is_archived")`',
    'model Conversation: add `kind String?`',
    'model Conversation: add `priority Int @default(3)`',
    'model Conversation: add `slug String? @unique`',
    'model Participant: add `labels String[]`',
    'model Participant: add `mutedAt DateTime @default(now()) @map("muted_at")`',
    'model Participant: add `seenAt DateTime @default(now()) @updatedAt @map("seen_at")`',
  ]);
  const slug = findings.find((f) => f.field === 'slug')!;
  assert.match(slug.suggestion!, /documented as required: optional until existing rows are backfilled/);
});
