import type { Severity } from '../diagnostics/diagnostic.js';
import type { SchemaChange } from '../diff/codes.js';
import type { Schema } from '../schema/model.js';
import type { ClaimLocation } from './claims.js';
import { delegateName } from './code/operations.js';
import { DEFAULT_SEVERITY, type Finding, type FindingKind, type SeveritySetting } from './finding.js';

/** Test files by default: `*.test.*`, `*.spec.*`, and everything under `test/`, `tests/`, `__tests__/`, `e2e/`. */
export const DEFAULT_TEST_PATTERNS = ['*.test.*', '*.spec.*', 'test/', 'tests/', '__tests__/', 'e2e/'];

const ADDED = new Set<SchemaChange['code']>(['model-added', 'field-added-optional', 'field-added-with-default', 'field-added-required']);

/**
 * Models and fields added since the last release tag (the changes `steward release` would put in
 * the changelog) that no test file names: a field is covered when a test mentions its name as a
 * word, a model when a test mentions the model or its client delegate (`conversationParticipant`).
 * A text search, so a mention in a comment counts: it says a test knows the field, not that it
 * asserts on it. Pure.
 */
export function untestedAdditions(
  schema: Schema,
  changes: readonly SchemaChange[],
  tests: readonly { path: string; text: string }[],
  since: string,
  severity: Partial<Record<FindingKind, SeveritySetting>> = {},
): Finding[] {
  const s = severity.untested ?? DEFAULT_SEVERITY.untested;
  if (s === 'off') return [];
  const words = new Set<string>();
  for (const t of tests) for (const m of t.text.matchAll(/[A-Za-z_$][\w$]*/g)) words.add(m[0]);
  const findings: Finding[] = [];
  const addedModels = new Set(changes.filter((c) => c.code === 'model-added').map((c) => c.model));
  for (const change of changes) {
    if (!ADDED.has(change.code) || !change.model) continue;
    const model = [...schema.models, ...schema.views].find((m) => m.name === change.model);
    if (!model) continue;
    if (change.code === 'model-added') {
      if (words.has(model.name) || words.has(delegateName(model.name))) continue;
      findings.push({
        kind: 'untested',
        model: model.name,
        severity: s as Severity,
        message: `Model \`${model.name}\` was added since ${since} and no test file mentions it`,
        sources: ['code'],
        locations: [],
        schemaLocation: at(model.nameSpan),
        suggestion: `add a test that creates and reads a \`${model.name}\` (\`${delegateName(model.name)}\`)`,
      });
      continue;
    }
    // A new model's fields are covered by its own finding.
    if (!change.field || addedModels.has(change.model) || words.has(change.field)) continue;
    const field = model.fields.find((f) => f.name === change.field);
    findings.push({
      kind: 'untested',
      model: model.name,
      field: change.field,
      severity: s as Severity,
      message: `\`${model.name}.${change.field}\` was added since ${since} and no test file mentions it`,
      sources: ['code'],
      locations: [],
      ...(field ? { schemaField: field.name, schemaLocation: at(field.nameSpan) } : {}),
      suggestion: `cover \`${change.field}\` in a test of ${delegateName(model.name)} (a write that sets it and a read that checks it)`,
    });
  }
  return findings;
}

function at(span: { file: string; line: number; column: number }): ClaimLocation {
  return { file: span.file, line: span.line, column: span.column };
}
