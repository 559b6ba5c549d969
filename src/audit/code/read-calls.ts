import type { ArgProperty, ArgValue, PrismaCall } from './call.js';
import { CONST_OBJECT, TRANSACTION_PARAM, matchingClose, readMemberBackwards } from './call-sites.js';
import { LineIndex } from './line-index.js';
import { STRUCTURAL_KEYS } from './data-flow.js';
import { OPERATION_CALL_GLOBAL } from './operations.js';
import { maskNonCode } from './code-mask.js';
import { PrismaClients, receiverChain } from './prisma-clients.js';

/** Thrown when the reader meets something it does not read exactly like oxc; the file then goes to oxc. */
class Unreadable extends Error {}
function unreadable(): never {
  throw new Unreadable();
}

/**
 * Finds a file's Prisma Client calls like extract.ts does over oxc's AST, but reads each call's
 * argument text straight into `ArgValue`s: objects, arrays, literals, `new Date(...)` and names
 * of `const x = { ... }` objects; anything else is opaque and skipped to the next delimiter.
 * Returns undefined when the file holds something the reader cannot read exactly as the oxc
 * path would (regular expressions, `<` generics and comparisons, computed keys, unusual
 * receivers...): the caller then parses it with oxc.
 */
export function readPrismaCalls(path: string, text: string): PrismaCall[] | undefined {
  try {
    return read(path, text);
  } catch (e) {
    if (e instanceof Unreadable) return undefined;
    throw e;
  }
}

interface Region {
  start: number;
  end: number;
  /** Where the scanned code starts: the call's `(` or the declaration's `{`. */
  open: number;
  call?: { delegate: string; receiver: string; operation: string; opStart: number };
  constName?: string;
  keptPrefix?: string;
}

