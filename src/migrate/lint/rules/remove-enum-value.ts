import type { MigrationRule } from '../rule.js';

/** Prisma's enum rebuild: the new type with the remaining values. */
const ENUM_SWAP = /^CREATE TYPE "(.+?)_new" AS ENUM \((.*)\)$/i;

export const removeEnumValue: MigrationRule<'remove-enum-value'> = {
  code: 'remove-enum-value',
  severity: 'error',
  reason: 'Removing an enum value fails on rows that still hold it, and recreates the type under a lock.',
  recipe: 'Migrate rows off the value (UPDATE ... SET col = other), deploy code that no longer writes it, then remove it.',
  providers: ['postgresql'],
  readsBefore: ({ statements }) => statements.some((statement) => ENUM_SWAP.test(statement.text)),
  check({ statements, before }) {
    // Prisma removes a value by creating "<Enum>_new" with the remaining values and swapping it in.
    return statements.flatMap((statement) => {
      const match = ENUM_SWAP.exec(statement.text);
      if (!match) return [];
      const kept = new Set([...match[2].matchAll(/'((?:[^']|'')*)'/g)].map((value) => value[1].replace(/''/g, "'")));
      const removed = before?.enums.find((e) => e.name === match[1])?.values.filter((value) => !kept.has(value)) ?? [];
      const what = removed.length > 0 ? `value${removed.length > 1 ? 's' : ''} ${removed.map((v) => `'${v}'`).join(', ')}` : 'values';
      return [{ line: statement.line, message: `removes ${what} from enum "${match[1]}"` }];
    });
  },
};
