import type { MigrationRule } from './rule.js';
import { addRequiredColumn } from './rules/add-required-column.js';
import { addUniqueConstraint } from './rules/add-unique-constraint.js';
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
] as const satisfies readonly MigrationRule[];

export type MigrationLintCode = (typeof MIGRATION_RULES)[number]['code'];
