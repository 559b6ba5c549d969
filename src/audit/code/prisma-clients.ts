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

const INIT = /(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=;]*)?=\s*([^;\n]*)/g;
const DESTRUCTURED = /(?:const|let|var)\s*\{([^}]*)\}\s*=\s*([^;\n]*)/g;
const TYPED = /([A-Za-z_$][\w$]*)\s*\??\s*:\s*(?:typeof\s+)?(?:Readonly<\s*)?([\w$.]+)/g;
const IMPORT = /import\s+(?:type\s+)?([\s\S]*?)\s+from\s*(['"])([^'"\n]+)\2/g;
const DATABASE_MODULE = /prisma|database|(?:^|[/@-])db(?:$|[/.-])/i;

export class PrismaClients {
  private constructor(
    private readonly names: ReadonlySet<string>,
    private readonly thisIsClient: boolean,
  ) {}

  /** `code` is the file with comments and strings blanked (see code-mask.ts). */
  static of(code: string): PrismaClients {
    const names = new Set<string>();
    for (const m of code.matchAll(INIT)) if (prismaInit(m[2])) names.add(m[1]);
    for (const m of code.matchAll(DESTRUCTURED)) if (prismaInit(m[2])) for (const n of bindingNames(m[1])) names.add(n);
    for (const m of code.matchAll(TYPED)) if (PRISMA_WORD.test(m[2]) || /TransactionClient$/.test(m[2])) names.add(m[1]);
    return new PrismaClients(names, /\bextends\s+PrismaClient\b/.test(code));
  }

  /** Adds the names imported from a module whose path names prisma or the database. `source` is the raw text (paths are strings). */
  addImports(source: string): this {
    for (const m of source.matchAll(IMPORT)) {
      if (!DATABASE_MODULE.test(m[3])) continue;
      for (const n of bindingNames(m[1].replace(/[{}]/g, ','))) (this.names as Set<string>).add(n);
    }
    return this;
  }

  /**
   * `chain` is the receiver's member path, innermost last-read first: `['client', 'prisma']` for
   * `prisma.client.user.findMany`, `['prisma', 'this']` for `this.prisma.user`.
   */
  isClient(chain: readonly string[], transactionParams: ReadonlySet<string>): boolean {
    const [receiver] = chain;
    if (receiver === undefined || receiver === '') return false;
    if (chain.some((s) => PRISMA_WORD.test(s))) return true;
    if (receiver === 'this') return this.thisIsClient;
    return CLIENT_NAMES.test(receiver) || transactionParams.has(receiver) || this.names.has(receiver);
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
      // A call or an index: the name before it (`getPrisma()`, `clients[0]`).
      const open = matchingOpenBackwards(masked, i);
      if (open < 0) break;
      i = skipBack(masked, open - 1);
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
