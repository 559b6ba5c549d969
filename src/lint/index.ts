export { lintSchema, type LintRunOptions, UNUSED_SUPPRESSION } from './engine.js';
export { fixSchemaFiles, type FixResult } from './fix.js';
export { applyBaseline, createBaseline, parseBaseline, serializeBaseline, type Baseline, type BaselineEntry } from './baseline.js';
export { resolveLintConfig, loadPrismaLintConfig, validateLintSection, type LintSection, type RuleEntry, type RuleLevel } from './config.js';
export { PRESETS, presetSeverities, type PresetName } from './presets.js';
export { RULES, RULES_BY_ID, PRISMA_LINT_RULE_IDS } from './rules/index.js';
export type { Rule, RuleMeta, RuleContext, RuleReport, LintTarget } from './rule.js';
export type { LintConfig, LintOverride, RuleSetting } from './settings.js';
export { toSnakeCase, toTableName, splitWords } from '../schema/naming.js';
