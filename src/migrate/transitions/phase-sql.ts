/**
 * The SQL of each expand/contract phase on PostgreSQL. Pure: names and types in, SQL out.
 *
 * expand: the new column, nullable, beside the old one, and a trigger that keeps both in step
 * while old and new code run: a row written by old code (old column only) gets the new column
 * filled, a row written by new code gets the old one filled, an UPDATE of either side is copied
 * to the other. A computed column (a split's) is only filled from the old one; the old column is
 * then retired like a drop: its own trigger (`steward_syncback_`, which fires after every
 * `steward_sync_` one, PostgreSQL firing a table's triggers in name order) fills it from the new
 * columns with the drop's `backfill`, or, without one, expand drops its NOT NULL so new code can
 * insert without it. The function body is a single-quoted string (not `$$`) so every SQL splitter,
 * steward's lint included, sees one statement.
 * backfill: batches of one UPDATE each, in their own transactions (backfill.ts runs them).
 * contract: a last catch-up of rows the backfill missed, the trigger dropped, then Prisma's own
 * diff to the final shape (drop the old column, NOT NULL, indexes), composed by expand-contract.ts.
 * Each phase carries one marker line per transition it serves (src/diff/transition-markers.ts):
 * diff and the changelog read the phase from it, `migrate deploy` gates a contract by it.
 */
import { transitionMarkerLine } from '../../diff/transition-markers.js';
import { quote } from '../preflight/checks.js';
import { syncBackName, type Transition } from './transitions.js';

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
  if (transition.backfill !== undefined) return row === '' ? `(${transition.backfill})` : rowExpression(transition, transition.backfill);
  return `(${row}${quote(transition.from!)})::${newType}`;
}

/** An expression over the row's columns, evaluated in a trigger over NEW's fields. */
function rowExpression(transition: Transition, expression: string): string {
  return `(SELECT ${expression} FROM (SELECT NEW.*) AS ${quote(transition.table)})`;
}

/**
 * expand for a column: added nullable, with its sync trigger. `reverse`: the old column is kept
 * filled from the new one by a cast (a rename, a type change); otherwise only old -> new.
 */
