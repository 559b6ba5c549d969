/**
 * Json defaults in the schema engine's SQLite scripts, written as SQL string literals.
 *
 * The engine (Prisma 5 to 7) renders a Json column's default without quotes:
 * `Json @default("[]")` becomes `DEFAULT []`, which SQLite reads as an empty bracket-quoted
 * identifier and stores as `''`; `@default("{}")` becomes `DEFAULT {}`, a syntax error. The
 * same raw text appears in a table rebuild's `coalesce("col", {})`. Prisma accepts no other
 * form of a Json default (`dbgenerated("'[]'")` renders right but makes every later diff
 * rebuild the table), so the engine's script is corrected here.
 *
 * The correction is targeted, not a pattern over the script: the env schema says which
 * columns of which tables have a Json default and its exact text, and only that text, at
 * that column's definition (`CREATE TABLE`, `ALTER TABLE ... ADD COLUMN`) or in the rebuild's
 * `coalesce`, is replaced by its quoted form. A default the engine already quotes is left
 * alone. The engine compares no Json defaults on SQLite, so the corrected history diffs clean
 * against the schema.
 */
import { parseSchema } from '../schema/parse.js';
import { databaseName, getArgument, getAttribute, stringValue } from '../schema/query.js';

export interface JsonColumnDefault {
  table: string;
  column: string;
  /** The default's JSON text, exactly as the schema's string holds it (`[]`, `{"a": 1}`). */
  json: string;
}

/** Every Json column with a default in a schema's text (one file or several). */
export function jsonColumnDefaults(files: ReadonlyArray<{ path: string; content: string }>): JsonColumnDefault[] {
  const schema = parseSchema(files.map((file) => ({ path: file.path, text: file.content })));
  const defaults: JsonColumnDefault[] = [];
  for (const model of schema.models) {
    const table = databaseName(model);
    for (const field of model.fields) {
      if (field.type.name !== 'Json' || field.type.list) continue;
      const attribute = getAttribute(field, 'default');
      const json = stringValue(attribute ? getArgument(attribute, 'value', 0)?.value : undefined);
      if (json !== undefined) defaults.push({ table, column: databaseName(field), json });
    }
  }
  return defaults;
}

/** `'text'` with quotes doubled: SQLite's string literal. */
export function sqliteStringLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** The engine's SQLite script with each known Json default written as a string literal. */
export function quoteSqliteJsonDefaults(script: string, defaults: readonly JsonColumnDefault[]): string {
  if (defaults.length === 0 || script === '') return script;
  const byTable = new Map<string, Map<string, string>>();
  for (const { table, column, json } of defaults) {
    if (!byTable.has(table)) byTable.set(table, new Map());
    byTable.get(table)!.set(column, json);
  }
  // A rebuild creates `new_<table>`; a column of a real table of that name wins.
  const columnsOf = (table: string): Map<string, string> | undefined => {
    const own = byTable.get(table);
    const rebuilt = table.startsWith('new_') ? byTable.get(table.slice('new_'.length)) : undefined;
    return own && rebuilt ? new Map([...rebuilt, ...own]) : (own ?? rebuilt);
  };

  let out = '';
  let position = 0;
  let table: Map<string, string> | undefined;
  while (position < script.length) {
    const end = script.indexOf('\n', position);
    const lineEnd = end === -1 ? script.length : end + 1;
    const line = script.slice(position, lineEnd);
    const create = /^CREATE TABLE "(.*)" \($/.exec(line.trimEnd());
    const addColumn = /^ALTER TABLE "(.*?)" ADD COLUMN "(.*?)" /.exec(line);
    const insert = /^INSERT INTO "(.*?)" /.exec(line);
    let next = lineEnd;
    if (create) table = columnsOf(create[1]);
    else if (line.startsWith(')')) table = undefined;
    else if (table && line.startsWith('    "')) {
      const column = /^ {4}"(.*?)" /.exec(line);
      const json = column ? table.get(column[1]) : undefined;
      const quoted = json === undefined ? undefined : quoteDefaultAt(script, position, lineEnd, json);
      if (quoted) [out, next] = [out + quoted.text, quoted.end];
    } else if (addColumn) {
      const json = columnsOf(addColumn[1])?.get(addColumn[2]);
      const quoted = json === undefined ? undefined : quoteDefaultAt(script, position, lineEnd, json);
      if (quoted) [out, next] = [out + quoted.text, quoted.end];
    } else if (insert) {
      const columns = columnsOf(insert[1]);
      if (columns) {
        const statementEnd = script.indexOf(';\n', position);
        next = statementEnd === -1 ? script.length : statementEnd + 2;
        let statement = script.slice(position, next);
        for (const [column, json] of columns) {
          const quoted = `"${column}"`;
          statement = statement.split(`coalesce(${quoted}, ${json}) AS ${quoted}`).join(`coalesce(${quoted}, ${sqliteStringLiteral(json)}) AS ${quoted}`);
        }
        out += statement;
        position = next;
        continue;
      }
    }
    if (next === lineEnd) out += line;
    position = next;
  }
  return out;
}

/**
 * At a column definition starting at `start`: when ` DEFAULT <json>` follows on its line and
 * the definition ends right after it (`,`, a line end or `;`), the definition up to the end of
 * the default, with the literal, and where that is in the script. The JSON may itself span
 * lines, so it is matched against the script, not the line.
 */
function quoteDefaultAt(script: string, start: number, lineEnd: number, json: string): { text: string; end: number } | undefined {
  const marker = ' DEFAULT ';
  const at = script.indexOf(marker, start);
  if (at === -1 || at >= lineEnd) return undefined;
  const valueStart = at + marker.length;
  const end = valueStart + json.length;
  const after = script[end];
  if (!script.startsWith(json, valueStart) || !(after === undefined || after === ',' || after === '\n' || after === ';' || after === ' ')) return undefined;
  return { text: script.slice(start, valueStart) + sqliteStringLiteral(json), end };
}
