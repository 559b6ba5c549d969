import type { MigrationRule, RuleHit } from '../rule.js';
import { identifierAfter, unquote } from '../statements.js';

/** SQLite's table rebuild: the copy of the surviving columns into `new_<table>`. */
const REBUILD_COPY = /^INSERT INTO "new_(.+?)" \((.*?)\) SELECT .* FROM "(.+?)"$/i;

export const dropColumn: MigrationRule<'drop-column'> = {
  code: 'drop-column',
  severity: 'error',
  reason: 'Dropping a column deletes its data, and code still deployed may read or write it.',
  recipe:
    'Stop using the column first (expand/contract: /// @steward.transition(drop: "old") on the model and steward migrate create --expand-contract, which refuses the drop while code still uses it), back it up, then drop it in a later migration; for a rename use /// @steward.renamedFrom("old"), or /// @steward.transition(from: "old") with steward migrate create --expand-contract to keep old and new code running.',
  providers: ['sqlite', 'postgresql'],
  readsBefore: ({ statements }) => statements.some((statement) => REBUILD_COPY.test(statement.text)),
  check({ statements, before }) {
    const hits: RuleHit[] = [];
    for (const statement of statements) {
      if (!/^ALTER TABLE/i.test(statement.text)) continue;
      const table = identifierAfter(statement.text, 'ALTER TABLE');
      for (const match of statement.text.matchAll(/DROP COLUMN\s+(?:IF EXISTS\s+)?("(?:[^"]|"")+"|[\w$]+)/gi)) {
        const column = unquote(match[1]);
        hits.push({ line: statement.line, table, column, message: `drops column "${table}"."${column}" and its data` });
      }
    }
    // A SQLite rebuild copies the surviving columns: any column of the old table left out is dropped.
    for (const statement of statements) {
      const copy = REBUILD_COPY.exec(statement.text);
      if (!copy || !before) continue;
      const old = before.tables.find((table) => table.name === copy[3]);
      if (!old) continue;
      const kept = new Set(copy[2].split(',').map((name) => unquote(name.trim())));
      for (const column of old.columns) {
        if (!kept.has(column.name))
          hits.push({
            line: statement.line,
            table: old.name,
            column: column.name,
            message: `drops column "${old.name}"."${column.name}" and its data (table rebuild)`,
          });
      }
    }
    return hits;
  },
};
