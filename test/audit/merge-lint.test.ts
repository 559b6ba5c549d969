import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic, DiagnosticOf } from '../../src/diagnostics/diagnostic.js';
import { mergeLintAndAudit } from '../../src/audit/merge-lint.js';

const lint: DiagnosticOf<'lint'> = {
  source: 'lint',
  code: 'field-name-camel-case',
  severity: 'warning',
  message: 'Field `last_read_at` is not camelCase',
  location: { file: 'schema.prisma', line: 20, column: 3 },
  model: 'ConversationParticipant',
  field: 'last_read_at',
};
const audit: Diagnostic = {
  source: 'audit',
  code: 'naming-mismatch',
  severity: 'warning',
  message: '`lastReadAt` vs `last_read_at`',
  location: { file: 'DESIGN.md', line: 51, column: 1 },
  model: 'ConversationParticipant',
  field: 'lastReadAt',
  data: { sources: ['docs', 'code'], schemaField: 'last_read_at' },
};

test('lint and audit on the same field: one diagnostic with both reasons', () => {
  const merged = mergeLintAndAudit([audit, lint]);
  assert.equal(merged.length, 1);
  assert.equal(merged[0].code, 'naming-mismatch');
  assert.match(merged[0].notes![0], /also lint field-name-camel-case \(schema.prisma:20\): Field `last_read_at` is not camelCase/);
  assert.deepEqual(
    (merged[0].data!.alsoReportedBy as { code: string }[]).map((a) => a.code),
    ['field-name-camel-case'],
  );
});

test('different fields, other rules and other models stay apart', () => {
  const other: Diagnostic = { ...lint, field: 'created_at' };
  const otherRule: Diagnostic = { ...lint, code: 'require-field-index' };
  const otherModel: Diagnostic = { ...lint, model: 'Message' };
  assert.equal(mergeLintAndAudit([audit, other, otherRule, otherModel]).length, 4);
});
