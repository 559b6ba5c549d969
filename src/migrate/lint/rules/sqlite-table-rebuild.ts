import type { MigrationRule } from '../rule.js';

export const sqliteTableRebuild: MigrationRule<'sqlite-table-rebuild'> = {
  code: 'sqlite-table-rebuild',
  severity: 'warning',
  reason:
    'SQLite cannot alter most column properties, so Prisma copies the table into a new one: slow on large tables, and foreign keys are off during the copy.',
  recipe: 'Run it in a maintenance window on large tables; check `PRAGMA foreign_key_check` afterwards.',
  providers: ['sqlite'],
  check({ statements }) {
    return statements.flatMap((statement) => {
      const match = /^CREATE TABLE "new_(.+?)"/i.exec(statement.text);
      return match ? [{ line: statement.line, table: match[1], message: `rebuilds table "${match[1]}" (copy into "new_${match[1]}", drop, rename)` }] : [];
    });
  },
};
