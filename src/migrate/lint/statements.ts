import type { SqlStatement } from '../../engine/sql-statements.js';

/** Helpers for migration lint rules over split statements (see src/engine/sql-statements.ts). */
/** `-- steward-ack: drop-column, drop-table` comments: codes the author accepted for this migration. */
export function acknowledgedCodes(script: string): Set<string> {
  const codes = new Set<string>();
  for (const match of script.matchAll(/--\s*steward-ack:\s*([a-z0-9, -]+)/gi)) {
    for (const code of match[1].split(/[\s,]+/)) if (code) codes.add(code.toLowerCase());
  }
  return codes;
}

/** The first quoted or bare identifier after a keyword sequence, e.g. tableAfter(text, 'ALTER TABLE'). */
export function identifierAfter(text: string, keywords: string): string | undefined {
  const pattern = new RegExp(`${keywords.replace(/ /g, '\\s+')}\\s+(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?(?:"?[\\w$]+"?\\.)?("(?:[^"]|"")+"|[\\w$]+)`, 'i');
  const match = pattern.exec(text);
  return match ? unquote(match[1]) : undefined;
}

export function unquote(identifier: string): string {
  return identifier.startsWith('"') ? identifier.slice(1, -1).replace(/""/g, '"') : identifier;
}

/** The ALTER TABLE statements of a migration on tables it did not create (changes to a new table touch no data), with the table's name. */
export function* existingTableAlters(
  statements: readonly SqlStatement[],
  createdTables: ReadonlySet<string>,
): Generator<{ statement: SqlStatement; table: string }> {
  for (const statement of statements) {
    if (!/^ALTER TABLE/i.test(statement.text)) continue;
    const table = identifierAfter(statement.text, 'ALTER TABLE');
    if (table !== undefined && !createdTables.has(table)) yield { statement, table };
  }
}
