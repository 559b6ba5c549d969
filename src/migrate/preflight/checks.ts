/**
 * What `migrate preflight` asks the live database about one pending statement: pure, text in,
 * read-only queries out. Each check counts the rows the statement would fail on (NULLs before
 * SET NOT NULL, duplicates before a unique index, orphans before a foreign key, values that do
 * not fit a narrower type, rows holding an enum value being removed). The queries are plain
 * SELECTs with double-quoted identifiers, valid on PostgreSQL and SQLite alike unless noted.
 */
import { unquote } from '../lint/statements.js';

export const CHECK_KINDS = ['nulls', 'duplicates', 'orphans', 'narrowing', 'enum-values', 'required-column'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

export interface DataCheck {
  kind: CheckKind;
  table: string;
  /** The columns the query reads: the check is skipped (and says so) when one is not in the live table yet. */
  columns: string[];
  /** One row, one column `n`: the number of rows the statement would fail on. */
  sql: string;
  /** What the count means, e.g. `rows with "name" NULL`. */
  what: string;
  /** Only on PostgreSQL (uses its functions or types). */
  postgresOnly?: boolean;
}

const NAME = String.raw`("(?:[^"]|"")+"|[\w$]+)`;

export function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

function columnList(list: string): string[] {
  return list
    .split(',')
    .map((column) =>
      unquote(
        column
          .trim()
          .replace(/\s+(?:ASC|DESC)$/i, '')
          .replace(/\s+COLLATE\s+.*$/i, ''),
      ),
    )
    .filter((c) => c !== '');
}

/** Enum types a migration recreates with fewer values (Prisma's "<Enum>_new" swap), by new type name. */
export function enumSwaps(statements: readonly string[]): Map<string, string[]> {
  const swaps = new Map<string, string[]>();
  for (const text of statements) {
    const match = /^CREATE TYPE "(.+?)" AS ENUM \((.*)\)$/i.exec(text);
    if (match)
      swaps.set(
        match[1],
        [...match[2].matchAll(/'((?:[^']|'')*)'/g)].map((v) => v[1].replace(/''/g, "'")),
      );
  }
  return swaps;
}

/**
 * SQLite table rebuilds in a migration (Prisma's `CREATE TABLE "new_<t>"`, copy, drop, rename):
 * the NOT NULL columns of each new table, by its name, so the copy can be checked for NULLs.
 */
export function rebuildRequiredColumns(statements: readonly string[]): Map<string, Set<string>> {
  const rebuilds = new Map<string, Set<string>>();
  for (const text of statements) {
    const created = /^CREATE TABLE "(new_.+?)" \((.*)\)$/is.exec(text);
    if (!created) continue;
    const required = new Set<string>();
    for (const definition of created[2].split(/,\s*(?=")/)) {
      const column = /^"((?:[^"]|"")+)"\s+(.*)$/s.exec(definition.trim());
      if (column && /NOT NULL/i.test(column[2]) && !/PRIMARY KEY|DEFAULT/i.test(column[2])) required.add(column[1]);
    }
    rebuilds.set(created[1], required);
  }
  return rebuilds;
}

/**
 * The checks for one statement; `enums` are the enum types created earlier in the same migration,
 * `rebuilds` the required columns of its SQLite rebuilds (rebuildRequiredColumns).
 */
