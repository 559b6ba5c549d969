/**
 * The file with its comments, strings, template text and regular expressions blanked to spaces
 * (newlines kept, so offsets, lines and columns stay); the code inside `${...}` is kept. Comments
 * and strings are not code: a `prisma.user.findMany(...)` in a JSDoc example or a log message is
 * never a call. Written by hand because it runs on every file before any parse and must be a
 * single linear pass; a `/` is a regular expression where an expression may start (after an
 * operator, a bracket, `,` `;` `:` or a keyword such as `return`), as in the usual tokenizers.
 */
export function maskNonCode(text: string): string {
  const n = text.length;
  const parts: string[] = [];
  let kept = 0; // text before this offset is already in parts
  const blank = (from: number, to: number): void => {
    if (to > n) to = n;
    if (from >= to) return;
    parts.push(text.slice(kept, from), text.slice(from, to).replace(/[^\n\r]/g, ' '));
    kept = to;
  };
  // Template nesting: each entry is the brace depth at which a `${` was opened.
  const templates: number[] = [];
  let braces = 0;
  const templateText = (from: number): number => {
    // From inside a template's text: to its end (past the backtick) or to a `${` (past it).
    for (let j = from; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 92) j++;
      else if (c === 96) {
        blank(from, j);
        return j + 1;
      } else if (c === 36 && text.charCodeAt(j + 1) === 123) {
        blank(from, j);
        templates.push(braces);
        braces++;
        return j + 2;
      }
    }
    blank(from, n);
    return n;
  };
  const special = /[/'"`{}]/g;
  let i = 0;
  while (i < n) {
    special.lastIndex = i;
    const m = special.exec(text);
    if (!m) break;
    i = m.index;
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
      for (; j < n; j++) {
        const d = text[j];
        if (d === '\\') j++;
        else if (d === c || d === '\n') break;
      }
      blank(i + 1, j);
      i = j + 1;
    } else if (c === '`') {
      i = templateText(i + 1);
    } else if (c === '/') {
      if (regexMayStart(text, i)) {
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
      } else i++;
    } else if (c === '{') {
      braces++;
      i++;
    } else {
      braces--;
      i++;
      if (templates.length > 0 && templates[templates.length - 1] === braces) {
        templates.pop();
        i = templateText(i);
      }
    }
  }
  if (kept === 0) return text;
  parts.push(text.slice(kept));
  return parts.join('');
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
