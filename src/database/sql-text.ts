/**
 * Small, quote-aware helpers for the catalog readers: the index of a closing parenthesis, a
 * list split at top-level commas, a top-level keyword. Written by hand: the readers only take
 * apart text the database itself deparsed (or SQLite stored), never arbitrary SQL, and a full
 * SQL parser for two dialects would be a large dependency for three functions.
 */

/** Walks `text` from `from`, calling `visit` with each character outside quotes and its paren depth. */
function walk(text: string, from: number, visit: (index: number, depth: number) => boolean | undefined): void {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"' || ch === '`') {
      const close = text.indexOf(ch, i + 1);
      // A doubled quote inside a literal simply restarts the scan at the next quote.
      i = close < 0 ? text.length : close;
      continue;
    }
    if (ch === '[') {
      // SQLite allows [identifier]; skip to the closing bracket (an ARRAY[...] subscript holds no quotes to hide).
      const close = text.indexOf(']', i + 1);
      if (close > i && !/[(),]/.test(text.slice(i + 1, close))) {
        i = close;
        continue;
      }
    }
    if (ch === '(') depth++;
    if (visit(i, depth) === true) return;
    if (ch === ')') depth--;
  }
}

/** The index of the parenthesis closing the one at `open`, or -1. */
export function matchingParen(text: string, open: number): number {
  let found = -1;
  walk(text, open, (index, depth) => {
    if (text[index] === ')' && depth === 1) {
      found = index;
      return true;
    }
  });
  return found;
}

/** `a, f(b, c), 'x,y'` -> [`a`, `f(b, c)`, `'x,y'`], trimmed. */
export function splitTopLevel(text: string, separator = ','): string[] {
  const parts: string[] = [];
  let start = 0;
  walk(text, 0, (index, depth) => {
    if (text[index] === separator && depth === 0) {
      parts.push(text.slice(start, index).trim());
      start = index + 1;
    }
    return undefined;
  });
  parts.push(text.slice(start).trim());
  return parts.filter((part) => part.length > 0);
}

/** The index of `keyword` (a word, case-insensitive) outside quotes and parentheses, at or after `from`; -1 if none. */
export function topLevelKeyword(text: string, keyword: string, from = 0): number {
  const pattern = new RegExp(`^${keyword}\\b`, 'i');
  let found = -1;
  walk(text, from, (index, depth) => {
    if (depth === 0 && (index === 0 || /[\s)]/.test(text[index - 1])) && pattern.test(text.slice(index, index + keyword.length + 1))) {
      found = index;
      return true;
    }
  });
  return found;
}

/** Runs of whitespace to one space, trimmed; whitespace inside quotes is kept. */
export function collapseSpace(text: string): string {
  let out = '';
  let last = 0;
  const re = /'(?:[^']|'')*'|"(?:[^"]|"")*"|\s+/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text))) {
    out += text.slice(last, match.index) + (/^\s/.test(match[0]) ? ' ' : match[0]);
    last = match.index + match[0].length;
  }
  return (out + text.slice(last)).trim();
}
