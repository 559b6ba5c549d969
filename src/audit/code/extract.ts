import { parseSync } from 'oxc-parser';
import type { ClaimLocation } from '../claims.js';
import type { ArgValue, ModelRead, PrismaCall } from './call.js';
import { TRANSACTION_PARAM } from './call-sites.js';
import { maskNonCode } from './code-mask.js';
import { DataFlow, lookup, scopesOf, type FileScopes, type Node } from './data-flow.js';
import { type Exported, type ModelShape, type ModelType, ModelValues, type ModelReturn } from './model-values.js';
import { typedArgument, type TypedArgument } from './typed-args.js';
import { LineIndex } from './line-index.js';
import { enclosingClose, readPrismaCalls } from './read-calls.js';
import { OPERATION_CALL_PATTERN, isModelOperation } from './operations.js';
import { PrismaClients, receiverChain } from './prisma-clients.js';

export interface CodeExtraction {
  calls: PrismaCall[];
  /** Properties read off model values (model-values.ts). */
  reads: ModelRead[];
  /** Values typed with a generated argument type (`where: Prisma.UserWhereInput = {...}`), as calls (typed-args.ts). */
  typed: PrismaCall[];
  /** Top-level functions with a parameter typed so, which other files may call (`getWebsites(criteria: Prisma.WebsiteFindManyArgs)`). */
  sinks: TypedSink[];
  /** Model values returned into a written return type (model-values.ts): resolved against the project's types in extract-files.ts. */
  returned: ModelReturn[];
  /** Top-level classes' methods that return a model's records, for injected services in other files. */
  methods: MethodResult[];
  /** Top-level functions that return a model's records (`getTeamUser` returning `prisma.teamUser.findFirst(...)`), for callers in other files. */
  returns: { fn: string; result: Exported }[];
  /** Syntax errors: the file is skipped, not half-read. */
  errors: { message: string; location: ClaimLocation }[];
}

/** A top-level function's parameter typed with a generated argument type. */
export interface TypedSink {
  fn: string;
  index: number;
  argument: TypedArgument;
}

const NONE: CodeExtraction = { calls: [], reads: [], typed: [], sinks: [], returns: [], returned: [], methods: [], errors: [] };

export interface MethodResult {
  cls: string;
  method: string;
  result: Exported;
}

