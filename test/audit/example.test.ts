import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { auditProject } from '../../src/audit/project.js';
import { FINDING_KINDS } from '../../src/audit/finding.js';
import { runCli } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load.js';

const repoRoot = join(fileURLToPath(import.meta.url), '..', '..', '..', '..');
const example = join(repoRoot, 'examples', 'messaging-api');

test('the bundled example demonstrates every finding kind', async () => {
  const result = await auditProject(await loadConfig({ cwd: example }));
  const kinds = new Set(result.findings.map((f) => f.kind));
  // `untested` needs a release tag in the project's git history: coverage.test.ts makes one.
  for (const kind of FINDING_KINDS) if (kind !== 'untested') assert.ok(kinds.has(kind), `no ${kind} finding in the example`);
  const find = (kind: string, model: string, field?: string) => result.findings.find((f) => f.kind === kind && f.model === model && f.field === field);
  assert.deepEqual(find('missing-in-schema', 'ConversationParticipant', 'userType')?.sources, ['docs']);
  assert.deepEqual(find('missing-in-schema', 'Conversation', 'description')?.sources, ['code']);
  assert.equal(find('naming-mismatch', 'ConversationParticipant', 'lastReadAt')?.schemaField, 'last_read_at');
  assert.equal(find('naming-mismatch', 'Client', 'phone')?.schemaField, 'phoneNumber');
  // DTOs, interfaces and the zod schema (api/src/dto/, the services' input interfaces).
  const dtos = result.findings
    .filter((f) => f.kind.startsWith('dto-'))
    .map((f) => `${f.kind} ${f.model}.${f.field} ${f.locations[0].file}:${f.locations[0].line}`);
  assert.deepEqual(dtos, [
    'dto-incomplete Client.name api/src/dto/client.dto.ts:7',
    'dto-mismatch Client.phone api/src/dto/client.dto.ts:16',
    'dto-extra Client.referredBy api/src/dto/client.dto.ts:29',
    'dto-mismatch UsageEvent.metric api/src/dto/usage.schema.ts:8',
    'dto-mismatch Client.phone api/src/services/client.service.ts:7',
    'dto-extra Conversation.description api/src/services/conversation.service.ts:7',
    'dto-extra Conversation.participantIds api/src/services/conversation.service.ts:9',
  ]);
  // Data flow: a `where` extended after creation (`where.tags = { has: tag }`) reaches the call.
  assert.ok(result.findings.some((f) => f.kind === 'env-incompatible' && f.model === 'Client' && f.field === 'tags'));
  const planned = result.findings.find((f) => f.kind === 'planned' && f.model === 'DigestSubscription');
  assert.equal(planned?.severity, 'info');
  assert.equal(find('planned', 'Profile', 'digestOptIn')?.severity, 'info');
  // Planned work is never proposed as a master edit.
  assert.ok(!result.findings.some((f) => f.kind === 'planned' && f.proposal));
});

test('the markdown report reads like the specification\'s "Identified Mismatches"', async () => {
  let out = '';
  const code = await runCli(['audit', '--format', 'markdown', '--cwd', example], { stdout: (t) => (out += t), stderr: () => {} });
  assert.equal(code, 1);
  assert.match(out, /#### ConversationParticipant Model\n(- .*\n)*- Missing: `userType` field \(documented but not in schema\)/);
  assert.match(out, /- Missing: `isActive` field \(used in application code\)/);
  assert.match(out, /- Mismatch: `last_read_at` vs `lastReadAt` naming convention/);
  assert.match(out, /#### Message Model\n- Correct: matches documented design\n- Has: .*`senderType`, `messageType`, `content`, `metadata` fields/);
  assert.match(out, /#### MessageRead Model\n- Correct: matches documented design/);
});

test('json output is the envelope, its data { findings: [...] } with the documented keys', async () => {
  let out = '';
  const code = await runCli(['audit', '--format', 'json', '--cwd', example], { stdout: (t) => (out += t), stderr: () => {} });
  const envelope = JSON.parse(out) as { command: string; status: string; diagnostics: { source: string }[]; data: { findings: Record<string, unknown>[] } };
  assert.deepEqual([envelope.command, envelope.status, code], ['audit', 'findings', 1]);
  assert.ok(envelope.diagnostics.length >= envelope.data.findings.length);
  const parsed = envelope.data;
  assert.ok(parsed.findings.length > 0);
  for (const key of ['kind', 'model', 'field', 'severity', 'sources', 'locations', 'schemaField', 'suggestion']) assert.ok(key in parsed.findings[0], key);
});
