import type { MigrationRule, RuleHit } from '../rule.js';
import { existingTableAlters, unquote } from '../statements.js';

/**
 * Since PostgreSQL 11 a constant (or stable, e.g. now()) default is stored once in the catalog;
 * a volatile one must be computed per row, so the table is rewritten under ACCESS EXCLUSIVE.
 * Serial and identity columns draw from a sequence per row, and stored generated columns are
 * computed per row: the same rewrite.
 */
const VOLATILE = /\b(gen_random_uuid|uuid_generate_v[1-5]\w*|random|clock_timestamp|timeofday|statement_timestamp|nextval|txid_current|gen_random_bytes)\s*\(/i;
const PER_ROW = /^\s*(?:SMALLSERIAL|SERIAL|BIGSERIAL)\b|\bGENERATED\s+(?:ALWAYS|BY DEFAULT)\s+AS\s+(?:IDENTITY|\(.*\)\s*STORED)/i;

export const addColumnRewrites: MigrationRule<'add-column-rewrites'> = {
  code: 'add-column-rewrites',
  severity: 'warning',
  reason:
    'ADD COLUMN with a volatile default (gen_random_uuid(), random(), clock_timestamp()...), a serial/identity or a stored generated column rewrites the whole table under ACCESS EXCLUSIVE: no reads or writes until it ends.',
  recipe:
    'Add the column without a default (or with a constant one), SET DEFAULT in the same migration for new rows, backfill existing rows in batches, then make it required.',
  providers: ['postgresql'],
  check({ statements, createdTables }) {
    const hits: RuleHit[] = [];
    for (const { statement, table } of existingTableAlters(statements, createdTables)) {
      for (const clause of statement.text.split(/,\s*(?=ADD COLUMN|ALTER COLUMN|DROP COLUMN|ADD CONSTRAINT)/i)) {
        const match = /ADD COLUMN\s+(?:IF NOT EXISTS\s+)?("(?:[^"]|"")+"|[\w$]+)\s+(.*)$/i.exec(clause);
        if (!match) continue;
        const definition = match[2];
        const volatile = /\bDEFAULT\b(.*)$/i.exec(definition.replace(/'(?:[^']|'')*'/g, "''"))?.[1].match(VOLATILE)?.[1];
        const perRow = PER_ROW.exec(definition)?.[0].trim().split(/\s+/).slice(0, 2).join(' ');
        if (!volatile && !perRow) continue;
        const why = volatile ? `volatile default ${volatile}()` : perRow!.toUpperCase();
        hits.push({
          line: statement.line,
          table,
          column: unquote(match[1]),
          message: `adds column "${table}"."${unquote(match[1])}" with ${why}: rewrites the table`,
        });
      }
    }
    return hits;
  },
};
