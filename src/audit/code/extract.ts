import { parseSync } from 'oxc-parser';
import type { ClaimLocation } from '../claims.js';
import type { ArgProperty, ArgValue, PrismaCall } from './call.js';
import { CLIENT_NAME, focusedSource } from './call-sites.js';
import { LineIndex } from './line-index.js';
import { readPrismaCalls } from './read-calls.js';
import { OPERATION_CALL_GLOBAL, OPERATION_CALL_PATTERN, isModelOperation } from './operations.js';

/** An ESTree node as oxc-parser returns it; only the few shapes the audit reads are typed. */
interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

export interface CodeExtraction {
  calls: PrismaCall[];
  /** Syntax errors: the file is skipped, not half-read. */
  errors: { message: string; location: ClaimLocation }[];
}

/**
 * Finds every Prisma Client call `<any expression>.<delegate>.<operation>(args)` in one
 * TypeScript or JavaScript file: `prisma.x`, `this.prisma.x`, `ctx.db.x`, `tx.x` inside
 * `$transaction(async (tx) => ...)`, calls inside `$transaction([...])`. Object literals held
 * in a `const` of the same file and passed by name (`{ where }`) are followed. Pure: text in,
 * calls out; no type-checking.
 */
export function extractPrismaCalls(path: string, text: string): CodeExtraction {
  if (!OPERATION_CALL_PATTERN.test(text)) return { calls: [], errors: [] };
  // The hand-written reader (read-calls.ts) first; it gives up on anything unusual, and then oxc reads the file.
  const read = readPrismaCalls(path, text);
  return read ? { calls: read, errors: [] } : extractPrismaCallsWithOxc(path, text);
}

