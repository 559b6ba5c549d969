import type { MigrationRule } from './rule.js';
import { addRequiredColumn } from './rules/add-required-column.js';
import { addUniqueConstraint } from './rules/add-unique-constraint.js';
import { addColumnRewrites } from './rules/add-column-rewrites.js';
import { constraintMissingNotValid } from './rules/constraint-missing-not-valid.js';
import { enumValueUsedInTransaction } from './rules/enum-value-used-in-transaction.js';
import { missingLockTimeout } from './rules/missing-lock-timeout.js';
import { setNotNull } from './rules/set-not-null.js';
import { changeColumnType } from './rules/change-column-type.js';
import { dropColumn } from './rules/drop-column.js';
import { dropTable } from './rules/drop-table.js';
import { indexLocksWrites } from './rules/index-locks-writes.js';
import { removeEnumValue } from './rules/remove-enum-value.js';
import { sqliteTableRebuild } from './rules/sqlite-table-rebuild.js';

/** The closed list of migration safety rules. */
export const MIGRATION_RULES = [
  dropTable,
  dropColumn,
  addRequiredColumn,
  changeColumnType,
  removeEnumValue,
  addUniqueConstraint,
  sqliteTableRebuild,
  indexLocksWrites,
  enumValueUsedInTransaction,
  setNotNull,
  constraintMissingNotValid,
  addColumnRewrites,
  missingLockTimeout,
] as const satisfies readonly MigrationRule[];

/** The code of each safety rule: one per rule, derived from the rules. */
export type MigrationLintCode = (typeof MIGRATION_RULES)[number]['code'];

/** The codes of source `migrate-lint`: a rule's, or an acknowledgement in steward.config that no longer matches (lint-history.ts). */
export type MigrateLintCode = MigrationLintCode | 'acknowledgement-outdated';

declare module '../../diagnostics/diagnostic.js' {
  interface DiagnosticCodes {
    'migrate-lint': MigrateLintCode;
  }
}