export function dataChecks(
  text: string,
  enums: ReadonlyMap<string, string[]> = new Map(),
  rebuilds: ReadonlyMap<string, Set<string>> = new Map(),
): DataCheck[] {
  const checks: DataCheck[] = [];
  const copy = /^INSERT INTO "(new_.+?)" \((.*?)\) SELECT (.*?) FROM "(.+?)"$/is.exec(text);
  if (copy) {
    // The copy into a rebuilt table fails on a NULL in a column the new table requires.
    const targets = columnList(copy[2]);
    const sources = copy[3].split(',').map((source) => source.trim());
    const required = rebuilds.get(copy[1]) ?? new Set<string>();
    targets.forEach((target, i) => {
      const source = /^"((?:[^"]|"")+)"$/.exec(sources[i] ?? '');
      if (!required.has(target) || !source) return;
      const column = unquote(source[0]);
      checks.push({
        kind: 'nulls',
        table: copy[4],
        columns: [column],
        sql: `SELECT count(*) AS n FROM ${quote(copy[4])} WHERE ${quote(column)} IS NULL`,
        what: `rows with "${column}" NULL (the rebuilt table requires it)`,
      });
    });
    return checks;
  }
  const alter = new RegExp(`^ALTER TABLE\\s+(?:IF EXISTS\\s+)?(?:ONLY\\s+)?(?:"?[\\w$]+"?\\.)?${NAME}\\s+(.*)$`, 'is').exec(text);
  if (alter) {
    const table = unquote(alter[1]);
    const t = quote(table);
    for (const match of text.matchAll(new RegExp(`ALTER COLUMN\\s+${NAME}\\s+SET NOT NULL`, 'gi'))) {
      const column = unquote(match[1]);
      checks.push({
        kind: 'nulls',
        table,
        columns: [column],
        sql: `SELECT count(*) AS n FROM ${t} WHERE ${quote(column)} IS NULL`,
        what: `rows with "${column}" NULL`,
      });
    }
    for (const match of text.matchAll(new RegExp(`ADD COLUMN\\s+(?:IF NOT EXISTS\\s+)?${NAME}([^,]*)`, 'gi'))) {
      if (!/NOT NULL/i.test(match[2]) || /DEFAULT|SERIAL|GENERATED/i.test(match[2])) continue;
      checks.push({
        kind: 'required-column',
        table,
        columns: [],
        sql: `SELECT count(*) AS n FROM ${t}`,
        what: `rows that would get no value for new required column "${unquote(match[1])}"`,
      });
    }
    for (const match of text.matchAll(
      new RegExp(`ADD CONSTRAINT\\s+${NAME}\\s+FOREIGN KEY\\s*\\(([^)]*)\\)\\s*REFERENCES\\s+(?:"?[\\w$]+"?\\.)?${NAME}\\s*\\(([^)]*)\\)`, 'gi'),
    )) {
      if (/\bNOT VALID\b/i.test(text)) continue;
      const columns = columnList(match[2]);
      const referenced = unquote(match[3]);
      const referencedColumns = columnList(match[4]);
      const notNull = columns.map((c) => `${t}.${quote(c)} IS NOT NULL`).join(' AND ');
      const join = columns.map((c, i) => `r.${quote(referencedColumns[i])} = ${t}.${quote(c)}`).join(' AND ');
      checks.push({
        kind: 'orphans',
        table,
        columns,
        sql: `SELECT count(*) AS n FROM ${t} WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${quote(referenced)} r WHERE ${join})`,
        what: `rows of "${table}" whose (${columns.join(', ')}) has no "${referenced}" row`,
      });
    }
    for (const match of text.matchAll(new RegExp(`ADD CONSTRAINT\\s+${NAME}\\s+(?:UNIQUE|PRIMARY KEY)\\s*\\(([^)]*)\\)`, 'gi'))) {
      checks.push(duplicates(table, columnList(match[2])));
    }
    for (const match of text.matchAll(new RegExp(`ALTER COLUMN\\s+${NAME}\\s+(?:SET DATA )?TYPE\\s+((?:[^,(]|\\([^)]*\\))+?)(?:\\s+USING|,|$)`, 'gi'))) {
      const check = narrowing(table, unquote(match[1]), match[2].trim(), enums);
      if (check) checks.push(check);
    }
    return checks;
  }
  const unique = new RegExp(
    `^CREATE UNIQUE INDEX (?:CONCURRENTLY )?(?:IF NOT EXISTS )?${NAME}\\s+ON\\s+(?:ONLY\\s+)?(?:"?[\\w$]+"?\\.)?${NAME}\\s*(?:USING\\s+\\w+\\s*)?\\((.*)\\)(?:\\s+WHERE\\s+.*)?$`,
    'i',
  ).exec(text);
  if (unique && !/\)\s+WHERE\s+/i.test(text)) checks.push(duplicates(unquote(unique[2]), columnList(unique[3])));
  return checks;
}

