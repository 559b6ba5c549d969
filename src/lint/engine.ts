import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { Schema, Span } from '../schema/model.js';
import type { LintEnvironment } from './environment.js';
import { globToRegExp, matchesFilePatterns } from './file-pattern.js';
import { type AnyRule, formatMessage, type RuleReport, targetSpan } from './rule.js';
import { type LintRuleId, RULES_BY_ID } from './rules/index.js';
import { SchemaIndex } from './schema-index.js';
import type { LintConfig, RuleSetting } from './settings.js';
import { Suppressions } from './suppressions.js';

export interface LintRunOptions {
  /** Environments for environment-compatibility (from the steward configuration). */
  environments?: readonly LintEnvironment[];
}

export const UNUSED_SUPPRESSION = 'unused-suppression' satisfies LintRuleId;

/**
 * Lints a parsed schema. Pure: schema and configuration in, Diagnostics out (source 'lint',
 * code = rule id), sorted by location. Suppressed findings are left out; suppression comments
 * that suppress nothing are reported as `unused-suppression`.
 */
export function lintSchema(schema: Schema, config: LintConfig, options: LintRunOptions = {}): Diagnostic[] {
  const index = new SchemaIndex(schema);
  const suppressions = new Suppressions(schema);
  const texts = new Map(schema.files.map((f) => [f.path, f.text]));
  const overrides = (config.overrides ?? []).map((o) => ({ ...o, patterns: o.files?.map(globToRegExp) }));
  const environments = options.environments ?? [];
  const out: Diagnostic[] = [];

  const effective = (ruleId: string, file: string | undefined, env: string | undefined): RuleSetting | undefined => {
    let setting = config.rules[ruleId];
    if (overrides.length === 0) return setting; // the common case, once per finding
    for (const o of overrides) {
      const s = o.rules[ruleId];
      if (!s) continue;
      if (o.patterns && (file === undefined || !matchesFilePatterns(file, o.patterns))) continue;
      if (o.environments && (env === undefined || !o.environments.includes(env))) continue;
      setting = s;
    }
    return setting;
  };

  const enabled = new Set<string>();
  for (const [id, rule] of RULES_BY_ID) {
    if (id === UNUSED_SUPPRESSION) continue;
    const variants = new Set<unknown>();
    const base = config.rules[id];
    if (base && base.severity !== 'off') variants.add(base.options);
    for (const o of overrides) {
      const s = o.rules[id];
      if (s && s.severity !== 'off') variants.add(s.options);
    }
    if (variants.size === 0) continue;
    enabled.add(id);
    for (const opts of variants) runRule(rule, opts);
  }

  function runRule(rule: AnyRule<LintRuleId>, opts: unknown): void {
    const id = rule.meta.id;
    rule.check({
      schema,
      options: opts,
      index,
      environments,
      source: (file) => texts.get(file) ?? '',
      ignoreParams: (block) => suppressions.ignoreParams(block, id),
      report(r: RuleReport) {
        const span = r.span ?? targetSpan(r.target);
        const setting = effective(id, span.file, r.env);
        if (!setting || setting.severity === 'off' || setting.options !== opts) return;
        if (suppressions.isSuppressed(id, r.target, span.file)) return;
        const template = rule.meta.messages[r.messageId] ?? r.messageId;
        out.push(toDiagnostic(id, r.severity ?? setting.severity, formatMessage(template, r.data), span, r));
      },
    });
  }

  const unused = effective(UNUSED_SUPPRESSION, undefined, undefined);
  if (unused && unused.severity !== 'off') {
    for (const s of suppressions.all) {
      const file = s.comment.span.file;
      const setting = effective(UNUSED_SUPPRESSION, file, undefined);
      if (!setting || setting.severity === 'off') continue;
      const problems: string[] = [];
      if (s.rules.length === 0) problems.push('names no rule (write `/// steward-ignore <rule-id> -- reason`)');
      for (const id of s.rules) {
        if (!RULES_BY_ID.has(id)) problems.push(`names an unknown rule '${id}'`);
        else if (enabled.has(id) && !s.used.has(id)) problems.push(`'${id}' suppresses nothing here`);
      }
      for (const problem of problems) {
        out.push({
          source: 'lint',
          code: UNUSED_SUPPRESSION,
          severity: setting.severity,
          message: `Suppression comment ${problem}`,
          location: locationOf(s.comment.span),
        });
      }
    }
  }
  return sortByLocation(out);
}

function toDiagnostic(rule: LintRuleId, severity: Severity, message: string, span: Span, r: RuleReport): Diagnostic {
  // model/field assigned in place, in the order the target names them: one of these per finding.
  const d: Diagnostic = { source: 'lint', code: rule, severity, message, location: locationOf(span) };
  const t = r.target;
  if (t.kind === 'model' || t.kind === 'field') d.model = t.model.name;
  else if (t.kind === 'enum' || t.kind === 'enumValue') d.model = t.enum.name;
  if (t.kind === 'field') d.field = t.field.name;
  else if (t.kind === 'enumValue') d.field = t.value.name;
  if (r.env) d.env = r.env;
  if (r.notes?.length) d.notes = r.notes;
  if (r.fix) d.fix = r.fix;
  return d;
}

export function locationOf(span: Span): Diagnostic['location'] {
  return { file: span.file, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn };
}

function sortByLocation(list: Diagnostic[]): Diagnostic[] {
  // Bucketed by file and line (linear), then each bucket, a handful of findings, sorted by column
  // and rule: thousands of findings would otherwise cost n log n comparator calls, made before
  // the JIT has compiled the comparator. Array.prototype.sort is stable, as is the bucketing:
  // findings at the same place keep the order they were reported in.
  const byFile = new Map<string, Diagnostic[][]>();
  for (const d of list) {
    const file = d.location?.file ?? '';
    let lines = byFile.get(file);
    if (!lines) byFile.set(file, (lines = []));
    (lines[d.location?.line ?? 0] ??= []).push(d);
  }
  const out: Diagnostic[] = [];
  for (const file of [...byFile.keys()].sort()) {
    const lines = byFile.get(file)!;
    for (let line = 0; line < lines.length; line++) {
      const bucket = lines[line];
      if (bucket === undefined) continue;
      if (bucket.length > 1) bucket.sort(byColumnThenRule);
      for (const d of bucket) out.push(d);
    }
  }
  return out;
}

function byColumnThenRule(a: Diagnostic, b: Diagnostic): number {
  return (a.location?.column ?? 0) - (b.location?.column ?? 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