/** The same extraction through oxc-parser's AST: the reference for read-calls.ts and its fallback. */
export function extractPrismaCallsWithOxc(path: string, text: string): CodeExtraction {
  if (!OPERATION_CALL_PATTERN.test(text)) return { calls: [], errors: [] };
  const lines = new LineIndex(text, path);
  const lang = languageOf(path);
  // First the focused source (only call arguments and const objects); the whole file when that
  // does not parse (an unusual construct the bracket scanner misread) or the file has no sites.
  const focused = focusedSource(text);
  let result = focused ? parseSync(path, focused.text, { lang, preserveParens: false }) : undefined;
  const sites = focused && result && result.errors.length === 0 ? focused.sites : undefined;
  if (!sites) {
    result = parseSync(path, text, { lang, preserveParens: false });
    if (result.errors.length > 0 && result.program.body.length === 0) {
      const first = result.errors[0];
      const offset = first.labels?.[0]?.start ?? 0;
      return { calls: [], errors: [{ message: first.message, location: lines.at(offset) }] };
    }
  }
  // Offsets of every `.operation(` in the text: in a whole-file parse, subtrees containing none
  // hold no Prisma call and are not walked (except `const x = { ... }` declarations).
  const hits: number[] = [];
  if (!sites) for (const m of text.matchAll(OPERATION_CALL_GLOBAL)) hits.push(m.index);
  const containsCall = (node: Node): boolean => {
    if (sites) return true;
    let lo = 0;
    let hi = hits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hits[mid] < node.start) lo = mid + 1;
      else hi = mid;
    }
    return lo < hits.length && hits[lo] < node.end;
  };
  const constObjects = new Map<string, Node | null>();
  const transactionParams = sites ? focused!.transactionParams : new Set<string>();
  const found: { call: Node; delegate: string; operation: string; receiver: string }[] = [];

  const visit = (node: Node): void => {
    if (!containsCall(node)) {
      if (node.type === 'VariableDeclaration') {
        for (const d of node.declarations as Node[]) visit(d);
        return;
      }
      if (node.type !== 'VariableDeclarator') return;
    }
    switch (node.type) {
      case 'CallExpression': {
        const callee = unwrap(node.callee as Node);
        const site = sites && callee.type === 'MemberExpression' && (callee.object as Node).type === 'Identifier' ? sites.get((callee.property as Node).start) : undefined;
        if (site) found.push({ call: node, delegate: site.delegate, operation: propertyName(callee)!, receiver: site.receiver });
        else if (callee.type === 'MemberExpression') {
          const operation = propertyName(callee);
          const object = unwrap(callee.object as Node);
          if (operation === '$transaction') collectTransactionParams(node, transactionParams);
          else if (operation && isModelOperation(operation) && object.type === 'MemberExpression') {
            const delegate = propertyName(object);
            if (delegate && !delegate.startsWith('$')) found.push({ call: node, delegate, operation, receiver: nameOf(unwrap(object.object as Node)) });
          }
        }
        break;
      }
      case 'VariableDeclarator': {
        const id = node.id as Node;
        const init = node.init ? unwrap(node.init as Node) : undefined;
        if (id.type === 'Identifier' && init?.type === 'ObjectExpression') {
          const name = id.name as string;
          // A name bound twice in one file is ambiguous without scope analysis: follow neither.
          constObjects.set(name, constObjects.has(name) ? null : init);
        }
        break;
      }
    }
    for (const key in node) {
      if (key === 'type' || key === 'start' || key === 'end' || key === 'typeAnnotation' || key === 'returnType' || key === 'typeParameters' || key === 'decorators') continue;
      const child = node[key];
      if (child === null || typeof child !== 'object') continue;
      if (Array.isArray(child)) {
        for (const item of child) if (item !== null && typeof item === 'object' && typeof (item as Node).type === 'string') visit(item as Node);
      } else if (typeof (child as Node).type === 'string') visit(child as Node);
    }
  };
  visit(result!.program as unknown as Node);

  const lower = new ArgumentLowering(lines, constObjects);
  const calls: PrismaCall[] = found.map(({ call, delegate, operation, receiver }) => {
    const receiverName = receiver;
    const first = (call.arguments as Node[])[0];
    return {
      delegate,
      operation: operation as PrismaCall['operation'],
      receiver: receiverName,
      clientLike: CLIENT_NAME.test(receiverName) || transactionParams.has(receiverName),
      location: lines.at(((call.callee as Node).property as Node | undefined)?.start ?? (call.callee as Node).start),
      args: first && first.type !== 'SpreadElement' ? lower.value(first, 0) : undefined,
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

/** Strips what does not change a value: `as`, `satisfies`, `!`, parentheses, `await`. */
function unwrap(node: Node): Node {
  let n = node;
  for (;;) {
    switch (n.type) {
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'ParenthesizedExpression':
      case 'ChainExpression':
        n = n.expression as Node;
        break;
      default:
        return n;
    }
  }
}

function propertyName(member: Node): string | undefined {
  const property = member.property as Node;
  if (!member.computed && (property.type === 'Identifier' || property.type === 'PrivateIdentifier')) return property.name as string;
  if (member.computed && property.type === 'Literal' && typeof property.value === 'string') return property.value;
  return undefined;
}

function nameOf(node: Node): string {
  if (node.type === 'Identifier') return node.name as string;
  if (node.type === 'ThisExpression') return 'this';
  if (node.type === 'MemberExpression') return propertyName(node) ?? '';
  if (node.type === 'CallExpression') return nameOf(unwrap(node.callee as Node));
  return '';
}

/** Parameters of `$transaction(async (tx) => ...)` callbacks are Prisma clients. */
function collectTransactionParams(call: Node, into: Set<string>): void {
  for (const arg of call.arguments as Node[]) {
    if (arg.type !== 'ArrowFunctionExpression' && arg.type !== 'FunctionExpression') continue;
    const param = (arg.params as Node[])[0];
    if (param?.type === 'Identifier') into.add(param.name as string);
  }
}

class ArgumentLowering {
  constructor(
    private readonly lines: LineIndex,
    private readonly constObjects: Map<string, Node | null>,
  ) {}

  value(raw: Node, depth: number): ArgValue {
    const node = unwrap(raw);
    const location = this.lines.at(node.start);
    switch (node.type) {
      case 'ObjectExpression':
        return { kind: 'object', props: this.properties(node, depth), location };
      case 'ArrayExpression':
        return { kind: 'array', items: (node.elements as (Node | null)[]).filter((e): e is Node => e !== null && e.type !== 'SpreadElement').map((e) => this.value(e, depth)), location };
      case 'Literal':
        if (typeof node.value === 'string') return { kind: 'string', value: node.value, location };
        if (typeof node.value === 'number') return { kind: 'number', value: node.value, location };
        if (typeof node.value === 'boolean') return { kind: 'boolean', value: node.value, location };
        if (node.value === null && node.raw === 'null') return { kind: 'null', location };
        return { kind: 'opaque', location };
      case 'TemplateLiteral':
        return (node.expressions as Node[]).length === 0 ? { kind: 'string', value: String(((node.quasis as Node[])[0].value as { cooked: string }).cooked), location } : { kind: 'string', value: '', location };
      case 'NewExpression':
        return (node.callee as Node).type === 'Identifier' && (node.callee as Node).name === 'Date' ? { kind: 'date', location } : { kind: 'opaque', location };
      case 'Identifier': {
        const target = this.constObjects.get(node.name as string);
        // Depth guards against `const a = { ...a }` style cycles.
        if (target && depth < 8) return { kind: 'object', props: this.properties(target, depth + 1), location: this.lines.at(target.start) };
        return { kind: 'opaque', location };
      }
      default:
        return { kind: 'opaque', location };
    }
  }

  private properties(object: Node, depth: number): ArgProperty[] {
    const props: ArgProperty[] = [];
    for (const p of object.properties as Node[]) {
      if (p.type === 'SpreadElement') {
        const spread = this.value(p.argument as Node, depth);
        if (spread.kind === 'object') props.push(...spread.props);
        continue;
      }
      if (p.type !== 'Property') continue;
      const keyNode = p.key as Node;
      let key: string | undefined;
      if (!p.computed && keyNode.type === 'Identifier') key = keyNode.name as string;
      else if (keyNode.type === 'Literal' && typeof keyNode.value === 'string') key = keyNode.value;
      if (key === undefined) continue;
      const value = (p.value as Node).type === 'FunctionExpression' || (p.value as Node).type === 'ArrowFunctionExpression' ? { kind: 'opaque' as const, location: this.lines.at((p.value as Node).start) } : this.value(p.value as Node, depth);
      props.push({ key, location: this.lines.at(keyNode.start), value });
    }
    return props;
  }
}
