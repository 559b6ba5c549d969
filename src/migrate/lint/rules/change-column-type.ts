import type { MigrationRule, RuleHit } from '../rule.js';
import { identifierAfter, unquote } from '../statements.js';

export const changeColumnType: MigrationRule = {
  code: 'change-column-type',
  severity: 'error',
  reason: 'Changing a column type rewrites the table under an exclusive lock, and a narrower type fails on (or truncates) values that do not fit.',
  recipe: 'Add a new column of the new type, backfill it in batches, switch the code over, then drop the old column.',
  providers: ['postgresql'],
  check({ statements }) {
    // Prisma's enum value removal moves columns onto "<Enum>_new": that is remove-enum-value's finding.
    const swappedEnums = new Set(statements.map((s) => /^CREATE TYPE ("[^"]+_new") AS ENUM/i.exec(s.text)?.[1]).filter((name): name is string => !!name));
    const hits: RuleHit[] = [];
    for (const statement of statements) {
      if (!/^ALTER TABLE/i.test(statement.text)) continue;
      const table = identifierAfter(statement.text, 'ALTER TABLE');
      for (const match of statement.text.matchAll(/ALTER COLUMN\s+("(?:[^"]|"")+"|[\w$]+)\s+(?:SET DATA )?TYPE\s+([^,]+?)(?:\s+USING|,|$)/gi)) {
        const column = unquote(match[1]);
        const type = match[2].trim().replace(/\[\]$/, '');
        if (swappedEnums.has(type)) continue;
        hits.push({ line: statement.line, table, column, message: `changes the type of "${table}"."${column}" to ${match[2].trim()}` });
      }
    }
    return hits;
  },
};
