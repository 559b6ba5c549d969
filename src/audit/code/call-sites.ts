/** Text patterns the hand-written reader (read-calls.ts) and the oxc path share, and backwards readers of call chains. */
export const CONST_OBJECT = /(?:^|[\s;{}()])(?:const|let|var)\s+[A-Za-z_$][\w$]*\s*(?::[^=;{]+)?=\s*\{/g;
export const TRANSACTION_PARAM = /\$transaction\s*\(\s*(?:async\s*)?(?:function\s*[\w$]*\s*)?\(?\s*([A-Za-z_$][\w$]*)/g;

/** `prisma.user` / `this.prisma?.user` before the `.operation`: the delegate and the receiver's last name. */
export function readMemberBackwards(text: string, dot: number): { delegate: string; receiver: string } | undefined {
  let i = dot - 1;
  if (text[i] === '?') i--;
  while (i >= 0 && /\s/.test(text[i])) i--;
  const delegateEnd = i + 1;
  while (i >= 0 && /[\w$]/.test(text[i])) i--;
  const delegate = text.slice(i + 1, delegateEnd);
  if (!delegate || delegate.startsWith('$') || /^\d/.test(delegate)) return undefined;
  while (i >= 0 && /\s/.test(text[i])) i--;
  if (text[i] !== '.') return undefined;
  i--;
  if (text[i] === '?') i--;
  while (i >= 0 && /\s/.test(text[i])) i--;
  const receiverEnd = i + 1;
  while (i >= 0 && /[\w$]/.test(text[i])) i--;
  return { delegate, receiver: text.slice(i + 1, receiverEnd) };
}

/** Offset of the bracket closing the one at `open`, skipping strings, templates and comments; -1 if none. */
export function matchingClose(text: string, open: number): number {
  const stack: string[] = [];
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return -1;
      i = nl;
    } else if (c === '/' && text[i + 1] === '*') {
      const endComment = text.indexOf('*/', i + 2);
      if (endComment < 0) return -1;
      i = endComment + 1;
    } else if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '\n') return -1;
      }
    } else if (c === '`') {
      for (i++; i < text.length && text[i] !== '`'; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '$' && text[i + 1] === '{') {
          const close = matchingClose(text, i + 1);
          if (close < 0) return -1;
          i = close;
        }
      }
    } else if (c === '(' || c === '[' || c === '{') stack.push(c);
    else if (c === ')' || c === ']' || c === '}') {
      const want = c === ')' ? '(' : c === ']' ? '[' : '{';
      if (stack.pop() !== want) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}
