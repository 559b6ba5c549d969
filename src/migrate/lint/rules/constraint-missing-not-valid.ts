import type { MigrationRule, RuleHit } from '../rule.js';
import { existingTableAlters, unquote } from '../statements.js';

/**
 * A foreign key or CHECK added to a table that already has rows is validated at once: PostgreSQL
 * reads every row while holding SHARE ROW EXCLUSIVE on the table (and, for a foreign key, on the
 * referenced table), so writes to both wait for the whole scan.
 */
export const constraintMissingNotValid: MigrationRule<'constraint-missing-not-valid'> = {
  code: 'constraint-missing-not-valid',
  severity: 'warning',
  reason: 'ADD CONSTRAINT (FOREIGN KEY or CHECK) on a table with rows checks every row while blocking writes to it (and to the referenced table).',
  recipe:
    'Add it with NOT VALID (checks new rows only, brief lock), then ALTER TABLE ... VALIDATE CONSTRAINT in a later migration (scans without blocking writes).',
  providers: ['postgresql'],
  check({ statements, createdTables }) {
    const hits: RuleHit[] = [];
    for (const { statement, table } of existingTableAlters(statements, createdTables)) {
      if (/\bNOT VALID\b/i.test(statement.text)) continue;
      for (const match of statement.text.matchAll(/ADD CONSTRAINT\s+("(?:[^"]|"")+"|[\w$]+)\s+(FOREIGN KEY|CHECK)\b/gi)) {
        const kind = match[2].toUpperCase() === 'CHECK' ? 'check constraint' : 'foreign key';
        hits.push({ line: statement.line, table, message: `adds ${kind} "${unquote(match[1])}" on existing table "${table}" without NOT VALID` });
      }
    }
    return hits;
  },
};