export function expandSql(columns: TransitionColumns, reverse = true): string {
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
      ...(reverse ? [`    IF NEW.${o} IS NULL AND NEW.${n} IS NOT NULL THEN NEW.${o} := (NEW.${n})::${oldType}; END IF;`] : []),
      `  ELSIF NEW.${o} IS DISTINCT FROM OLD.${o} AND NEW.${n} IS NOT DISTINCT FROM OLD.${n} THEN`,
      `    NEW.${n} := ${newValue(columns, 'NEW.')};`,
      ...(reverse
        ? [`  ELSIF NEW.${n} IS DISTINCT FROM OLD.${n} AND NEW.${o} IS NOT DISTINCT FROM OLD.${o} THEN`, `    NEW.${o} := (NEW.${n})::${oldType};`]
        : []),
      '  END IF;',
      '  RETURN NEW;',
      'END;',
    ].join('\n');
  } else {
    // The backfill expression reads the row's own columns: evaluated over NEW's fields.
    body = ['BEGIN', `  IF NEW.${n} IS NULL THEN NEW.${n} := ${newValue(columns, 'NEW.')}; END IF;`, '  RETURN NEW;', 'END;'].join('\n');
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

/**
 * expand for a retired column (a drop, or a split's old column). With a `backfill`: a trigger fills
 * it for rows inserted without it and, when new code changes one of the `split` columns of a filled
 * row (not the backfill's first fill: the old value was NULL), computes it again, so old code keeps
 * reading whole rows. Without one, a NOT NULL column without default becomes nullable. Empty when
 * neither is needed.
 */
export function expandDropSql(transition: Transition, column: { nullable: boolean; default: string | null }, split: readonly string[]): string {
  const t = quote(transition.table);
  const o = quote(transition.column);
  const statements: string[] = [];
  if (transition.backfill !== undefined) {
    const name = quote(syncBackName(transition));
    const value = rowExpression(transition, transition.backfill);
    const changed = split.map((c) => `(OLD.${quote(c)} IS NOT NULL AND NEW.${quote(c)} IS DISTINCT FROM OLD.${quote(c)})`);
    const body = [
      'BEGIN',
      "  IF TG_OP = 'INSERT' THEN",
      `    IF NEW.${o} IS NULL THEN NEW.${o} := ${value}; END IF;`,
      ...(changed.length > 0 ? [`  ELSIF NEW.${o} IS NOT DISTINCT FROM OLD.${o} AND (${changed.join(' OR ')}) THEN`, `    NEW.${o} := ${value};`] : []),
      '  END IF;',
      '  RETURN NEW;',
      'END;',
    ].join('\n');
    statements.push(
      `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS '${body.replace(/'/g, "''")}';`,
      `CREATE TRIGGER ${name} BEFORE INSERT OR UPDATE ON ${t} FOR EACH ROW EXECUTE FUNCTION ${name}();`,
    );
  } else if (!column.nullable && column.default === null) {
    statements.push(`ALTER TABLE ${t} ALTER COLUMN ${o} DROP NOT NULL;`);
  }
  if (statements.length === 0) return '';
  return [
    `-- steward expand/contract, expand: ${transition.model} retires "${transition.column}" (see docs/migrations.md#expandcontract)`,
    transitionMarkerLine('expand', transition),
    "SET lock_timeout = '5s';",
    ...statements,
    '',
  ].join('\n');
}

/**
 * expand for a retired table: its foreign keys to the tables that stay are dropped, so new code,
 * which no longer knows the table, can delete rows it references (old code's writes to it still
 * work, without that check). Empty when it has none.
 */
export function expandDropTableSql(transition: Transition, foreignKeys: readonly string[]): string {
  if (foreignKeys.length === 0) return '';
  return [
    `-- steward expand/contract, expand: table "${transition.table}" retired (see docs/migrations.md#expandcontract)`,
    transitionMarkerLine('expand', transition),
    "SET lock_timeout = '5s';",
    ...foreignKeys.map((name) => `ALTER TABLE ${quote(transition.table)} DROP CONSTRAINT ${quote(name)};`),
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

/**
 * What contract runs before Prisma's diff: every sync trigger and function dropped first (a
 * retired column's trigger would otherwise recompute it from half-filled new columns during the
 * catch-up), then the catch-up of rows the backfill missed. `columns`: the new columns;
 * `drops`: the retired columns and tables.
 */
export function contractPreludeSql(columns: readonly TransitionColumns[], drops: readonly Transition[]): string {
  const all = [...columns.map((c) => c.transition), ...drops];
  const dropTrigger = (table: string, name: string) => [
    `DROP TRIGGER IF EXISTS ${quote(name)} ON ${quote(table)};`,
    `DROP FUNCTION IF EXISTS ${quote(name)}();`,
  ];
  const what = (t: Transition) =>
    t.kind === 'dropTable' ? `table "${t.table}" retired` : t.kind === 'drop' ? `${t.model} retires "${t.column}"` : `${t.model}.${t.field}`;
  const tables = drops.some((d) => d.kind === 'dropTable');
  return [
    `-- steward expand/contract, contract: ${all.map(what).join(', ')} (see docs/migrations.md#expandcontract)`,
    ...all.map((t) => transitionMarkerLine('contract', t)),
    `-- steward-ack: drop-column, set-not-null${tables ? ', drop-table' : ''} (the old shape is unused: checked by steward's usage gate)`,
    "SET lock_timeout = '5s';",
    ...columns.flatMap((c) => dropTrigger(c.transition.table, syncName(c.transition))),
    ...drops.filter((d) => d.kind === 'drop' && d.backfill !== undefined).flatMap((d) => dropTrigger(d.table, syncBackName(d))),
    ...columns.map((c) => `UPDATE ${quote(c.transition.table)} SET ${quote(c.transition.column)} = ${newValue(c)} WHERE ${pendingRowsCondition(c)};`),
    '',
  ].join('\n');
}
