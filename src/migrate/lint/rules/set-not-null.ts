import type { MigrationRule, RuleHit } from '../rule.js';
import { existingTableAlters, unquote } from '../statements.js';

/** What Prisma writes when an optional field becomes required on PostgreSQL. */
export const setNotNull: MigrationRule<'set-not-null'> = {
  code: 'set-not-null',
  severity: 'warning',
  reason: 'SET NOT NULL reads every row under ACCESS EXCLUSIVE (no reads or writes meanwhile) and fails if any row holds NULL.',
  recipe:
    'Backfill the NULLs first (steward migrate preflight counts them); on a large table add CHECK ("col" IS NOT NULL) NOT VALID, VALIDATE it in a later migration, then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the check.',
  providers: ['postgresql'],
  check({ statements, createdTables }) {
    const hits: RuleHit[] = [];
    for (const { statement, table } of existingTableAlters(statements, createdTables)) {
      for (const match of statement.text.matchAll(/ALTER COLUMN\s+("(?:[^"]|"")+"|[\w$]+)\s+SET NOT NULL/gi)) {
        const column = unquote(match[1]);
        hits.push({ line: statement.line, table, column, message: `makes "${table}"."${column}" required: scans the table and fails on NULL rows` });
      }
    }
    return hits;
  },
};
