import { OPERATION_CALL_GLOBAL } from './operations.js';

export interface CallSite {
  delegate: string;
  receiver: string;
}

/**
 * The parts of a file that can matter to the audit, at their original offsets: the argument
 * lists of `<receiver>.<delegate>.<operation>(...)` calls (kept as `;operation(...)`) and
 * `const name = { ... }` declarations; everything else becomes spaces (newlines kept). Parsing
 * this instead of the whole file makes the cost follow the Prisma code, not the file size.
 * Returns undefined when a call's extent cannot be found; the caller then parses the file.
 */
export function focusedSource(text: string): { text: string; sites: Map<number, CallSite>; transactionParams: Set<string> } | undefined {
  const regions: { start: number; end: number; site?: CallSite; keepFrom: number }[] = [];
  for (const m of text.matchAll(OPERATION_CALL_GLOBAL)) {
    const dot = m.index;
    const open = text.indexOf('(', dot);
    const close = matchingClose(text, open);
    if (close < 0) return undefined;
    const before = readMemberBackwards(text, dot);
    if (!before) continue;
    const opStart = dot + 1 + (/^\s*/.exec(text.slice(dot + 1, dot + 40))?.[0].length ?? 0);
    regions.push({ start: dot, end: close + 1, site: { delegate: before.delegate, receiver: before.receiver }, keepFrom: opStart });
  }
  for (const m of text.matchAll(CONST_OBJECT)) {
    const brace = m.index + m[0].length - 1;
    const close = matchingClose(text, brace);
    if (close < 0) return undefined;
    regions.push({ start: m.index, end: close + 1, keepFrom: m.index + (m[0].length - m[0].trimStart().length) });
  }
  regions.sort((a, b) => a.start - b.start);
  const out: string[] = [];
  const sites = new Map<number, CallSite>();
  let pos = 0;
  let coverEnd = -1;
  for (const r of regions) {
    if (r.start < coverEnd) continue; // inside a region already kept (a call in a call's arguments)
    // The character before what is kept becomes `;`, so each kept piece is its own statement.
    // A call is kept as `;_.operation(...)` (`_.` so that `delete` stays a method name, not the operator).
    if (r.site) out.push(blank(text, pos, r.start - 2), ';_', text.slice(r.start, r.end));
    else if (r.keepFrom > r.start) out.push(blank(text, pos, r.start), ';', blank(text, r.start + 1, r.keepFrom), text.slice(r.keepFrom, r.end));
    else out.push(blank(text, pos, r.start), text.slice(r.keepFrom, r.end));
    if (r.site) sites.set(r.keepFrom, r.site);
    pos = r.end;
    coverEnd = r.end;
  }
  out.push(blank(text, pos, text.length));
  const transactionParams = new Set<string>();
  for (const m of text.matchAll(TRANSACTION_PARAM)) transactionParams.add(m[1]);
  return { text: out.join(''), sites, transactionParams };
}

/** Receivers named like a Prisma client, for delegates the schema does not know. */
export const CLIENT_NAME = /^(?:prisma\w*|\w*Prisma|db|database|tx|trx|transaction|client|prismaClient|\w*Client)$/;

export const CONST_OBJECT = /(?:^|[\s;{}()])(?:const|let|var)\s+[A-Za-z_$][\w$]*\s*(?::[^=;{]+)?=\s*\{/g;
export const TRANSACTION_PARAM = /\$transaction\s*\(\s*(?:async\s*)?(?:function\s*[\w$]*\s*)?\(?\s*([A-Za-z_$][\w$]*)/g;

/** The text between `from` and `to` as spaces, its newlines kept (so offsets, lines and columns stay). */
function blank(text: string, from: number, to: number): string {
  if (from >= to) return '';
  const out: string[] = [];
  let pos = from;
  for (let nl = text.indexOf('\n', pos); nl >= 0 && nl < to; nl = text.indexOf('\n', pos)) {
    out.push(' '.repeat(nl - pos), '\n');
    pos = nl + 1;
  }
  out.push(' '.repeat(to - pos));
  return out.join('');
}

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