function read(path: string, text: string): PrismaCall[] {
  const regions: Region[] = [];
  const sites: { dot: number; operation: string; opStart: number; open: number }[] = [];
  const masked = maskNonCode(text);
  for (const m of text.matchAll(OPERATION_CALL_GLOBAL)) {
    const dot = m.index;
    if (masked[dot] !== '.') continue; // in a comment or a string
    const operation = /[A-Za-z]+/.exec(m[0])![0];
    const opStart = dot + m[0].indexOf(operation);
    const open = dot + m[0].length - 1; // `<`: type arguments, not read here
    if (text[open] !== '(') unreadable();
    const close = matchingClose(text, open);
    if (close < 0) unreadable();
    sites.push({ dot, operation, opStart, open });
    const before = readMemberBackwards(text, dot);
    if (before) regions.push({ start: dot, end: close + 1, open, call: { ...before, operation, opStart } });
  }
  for (const m of text.matchAll(CONST_OBJECT)) {
    const brace = m.index + m[0].length - 1;
    if (masked[brace] !== '{') continue; // in a comment or a string
    const close = matchingClose(text, brace);
    if (close < 0) unreadable();
    const keepFrom = m.index + (m[0].length - m[0].trimStart().length);
    // focusedSource keeps a `{`, `}`, `(` or `)` before the declaration: oxc then reads the whole file.
    if (keepFrom === m.index && m.index > 0 && text[m.index] !== ';' && !/\s/.test(text[m.index])) unreadable();
    regions.push({ start: m.index, end: close + 1, open: brace, constName: /(?:const|let|var)\s+([A-Za-z_$][\w$]*)/.exec(m[0])![1] });
  }
  regions.sort((a, b) => a.start - b.start);
  const kept: Region[] = [];
  let coverEnd = -1;
  for (const r of regions) {
    if (r.start < coverEnd) {
      if (r.constName !== undefined) unreadable(); // a declaration inside kept code: scoping oxc would see
      continue;
    }
    kept.push(r);
    coverEnd = r.end;
  }
  // Objects of `const x = { ... }` bound once in the file (not assigned or extended later) are
  // followed where they are in scope: after the declaration, inside its block. Anything else
  // (bound twice, extended, used out of scope) needs data flow: oxc reads the file.
  const flow = new FlowNames(masked);
  const consts = new Map<string, ConstObject | null>();
  for (const r of kept) {
    if (r.constName === undefined) continue;
    const once = !consts.has(r.constName) && flow.count(r.constName) === 1;
    consts.set(r.constName, once ? { open: r.open, to: enclosingClose(masked, r.open) } : null);
  }

  const lines = new LineIndex(text, path);
  const reader = new ArgReader(text, masked, lines, consts, flow);
  // Kept code is scanned once: literal ranges (to tell a `.findMany(` in a string from a call) and a check for what the reader does not read.
  const literals: [number, number][] = [];
  for (const r of kept) {
    if (/\b(?:yield|super)\b|\bnew\s*\./.test(text.slice(r.open, r.end))) unreadable();
    reader.skip(r.open, false, literals);
  }
  literals.sort((a, b) => a[0] - b[0]);

  const found: { start: number; dot: number; delegate: string; receiver: string; operation: string; opStart: number; open: number }[] = [];
  let k = 0;
  for (const site of sites) {
    while (k < kept.length && kept[k].end <= site.dot) k++;
    const region = k < kept.length && kept[k].start <= site.dot ? kept[k] : undefined;
    if (!region) continue;
    if (region.call && region.start === site.dot) {
      found.push({ start: site.opStart, dot: site.dot, ...region.call, open: site.open });
      continue;
    }
    if (insideLiteral(literals, site.dot)) continue;
    const chain = readChainBackwards(text, site.dot);
    if (!chain) continue;
    found.push({
      start: chain.start,
      dot: site.dot,
      delegate: chain.delegate,
      receiver: chain.receiver,
      operation: site.operation,
      opStart: site.opStart,
      open: site.open,
    });
  }
  found.sort((a, b) => a.start - b.start);

  const transactionParams = new Set<string>();
  for (const m of masked.matchAll(TRANSACTION_PARAM)) transactionParams.add(m[1]);
  const clients = new PrismaClients(masked, text);
  return found.map((f) => ({
    delegate: f.delegate,
    operation: f.operation as PrismaCall['operation'],
    receiver: f.receiver,
    clientLike: clients.isClient(receiverChain(masked, f.dot), transactionParams),
    location: lines.at(f.opStart),
    args: reader.firstArgument(f.open),
  }));
}

