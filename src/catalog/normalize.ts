/**
 * Meaning, not text: the forms PostgreSQL and SQLite print for things that mean the same.
 * Only comparisons use these; messages show what each side really has.
 */
import { collapseSpace } from '../database/sql-text.js';

/**
 * A column default in a canonical form: `CURRENT_TIMESTAMP`, `now()` and
 * `transaction_timestamp()` are one function; `'{}'::text[]`, `ARRAY[]::text[]` one empty list;
 * a literal's casts (`'a'::character varying`, `'0'::integer`) and quotes around numbers and
 * booleans say nothing the column's type does not.
 */
export function normaliseDefault(text: string | null): string | null {
  if (text === null) return null;
  let s = collapseSpace(text);
  s = s.replace(/\b(CURRENT_TIMESTAMP|transaction_timestamp\(\)|now\(\))(?![\w(])/gi, 'now()');
  // ARRAY['a', 'b']::text[] and ARRAY[]::text[] as the '{a,b}' literal PostgreSQL also accepts.
  s = s.replace(/ARRAY\[((?:\s*'[^',{}"\\\s]*'\s*,?)*)\]/g, (_, items: string) => `'{${[...items.matchAll(/'([^']*)'/g)].map((m) => m[1]).join(',')}}'`);
  const type = String.raw`(?:"[^"]+"|[a-z_]\w*)(?:\(\d+(?:,\s*\d+)?\))?(?:\s(?:varying|precision|without\stime\szone|with\stime\szone))?(?:\(\d+\))?(?:\[\])*`;
  const literalCast = new RegExp(String.raw`('(?:[^']|'')*'|\b\d+(?:\.\d+)?\b|\btrue\b|\bfalse\b)::${type}`, 'gi');
  for (let previous = ''; previous !== s; ) {
    previous = s;
    s = s.replace(literalCast, '$1');
  }
  s = s.replace(/'(-?\d+(?:\.\d+)?|true|false)'/gi, '$1');
  while (/^\(.*\)$/.test(s) && balanced(s.slice(1, -1))) s = s.slice(1, -1);
  return /^(true|false)$/i.test(s) ? s.toLowerCase() : s;
}

/** Definitions (views, functions, triggers, checks) compared with whitespace runs collapsed and a trailing semicolon dropped. */
export function normaliseDefinition(text: string | null | undefined): string {
  return collapseSpace(text ?? '').replace(/;\s*$/, '');
}

/**
 * A view's query for comparison. PostgreSQL 15 and older qualify every column of a one-table
 * query with the table (`items.id`), 16 and later do not (`id`): the same view read from two
 * servers (or a server and PGlite) must compare equal, so in a query over one relation (no join,
 * no subquery) its name's and alias's qualifiers are dropped.
 */
export function normaliseViewDefinition(text: string): string {
  const s = normaliseDefinition(text);
  if ((s.match(/\bFROM\b/gi) ?? []).length !== 1 || /\bJOIN\b|\(\s*SELECT\b/i.test(s)) return s;
  const from =
    /\bFROM\s+((?:"(?:[^"]|"")+"|\w+)(?:\.(?:"(?:[^"]|"")+"|\w+))?)(?:\s+(?:AS\s+)?(?!WHERE\b|GROUP\b|ORDER\b|LIMIT\b|HAVING\b|WINDOW\b|OFFSET\b|UNION\b|FETCH\b|FOR\b)("(?:[^"]|"")+"|\w+))?\s*(?:$|WHERE\b|GROUP\b|ORDER\b|LIMIT\b|HAVING\b|WINDOW\b|OFFSET\b|FETCH\b|FOR\b)/i.exec(
      s,
    );
  if (!from) return s;
  const relation = from[1].split('.').pop()!;
  const names = [relation, ...(from[2] ? [from[2]] : [])];
  let out = s;
  for (const name of names) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(^|[^\\w."])${escaped}\\.(?=["\\w])`, 'g'), '$1');
  }
  return out;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}
