/**
 * How long a statement holds its lock, as the lint rules judge it: `rewrite` (the table is copied:
 * a volatile default, a type change PostgreSQL cannot make in place), `scan` (every row is read
 * under the lock: an index build, SET NOT NULL, a constraint validated at once) or `brief` (a
 * catalog change). The rules' own detection is reused, with the live structure as `before`.
 */
import type { DatabaseSchema } from '../../database/model.js';
import type { MigrationRule } from '../lint/rule.js';
import { addColumnRewrites } from '../lint/rules/add-column-rewrites.js';
import { changeColumnType } from '../lint/rules/change-column-type.js';
import { constraintMissingNotValid } from '../lint/rules/constraint-missing-not-valid.js';
import { indexLocksWrites } from '../lint/rules/index-locks-writes.js';
import { setNotNull } from '../lint/rules/set-not-null.js';

export type LockDuration = 'brief' | 'scan' | 'rewrite';

const REWRITES: readonly MigrationRule[] = [addColumnRewrites, changeColumnType];
const SCANS: readonly MigrationRule[] = [indexLocksWrites, setNotNull, constraintMissingNotValid];

export function lockDuration(text: string, live: DatabaseSchema): LockDuration {
  const context = { provider: 'postgresql' as const, statements: [{ text, line: 1 }], createdTables: new Set<string>(), before: live };
  if (REWRITES.some((rule) => rule.check(context).length > 0)) return 'rewrite';
  if (SCANS.some((rule) => rule.check(context).length > 0)) return 'scan';
  return 'brief';
}
