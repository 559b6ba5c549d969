import type { AnyRule } from '../rule.js';
import banUnboundedStringType from './ban-unbounded-string-type.js';
import columnNameSnakeCase from './column-name-snake-case.js';
import constraintNameSnakeCase from './constraint-name-snake-case.js';
import enumNamePascalCase from './enum-name-pascal-case.js';
import enumValueCase from './enum-value-case.js';
import enumValueConsistentCase from './enum-value-consistent-case.js';
import enumValueSnakeCase from './enum-value-snake-case.js';
import environmentCompatibility from './environment-compatibility.js';
import fieldNameCamelCase from './field-name-camel-case.js';
import fieldNameGrammaticalNumber from './field-name-grammatical-number.js';
import fieldNameMappingSnakeCase from './field-name-mapping-snake-case.js';
import fieldOrder from './field-order.js';
import forbidField from './forbid-field.js';
import forbidRequiredIgnoredField from './forbid-required-ignored-field.js';
import joinModelUnique from './join-model-unique.js';
import modelNameGrammaticalNumber from './model-name-grammatical-number.js';
import modelNameMappingSnakeCase from './model-name-mapping-snake-case.js';
import modelNamePascalCase from './model-name-pascal-case.js';
import modelNamePrefix from './model-name-prefix.js';
import relationForeignKeyIndex from './relation-foreign-key-index.js';
import relationForeignKeys from './relation-foreign-keys.js';
import relationOnDeleteExplicit from './relation-on-delete-explicit.js';
import relationOneToOneUnique from './relation-one-to-one-unique.js';
import requireCreatedAt from './require-created-at.js';
import requireDefaultEmptyArrays from './require-default-empty-arrays.js';
import requireFieldIndex from './require-field-index.js';
import requireFieldType from './require-field-type.js';
import requireField from './require-field.js';
import requireId from './require-id.js';
import requireUpdatedAt from './require-updated-at.js';
import tableNameSnakeCase from './table-name-snake-case.js';
import uniqueIdentifierExplicit from './unique-identifier-explicit.js';
import unusedSuppression from './unused-suppression.js';

/** Every rule, one file each, named by its id. */
export const RULES = [
  banUnboundedStringType,
  columnNameSnakeCase,
  constraintNameSnakeCase,
  enumNamePascalCase,
  enumValueCase,
  enumValueConsistentCase,
  enumValueSnakeCase,
  environmentCompatibility,
  fieldNameCamelCase,
  fieldNameGrammaticalNumber,
  fieldNameMappingSnakeCase,
  fieldOrder,
  forbidField,
  forbidRequiredIgnoredField,
  joinModelUnique,
  modelNameGrammaticalNumber,
  modelNameMappingSnakeCase,
  modelNamePascalCase,
  modelNamePrefix,
  relationForeignKeyIndex,
  relationForeignKeys,
  relationOnDeleteExplicit,
  relationOneToOneUnique,
  requireCreatedAt,
  requireDefaultEmptyArrays,
  requireFieldIndex,
  requireFieldType,
  requireField,
  requireId,
  requireUpdatedAt,
  tableNameSnakeCase,
  uniqueIdentifierExplicit,
  unusedSuppression,
] as const satisfies readonly AnyRule[];

/** The closed list of lint rule ids, from the rules themselves: the codes of source `lint`. */
export type LintRuleId = (typeof RULES)[number]['meta']['id'];

/** The message ids of one rule: the keys of its `meta.messages`. */
export type LintMessageId<Id extends LintRuleId> = keyof Extract<(typeof RULES)[number], { meta: { id: Id } }>['meta']['messages'] & string;

declare module '../../diagnostics/diagnostic.js' {
  interface DiagnosticCodes {
    lint: LintRuleId;
  }
}

/** A rule of the registry: its id is a LintRuleId. Looked up by any string (configuration, comments). */
export const RULES_BY_ID: ReadonlyMap<string, AnyRule<LintRuleId>> = new Map(RULES.map((r) => [r.meta.id, r]));

/** prisma-lint's 18 rules, under the same names. */
export const PRISMA_LINT_RULE_IDS: readonly LintRuleId[] = RULES.filter((r) => r.meta.origin === 'prisma-lint').map((r) => r.meta.id);