/** Duplicate groups of non-NULL values (NULLs never collide in a unique index), counted as rows beyond the first of each group. */
function duplicates(table: string, columns: string[]): DataCheck {
  const list = columns.map(quote).join(', ');
  const notNull = columns.map((c) => `${quote(c)} IS NOT NULL`).join(' AND ');
  return {
    kind: 'duplicates',
    table,
    columns,
    sql: `SELECT coalesce(sum(d.c - 1), 0) AS n FROM (SELECT count(*) AS c FROM ${quote(table)} WHERE ${notNull} GROUP BY ${list} HAVING count(*) > 1) d`,
    what: `duplicate rows in (${columns.join(', ')}) (beyond the first of each value)`,
  };
}

const INTEGER_RANGES: Record<string, [string, string]> = {
  smallint: ['-32768', '32767'],
  int2: ['-32768', '32767'],
  integer: ['-2147483648', '2147483647'],
  int: ['-2147483648', '2147483647'],
  int4: ['-2147483648', '2147483647'],
};

/** Values of a column that do not fit the new type, for the narrowings that can fail. */
function narrowing(table: string, column: string, type: string, enums: ReadonlyMap<string, string[]>): DataCheck | undefined {
  const t = quote(table);
  const c = quote(column);
  const bare = type.replace(/^"|"$/g, '');
  const values = enums.get(bare);
  if (values) {
    const list = values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
    return {
      kind: 'enum-values',
      table,
      columns: [column],
      sql: `SELECT count(*) AS n FROM ${t} WHERE ${c} IS NOT NULL AND ${c}::text NOT IN (${list})`,
      what: `rows holding a value "${bare}" no longer has`,
      postgresOnly: true,
    };
  }
  const varchar = /^(?:VARCHAR|CHARACTER VARYING|CHAR|CHARACTER)\s*\((\d+)\)$/i.exec(type);
  if (varchar) {
    return {
      kind: 'narrowing',
      table,
      columns: [column],
      sql: `SELECT count(*) AS n FROM ${t} WHERE length(${c}::text) > ${Number(varchar[1])}`,
      what: `values of "${column}" longer than ${varchar[1]} characters`,
      postgresOnly: true,
    };
  }
  const range = INTEGER_RANGES[type.toLowerCase()];
  if (range) {
    return {
      kind: 'narrowing',
      table,
      columns: [column],
      sql: `SELECT count(*) AS n FROM ${t} WHERE ${c} IS NOT NULL AND (${c}::numeric < ${range[0]} OR ${c}::numeric > ${range[1]} OR ${c}::numeric <> trunc(${c}::numeric))`,
      what: `values of "${column}" outside ${type.toUpperCase()} (or with a fraction)`,
      postgresOnly: true,
    };
  }
  const numeric = /^(?:DECIMAL|NUMERIC)\s*\((\d+)\s*,\s*(\d+)\)$/i.exec(type);
  if (numeric) {
    const limit = `1e${Number(numeric[1]) - Number(numeric[2])}`;
    return {
      kind: 'narrowing',
      table,
      columns: [column],
      sql: `SELECT count(*) AS n FROM ${t} WHERE ${c} IS NOT NULL AND abs(round(${c}::numeric, ${Number(numeric[2])})) >= ${limit}::numeric`,
      what: `values of "${column}" too large for ${type.toUpperCase()}`,
      postgresOnly: true,
    };
  }
  return undefined;
}
