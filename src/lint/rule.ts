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

/**
 * A rule's metadata. `Id` is its id (a literal: the rule registry derives the closed list of
 * lint codes from it) and `MessageId` the keys of its messages, the only ids its reports may name.
 */
export interface RuleMeta<Id extends string = string, MessageId extends string = string> {
  id: Id;
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
  messages: Record<MessageId, string>;
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

export interface RuleReport<MessageId extends string = string> {
  target: LintTarget;
  /** One of the rule's own `meta.messages` keys. */
  messageId: MessageId;
  data?: Record<string, string | number>;
  /** Defaults to the target's name. */
  span?: Span;
  env?: string;
  notes?: string[];
  fix?: Fix;
  /** Overrides the rule's severity for this finding (environment-compatibility infos). */
  severity?: Severity;
}

export interface RuleContext<O, MessageId extends string = string> {
  schema: Schema;
  options: O;
  index: SchemaIndex;
  environments: readonly LintEnvironment[];
  /** Full text of a schema file. */
  source(file: string): string;
  report(report: RuleReport<MessageId>): void;
  /** Parameters of prisma-lint's `/// prisma-lint-ignore-model <this rule> a,b` in a block. */
  ignoreParams(block: Model | Enum): string[];
}

/**
 * One lint rule: metadata beside logic, like an ESLint rule module (typescript-eslint's
 * `RuleModule<MessageIds, Options>`): `report` accepts only the keys of the rule's own messages.
 */
export interface Rule<O = unknown, Id extends string = string, MessageId extends string = string> {
  meta: RuleMeta<Id, MessageId>;
  options: OptionsSchema<O>;
  check(context: RuleContext<O, MessageId>): void;
}

/** Erases a rule's option and message types for the registry (its id may stay known). */
// biome-ignore lint/suspicious/noExplicitAny: a list of rules whose option types differ
export type AnyRule<Id extends string = string> = Rule<any, Id, string>;

/**
 * A rule with its types inferred: the options from `options`, the id as a literal and the
 * message ids from the keys of `meta.messages`, so a report naming another message id does not
 * compile.
 */
export function defineRule<O, const Id extends string, MessageId extends string>(rule: Rule<O, Id, MessageId>): Rule<O, Id, MessageId> {
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
