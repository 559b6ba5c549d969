import type { MigrationRule } from '../rule.js';

export const indexLocksWrites: MigrationRule<'index-locks-writes'> = {
  code: 'index-locks-writes',
  severity: 'warning',
  reason: 'CREATE INDEX without CONCURRENTLY blocks every write to the table until the index is built.',
  recipe: 'On large tables, edit the migration to CREATE INDEX CONCURRENTLY, alone in its own migration (it cannot run inside a transaction).',
  providers: ['postgresql'],
  check({ statements, createdTables }) {
    return statements.flatMap((statement) => {
      const match = /^CREATE (?:UNIQUE )?INDEX "(.+?)" ON "(.+?)"/i.exec(statement.text);
      if (!match || createdTables.has(match[2])) return [];
      return [{ line: statement.line, table: match[2], message: `builds index "${match[1]}" on existing table "${match[2]}" while blocking writes` }];
    });
  },
};
