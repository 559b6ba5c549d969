import type { MigrationRule } from '../rule.js';

export const addUniqueConstraint: MigrationRule<'add-unique-constraint'> = {
  code: 'add-unique-constraint',
  severity: 'warning',
  reason: 'A unique index on a table that already has rows fails if any duplicates exist.',
  recipe: 'Find and resolve duplicates first (SELECT col, count(*) ... GROUP BY col HAVING count(*) > 1), then add the constraint.',
  providers: ['sqlite', 'postgresql'],
  check({ statements, createdTables }) {
    return statements.flatMap((statement) => {
      const match = /^CREATE UNIQUE INDEX (?:CONCURRENTLY )?"(.+?)" ON "(.+?)"\s*\((.*)\)$/i.exec(statement.text);
      if (!match || createdTables.has(match[2]) || match[2].startsWith('new_')) return [];
      return [{ line: statement.line, table: match[2], message: `adds unique index "${match[1]}" on existing table "${match[2]}" (${match[3]})` }];
    });
  },
};
