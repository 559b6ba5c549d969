/**
 * The file with its comments, strings, template text and regular expressions blanked to spaces
 * (newlines kept, so offsets, lines and columns stay); the code inside `${...}` is kept. Comments
 * and strings are not code: a `prisma.user.findMany(...)` in a JSDoc example or a log message is
 * never a call. Written by hand because it runs on every file before any parse and must be a
 * single linear pass; a `/` is a regular expression where an expression may start (after an
 * operator, a bracket, `,` `;` `:` or a keyword such as `return`), as in the usual tokenizers.
 */
export function maskNonCode(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number): void => {
    for (let i = from; i < to && i < out.length; i++) if (out[i] !== '\n' && out[i] !== '\r') out[i] = ' ';
  };
  // Template nesting: each entry is the brace depth at which a `${` was opened.
  const templates: number[] = [];
  let braces = 0;
  let i = 0;
  const n = text.length;
  const templateText = (from: number): number => {
    // From inside a template's text: to its end (past the backtick) or to a `${` (past it).
    let j = from;
    for (; j < n; j++) {
      const c = text[j];
      if (c === '\\') j++;
      else if (c === '`') {
        blank(from, j);
        return j + 1;
      } else if (c === '$' && text[j + 1] === '{') {
        blank(from, j);
        templates.push(braces);
        braces++;
        return j + 2;
      }
    }
    blank(from, n);
    return n;
  };
  while (i < n) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      const end = nl < 0 ? n : nl;
      blank(i, end);
      i = end;
    } else if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      const end = e < 0 ? n : e + 2;
      blank(i, end);
      i = end;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      for (; j < n && text[j] !== c && text[j] !== '\n'; j++) if (text[j] === '\\') j++;
      blank(i + 1, j);
      i = j + 1;
    } else if (c === '`') {
      i = templateText(i + 1);
    } else if (c === '/' && regexMayStart(text, i)) {
      let j = i + 1;
      let inClass = false;
      for (; j < n && text[j] !== '\n'; j++) {
        const d = text[j];
        if (d === '\\') j++;
        else if (d === '[') inClass = true;
        else if (d === ']') inClass = false;
        else if (d === '/' && !inClass) break;
      }
      if (j < n && text[j] === '/') {
        blank(i + 1, j);
        i = j + 1;
      } else i++;
    } else if (c === '{') {
      braces++;
      i++;
    } else if (c === '}') {
      braces--;
      i++;
      if (templates.length > 0 && templates[templates.length - 1] === braces) {
        templates.pop();
        i = templateText(i);
      }
    } else i++;
  }
  return out.join('');
}

const KEYWORDS_BEFORE_EXPRESSION = /(?:^|[^\w$])(?:return|typeof|instanceof|in|of|new|delete|void|throw|case|do|else|yield|await)$/;

function regexMayStart(text: string, at: number): boolean {
  let j = at - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t' || text[j] === '\n' || text[j] === '\r')) j--;
  if (j < 0) return true;
  const c = text[j];
  if (/[(,=:[!&|?{};+\-*%<>~^]/.test(c)) return true;
  if (/[\w$]/.test(c)) return KEYWORDS_BEFORE_EXPRESSION.test(text.slice(Math.max(0, j - 11), j + 1));
  return false;
}
