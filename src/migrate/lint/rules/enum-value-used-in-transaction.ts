import type { MigrationRule, RuleHit } from '../rule.js';
import { identifierAfter } from '../statements.js';

/**
 * Prisma runs a PostgreSQL migration as one transaction (a multi-statement script). A value added
 * by ALTER TYPE ... ADD VALUE cannot be used before that transaction commits ("unsafe use of new
 * value"), so a default or an UPDATE naming it in the same migration fails at deploy.
 */
export const enumValueUsedInTransaction: MigrationRule<'enum-value-used-in-transaction'> = {
  code: 'enum-value-used-in-transaction',
  severity: 'error',
  reason: 'A value added with ALTER TYPE ... ADD VALUE cannot be used in the transaction that added it: the migration fails with "unsafe use of new value".',
  recipe: 'Add the enum value in one migration, and use it (as a default, in an UPDATE) in the next one.',
  providers: ['postgresql'],
  check({ statements }) {
    const hits: RuleHit[] = [];
    const added: Array<{ type: string; value: string }> = [];
    for (const statement of statements) {
      const addition = /^ALTER TYPE\s+.*?\s+ADD VALUE\s+(?:IF NOT EXISTS\s+)?'((?:[^']|'')*)'/i.exec(statement.text);
      if (addition) {
        added.push({ type: identifierAfter(statement.text, 'ALTER TYPE') ?? '?', value: addition[1] });
        continue;
      }
      for (const { type, value } of added) {
        if (!statement.text.includes(`'${value}'`)) continue;
        hits.push({ line: statement.line, message: `uses enum value '${value.replace(/''/g, "'")}' of "${type}" in the migration that adds it` });
      }
    }
    return hits;
  },
};
