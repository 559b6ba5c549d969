/**
 * The SQL of each expand/contract phase on PostgreSQL. Pure: names and types in, SQL out.
 *
 * expand: the new column, nullable, beside the old one, and a trigger that keeps both in step
 * while old and new code run: a row written by old code (old column only) gets the new column
 * filled, a row written by new code gets the old one filled, an UPDATE of either side is copied
 * to the other. The function body is a single-quoted string (not `$$`) so every SQL splitter,
 * steward's lint included, sees one statement.
 * backfill: batches of one UPDATE each, in their own transactions (backfill.ts runs them).
 * contract: a last catch-up of rows the backfill missed, the trigger dropped, then Prisma's own
 * diff to the final shape (drop the old column, NOT NULL, indexes), composed by expand-contract.ts.
 */
import { transitionMarkerLine } from '../../diff/transition-markers.js';
import { quote } from '../preflight/checks.js';
import type { Transition } from './transitions.js';

export interface TransitionColumns {
  transition: Transition;
  /** The new column's type as Prisma writes it (`TEXT`, `BIGINT`, `VARCHAR(120)`). */
  newType: string;
  /** The old column's type as the catalog spells it (`text`, `integer`), for `from` transitions. */
  oldType?: string;
}

/** PostgreSQL identifiers are at most 63 bytes. */
export function syncName(transition: Transition): string {
  return `steward_sync_${transition.table}_${transition.column}`.slice(0, 63);
}

/** The new column's value computed from a row (`row` is `NEW` in the trigger, empty in an UPDATE). */
export function newValue(columns: TransitionColumns, row = ''): string {
  const { transition, newType } = columns;
  return transition.from !== undefined ? `(${row}${quote(transition.from)})::${newType}` : `(${transition.backfill})`;
}

export function expandSql(columns: TransitionColumns): string {
  const { transition, newType, oldType } = columns;
  const t = quote(transition.table);
  const n = quote(transition.column);
  const name = quote(syncName(transition));
  let body: string;
  if (transition.from !== undefined) {
    const o = quote(transition.from);
    body = [
      'BEGIN',
      "  IF TG_OP = 'INSERT' THEN",
      `    IF NEW.${n} IS NULL AND NEW.${o} IS NOT NULL THEN NEW.${n} := ${newValue(columns, 'NEW.')}; END IF;`,
      `    IF NEW.${o} IS NULL AND NEW.${n} IS NOT NULL THEN NEW.${o} := (NEW.${n})::${oldType}; END IF;`,
      `  ELSIF NEW.${o} IS DISTINCT FROM OLD.${o} AND NEW.${n} IS NOT DISTINCT FROM OLD.${n} THEN`,
      `    NEW.${n} := ${newValue(columns, 'NEW.')};`,
      `  ELSIF NEW.${n} IS DISTINCT FROM OLD.${n} AND NEW.${o} IS NOT DISTINCT FROM OLD.${o} THEN`,
      `    NEW.${o} := (NEW.${n})::${oldType};`,
      '  END IF;',
      '  RETURN NEW;',
      'END;',
    ].join('\n');
  } else {
    // The backfill expression reads the row's own columns: evaluated over NEW's fields.
    body = [
      'BEGIN',
      `  IF NEW.${n} IS NULL THEN NEW.${n} := (SELECT ${transition.backfill} FROM (SELECT NEW.*) AS ${t}); END IF;`,
      '  RETURN NEW;',
      'END;',
    ].join('\n');
  }
  return [
    `-- steward expand/contract, expand: ${transition.model}.${transition.field} (see docs/migrations.md#expandcontract)`,
    transitionMarkerLine('expand', transition),
    "SET lock_timeout = '5s';",
    `ALTER TABLE ${t} ADD COLUMN ${n} ${newType};`,
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS '${body.replace(/'/g, "''")}';`,
    `CREATE TRIGGER ${name} BEFORE INSERT OR UPDATE ON ${t} FOR EACH ROW EXECUTE FUNCTION ${name}();`,
    '',
  ].join('\n');
}

/** Rows the backfill still has to fill. */
export function pendingRowsCondition(columns: TransitionColumns): string {
  const { transition } = columns;
  const n = quote(transition.column);
  return transition.from !== undefined ? `${n} IS NULL AND ${quote(transition.from)} IS NOT NULL` : `${n} IS NULL`;
}

/** One backfill batch: `$1` rows, locked rows skipped (a later batch takes them). */
export function backfillBatchSql(columns: TransitionColumns): string {
  const t = quote(columns.transition.table);
  return `UPDATE ${t} SET ${quote(columns.transition.column)} = ${newValue(columns)} WHERE ctid IN (SELECT ctid FROM ${t} WHERE ${pendingRowsCondition(columns)} LIMIT $1 FOR UPDATE SKIP LOCKED)`;
}

/** What contract runs before Prisma's diff: the catch-up, then the sync trigger and function dropped. */
export function contractPreludeSql(columns: TransitionColumns): string {
  const { transition } = columns;
  const t = quote(transition.table);
  const name = quote(syncName(transition));
  return [
    `-- steward expand/contract, contract: ${transition.model}.${transition.field} (see docs/migrations.md#expandcontract)`,
    transitionMarkerLine('contract', transition),
    `-- steward-ack: drop-column, set-not-null (the old shape is unused: checked by steward's usage gate)`,
    "SET lock_timeout = '5s';",
    `UPDATE ${t} SET ${quote(transition.column)} = ${newValue(columns)} WHERE ${pendingRowsCondition(columns)};`,
    `DROP TRIGGER IF EXISTS ${name} ON ${t};`,
    `DROP FUNCTION IF EXISTS ${name}();`,
    '',
  ].join('\n');
}