const FLOW_CALL = /\.\s*(?:map|flatMap|concat|filter|slice|reverse|sort|toSorted|toReversed)\s*\(|\bObject\s*\.\s*assign\b/;
const FLOW_OPERATOR = /\?|&&|\|\|/;
const NOT_NAMES = new Set(['true', 'false', 'null', 'undefined', 'new', 'typeof', 'void', 'await', 'this', 'in', 'instanceof', 'as', 'satisfies', 'const']);

/** Whether an expression names a variable by itself (not `a.b`, not a call `f()`): one data flow may resolve to an object. */
function bareNames(code: string): boolean {
  for (const m of code.matchAll(/(?<![.\w$])([A-Za-z_$][\w$]*)(?![\w$])(?!\s*[.(])/g)) if (!NOT_NAMES.has(m[1])) return true;
  return false;
}
/**
 * How often the file assigns, extends or pushes into `name` (a superset of what data-flow.ts
 * follows; an assignment of a plain literal does not count): a value naming one is left to oxc.
 * Asked per name the reader meets, so each costs one scan with a literal prefix.
 */
class FlowNames {
  private readonly counts = new Map<string, number>();
  private readonly functions = new Map<string, boolean>();
  constructor(private readonly masked: string) {}

  /** Whether the file declares a function of that name (a superset: any `const name = (`, `= async`, `= function`). */
  isFunction(name: string): boolean {
    let known = this.functions.get(name);
    if (known === undefined) {
      const e = name.replace(/\$/g, '\\$');
      known = new RegExp(
        `\\bfunction\\s*\\*?\\s*${e}\\s*[(<]|(?:const|let|var)\\s+${e}\\s*(?::[^=;]*)?=\\s*(?:async\\b|function\\b|\\(|[A-Za-z_$][\\w$]*\\s*=>)`,
      ).test(this.masked);
      this.functions.set(name, known);
    }
    return known;
  }

  count(name: string): number {
    let n = this.counts.get(name);
    if (n === undefined) {
      const e = name.replace(/\$/g, '\\$');
      n = 0;
      for (const _ of this.masked.matchAll(
        new RegExp(`(?<![\\w$.])${e}\\s*(?::[^=;()\\n]*)?=(?![=>])(?!\\s*(?:[\\d'"\`]|-\\d|(?:true|false|null|undefined)\\b))`, 'g'),
      ))
        n++;
      for (const _ of this.masked.matchAll(
        new RegExp(
          `(?<![\\w$.])${e}\\s*(?:\\.\\s*[\\w$]+\\s*|\\[[^\\]\\n]*\\]\\s*)+(?:=(?![=>])|\\.\\s*(?:push|unshift)\\s*\\()|\\bObject\\s*\\.\\s*assign\\s*\\(\\s*${e}(?![\\w$])`,
          'g',
        ),
      ))
        n += 2;
      this.counts.set(name, n);
    }
    return n;
  }
}

interface ConstObject {
  /** The object's `{`. */
  open: number;
  /** The end of the block the declaration is in (the file's end at the top level). */
  to: number;
}

/** The offset of the bracket closing the innermost block around `at` in the masked text; the text's length at the top level. */
export function enclosingClose(masked: string, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const c = masked[i];
    if (c === '}' || c === ')' || c === ']') depth++;
    else if (c === '{' || c === '(' || c === '[') {
      if (depth === 0) {
        const close = matchingClose(masked, i);
        return close < 0 ? masked.length : close;
      }
      depth--;
    }
  }
  return masked.length;
}

function insideLiteral(literals: [number, number][], offset: number): boolean {
  for (const [from, to] of literals) if (from <= offset && offset < to) return true;
  return false;
}

const IDENT = /[\w$]/;

/** `a.b.delegate` before a `.operation(` inside kept code: what oxc's MemberExpression would give, or undefined for no call; unreadable when unsure. */
function readChainBackwards(text: string, dot: number): { start: number; delegate: string; receiver: string } | undefined {
  const segments: string[] = [];
  let i = dot - 1;
  if (text[i] === '?') i--;
  let start = dot;
  for (;;) {
    while (i >= 0 && /\s/.test(text[i])) i--;
    const end = i + 1;
    while (i >= 0 && IDENT.test(text[i])) i--;
    const name = text.slice(i + 1, end);
    if (!name || /^\d/.test(name)) unreadable();
    segments.push(name);
    start = i + 1;
    let j = i;
    while (j >= 0 && /\s/.test(text[j])) j--;
    if (text[j] !== '.') {
      const c = j >= 0 ? text[j] : ';';
      if (/[)\]}!'"`#.@\\/]/.test(c) || c.charCodeAt(0) >= 0x80) unreadable();
      if (IDENT.test(c)) {
        let w = j;
        while (w >= 0 && IDENT.test(text[w])) w--;
        if (text.slice(w + 1, j + 1) === 'new') unreadable();
      }
      break;
    }
    i = j - 1;
    if (text[i] === '?') i--;
  }
  if (segments.length < 2 || segments[0].startsWith('$')) return undefined;
  return { start, delegate: segments[0], receiver: segments[1] };
}

