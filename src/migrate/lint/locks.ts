/**
 * The table locks a PostgreSQL statement takes, from PostgreSQL's documented lock levels
 * (https://www.postgresql.org/docs/current/explicit-locking.html and the ALTER TABLE page: an
 * ALTER TABLE takes the strongest lock any of its subcommands needs). Shared by the lock-aware
 * lint rules and `migrate preflight`. Pure: text in, locks out.
 */
import { identifierAfter, unquote } from './statements.js';

/** PostgreSQL's table lock modes, weakest first. */
export const LOCK_MODES = [
  'ACCESS SHARE',
  'ROW SHARE',
  'ROW EXCLUSIVE',
  'SHARE UPDATE EXCLUSIVE',
  'SHARE',
  'SHARE ROW EXCLUSIVE',
  'EXCLUSIVE',
  'ACCESS EXCLUSIVE',
] as const;
export type LockMode = (typeof LOCK_MODES)[number];

export interface TableLock {
  table: string;
  mode: LockMode;
}

/** What a lock mode stops other sessions from doing while it is held. */
export function lockBlocks(mode: LockMode): 'reads and writes' | 'writes' | 'other schema changes' | 'nothing' {
  if (mode === 'ACCESS EXCLUSIVE') return 'reads and writes';
  if (mode === 'SHARE' || mode === 'SHARE ROW EXCLUSIVE' || mode === 'EXCLUSIVE') return 'writes';
  if (mode === 'SHARE UPDATE EXCLUSIVE') return 'other schema changes';
  return 'nothing';
}

function stronger(a: LockMode, b: LockMode): LockMode {
  return LOCK_MODES.indexOf(a) >= LOCK_MODES.indexOf(b) ? a : b;
}

/** The ALTER TABLE subcommands weaker than ACCESS EXCLUSIVE; every other one takes ACCESS EXCLUSIVE. */
function alterSubcommandLock(clause: string): LockMode {
  if (/^\s*ADD CONSTRAINT\s+\S+\s+FOREIGN KEY/i.test(clause)) return 'SHARE ROW EXCLUSIVE';
  if (/^\s*VALIDATE CONSTRAINT/i.test(clause)) return 'SHARE UPDATE EXCLUSIVE';
  if (/^\s*(?:ENABLE|DISABLE)\s+(?:ALWAYS\s+|REPLICA\s+)?TRIGGER/i.test(clause)) return 'SHARE ROW EXCLUSIVE';
  if (/^\s*(?:ALTER COLUMN\s+\S+\s+SET STATISTICS|SET\s*\(|RESET\s*\(|CLUSTER ON|SET WITHOUT CLUSTER)/i.test(clause)) return 'SHARE UPDATE EXCLUSIVE';
  return 'ACCESS EXCLUSIVE';
}

/** Splits an ALTER TABLE's action list on top-level commas (not inside parentheses or quotes). */
function alterClauses(actions: string): string[] {
  const clauses: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < actions.length; i++) {
    const char = actions[i];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === ',' && depth === 0) {
      clauses.push(actions.slice(start, i));
      start = i + 1;
    }
  }
  clauses.push(actions.slice(start));
  return clauses.map((clause) => clause.trim()).filter((clause) => clause !== '');
}

const NAME = String.raw`(?:"?[\w$]+"?\.)?("(?:[^"]|"")+"|[\w$]+)`;

/** Every table the statement locks and the mode, strongest per table. Data statements included. */
export function statementLocks(text: string): TableLock[] {
  const locks = new Map<string, LockMode>();
  const take = (table: string | undefined, mode: LockMode) => {
    if (table !== undefined) locks.set(table, stronger(locks.get(table) ?? 'ACCESS SHARE', mode));
  };
  const alter = new RegExp(`^ALTER TABLE\\s+(?:IF EXISTS\\s+)?(?:ONLY\\s+)?${NAME}\\s+(.*)$`, 'is').exec(text);
  if (alter) {
    const table = unquote(alter[1]);
    for (const clause of alterClauses(alter[2])) {
      take(table, alterSubcommandLock(clause));
      const referenced = new RegExp(`FOREIGN KEY\\s*\\([^)]*\\)\\s*REFERENCES\\s+${NAME}`, 'i').exec(clause);
      if (referenced) take(unquote(referenced[1]), 'SHARE ROW EXCLUSIVE');
    }
  } else if (/^CREATE (?:UNIQUE )?INDEX/i.test(text)) {
    const on = new RegExp(`\\bON\\s+(?:ONLY\\s+)?${NAME}`, 'i').exec(text);
    take(on ? unquote(on[1]) : undefined, /^CREATE (?:UNIQUE )?INDEX CONCURRENTLY/i.test(text) ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE');
  } else if (/^DROP TABLE/i.test(text)) {
    take(identifierAfter(text, 'DROP TABLE'), 'ACCESS EXCLUSIVE');
  } else if (/^TRUNCATE/i.test(text)) {
    take(identifierAfter(text, 'TRUNCATE(?: TABLE)?'), 'ACCESS EXCLUSIVE');
  } else if (/^CREATE (?:OR REPLACE )?(?:CONSTRAINT )?TRIGGER/i.test(text)) {
    const on = new RegExp(`\\bON\\s+${NAME}`, 'i').exec(text);
    take(on ? unquote(on[1]) : undefined, 'SHARE ROW EXCLUSIVE');
  } else if (/^DROP TRIGGER/i.test(text)) {
    const on = new RegExp(`\\bON\\s+${NAME}`, 'i').exec(text);
    take(on ? unquote(on[1]) : undefined, 'ACCESS EXCLUSIVE');
  } else if (/^(?:UPDATE|DELETE FROM|INSERT INTO)\b/i.test(text)) {
    take(identifierAfter(text, '(?:UPDATE(?: ONLY)?|DELETE FROM|INSERT INTO)'), 'ROW EXCLUSIVE');
  }
  // DROP INDEX names the index, not the table: the caller maps it (it takes ACCESS EXCLUSIVE on the table).
  return [...locks].map(([table, mode]) => ({ table, mode }));
}

/**
 * The first table not created by this migration that the statement locks so that writes wait
 * (SHARE or stronger), as the finding names it; undefined when none. A statement on a table this
 * migration created touches no existing rows (a new table's foreign key briefly locks the
 * referenced table, which is accepted). DROP INDEX names only the index; it takes ACCESS
 * EXCLUSIVE on the index's table.
 */
export function lockedExistingTable(text: string, createdTables: ReadonlySet<string>): { table?: string; subject: string } | undefined {
  if (/^DROP INDEX(?! CONCURRENTLY)/i.test(text)) return { subject: `the table of index "${identifierAfter(text, 'DROP INDEX')}"` };
  const locks = statementLocks(text);
  if (locks.length === 0 || createdTables.has(locks[0].table)) return undefined;
  const table = locks.find(
    (lock) => !createdTables.has(lock.table) && lockBlocks(lock.mode) !== 'nothing' && lockBlocks(lock.mode) !== 'other schema changes',
  )?.table;
  return table === undefined ? undefined : { table, subject: `existing table "${table}"` };
}
