import type { MigrationRule, RuleHit } from '../rule.js';
import { existingTableAlters, unquote } from '../statements.js';

export const addRequiredColumn: MigrationRule<'add-required-column'> = {
  code: 'add-required-column',
  severity: 'error',
  reason: 'Adding a NOT NULL column without a default fails on a table that already has rows.',
  recipe:
    'Add the column as optional (or with @default), backfill it, then make it required in a later migration: /// @steward.transition(backfill: "<SQL>") on the field and steward migrate create --expand-contract write these phases.',
  providers: ['sqlite', 'postgresql'],
  check({ statements, createdTables }) {
    const hits: RuleHit[] = [];
    for (const { statement, table } of existingTableAlters(statements, createdTables)) {
      for (const clause of statement.text.split(/,\s*(?=ADD COLUMN)/i)) {
        const match = /ADD COLUMN\s+("(?:[^"]|"")+"|[\w$]+)(.*)$/i.exec(clause);
        // Serial and identity columns fill every row from a sequence.
        if (!match || !/NOT NULL/i.test(match[2]) || /DEFAULT|SERIAL|GENERATED/i.test(match[2])) continue;
        const column = unquote(match[1]);
        hits.push({ line: statement.line, table, column, message: `adds required column "${table}"."${column}" without a default` });
      }
    }
    // Prisma writes a required column on SQLite as a table rebuild whose copy leaves it out.
    for (const statement of statements) {
      const created = /^CREATE TABLE "new_(.+?)" \((.*)\)$/i.exec(statement.text);
      if (!created) continue;
      const copy = statements.find((s) => s.text.startsWith(`INSERT INTO "new_${created[1]}"`));
      const copied = new Set((/\((.*?)\) SELECT/i.exec(copy?.text ?? '')?.[1] ?? '').split(',').map((name) => unquote(name.trim())));
      for (const definition of created[2].split(/,\s*(?=")/)) {
        const column = /^"((?:[^"]|"")+)"\s+(.*)$/.exec(definition.trim());
        if (!column || copied.has(column[1]) || !/NOT NULL/i.test(column[2]) || /DEFAULT|PRIMARY KEY/i.test(column[2])) continue;
        hits.push({
          line: statement.line,
          table: created[1],
          column: column[1],
          message: `adds required column "${created[1]}"."${column[1]}" without a default (table rebuild)`,
        });
      }
    }
    return hits;
  },
};
