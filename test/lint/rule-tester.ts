import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { type FixKind, isSafeFixKind } from '../../src/diagnostics/fix-kind.js';
import { lintSchema } from '../../src/lint/engine.js';
import type { LintEnvironment } from '../../src/lint/environment.js';
import { fixSchemaFiles } from '../../src/lint/fix.js';
import { type LintMessageId, type LintRuleId, RULES_BY_ID } from '../../src/lint/rules/index.js';
import { OptionProblems } from '../../src/lint/options.js';
import type { LintConfig } from '../../src/lint/settings.js';
import { parseSchema } from '../../src/schema/parse.js';

export interface ExpectedFinding<MessageId extends string = string> {
  /** Exact message, or the message id's template filled in. */
  message?: string | RegExp;
  /**
   * The rule's message the finding was made from, as ESLint's RuleTester asks: a key of the rule's
   * own `meta.messages` (a compile error otherwise). Checked by matching the message against that
   * template, its `{{placeholders}}` standing for any text.
   */
  messageId: MessageId;
  line: number;
  column?: number;
  field?: string;
  env?: string;
  /** The kind of the finding's fix (schema-only, add-index, rename-column...). */
  fixKind?: FixKind;
  /** The migration statement the fix causes, for database-changing fixes. */
  migration?: string | RegExp;
}

export interface InvalidCase<MessageId extends string = string> {
  name?: string;
  code: string;
  options?: unknown;
  errors: ExpectedFinding<MessageId>[];
  /** The schema after --fix; omit when the rule offers no fix for this case. */
  output?: string;
  environments?: LintEnvironment[];
}

export interface ValidCase {
  name?: string;
  code: string;
  options?: unknown;
  environments?: LintEnvironment[];
}

const DATASOURCE = 'datasource db {\n  provider = "postgresql"\n}\n';

/** Prepends a PostgreSQL datasource unless the case declares its own, so line numbers start at 4. */
export function withDatasource(code: string): string {
  return code.includes('datasource ') ? code : DATASOURCE + code;
}

/** A config with only `ruleId` enabled at error level. */
export function onlyRule(ruleId: string, options?: unknown): LintConfig {
  const rule = RULES_BY_ID.get(ruleId);
  assert.ok(rule, `unknown rule ${ruleId}`);
  const problems = new OptionProblems();
  const parsed = rule.options.parse(options, problems, ruleId);
  assert.deepEqual(problems.problems, [], 'test options must be valid');
  return { rules: { [ruleId]: { severity: 'error', options: parsed } } };
}

export function lintWith(ruleId: string, code: string, options?: unknown, environments?: LintEnvironment[]): Diagnostic[] {
  return lintSchema(parseSchema([{ path: 'schema.prisma', text: withDatasource(code) }]), onlyRule(ruleId, options), { environments }).filter(
    (d) => d.code === ruleId,
  );
}

/** The template of a message id as a pattern: its literal text, each `{{placeholder}}` any text. */
export function messagePattern(template: string): RegExp {
  const literal = template.split(/\{\{\s*\w+\s*\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${literal.join('[\\s\\S]*?')}$`);
}

/**
 * ESLint-style table test: valid inputs, invalid inputs with positions, and the fixed output.
 * The rule id is one of the registry's and each expected `messageId` one of that rule's messages
 * (typed, as typescript-eslint's RuleTester types them).
 */
export function ruleTester<Id extends LintRuleId>(ruleId: Id, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase<LintMessageId<Id>>[] }): void {
  const messages: Record<string, string> = RULES_BY_ID.get(ruleId)!.meta.messages;
  cases.valid.forEach((c, i) => {
    const v = typeof c === 'string' ? { code: c } : c;
    test(`${ruleId} valid #${i + 1}${v.name ? ` (${v.name})` : ''}`, () => {
      const found = lintWith(ruleId, v.code, v.options, v.environments);
      assert.deepEqual(
        found.map((d) => `${d.location?.line}:${d.location?.column} ${d.message}`),
        [],
      );
    });
  });
  cases.invalid.forEach((c, i) => {
    test(`${ruleId} invalid #${i + 1}${c.name ? ` (${c.name})` : ''}`, () => {
      const found = lintWith(ruleId, c.code, c.options, c.environments);
      assert.equal(
        found.length,
        c.errors.length,
        `expected ${c.errors.length} finding(s), got:\n${found.map((d) => `${d.location?.line}:${d.location?.column} ${d.message}`).join('\n')}`,
      );
      c.errors.forEach((e, j) => {
        const d = found[j];
        assert.equal(d.location?.line, e.line, `line of finding ${j + 1}: ${d.message}`);
        if (e.column !== undefined) assert.equal(d.location?.column, e.column, `column of finding ${j + 1}`);
        if (typeof e.message === 'string') assert.equal(d.message, e.message);
        else if (e.message) assert.match(d.message, e.message);
        assert.match(d.message, messagePattern(messages[e.messageId]), `message id of finding ${j + 1}: ${e.messageId}`);
        if (e.field !== undefined) assert.equal(d.field, e.field);
        if (e.env !== undefined) assert.equal(d.env, e.env);
        if (e.fixKind !== undefined) assert.equal(d.fix?.kind, e.fixKind, `fix kind of finding ${j + 1}`);
        if (typeof e.migration === 'string') assert.equal(d.fix?.migration, e.migration);
        else if (e.migration) assert.match(d.fix?.migration ?? '', e.migration);
        // Every fix declares what it changes; one that changes the database names its migration statement.
        if (d.fix)
          assert.equal(d.fix.kind === 'schema-only', d.fix.migration === undefined, `fix of finding ${j + 1}: ${d.fix.kind} with migration ${d.fix.migration}`);
        if (d.fix) assert.ok(RULES_BY_ID.get(ruleId)!.meta.fixKinds?.includes(d.fix.kind), `${ruleId}: fix kind ${d.fix.kind} is not in meta.fixKinds`);
      });
      const text = withDatasource(c.code);
      const fixed = fixSchemaFiles([{ path: 'schema.prisma', text }], onlyRule(ruleId, c.options), { environments: c.environments, unsafe: true });
      // --fix without --unsafe applies exactly the safe fixes.
      const safeOnly = fixSchemaFiles([{ path: 'schema.prisma', text }], onlyRule(ruleId, c.options), { environments: c.environments });
      if (found.every((d) => d.fix === undefined || !isSafeFixKind(d.fix.kind)))
        assert.equal(safeOnly.files[0].text, text, 'no safe fix: --fix changes nothing');
      else if (found.every((d) => d.fix === undefined || isSafeFixKind(d.fix.kind)))
        assert.equal(safeOnly.files[0].text, fixed.files[0].text, 'only safe fixes: --fix applies them all');
      if (c.output === undefined) {
        assert.equal(fixed.files[0].text, text, 'no fix expected');
      } else {
        assert.equal(fixed.files[0].text, withDatasource(c.output));
        const again = fixSchemaFiles(fixed.files, onlyRule(ruleId, c.options), { environments: c.environments, unsafe: true });
        assert.equal(again.files[0].text, fixed.files[0].text, 'a second --fix changes nothing');
      }
    });
  });
}
