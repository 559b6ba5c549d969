/**
 * Splits a SQL script into statements with their 1-based start lines, ignoring comments and
 * quoted text. Shared by migration lint (src/migrate/lint) and the scratch database's extension
 * detection (pglite-extensions.ts), so it lives in the engine layer both depend on.
 */
export interface SqlStatement {
  /** The statement without comments, whitespace collapsed. */
  text: string;
  line: number;
}

export function splitStatements(script: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let current = '';
  let startLine = 0;
  let line = 1;
  for (let i = 0; i < script.length; i++) {
    const char = script[i];
    if (char === '\n') line++;
    if (char === '-' && script[i + 1] === '-') {
      const end = script.indexOf('\n', i);
      i = (end === -1 ? script.length : end) - 1;
      continue;
    }
    if (char === '/' && script[i + 1] === '*') {
      const end = script.indexOf('*/', i + 2);
      const stop = end === -1 ? script.length : end + 2;
      line += (script.slice(i, stop).match(/\n/g) ?? []).length;
      i = stop - 1;
      continue;
    }
    if (char === "'" || char === '"') {
      let j = i + 1;
      while (j < script.length && !(script[j] === char && script[j + 1] !== char)) j += script[j] === char ? 2 : 1;
      const quoted = script.slice(i, j + 1);
      if (current.trim() === '') startLine = line;
      line += (quoted.match(/\n/g) ?? []).length;
      current += quoted;
      i = j;
      continue;
    }
    if (char === ';') {
      if (current.trim() !== '') statements.push({ text: current.replace(/\s+/g, ' ').trim(), line: startLine });
      current = '';
      continue;
    }
    if (current.trim() === '' && !/\s/.test(char)) startLine = line;
    current += char;
  }
  if (current.trim() !== '') statements.push({ text: current.replace(/\s+/g, ' ').trim(), line: startLine });
  return statements;
}
