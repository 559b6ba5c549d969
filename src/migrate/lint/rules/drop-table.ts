import type { MigrationRule } from '../rule.js';
import { identifierAfter } from '../statements.js';

export const dropTable: MigrationRule<'drop-table'> = {
  code: 'drop-table',
  severity: 'error',
  reason: 'Dropping a table deletes every row in it, and code still deployed may query it.',
  recipe:
    'Stop reading and writing the table in one release, back it up, then drop it in a later migration (/// @steward.transition(dropTable: "old") on the datasource and steward migrate create --expand-contract refuse the drop while code still uses it); for a rename use /// @steward.renamedFrom("Old").',
  providers: ['sqlite', 'postgresql'],
  check({ statements }) {
    // SQLite rebuilds drop the old table and rename "new_<table>" into place: not a real drop.
    const rebuilt = new Set(statements.map((s) => /^ALTER TABLE "new_(.+?)" RENAME TO/i.exec(s.text)?.[1]).filter((name): name is string => !!name));
    return statements
      .filter((s) => /^DROP TABLE/i.test(s.text))
      .map((s) => ({ statement: s, table: identifierAfter(s.text, 'DROP TABLE') }))
      .filter(({ table }) => table !== undefined && !rebuilt.has(table))
      .map(({ statement, table }) => ({ line: statement.line, table, message: `drops table "${table}" and all its rows` }));
  },
};
