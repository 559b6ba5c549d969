/**
 * What the migration SQL committed with a change does that the schema does not show: data
 * statements (UPDATE, INSERT, DELETE: a backfill, a conversion) and indexes the schema does not
 * declare (partial or expression indexes, hand-written names). Pure: text in, findings out.
 *
 * Statements are split by a small scanner that knows SQL's quoting (strings, quoted identifiers,
 * dollar quotes, comments) rather than by a SQL parser: only the first words of each statement
 * matter here, and PostgreSQL and SQLite scripts both have to be read.
 */
import type { Schema } from '../schema/model.js';
import { transitionMarkers } from './transition-markers.js';
import { databaseName, fieldRefs, getArgument, getAttribute, getAttributes, stringValue } from '../schema/query.js';

export interface MigrationScript {
  /** The migration folder (or any label to show). */
  name: string;
  sql: string;
}

export interface MigrationSqlFinding {
  code: 'migration-data-statement' | 'migration-index-not-in-schema';
  message: string;
  table?: string;
  /** The statement, shortened to one line. */
  statement: string;
}

export function migrationSqlChanges(scripts: readonly MigrationScript[], schema: Schema): MigrationSqlFinding[] {
  const declared = declaredIndexNames(schema);
  const out: MigrationSqlFinding[] = [];
  const seen = new Set<string>();
  const pending = new Map<string, { script: string; name: string; table: string; unique: boolean; partial: boolean; statement: string }>();
  for (const script of scripts) {
    // An expand/contract phase's own UPDATE (the catch-up, SQLite's fill) is part of the transition the diff describes.
    const transitionTables = new Set(transitionMarkers(script.sql).map((m) => m.table));
    for (const statement of splitStatements(script.sql)) {
      const line = statement.replace(/\s+/g, ' ').trim();
      const short = line.length > 160 ? `${line.slice(0, 157)}...` : line;
      const data = /^(?:WITH\b.*?\)\s*)?(UPDATE|INSERT\s+INTO|DELETE\s+FROM)\s+((?:"[^"]*"|[\w$]+)(?:\s*\.\s*(?:"[^"]*"|[\w$]+))?)/is.exec(line);
      if (data) {
        const table = lastIdentifier(data[2]);
        if (transitionTables.has(table) && /^UPDATE$/i.test(data[1])) continue;
        const key = `data:${line}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const verb = data[1].split(/\s+/)[0].toUpperCase();
        out.push({
          code: 'migration-data-statement',
          table,
          statement: short,
          message: `migration ${script.name} changes rows of ${table} (${verb}), which the schema does not show: ${short}`,
        });
        continue;
      }
      const index =
        /^CREATE\s+(UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?((?:"[^"]*"|[\w$]+)(?:\s*\.\s*(?:"[^"]*"|[\w$]+))?)\s+ON\s+(?:ONLY\s+)?((?:"[^"]*"|[\w$]+)(?:\s*\.\s*(?:"[^"]*"|[\w$]+))?)(.*)$/is.exec(
          line,
        );
      if (index) {
        const name = lastIdentifier(index[2]);
        const partial = /\)\s*WHERE\b/i.test(index[4]);
        pending.set(name, { script: script.name, name, table: lastIdentifier(index[3]), unique: index[1] !== undefined, partial, statement: short });
        continue;
      }
      // An index renamed or dropped later in the same change (a table rebuilt under a temporary name) is judged by its last name.
      const renamed =
        /^ALTER\s+INDEX\s+(?:IF\s+EXISTS\s+)?((?:"[^"]*"|[\w$]+)(?:\s*\.\s*(?:"[^"]*"|[\w$]+))?)\s+RENAME\s+TO\s+((?:"[^"]*"|[\w$]+)(?:\s*\.\s*(?:"[^"]*"|[\w$]+))?)$/is.exec(
          line,
        );
      if (renamed) {
        const created = pending.get(lastIdentifier(renamed[1]));
        if (created) {
          pending.delete(created.name);
          pending.set(lastIdentifier(renamed[2]), { ...created, name: lastIdentifier(renamed[2]) });
        }
        continue;
      }
      const dropped = /^DROP\s+INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+EXISTS\s+)?((?:"[^"]*"|[\w$]+)(?:\s*\.\s*(?:"[^"]*"|[\w$]+))?)/is.exec(line);
      if (dropped) pending.delete(lastIdentifier(dropped[1]));
      const droppedTable = /^DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?((?:"[^"]*"|[\w$]+)(?:\s*\.\s*(?:"[^"]*"|[\w$]+))?)/is.exec(line);
      if (droppedTable) for (const [name, index] of pending) if (index.table === lastIdentifier(droppedTable[1])) pending.delete(name);
    }
  }
  for (const index of pending.values()) {
    if ((declared.has(index.name) || declared.has(index.name.slice(0, 63))) && !index.partial) continue;
    const what = `${index.unique ? 'unique ' : ''}${index.partial ? 'partial ' : ''}index ${index.name} on ${index.table}`;
    out.push({
      code: 'migration-index-not-in-schema',
      table: index.table,
      statement: index.statement,
      message: `migration ${index.script} creates ${what}, which the schema does not declare${index.partial ? ' (a partial index cannot be declared)' : ''}`,
    });
  }
  return out;
}

/** Every index and unique constraint name the schema declares: `map:` or Prisma's default name. */
function declaredIndexNames(schema: Schema): Set<string> {
  const names = new Set<string>();
  for (const model of schema.models) {
    const table = databaseName(model);
    const column = (name: string) => {
      const f = model.fields.find((x) => x.name === name);
      return f ? databaseName(f) : name;
    };
    for (const kind of ['index', 'unique', 'fulltext'] as const) {
      for (const a of getAttributes(model, kind)) {
        const fields = fieldRefs(getArgument(a, 'fields', 0)?.value);
        const explicit = stringValue(getArgument(a, 'map')?.value) ?? stringValue(getArgument(a, 'name')?.value);
        if (explicit !== undefined) names.add(explicit);
        else {
          // Hand-written migrations name indexes after the Prisma field names as often as after the columns.
          for (const n of defaultIndexName(table, fields.map(column), kind === 'unique' ? '_key' : '_idx')) names.add(n);
          for (const n of defaultIndexName(table, fields, kind === 'unique' ? '_key' : '_idx')) names.add(n);
        }
      }
    }
    for (const f of model.fields) {
      const u = getAttribute(f, 'unique');
      if (!u) continue;
      const explicit = stringValue(getArgument(u, 'map')?.value);
      for (const n of explicit !== undefined
        ? [explicit]
        : [...defaultIndexName(table, [databaseName(f)], '_key'), ...defaultIndexName(table, [f.name], '_key')])
        names.add(n);
    }
  }
  return names;
}

/** Prisma's default index name, cut to PostgreSQL's 63 bytes. */
function defaultIndexName(table: string, columns: string[], suffix: string): string[] {
  const full = `${table}_${columns.join('_')}${suffix}`;
  // Prisma cuts the base to keep the suffix; a hand-written long name is cut by PostgreSQL at 63 bytes.
  return full.length > 63 ? [full, `${full.slice(0, 63 - suffix.length)}${suffix}`, full.slice(0, 63)] : [full];
}

function lastIdentifier(qualified: string): string {
  const parts = qualified.split(/\s*\.\s*(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  const last = parts[parts.length - 1].trim();
  return last.startsWith('"') ? last.slice(1, -1).replace(/""/g, '"') : last;
}

/** Statements of a script, comments removed, split at semicolons outside quotes. */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let current = '';
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i];
    if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? n : end;
      current += ' ';
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
      current += ' ';
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < n && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1;
      current += sql.slice(i, j + 1);
      i = j + 1;
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i, i + 64));
      if (tag) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        const stop = end === -1 ? n : end + tag[0].length;
        current += sql.slice(i, stop);
        i = stop;
      } else {
        current += c;
        i++;
      }
    } else if (c === ';') {
      if (current.trim()) out.push(current.trim());
      current = '';
      i++;
    } else {
      current += c;
      i++;
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