/** Operations whose result is the model's records: one, or a list. */
const ONE_RECORD = new Set(['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'create', 'update', 'upsert', 'delete']);
const RECORD_LIST = new Set(['findMany', 'createManyAndReturn', 'updateManyAndReturn', 'groupBy']);

/** An import from a module whose path names prisma: model types and the `Prisma` namespace. */
const PRISMA_IMPORT = /\bimport\s+(?:type\s+)?([\w$\s{},*]*?)\s*from\s*(['"])([^'"\n]*prisma[^'"\n]*)\2/gi;
/**
 * Whether model-values.ts may find something the hand-written reader does not: a query's
 * result that is read (bound to a name then read with `.`, `?.`, `[`, iterated, destructured;
 * `(await q).x`; `q.then(...)`), returned by an exported function (other files' callers read
 * it), or returned into a written return type. A text test, a superset of what matters, so
 * that files which only call Prisma (the common case) keep the fast reader.
 */
export function mayReadResults(text: string): boolean {
  if (CHAINED.test(text)) return true;
  const returnsCall = RETURN_CALL.test(text);
  if (returnsCall && EXPORTED_FUNCTION.test(text)) return true;
  const typed = TYPED_RETURN.test(text);
  if (returnsCall && typed) return true;
  // A bound name counts when it is read after the binding, inside the block it is declared in.
  let masked: string | undefined;
  const scoped = (m: RegExpMatchArray): string => {
    masked ??= maskNonCode(text);
    return text.slice(m.index, enclosingClose(masked, m.index!));
  };
  const bound = (m: RegExpMatchArray): boolean => {
    const name = nameBefore(text, m.index!);
    return name === undefined || readsName(scoped(m), name, typed);
  };
  for (const m of text.matchAll(BOUND)) if (bound(m)) return true;
  // `const m = await load(id)` with `load` returning a query in the file.
  if (returnsCall) for (const m of text.matchAll(AWAITED_CALL)) if (bound(m)) return true;
  return false;
}

/**
 * The name assigned at the `=` at `at` (`x = `, `const x: User = `); undefined for a
 * destructuring pattern or anything not read simply (the caller then assumes a read).
 */
function nameBefore(text: string, at: number): string | undefined {
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  const end = i + 1;
  while (i >= 0 && /[\w$]/.test(text[i])) i--;
  let name = text.slice(i + 1, end);
  if (!name) return undefined;
  let j = i;
  while (j >= 0 && /\s/.test(text[j])) j--;
  if (text[j] === ':') {
    // `name: Type =`: the name before the colon.
    j--;
    while (j >= 0 && /\s/.test(text[j])) j--;
    const e = j + 1;
    while (j >= 0 && /[\w$]/.test(text[j])) j--;
    name = text.slice(j + 1, e);
    if (!name) return undefined;
  }
  return /^\d/.test(name) ? undefined : name;
}

const OP = '(?:findUnique|findFirst|findMany|create|update|upsert|delete|createManyAndReturn|updateManyAndReturn|aggregate|groupBy)\\w*';
const CHAIN = `(?:this\\s*\\.\\s*)?[\\w$]+(?:\\s*\\??\\.\\s*[\\w$]+)*\\s*\\??\\.\\s*${OP}\\s*[(<]`;
/** `= <query>(` and `= await load(`: the name before the `=` is read by `nameBefore`. */
const BOUND = new RegExp(`=(?![=>])\\s*(?:await\\s+)?${CHAIN}`, 'g');
const AWAITED_CALL = /=(?![=>])\s*await\s+(?:this\s*\.\s*)?[\w$]+\s*\(/g;
const RETURN_CALL = new RegExp(`(?:\\breturn|=>)\\s*(?:await\\s+)?${CHAIN}`);
const CHAINED = new RegExp(`\\(\\s*await\\s+${CHAIN}|\\)\\s*\\.\\s*then\\s*\\(`);
const EXPORTED_FUNCTION = /^export\s+(?:default\s+)?(?:async\s+)?function\b|^export\s+const\s+[\w$]+\s*=\s*(?:async\b|\()/m;
/** A written return type naming a capitalised type (`): Promise<Team>`, `): E.Right<Team>`). */
const TYPED_RETURN = /\)\s*:\s*[^{;=]*?\b[A-Z][\w$]*/;

function readsName(text: string, name: string, typed: boolean): boolean {
  const e = name.replace(/\$/g, '\\$');
  const returned = typed ? `|\\breturn\\s+(?:[\\w$.]+\\(\\s*)?${e}\\b|\\.\\.\\.${e}\\b` : '';
  return new RegExp(`(?<![\\w$.])${e}\\s*(?:\\?\\.|\\.(?!\\s*(?:then|catch)\\b)|\\[)|\\bof\\s+${e}\\b${returned}`).test(text);
}

/**
 * Finds every Prisma Client call `<client>.<delegate>.<operation>(args)` in one TypeScript or
 * JavaScript file: `prisma.x`, `this.prisma.x`, `ctx.db.x`, `tx.x` inside
 * `$transaction(async (tx) => ...)`, calls inside `$transaction([...])`. Values are followed
 * from where they are built to the call within the file (see data-flow.ts). Pure: text in,
 * calls out; no type-checking.
 */
export function extractPrismaCalls(path: string, text: string, models?: ReadonlySet<string>): CodeExtraction {
  const calls = OPERATION_CALL_PATTERN.test(text);
  const types = typesUsed(text, models);
  if (!calls && !types) return NONE;
  // The hand-written reader (read-calls.ts) first where no result is read and no type from
  // Prisma is used; it gives up on anything it does not read exactly (data flow included), and
  // then oxc reads the file.
  if (!types && !mayReadResults(text)) {
    const read = readPrismaCalls(path, text);
    if (read) return { ...NONE, calls: read };
  }
  return extractPrismaCallsWithOxc(path, text);
}

/**
 * Whether the file writes a type imported from a prisma module that model-values.ts or
 * typed-args.ts read: a model's (of `models` when given) in a type position, or a generated
 * argument or payload type. Importing an enum, or a model type only to pass it on, does not
 * send the file to oxc.
 */
function typesUsed(text: string, models?: ReadonlySet<string>): boolean {
  PRISMA_IMPORT.lastIndex = 0;
  if (!PRISMA_IMPORT.test(text)) return false;
  PRISMA_IMPORT.lastIndex = 0;
  for (const [local, original] of prismaImports(text)) {
    const e = local.replace(/\$/g, '\\$');
    if (original === 'Prisma') {
      if (new RegExp(`\\b${e}\\s*\\.\\s*\\w+(?:Args|Input|Select|Include|GetPayload)\\b`).test(text)) return true;
    } else if (original.startsWith('Prisma.') || typedArgument(original)) return true;
    else if ((!models || models.has(original)) && new RegExp(`(?:[:<|,]|\\bas)\\s*${e}\\b(?!\\s*[.(])`).test(text)) return true;
  }
  return false;
}

/** The same extraction through oxc-parser's AST, with data flow: the reference for read-calls.ts and its fallback. */
export function extractPrismaCallsWithOxc(path: string, text: string): CodeExtraction {
  const lines = new LineIndex(text, path);
  const result = parseSync(path, text, { lang: languageOf(path), preserveParens: false });
  if (result.errors.length > 0 && result.program.body.length === 0) {
    const first = result.errors[0];
    const offset = first.labels?.[0]?.start ?? 0;
    return { ...NONE, errors: [{ message: first.message, location: lines.at(offset) }] };
  }
  const masked = maskNonCode(text);
  const clients = new PrismaClients(masked, text);
  const transactionParams = new Set<string>();
  for (const m of masked.matchAll(TRANSACTION_PARAM)) transactionParams.add(m[1]);
  const { found, scopes } = scopesOf(result.program as unknown as Node, isModelOperation);
  const flow = new DataFlow(lines, scopes);
  const results = new Map<Node, { delegate: string; list: boolean }>();
  const roots = new Map<Node, ModelRead['root']>();
  const calls: PrismaCall[] = found.map(({ call, delegate, operation, receiver, scope }) => {
    const callee = call.callee as Node;
    const property = callee.property as Node | undefined;
    const dot = text.lastIndexOf('.', property?.start ?? callee.start);
    const first = (call.arguments as Node[])[0];
    const clientLike = clients.isClient(receiverChain(masked, dot), transactionParams);
    if (clientLike && (ONE_RECORD.has(operation) || RECORD_LIST.has(operation) || operation === 'aggregate')) {
      results.set(call, { delegate, list: RECORD_LIST.has(operation) });
      roots.set(call, { delegate, operation: operation as PrismaCall['operation'], clientLike });
    }
    return {
      delegate,
      operation: operation as PrismaCall['operation'],
      receiver,
      clientLike,
      location: lines.at(property?.start ?? callee.start),
      args: first && first.type !== 'SpreadElement' ? flow.argument(first, scope) : undefined,
    };
  });
  const imported = prismaImports(text);
  // The file's own types built from a model (`interface Board extends Omit<PrismaBoard, 'parameters'>`) read like the model's.
  const own = modelAliases(text);
  const modelTypes: Map<string, ModelType> = own.length > 0 ? new Map<string, ModelType>(imported) : (imported as Map<string, ModelType>);
  for (const a of own) if (!imported.has(a.name)) modelTypes.set(a.name, a.model);
  const values = new ModelValues(scopes, results, modelTypes);
  const rootOf = (call: Node) => roots.get(call)!;
  const reads = values.reads(lines, rootOf);
  const { typed, sinks } = typedArguments(scopes, flow, imported);
  const returns: CodeExtraction['returns'] = [];
  for (const [fn, node] of scopes.topLevel) {
    const result = values.functionResult(node, rootOf);
    if (result) returns.push({ fn, result });
  }
  return { calls, reads, typed, sinks, returns, returned: values.returnsInto(lines, rootOf), methods: values.methodResults(rootOf), errors: [] };
}

/** Local names imported from modules whose path names prisma, to the names they import (`User as DbUser` -> DbUser: User). */
export function prismaImports(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(PRISMA_IMPORT)) {
    for (const part of m[1].replace(/[{}]/g, ',').split(',')) {
      const p = part.replace(/^\s*type\s+/, '').trim();
      const named = /^([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$/.exec(p);
      if (named) out.set(named[2] ?? named[1], named[1]);
    }
  }
  // `import UserFindManyArgs = Prisma.UserFindManyArgs;`
  for (const m of text.matchAll(IMPORT_EQUALS)) if (out.get(m[2]) === 'Prisma') out.set(m[1], `Prisma.${m[3]}`);
  return out;
}

const IMPORT_EQUALS = /\bimport\s+([A-Za-z_$][\w$]*)\s*=\s*([A-Za-z_$][\w$]*)\s*\.\s*([A-Za-z_$][\w$]*)/g;

/**
 * Values typed with a generated argument type, read as the argument of a call on that model:
 * a name's initial and assigned values, and what the file's callers pass to a parameter typed
 * so. Top-level functions with such a parameter are returned for callers in other files.
 */
function typedArguments(scopes: FileScopes, flow: DataFlow, imported: ReadonlyMap<string, string>): { typed: PrismaCall[]; sinks: TypedSink[] } {
  const typed: PrismaCall[] = [];
  const sinks: TypedSink[] = [];
  for (const b of scopes.annotated) {
    const argument = argumentType(b.annotation!, imported);
    if (!argument) continue;
    for (const v of b.values) typed.push(typedCall(argument, flow.argument(v.node, v.scope)));
    if (b.param && b.param.prop === undefined) {
      for (const site of scopes.callSites.get(b.param.fn) ?? []) {
        const arg = site.args[b.param.index];
        if (arg && arg.type !== 'SpreadElement') typed.push(typedCall(argument, flow.argument(arg, site.scope)));
      }
      if (scopes.topLevel.has(b.param.fn)) sinks.push({ fn: b.param.fn, index: b.param.index, argument });
    }
  }
  return { typed, sinks };
}

/**
 * The generated argument type a written type names: `Prisma.UserWhereInput` (Prisma imported
 * from a prisma module), a name imported from one or aliased from its namespace (`import
 * UserFindManyArgs = Prisma.UserFindManyArgs`), or a union of those for one model
 * (`Prisma.UserUpdateInput | Prisma.UserUncheckedUpdateInput`).
 */
export function argumentType(annotation: Node, imported: ReadonlyMap<string, string>): TypedArgument | undefined {
  const type = annotation.type === 'TSTypeAnnotation' ? (annotation.typeAnnotation as Node) : annotation;
  if (type.type === 'TSUnionType') {
    const members = (type.types as Node[]).filter((t) => t.type !== 'TSNullKeyword' && t.type !== 'TSUndefinedKeyword');
    const each = members.map((t) => argumentType(t, imported));
    const first = each[0];
    return first && each.every((a) => a?.delegate === first.delegate) ? first : undefined;
  }
  if (type.type !== 'TSTypeReference') return undefined;
  const name = type.typeName as Node;
  if (name.type === 'Identifier') {
    const original = imported.get(name.name as string);
    return original ? typedArgument(original.replace(/^Prisma\./, '')) : undefined;
  }
  if (name.type !== 'TSQualifiedName' || (name.left as Node).type !== 'Identifier') return undefined;
  if (imported.get((name.left as Node).name as string) !== 'Prisma') return undefined;
  return typedArgument((name.right as Node).name as string);
}

/** A typed value as the call it is an argument of. */
export function typedCall(argument: TypedArgument, value: ArgValue): PrismaCall {
  return {
    delegate: argument.delegate,
    operation: argument.operation,
    receiver: '',
    clientLike: true,
    typed: true,
    location: value.location,
    args: argument.key ? { kind: 'object', props: [{ key: argument.key, location: value.location, value }], location: value.location } : value,
  };
}

function languageOf(path: string): 'ts' | 'tsx' | 'js' | 'jsx' {
  if (path.endsWith('.tsx')) return 'tsx';
  if (path.endsWith('.jsx')) return 'jsx';
  if (/\.[cm]?ts$/.test(path)) return 'ts';
  return 'js';
}

/**
 * What a file does with functions of other files (by imported name): arguments in a parameter
 * typed with a generated argument type (`sinks`), read with the file's data flow as the call
 * they stand for; and fields read off what functions returning a model's records give
 * (`returns`: `const teamUser = await getTeamUser(...)`, then `teamUser.role`), or values typed
 * with another file's alias of a model type (`aliases`: `(user: AuthUser) => user.email` for
 * `export type AuthUser = User`), or what injected services' methods return (`services`:
 * `const teams = await this.teamService.getTeams()`).
 */
export function importedUses(
  path: string,
  text: string,
  sinks: ReadonlyMap<string, readonly TypedSink[]>,
  returns: ReadonlyMap<string, Exported>,
  aliases: ReadonlyMap<string, ModelType> = new Map(),
  services: ReadonlyMap<string, ReadonlyMap<string, Exported>> = new Map(),
): { calls: PrismaCall[]; reads: ModelRead[]; returned: ModelReturn[]; methods: MethodResult[]; returns: { fn: string; result: Exported }[] } {
  const result = parseSync(path, text, { lang: languageOf(path), preserveParens: false });
  if (result.errors.length > 0 && result.program.body.length === 0) return { calls: [], reads: [], returned: [], methods: [], returns: [] };
  const { scopes } = scopesOf(result.program as unknown as Node, () => false);
  const lines = new LineIndex(text, path);
  const flow = new DataFlow(lines, scopes);
  const calls: PrismaCall[] = [];
  for (const [fn, list] of sinks) {
    for (const site of scopes.callSites.get(fn) ?? []) {
      if (lookup(fn, site.scope)) continue; // a local of the same name
      for (const sink of list) {
        const arg = site.args[sink.index];
        if (arg && arg.type !== 'SpreadElement') calls.push(typedCall(sink.argument, flow.argument(arg, site.scope)));
      }
    }
  }
  // Only what comes from the other files: the file's own reads were taken in the first pass.
  if (returns.size === 0 && aliases.size === 0 && services.size === 0) return { calls, reads: [], returned: [], methods: [], returns: [] };
  const values = new ModelValues(scopes, new Map(), aliases, returns, services);
  const none = () => ({ model: '', list: false });
  // The file's own top-level functions returning what it imports (`useWebsite()` returning `useContext(WebsiteContext)`), for a later round.
  const own: { fn: string; result: Exported }[] = [];
  for (const [fn, node] of scopes.topLevel) {
    const r = values.functionResult(node, none);
    if (r) own.push({ fn, result: r });
  }
  return {
    calls,
    reads: values.reads(lines, none, true),
    returned: values.returnsInto(lines, none, true),
    methods: values.methodResults(none),
    returns: own,
  };
}

const MODEL_CONTEXT =
  /^export\s+const\s+([A-Za-z_$][\w$]*)\s*=\s*(?:React\s*\.\s*)?createContext\s*<\s*([A-Za-z_$][\w$]*)\s*(?:\|\s*(?:null|undefined)\s*)?>/gm;
const CONTEXT_MEMBER =
  /^\s*(?:readonly\s+)?([A-Za-z_$][\w$]*)\??\s*:\s*(?:(?:Partial|Readonly|Required)\s*<\s*([A-Za-z_$][\w$]*)\s*>|([A-Za-z_$][\w$]*))\s*(?:\|\s*(?:null|undefined)\s*)*[;,]?\s*$/;

/**
 * `export const WebsiteContext = createContext<Website>(null)` with Website a model type:
 * WebsiteContext -> Website (what `useContext` of it gives). For a context typed with an
 * interface of the file (`createContext<BoardContextValue>` with `board: Partial<Board>`), the
 * members typed with a type name (`board` -> Board), resolved by the caller (a model type or
 * another file's alias of one).
 */
export function modelContexts(text: string): { name: string; model?: string; members?: { key: string; type: string }[] }[] {
  if (!text.includes('createContext')) return [];
  const out: { name: string; model?: string; members?: { key: string; type: string }[] }[] = [];
  let imported: Map<string, string> | undefined;
  for (const m of text.matchAll(MODEL_CONTEXT)) {
    imported ??= prismaImports(text);
    const model = imported.get(m[2]);
    if (model && /^[A-Z]/.test(model) && model !== 'Prisma' && model !== 'PrismaClient') {
      out.push({ name: m[1], model });
      continue;
    }
    const decl = new RegExp(`\\binterface\\s+${m[2]}\\s*\\{`).exec(text);
    if (!decl) continue;
    const end = text.indexOf('\n}', decl.index);
    if (end < 0) continue;
    const members: { key: string; type: string }[] = [];
    for (const line of text.slice(decl.index + decl[0].length, end).split('\n')) {
      const member = CONTEXT_MEMBER.exec(line);
      if (member) members.push({ key: member[1], type: member[2] ?? member[3] });
    }
    if (members.length > 0) out.push({ name: m[1], members });
  }
  return out;
}

const MODEL_ALIAS =
  /^export\s+(?:type\s+([A-Za-z_$][\w$]*)\s*=\s*([A-Za-z_$][\w$]*)\s*(?:<\s*([A-Za-z_$][\w$]*)\s*(?:,\s*([^>]*))?>)?\s*;|interface\s+([A-Za-z_$][\w$]*)\s+extends\s+([A-Za-z_$][\w$]*)\s*(?:<\s*([A-Za-z_$][\w$]*)\s*(?:,\s*([^>]*))?>)?\s*\{)/gm;
/** Type helpers an alias may wrap a model in: `Partial<User>` keeps its keys, `Omit`/`Pick` name the keys dropped/kept. */
const KEEPS_KEYS = new Set(['Partial', 'Required', 'Readonly']);

/**
 * The file's exported names for a model type (User imported from a prisma module):
 * `export type AuthUser = User;` -> User; `export type Draft = Partial<User>;`, `export type
 * Public = Omit<User, 'password'>;` / `Pick<User, 'id' | 'name'>`, and `export interface Board
 * extends Omit<PrismaBoard, 'parameters'> { parameters: BoardParameters }`: the model with the
 * keys that are not its own (omitted, or declared by the interface) or the only ones it keeps.
 */
export function modelAliases(text: string): { name: string; model: ModelType }[] {
  if (!text.includes('export type') && !text.includes('export interface')) return [];
  const out: { name: string; model: ModelType }[] = [];
  let imported: Map<string, string> | undefined;
  for (const m of text.matchAll(MODEL_ALIAS)) {
    const name = m[1] ?? m[5];
    const outer = m[2] ?? m[6];
    const inner = m[3] ?? m[7];
    const rawKeys = m[4] ?? m[8];
    imported ??= prismaImports(text);
    const model = imported.get(inner ?? outer);
    if (!model || !/^[A-Z]/.test(model) || model === 'Prisma' || model === 'PrismaClient') continue;
    let shape: ModelShape = { model };
    if (inner !== undefined) {
      const keys = rawKeys === undefined ? undefined : stringKeys(rawKeys);
      if (KEEPS_KEYS.has(outer) && rawKeys === undefined) shape = { model };
      else if (outer === 'Omit' && keys) shape = { model, except: keys };
      else if (outer === 'Pick' && keys) shape = { model, only: keys };
      else continue;
    }
    if (m[5] !== undefined) {
      // The interface's own members are the application's, not the model's.
      const members = interfaceMembers(text, (m.index ?? 0) + m[0].length);
      if (members === undefined) continue;
      if (members.length > 0) shape = { ...shape, except: [...new Set([...(shape.except ?? []), ...members])] };
    }
    out.push({ name, model: shape.except || shape.only ? shape : shape.model });
  }
  return out;
}

/** `'a' | "b"` -> ['a', 'b']; undefined when anything else is written. */
function stringKeys(raw: string): string[] | undefined {
  const parts = raw.split('|').map((p) => p.trim());
  const out: string[] = [];
  for (const p of parts) {
    const m = /^(['"])([^'"]+)\1$/.exec(p);
    if (!m) return undefined;
    out.push(m[2]);
  }
  return out;
}

/** The member names of an interface body starting after its `{` (top level only); undefined when the body does not close. */
function interfaceMembers(text: string, start: number): string[] | undefined {
  const out: string[] = [];
  let depth = 1;
  let lineStart = true;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '(' || c === '[' || c === '<') depth++;
    else if (c === '}' || c === ')' || c === ']' || (c === '>' && text[i - 1] !== '=')) {
      depth--;
      if (depth === 0) return [...new Set(out)];
    } else if (depth === 1 && (lineStart || c === ';' || c === ',')) {
      const m = /^[\s;,]*(?:readonly\s+)?(?:(['"])([^'"]+)\1|([A-Za-z_$][\w$]*))\s*\??\s*[:(]/.exec(text.slice(i, i + 200));
      if (m) out.push(m[2] ?? m[3]);
    }
    lineStart = c === '\n';
  }
  return undefined;
}
