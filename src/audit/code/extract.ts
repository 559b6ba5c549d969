import { parseSync } from 'oxc-parser';
import type { ClaimLocation } from '../claims.js';
import type { PrismaCall } from './call.js';
import { TRANSACTION_PARAM } from './call-sites.js';
import { maskNonCode } from './code-mask.js';
import { DataFlow, scopesOf, type Node } from './data-flow.js';
import { LineIndex } from './line-index.js';
import { readPrismaCalls } from './read-calls.js';
import { OPERATION_CALL_PATTERN, isModelOperation } from './operations.js';
import { PrismaClients, receiverChain } from './prisma-clients.js';

export interface CodeExtraction {
  calls: PrismaCall[];
  /** Syntax errors: the file is skipped, not half-read. */
  errors: { message: string; location: ClaimLocation }[];
}

/**
 * Finds every Prisma Client call `<client>.<delegate>.<operation>(args)` in one TypeScript or
 * JavaScript file: `prisma.x`, `this.prisma.x`, `ctx.db.x`, `tx.x` inside
 * `$transaction(async (tx) => ...)`, calls inside `$transaction([...])`. Values are followed
 * from where they are built to the call within the file (see data-flow.ts). Pure: text in,
 * calls out; no type-checking.
 */
export function extractPrismaCalls(path: string, text: string): CodeExtraction {
  if (!OPERATION_CALL_PATTERN.test(text)) return { calls: [], errors: [] };
  // The hand-written reader (read-calls.ts) first; it gives up on anything it does not read
  // exactly (data flow included), and then oxc reads the file.
  const read = readPrismaCalls(path, text);
  return read ? { calls: read, errors: [] } : extractPrismaCallsWithOxc(path, text);
}

/** The same extraction through oxc-parser's AST, with data flow: the reference for read-calls.ts and its fallback. */
export function extractPrismaCallsWithOxc(path: string, text: string): CodeExtraction {
  if (!OPERATION_CALL_PATTERN.test(text)) return { calls: [], errors: [] };
  const lines = new LineIndex(text, path);
  const result = parseSync(path, text, { lang: languageOf(path), preserveParens: false });
  if (result.errors.length > 0 && result.program.body.length === 0) {
    const first = result.errors[0];
    const offset = first.labels?.[0]?.start ?? 0;
    return { calls: [], errors: [{ message: first.message, location: lines.at(offset) }] };
  }
  const masked = maskNonCode(text);
  const clients = new PrismaClients(masked, text);
  const transactionParams = new Set<string>();
  for (const m of masked.matchAll(TRANSACTION_PARAM)) transactionParams.add(m[1]);
  const { found, scopes } = scopesOf(result.program as unknown as Node, isModelOperation);
  const flow = new DataFlow(lines, scopes);
  const calls: PrismaCall[] = found.map(({ call, delegate, operation, receiver, scope }) => {
    const callee = call.callee as Node;
    const property = callee.property as Node | undefined;
    const dot = text.lastIndexOf('.', property?.start ?? callee.start);
    const first = (call.arguments as Node[])[0];
    return {
      delegate,
      operation: operation as PrismaCall['operation'],
      receiver,
      clientLike: clients.isClient(receiverChain(masked, dot), transactionParams),
      location: lines.at(property?.start ?? callee.start),
      args: first && first.type !== 'SpreadElement' ? flow.argument(first, scope) : undefined,
    };
  });
  return { calls, errors: [] };
}

function languageOf(path: string): 'ts' | 'tsx' | 'js' | 'jsx' {
  if (path.endsWith('.tsx')) return 'tsx';
  if (path.endsWith('.jsx')) return 'jsx';
  if (/\.[cm]?ts$/.test(path)) return 'ts';
  return 'js';
}