const NUMBER = /0[xX][\da-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?/y;
const WORD = /[A-Za-z_$][\w$]*/y;

class ArgReader {
  constructor(
    private readonly text: string,
    private readonly masked: string,
    private readonly lines: LineIndex,
    private readonly consts: Map<string, ConstObject | null>,
    private readonly flow: FlowNames,
  ) {}

  /** The first argument of the call whose `(` is at `open`, lowered; undefined for none or a spread. */
  firstArgument(open: number): ArgValue | undefined {
    const p = this.ws(open + 1);
    if (this.text[p] === ')' || this.text.startsWith('...', p)) return undefined;
    const { value, end } = this.value(p, 0, true);
    const q = this.ws(end);
    if (this.text[q] !== ',' && this.text[q] !== ')') unreadable();
    return value;
  }

  /** Whitespace and comments. */
  ws(p: number): number {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 32 || c === 10 || c === 9 || c === 13) p++;
      else if (c === 47 && t.charCodeAt(p + 1) === 47) {
        const nl = t.indexOf('\n', p);
        if (nl < 0) unreadable();
        p = nl + 1;
      } else if (c === 47 && t.charCodeAt(p + 1) === 42) {
        const e = t.indexOf('*/', p + 2);
        if (e < 0) unreadable();
        p = e + 2;
      } else if (c === 0xa0 || c === 0xfeff || c === 11 || c === 12 || c === 0x2028 || c === 0x2029) unreadable();
      else return p;
    }
  }

  /**
   * From `p`: with `expr`, the offset of the first depth-0 `,` `)` `]` `}`; otherwise `p` is at a
   * bracket and this is the offset of its match. Strings, templates and comments are skipped
   * (and recorded in `literals` when given); a regular expression or a `<` is unreadable.
   */
  skip(p: number, expr: boolean, literals?: [number, number][]): number {
    const t = this.text;
    let depth = 0;
    for (let i = p; i < t.length; i++) {
      const c = t[i];
      if (c === '/') {
        const n = t[i + 1];
        if (n !== '/' && n !== '*') unreadable();
        const e = this.ws(i);
        literals?.push([i, e]);
        i = e - 1;
      } else if (c === '"' || c === "'") {
        const e = this.stringEnd(i);
        literals?.push([i, e]);
        i = e - 1;
      } else if (c === '`') i = this.templateEnd(i, literals).end - 1;
      else if (c === '<') unreadable();
      else if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) {
          if (expr) return i;
          unreadable();
        }
        depth--;
        if (!expr && depth === 0) return i;
      } else if (expr && depth === 0 && (c === ',' || c === ';')) {
        if (c === ';') unreadable();
        return i;
      }
    }
    return unreadable();
  }

  private stringEnd(p: number): number {
    const t = this.text;
    const q = t[p];
    for (let i = p + 1; i < t.length; i++) {
      const c = t[i];
      if (c === '\\') i++;
      else if (c === q) return i + 1;
      else if (c === '\n' || c === '\r') unreadable();
    }
    return unreadable();
  }

  private templateEnd(p: number, literals?: [number, number][]): { end: number; expressions: boolean } {
    const t = this.text;
    let from = p;
    let expressions = false;
    for (let i = p + 1; i < t.length; i++) {
      const c = t[i];
      if (c === '\\') i++;
      else if (c === '`') {
        literals?.push([from, i + 1]);
        return { end: i + 1, expressions };
      } else if (c === '$' && t[i + 1] === '{') {
        literals?.push([from, i + 1]);
        expressions = true;
        i = this.skip(i + 1, false, literals);
        from = i;
      }
    }
    return unreadable();
  }

  /** The expression starting at `p` (after whitespace): its lowered value and where it ends. */
  private value(p: number, depth: number, structural: boolean): { value: ArgValue; end: number } {
    const t = this.text;
    const c = t[p];
    let end: number;
    let make: () => ArgValue;
    const location = (): ArgValue['location'] => this.lines.at(p);
    if (c === '{') {
      const r = this.properties(p, depth);
      end = r.end;
      make = () => ({ kind: 'object', props: r.props, location: location() });
    } else if (c === '[') {
      const r = this.items(p, depth, structural);
      end = r.end;
      make = () => ({ kind: 'array', items: r.items, location: location() });
    } else if (c === '"' || c === "'") {
      end = this.stringEnd(p);
      make = () => ({ kind: 'string', value: cook(t.slice(p + 1, end - 1)), location: location() });
    } else if (c === '`') {
      const r = this.templateEnd(p);
      end = r.end;
      make = () => ({ kind: 'string', value: r.expressions ? '' : cook(t.slice(p + 1, end - 1).replace(/\r\n?/g, '\n')), location: location() });
    } else if ((c >= '0' && c <= '9') || (c === '.' && t[p + 1] >= '0' && t[p + 1] <= '9')) {
      NUMBER.lastIndex = p;
      const raw = NUMBER.exec(t)![0];
      end = p + raw.length;
      if (/^0\d/.test(raw) || (/[\w$.]/.test(t[end] ?? '') && t[end] !== 'n')) unreadable();
      if (t[end] === 'n') return this.opaque(p, structural);
      make = () => ({ kind: 'number', value: Number(raw.replace(/_/g, '')), location: location() });
    } else if (c === '(') {
      const close = this.skip(p, false);
      const after = this.ws(close + 1);
      if (t.startsWith('=>', after) || t[after] === ':') return this.opaque(p, structural); // an arrow function
      const inner = this.value(this.ws(p + 1), depth, structural);
      if (this.ws(inner.end) !== close) unreadable();
      const s = this.suffix(close + 1);
      return s === undefined ? this.opaque(p, structural) : { value: inner.value, end: s };
    } else if (/[A-Za-z_$]/.test(c)) {
      WORD.lastIndex = p;
      const word = WORD.exec(t)![0];
      end = p + word.length;
      if (t[end] === '\\' || t.charCodeAt(end) >= 0x80) unreadable();
      if (word === 'true' || word === 'false') make = () => ({ kind: 'boolean', value: word === 'true', location: location() });
      else if (word === 'null') make = () => ({ kind: 'null', location: location() });
      else if (word === 'new') {
        const q = this.ws(end);
        WORD.lastIndex = q;
        const callee = WORD.exec(t);
        if (callee?.index !== q || callee[0] !== 'Date' || /[\w$\\]/.test(t[q + 4] ?? '') || t.charCodeAt(q + 4) >= 0x80) return this.opaque(p, structural);
        end = q + 4;
        const open = this.ws(end);
        if (t[open] === '(') end = this.skip(open, false) + 1;
        make = () => ({ kind: 'date', location: location() });
      } else {
        make = () => {
          const target = this.consts.get(word);
          const inScope = target != null && p > target.open && p < target.to;
          // Depth guards against `const a = { ...a }` style cycles.
          if (inScope && depth < 8) return { kind: 'object', props: this.properties(target.open, depth + 1).props, location: this.lines.at(target.open) };
          // A name data flow could give an object or array (data-flow.ts): oxc reads the file.
          if (word !== 'undefined' && (target !== undefined || structural || this.flow.count(word) > 0)) unreadable();
          return { kind: 'opaque', location: location() };
        };
      }
    } else if (c === '<' || c === '\\' || c === '#' || c === '@' || c === undefined || t.charCodeAt(p) >= 0x80) unreadable();
    else return this.opaque(p, structural);
    const s = this.suffix(end);
    return s === undefined ? this.opaque(p, structural) : { value: make(), end: s };
  }

  private opaque(p: number, structural: boolean): { value: ArgValue; end: number } {
    const end = this.skip(p, true);
    // Ternaries, `&&`/`||`/`??`, map/concat/filter and Object.assign may build objects data flow follows.
    const code = this.masked.slice(p, end);
    if (FLOW_CALL.test(code) || (FLOW_OPERATOR.test(code) && (/[{[]/.test(code) || bareNames(code)))) unreadable();
    // A call of a function or method of this file where Prisma reads structure: data flow reads what it returns.
    const call = structural ? /^(?:await\s+)?(this\s*\.\s*)?([A-Za-z_$][\w$]*)\s*\(/.exec(code) : null;
    if (call && (call[1] !== undefined || this.flow.isFunction(call[2]))) unreadable();
    return { value: { kind: 'opaque', location: this.lines.at(p) }, end };
  }

  /** After a value: `!`, `as T`, `satisfies T` are skipped; the end when a delimiter follows, else undefined (a larger expression). */
  private suffix(end: number): number | undefined {
    const t = this.text;
    for (;;) {
      const q = this.ws(end);
      const c = t[q];
      if (c === ',' || c === ')' || c === ']' || c === '}') return end;
      if (c === '!' && t[q + 1] !== '=') {
        end = q + 1;
        continue;
      }
      WORD.lastIndex = q;
      const word = WORD.exec(t);
      if (word?.index === q && (word[0] === 'as' || word[0] === 'satisfies')) {
        end = this.type(this.ws(q + word[0].length));
        continue;
      }
      return undefined;
    }
  }

  /** A type after `as` / `satisfies`: names with generics, literals, bracketed types, `[]`, unions. */
  private type(p: number): number {
    const t = this.text;
    for (;;) {
      const c = t[p];
      let end: number;
      if (c === '{' || c === '[') end = this.skipType(p);
      else if (c === '(') {
        end = this.skipType(p);
        if (t.startsWith('=>', this.ws(end))) unreadable();
      } else if (c === '"' || c === "'") end = this.stringEnd(p);
      else if (/[A-Za-z_$]/.test(c)) {
        WORD.lastIndex = p;
        end = p + WORD.exec(t)![0].length;
        for (;;) {
          const q = this.ws(end);
          if (t[q] !== '.') break;
          WORD.lastIndex = this.ws(q + 1);
          const w = WORD.exec(t);
          if (!w || w.index !== WORD.lastIndex - w[0].length) unreadable();
          end = w.index + w[0].length;
        }
        if (t[this.ws(end)] === '<') end = this.skipType(this.ws(end));
      } else return unreadable();
      for (;;) {
        const q = this.ws(end);
        if (t[q] === '[' && t[this.ws(q + 1)] === ']') end = this.ws(q + 1) + 1;
        else break;
      }
      const q = this.ws(end);
      if (t[q] === '|' || t[q] === '&') p = this.ws(q + 1);
      else return end;
    }
  }

  /** A bracketed type from `p` (`<...>`, `{...}`, `[...]`, `(...)`): just past its close. No `=>` inside. */
  private skipType(p: number): number {
    const t = this.text;
    let depth = 0;
    for (let i = p; i < t.length; i++) {
      const c = t[i];
      if (c === '"' || c === "'") i = this.stringEnd(i) - 1;
      else if (c === '/' || c === '`' || (c === '=' && t[i + 1] === '>')) unreadable();
      else if (c === '<' || c === '(' || c === '[' || c === '{') depth++;
      else if (c === '>' || c === ')' || c === ']' || c === '}') {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return unreadable();
  }

  private properties(brace: number, depth: number): { props: ArgProperty[]; end: number } {
    const t = this.text;
    const props: ArgProperty[] = [];
    let q = this.ws(brace + 1);
    while (t[q] !== '}') {
      if (t.startsWith('...', q)) {
        const r = this.value(this.ws(q + 3), depth, true);
        if (r.value.kind === 'object') props.push(...r.value.props);
        q = this.ws(r.end);
      } else {
        let key: string | undefined;
        let keyStart = q;
        let word: string | undefined;
        let end: number;
        const c = t[q];
        if (c === '"' || c === "'") {
          end = this.stringEnd(q);
          key = cook(t.slice(q + 1, end - 1));
        } else if ((c >= '0' && c <= '9') || c === '.') {
          NUMBER.lastIndex = q;
          end = q + NUMBER.exec(t)![0].length;
        } else if (/[A-Za-z_$]/.test(c)) {
          WORD.lastIndex = q;
          word = WORD.exec(t)![0];
          end = q + word.length;
          key = word;
          const next = this.ws(end);
          // `get x() {}`, `set x(v) {}`, `async x() {}`: the key is the name after the modifier.
          if ((word === 'get' || word === 'set' || word === 'async') && /[A-Za-z_$"']/.test(t[next] ?? '')) {
            keyStart = next;
            if (t[next] === '"' || t[next] === "'") {
              end = this.stringEnd(next);
              key = cook(t.slice(next + 1, end - 1));
            } else {
              WORD.lastIndex = next;
              key = WORD.exec(t)![0];
              end = next + key.length;
            }
            word = undefined;
            if (t[this.ws(end)] !== '(') unreadable();
          }
        } else return unreadable();
        if (t[end] === '\\' || t.charCodeAt(end) >= 0x80) unreadable();
        const after = this.ws(end);
        let value: ArgValue;
        if (t[after] === ':') {
          const r = this.value(this.ws(after + 1), depth, key !== undefined && STRUCTURAL_KEYS.has(key));
          value = r.value;
          end = r.end;
        } else if (t[after] === '(') {
          // A method: its FunctionExpression starts at the `(`.
          value = { kind: 'opaque', location: this.lines.at(after) };
          const body = this.ws(this.skip(after, false) + 1);
          if (t[body] !== '{') unreadable();
          end = this.skip(body, false) + 1;
        } else if ((t[after] === ',' || t[after] === '}') && word !== undefined) {
          value = this.value(keyStart, depth, STRUCTURAL_KEYS.has(word)).value; // shorthand: the name is the value
        } else return unreadable();
        if (key !== undefined) props.push({ key, location: this.lines.at(keyStart), value });
        q = this.ws(end);
      }
      if (t[q] === ',') q = this.ws(q + 1);
      else if (t[q] !== '}') unreadable();
    }
    return { props, end: q + 1 };
  }

  private items(bracket: number, depth: number, structural: boolean): { items: ArgValue[]; end: number } {
    const t = this.text;
    const items: ArgValue[] = [];
    let q = this.ws(bracket + 1);
    while (t[q] !== ']') {
      if (t[q] === ',') {
        q = this.ws(q + 1);
        continue;
      }
      const spread = t.startsWith('...', q);
      const r = this.value(spread ? this.ws(q + 3) : q, depth, spread || structural);
      if (!spread) items.push(r.value);
      q = this.ws(r.end);
      if (t[q] === ',') q = this.ws(q + 1);
      else if (t[q] !== ']') unreadable();
    }
    return { items, end: q + 1 };
  }
}

/** A string literal's raw text (between the quotes) to its value. */
function cook(raw: string): string {
  if (!raw.includes('\\')) return raw;
  // biome-ignore lint/correctness/noEmptyCharacterClassInRegex: [^] is any character, line breaks included
  return raw.replace(/\\(u\{[\da-fA-F]+\}|u[\da-fA-F]{4}|x[\da-fA-F]{2}|\r\n|[^])/g, (_, e: string) => {
    switch (e[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
      case '\n':
      case '\r':
      case '\u2028':
      case '\u2029':
        return '';
      case 'x':
        return String.fromCharCode(parseInt(e.slice(1), 16));
      case 'u':
        if (e.length === 1) unreadable();
        return String.fromCodePoint(parseInt(e[1] === '{' ? e.slice(2, -1) : e.slice(1), 16));
      default:
        if (/\d/.test(e) && e !== '0') unreadable();
        return e === '0' ? '\0' : e;
    }
  });
}
