import type { Fix, Severity } from '../diagnostics/diagnostic.js';
import type { FixKind } from '../diagnostics/fix-kind.js';
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
  /** Whether findings carry a fix. */
  fixable: boolean;
  /** What its fixes change (schema only, or the database): decides whether `--fix` applies them or only `--fix --unsafe`. */
  fixKinds?: readonly FixKind[];
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
// biome-ignore lint/suspicious/noExplicitAny: a list of rules whose option types differ
export type AnyRule = Rule<any>;

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
  const parts = compiledTemplate(template);
  if (parts.length === 1 && typeof parts[0] === 'string') return parts[0];
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (typeof part === 'string') out += part;
    else out += part.key in data ? String(data[part.key]) : part.all;
  }
  return out;
}

/**
 * A message template split once into literal text and `{{name}}` placeholders: every rule has a
 * few templates, and a large schema fills them thousands of times.
 */
type TemplatePart = string | { key: string; all: string };
const templates = new Map<string, TemplatePart[]>();
function compiledTemplate(template: string): TemplatePart[] {
  let parts = templates.get(template);
  if (parts) return parts;
  parts = [];
  const re = /\{\{\s*(\w+)\s*\}\}/g;
  let last = 0;
  for (let m = re.exec(template); m !== null; m = re.exec(template)) {
    if (m.index > last) parts.push(template.slice(last, m.index));
    parts.push({ key: m[1], all: m[0] });
    last = m.index + m[0].length;
  }
  if (last < template.length || parts.length === 0) parts.push(template.slice(last));
  if (templates.size < 10_000) templates.set(template, parts);
  return parts;
}
