import type { Fix, Severity } from '../diagnostics/diagnostic.js';
import type { ConfigBlock, Enum, EnumValue, Field, Model, Schema, Span } from '../schema/model.js';
import type { OptionsSchema } from './options.js';
import type { SchemaIndex } from './schema-index.js';
import type { LintEnvironment } from './environment.js';

/** Where a rule comes from: the specification, prisma-lint (same id and options), or both. */
export type RuleOrigin = 'steward' | 'prisma-lint';

/** Groups the documentation and the recommended preset follow. */
export type RuleCategory = 'naming' | 'required-fields' | 'relations' | 'uniques' | 'environment' | 'conventions' | 'meta';

export interface RuleMeta {
  id: string;
  /** One sentence: what the rule checks. */
  description: string;
  /** Why it matters. */
  why: string;
  category: RuleCategory;
  origin: RuleOrigin;
  /** Whether findings carry a safe fix that `--fix` applies. */
  fixable: boolean;
  /** Messages by id; `{{name}}` placeholders are filled from the report's data. */
  messages: Record<string, string>;
  /** Options in words, for the documentation. */
  optionsDoc?: string;
}

/** What a finding is about. Suppression comments are looked up on these nodes. */
export type LintTarget =
  | { kind: 'model'; model: Model }
  | { kind: 'field'; model: Model; field: Field }
  | { kind: 'enum'; enum: Enum }
  | { kind: 'enumValue'; enum: Enum; value: EnumValue }
  | { kind: 'config'; block: ConfigBlock };

export interface RuleReport {
  target: LintTarget;
  messageId: string;
  data?: Record<string, string | number>;
  /** Defaults to the target's name. */
  span?: Span;
  env?: string;
  notes?: string[];
  fix?: Fix;
  /** Overrides the rule's severity for this finding (environment-compatibility infos). */
  severity?: Severity;
}

export interface RuleContext<O> {
  schema: Schema;
  options: O;
  index: SchemaIndex;
  environments: readonly LintEnvironment[];
  /** Full text of a schema file. */
  source(file: string): string;
  report(report: RuleReport): void;
  /** Parameters of prisma-lint's `/// prisma-lint-ignore-model <this rule> a,b` in a block. */
  ignoreParams(block: Model | Enum): string[];
}

export interface Rule<O = unknown> {
  meta: RuleMeta;
  options: OptionsSchema<O>;
  check(context: RuleContext<O>): void;
}

/** Erases a rule's option type for the registry. */
export type AnyRule = Rule<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function defineRule<O>(rule: Rule<O>): Rule<O> {
  return rule;
}

export function targetSpan(target: LintTarget): Span {
  switch (target.kind) {
    case 'model':
      return target.model.nameSpan;
    case 'field':
      return target.field.nameSpan;
    case 'enum':
      return target.enum.nameSpan;
    case 'enumValue':
      return target.value.nameSpan;
    case 'config':
      return target.block.nameSpan;
  }
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (all, key: string) => (key in data ? String(data[key]) : all));
}
