/**
 * Which receivers in a file are Prisma clients. A `<receiver>.<delegate>.<operation>(...)` call
 * counts only when the receiver is one: by name (anything containing `prisma`, `db`, `tx`), as
 * a `$transaction` callback parameter, or bound in the file to a Prisma client by construction
 * (`new PrismaClient`, `= tx ?? prisma`), by type (`client: Prisma.TransactionClient`,
 * `private readonly db: PrismaService`), by import from a module whose path names prisma or the
 * database (`import { client } from '@/lib/prisma'`), or `this` inside `extends PrismaClient`.
 * Third-party SDK clients (`stripeClient.subscriptions.update`, `this.client.files.create` on
 * an HTTP client) are not. Read from the text with comments and strings blanked: no scope
 * analysis, so a name bound to Prisma anywhere in the file counts everywhere in it.
 */

/** Receiver names that are a Prisma client by convention, whatever the file says. */
const CLIENT_NAMES = /^(?:db|database|tx|trx|transaction|prismaTx|dbClient)$/;
const PRISMA_WORD = /prisma/i;

const IMPORT = /import\s+(?:type\s+)?([\w$\s{},*]*?)\s*from\s*(['"])([^'"\n]+)\2/g;
const DATABASE_MODULE = /prisma|database|(?:^|[/@-])db(?:$|[/.-])/i;

export class PrismaClients {
  private readonly decided = new Map<string, boolean>();
  private imported: Set<string> | undefined;

  /** `masked` is the file with comments and strings blanked (code-mask.ts), `source` the file itself (import paths are strings). */
  constructor(
    private readonly masked: string,
    private readonly source: string,
  ) {}

  /**
   * `chain` is the receiver's member path, innermost last-read first: `['client', 'prisma']` for
   * `prisma.client.user.findMany`, `['prisma', 'this']` for `this.prisma.user`.
   */
  isClient(chain: readonly string[], transactionParams: ReadonlySet<string>): boolean {
    const [receiver] = chain;
    if (receiver === undefined || receiver === '') return false;
    if (chain.some((s) => PRISMA_WORD.test(s))) return true;
    if (receiver === 'this') return /\bextends\s+PrismaClient\b/.test(this.masked);
    if (CLIENT_NAMES.test(receiver) || transactionParams.has(receiver)) return true;
    let known = this.decided.get(receiver);
    if (known === undefined) this.decided.set(receiver, (known = this.boundToClient(receiver)));
    return known;
  }

  /** Whether the file binds `name` to a Prisma client: by construction, by type, or by import. Read on demand, per name. */
  private boundToClient(name: string): boolean {
    const n = name.replace(/\$/g, '\\$');
    const code = this.masked;
    for (const m of code.matchAll(new RegExp(`(?:const|let|var)\\s+${n}\\s*(?::[^=;]*)?=\\s*([^;\\n]*)`, 'g'))) if (prismaInit(m[1])) return true;
    for (const m of code.matchAll(new RegExp(`(?:const|let|var)\\s*\\{[^}]*(?<![\\w$])${n}(?![\\w$])[^}]*\\}\\s*=\\s*([^;\\n]*)`, 'g')))
      if (prismaInit(m[1])) return true;
    for (const m of code.matchAll(new RegExp(`(?<![\\w$.])${n}\\s*\\??\\s*:\\s*(?:typeof\\s+)?(?:Readonly<\\s*)?([\\w$.]+)`, 'g')))
      if (PRISMA_WORD.test(m[1]) || /TransactionClient$/.test(m[1])) return true;
    if (!this.imported) {
      this.imported = new Set();
      for (const m of this.source.matchAll(IMPORT))
        if (DATABASE_MODULE.test(m[3])) for (const b of bindingNames(m[1].replace(/[{}]/g, ','))) this.imported.add(b);
    }
    return this.imported.has(name);
  }
}

/** An initialiser that yields a Prisma client: mentions prisma or a transaction client (`tx ?? prisma`, `new PrismaClient()`, `getPrisma()`). */
function prismaInit(init: string): boolean {
  return PRISMA_WORD.test(init) || /^\s*(?:tx|trx)\s*(?:\?\?|\|\||$)/.test(init);
}

/** `a, b as c, type d, default as e` -> the local names. */
function bindingNames(list: string): string[] {
  const out: string[] = [];
  for (const part of list.split(',')) {
    const p = part.replace(/^\s*type\s+/, '').trim();
    if (!p) continue;
    const m = /(?:[\w$*]+\s+as\s+)?([A-Za-z_$][\w$]*)\s*(?:=.*)?$/.exec(p.replace(/^[\w$]+\s*:\s*/, ''));
    if (m) out.push(m[1]);
  }
  return out;
}

/**
 * The receiver's member path before `.<delegate>.<operation>` whose `.` before the operation is
 * at `dot`, read backwards in the masked text: `['client', 'prisma']` for
 * `prisma.client.user.findMany`, `['getPrisma']` for `getPrisma().user.findMany`. Empty when
 * there is no receiver.
 */
export function receiverChain(masked: string, dot: number): string[] {
  let i = skipBack(masked, dot - 1);
  if (masked[i] === '?') i = skipBack(masked, i - 1);
  while (i >= 0 && /[\w$]/.test(masked[i])) i--; // the delegate
  i = skipBack(masked, i);
  const chain: string[] = [];
  while (masked[i] === '.') {
    i = skipBack(masked, i - 1);
    if (masked[i] === '?') i = skipBack(masked, i - 1);
    if (masked[i] === ')' || masked[i] === ']') {
      // A call or an index: the name before it (`getPrisma()`, `clients[0]`); a parenthesised
      // expression (`(tx || this.prisma).user`): the names in it.
      const close = i;
      const open = matchingOpenBackwards(masked, i);
      if (open < 0) break;
      i = skipBack(masked, open - 1);
      let w = i;
      while (w >= 0 && /[\w$]/.test(masked[w])) w--;
      const before = masked.slice(w + 1, i + 1);
      if (masked[close] === ')' && (before === '' || /^(?:await|return|typeof|void|yield|in|of|case|else|do)$/.test(before))) {
        chain.push(...(masked.slice(open + 1, close).match(/[A-Za-z_$][\w$]*/g) ?? []));
        break;
      }
      if (masked[i] === '!') i = skipBack(masked, i - 1);
    }
    const end = i + 1;
    while (i >= 0 && /[\w$]/.test(masked[i])) i--;
    const name = masked.slice(i + 1, end);
    if (!name) break;
    chain.push(name);
    i = skipBack(masked, i);
    if (masked[i] === '!') i = skipBack(masked, i - 1);
  }
  return chain;
}

function skipBack(text: string, i: number): number {
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i;
}

function matchingOpenBackwards(text: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const c = text[i];
    if (c === ')' || c === ']' || c === '}') depth++;
    else if (c === '(' || c === '[' || c === '{') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
