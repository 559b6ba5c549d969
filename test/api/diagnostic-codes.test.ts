import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { DIAGNOSTIC_SOURCES, type Diagnostic, type DiagnosticCode, type DiagnosticCodes, type DiagnosticSource } from '../../src/diagnostics/diagnostic.js';
import type { LintMessageId, LintRuleId } from '../../src/lint/rules/index.js';
import { defineRule } from '../../src/lint/rule.js';
import { noOptions } from '../../src/lint/options.js';
import { RULES, RULES_BY_ID } from '../../src/lint/rules/index.js';
import { ruleTester } from '../lint/rule-tester.js';

// Type-level checks: this file is compiled by `npm run build` (tsc, strict). Each
// `@ts-expect-error` below must meet an error, or the build fails ("Unused '@ts-expect-error'
// directive"): a wrong code or message id that starts to compile breaks the build.

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Sources whose list of codes is empty (never) or open (string). */
type EmptyOrOpen = { [S in DiagnosticSource]: [DiagnosticCode<S>] extends [never] ? S : string extends DiagnosticCode<S> ? S : never }[DiagnosticSource];

const everySourceHasCodes: Equal<keyof DiagnosticCodes, DiagnosticSource> = true;
const everyListClosed: Equal<EmptyOrOpen, never> = true;

const base = { severity: 'error', message: 'm' } as const;
export const typed: Diagnostic[] = [
  { ...base, source: 'lint', code: 'require-id' },
  { ...base, source: 'drift', code: 'missing-table' },
  { ...base, source: 'drift', code: 'database-unreachable' },
  { ...base, source: 'validate', code: 'P1012' },
  { ...base, source: 'migrate-status', code: 'migration-failed' },
  { ...base, source: 'generate', code: 'output-edited' },
  { ...base, source: 'steward', code: 'INTERNAL' },
  // @ts-expect-error a lint diagnostic carries a lint rule id, not a drift code
  { ...base, source: 'lint', code: 'missing-table' },
  // @ts-expect-error no rule has this id
  { ...base, source: 'lint', code: 'require-idd' },
  // @ts-expect-error `applied` is not reported: no diagnostic code for it
  { ...base, source: 'migrate-status', code: 'migration-applied' },
  // @ts-expect-error not one of the sources
  { ...base, source: 'prisma', code: 'P1012' },
];

/** Narrowing on `source` narrows `code`. */
export function ruleIdOf(d: Diagnostic): LintRuleId | undefined {
  if (d.source === 'lint') return d.code;
  // @ts-expect-error outside the lint branch, the code is not a rule id
  const notARule: LintRuleId = d.code;
  return notARule && undefined;
}

/** A rule's `report` accepts only its own message ids. */
export const typedRule = defineRule({
  meta: {
    id: 'type-test-rule',
    description: 'A rule for the type test only (never registered).',
    why: 'Checks that report() accepts only the keys of meta.messages.',
    category: 'meta',
    origin: 'steward',
    fixable: false,
    messages: { first: 'first {{name}}', second: 'second' },
  },
  options: noOptions,
  check({ schema, report }) {
    for (const model of schema.models) {
      report({ target: { kind: 'model', model }, messageId: 'first', data: { name: model.name } });
      // @ts-expect-error `third` is not a key of this rule's messages
      report({ target: { kind: 'model', model }, messageId: 'third' });
    }
  },
});
const messageIds: Equal<Parameters<Parameters<typeof typedRule.check>[0]['report']>[0]['messageId'], 'first' | 'second'> = true;
const requireIdMessages: Equal<LintMessageId<'require-id'>, 'missing' | 'otherName' | 'notId'> = true;

/** The RuleTester takes a registered rule id and that rule's message ids. Never called: types only. */
export function ruleTesterTypes(): void {
  ruleTester('require-id', { valid: [], invalid: [{ code: '', errors: [{ line: 1, messageId: 'notId' }] }] });
  // @ts-expect-error `mismatch` is a message of require-field-type, not of require-id
  ruleTester('require-id', { valid: [], invalid: [{ code: '', errors: [{ line: 1, messageId: 'mismatch' }] }] });
  // @ts-expect-error no rule has this id
  ruleTester('require-idd', { valid: [], invalid: [] });
}

// Compiled by tsc from the sources above; the build fails when one is false.
void [everySourceHasCodes, everyListClosed, messageIds, requireIdMessages];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('typed diagnostic codes', () => {
  it('the registry is complete for a program that imports only the published types (dist/src/index.d.ts)', () => {
    // Each list fills DiagnosticCodes from its own file: a consumer's program sees it only if the
    // file is reachable from the package's entry, so the published declarations are checked here.
    const entry = join(ROOT, 'dist', 'src', 'index.d.ts');
    assert.ok(existsSync(entry), 'built declarations (npm run build)');
    const program = ts.createProgram([entry], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true, types: [] });
    const checker = program.getTypeChecker();
    const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
    const exported = checker.getExportsOfModule(moduleSymbol).find((s) => s.name === 'DiagnosticCodes');
    assert.ok(exported, 'DiagnosticCodes is exported');
    const registry = checker.getDeclaredTypeOfSymbol(checker.getAliasedSymbol(exported));
    const entries = Object.fromEntries(
      registry.getProperties().map((p) => {
        const type = checker.getTypeOfSymbol(p);
        const members = type.isUnion() ? type.types : [type];
        return [p.name, members.every((m) => m.isStringLiteral() || m.flags & ts.TypeFlags.TemplateLiteral) && members.length > 0];
      }),
    );
    assert.deepEqual(Object.keys(entries).sort(), [...DIAGNOSTIC_SOURCES].sort(), 'one entry per source, no more');
    assert.deepEqual(
      Object.entries(entries)
        .filter(([, closed]) => !closed)
        .map(([source]) => source),
      [],
      'sources whose codes are not a closed list of string literals',
    );
  });

  it('one rule per lint rule id', () => {
    assert.equal(RULES_BY_ID.size, RULES.length);
  });
});
