/**
 * The reverse of the renames steward plans (renames.ts), for down.sql: each statement with its
 * two names swapped, in reverse order (a column renamed inside a renamed table is renamed back
 * first, under the table's new name). The statements have a handful of fixed forms; one that does
 * not match (none today) makes the whole reverse unknown, and down.sql falls back to the engine's
 * plan (a drop and a create).
 */
import type { PlannedRename } from './renames.js';

const ID = '"(?:[^"]|"")*"';
const QUALIFIED = `(?:${ID}\\.)?`;
const LITERAL = "'(?:[^']|'')*'";

const RENAME_TO = new RegExp(`^(ALTER (?:TABLE|TYPE|INDEX) )(${QUALIFIED})(${ID}) RENAME TO (${ID});$`);
const RENAME_COLUMN = new RegExp(`^(ALTER TABLE ${QUALIFIED}${ID} RENAME COLUMN )(${ID}) TO (${ID});$`);
const RENAME_VALUE = new RegExp(`^(ALTER TYPE ${QUALIFIED}${ID} RENAME VALUE )(${LITERAL}) TO (${LITERAL});$`);

/** One statement reversed, or undefined when it is not one of the planned forms. */
function reverseStatement(statement: string): string | undefined {
  let match = RENAME_TO.exec(statement);
  if (match) return `${match[1]}${match[2]}${match[4]} RENAME TO ${match[3]};`;
  match = RENAME_COLUMN.exec(statement);
  if (match) return `${match[1]}${match[3]} TO ${match[2]};`;
  match = RENAME_VALUE.exec(statement);
  if (match) return `${match[1]}${match[3]} TO ${match[2]};`;
  return undefined;
}

/** The statements undoing `renames`, newest first; undefined when any cannot be reversed. */
export function reverseRenames(renames: readonly PlannedRename[]): string[] | undefined {
  const statements = renames.flatMap((rename) =>
    rename.sql
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  );
  const reversed: string[] = [];
  for (const statement of statements.reverse()) {
    const undone = reverseStatement(statement);
    if (undone === undefined) return undefined;
    reversed.push(undone);
  }
  return reversed;
}
