import type { ClaimLocation } from '../claims.js';
import type { ModelRead } from './call.js';
import { type Binding, type FileScopes, type Node, type Origin, type Scope, lookup, memberKey, returnedExpressions } from './data-flow.js';
import type { LineIndex } from './line-index.js';

/**
 * Values that are a model's records, and the properties code reads off them, over oxc's AST
 * (no type-checker): what a Prisma call returns (`const user = await prisma.user.findUnique(...)`,
 * `.then((u) => ...)`), names destructured from it, elements of a list result (`users.map((u) =>
 * u.name)`, `for (const u of users)`, `users[0]`, `users.find(...)`), what a function of the file
 * returns when it returns such a value (and has no other return type written), and values whose
 * type is written as a model imported from the generated client (`(user: User) =>`,
 * `Prisma.UserGetPayload<...>`, `User[]`, `User | null`). A name typed with anything else, cast
 * with `as` to anything else, or assigned anything but such a value (or `null`) is not followed:
 * its type, not the query, says what it holds.
 */

/** The root of a model value: a Prisma call found in the file (by its node) or a model type. */
/** The root of a model value: a Prisma call found in the file (by its node), a model type, or what a function of another file returns. */
type Root = { call: Node } | ModelRoot | { imported: ModelRead['root'] };

/**
 * A value typed with a model type, or with the application's type built from one
 * (`Omit<User, 'password'>`, `Pick<User, 'id' | 'name'>`, `interface Board extends
 * Omit<PrismaBoard, 'parameters'> { parameters: BoardParameters }`): `except` lists the keys
 * that are not the model's (omitted, or declared by the application's type), `only` the
 * model's keys the type keeps (Pick).
 */
interface ModelRoot {
  model: string;
  list: boolean;
  except?: string[];
  only?: string[];
}

/** A local type name that stands for a model: its name (`User`), or the shape built from it. */
export type ModelType = string | ModelShape;
export interface ModelShape {
  model: string;
  except?: string[];
  only?: string[];
}

/** Type helpers that keep a type's keys (`Partial<Board>`). */
const SAME_KEYS = new Set(['Partial', 'Required', 'Readonly', 'NonNullable']);

interface Value {
  root: Root;
  /** Property names from the root; `[]` steps into an element of a list. */
  path: string[];
  /** Keys written beside the record spread into an object (`{ ...website, shareId }`): the next step is not the model's. */
  except?: string[];
}

/** List methods whose result is the same list, or one element of it. */
const SAME_LIST = new Set(['filter', 'slice', 'sort', 'toSorted', 'reverse', 'toReversed', 'concat']);
const ELEMENT_OF = new Set(['find', 'findLast', 'at', 'pop', 'shift']);
/** List methods whose callback's first parameter is an element (`sort`: both). */
const ELEMENT_CALLBACKS = new Set([
  'map',
  'flatMap',
  'forEach',
  'filter',
  'find',
  'findLast',
  'findIndex',
  'findLastIndex',
  'some',
  'every',
  'sort',
  'toSorted',
]);
const WRAPPERS = new Set(['Array', 'ReadonlyArray', 'Promise']);
/** Calls that hand their one argument on as the result (`E.right(team)`, `Promise.resolve(x)`, `O.some(x)`). */
const WRAPPING = new Set(['right', 'of', 'ok', 'some', 'resolve']);
/**
 * fp-ts style containers: `E.right(team)` holds the record under `.right`, `O.some(user)` and
 * `O.fromNullable(user)` under `.value`; the path marks the wrapping and reading the member unwraps it.
 */
const WRAP_MARKS: Record<string, string | undefined> = Object.assign(Object.create(null), { right: '^right', some: '^value', fromNullable: '^value' });

/** What a function or method of one file returns, for another file: a root and the path from it (`E.right(team)`: `['^right']`). */
export interface Exported {
  root: ModelRead['root'];
  path: string[];
  /** Keys written beside a spread record (see Value). */
  except?: string[];
}

/** A model value returned into a written return type (see `returnsInto`). */
export interface ModelReturn {
  root: ModelRead['root'];
  path: string[];
  /** Type names the return type mentions (`Team` in `Promise<E.Right<Team>>`). */
  types: string[];
  /** Keys written beside the spread record (`{ ...doc, versions }`): not the record's. */
  written: string[];
  location: ClaimLocation;
}

/** The plain type names a written type mentions, at any depth. */
function typeNames(node: Node): string[] {
  const out: string[] = [];
  const walk = (n: Node): void => {
    if (n.type === 'TSTypeReference' && (n.typeName as Node).type === 'Identifier') {
      const name = (n.typeName as Node).name as string;
      if (!WRAPPERS.has(name)) out.push(name);
    }
    for (const key in n) {
      if (key === 'type' || key === 'start' || key === 'end') continue;
      const child = n[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c === 'object' && typeof (c as Node).type === 'string') walk(c as Node);
      } else if (child && typeof child === 'object' && typeof (child as Node).type === 'string') walk(child as Node);
    }
  };
  walk(node);
  return out;
}

export class ModelValues {
  private readonly memo = new Map<Binding, Value | null>();
  private readonly visiting = new Set<Binding | Node>();

  /**
   * `calls` maps the node of each Prisma call that returns records to its delegate and whether it returns a list;
   * `models` maps local type names imported from a Prisma module to the names they import.
   */
  constructor(
    private readonly scopes: FileScopes,
    private readonly calls: ReadonlyMap<Node, { delegate: string; list: boolean }>,
    private readonly models: ReadonlyMap<string, ModelType>,
    /** Functions other files export that return a model value, by the local name they are imported under. */
    private readonly imported: ReadonlyMap<string, Exported> = new Map(),
    /** Injected services (`this.teamService`), by property: their methods returning a model's records (NestJS style). */
    private readonly services: ReadonlyMap<string, ReadonlyMap<string, Exported>> = new Map(),
  ) {}

  /** Top-level classes' methods that return a model's records: `TeamService.getTeam` -> the team query. */
  methodResults(rootOf: (call: Node) => ModelRead['root']): { cls: string; method: string; result: Exported }[] {
    const out: { cls: string; method: string; result: Exported }[] = [];
    for (const [cls, methods] of this.scopes.classes)
      for (const [method, fn] of methods) {
        const result = this.functionResult(fn, rootOf);
        if (result) out.push({ cls, method, result });
      }
    return out;
  }

  /** What a function of the file returns, when it is a model's records (for callers in other files). */
  functionResult(fn: Node, rootOf: (call: Node) => ModelRead['root']): Exported | undefined {
    const v = this.returned(fn, 0);
    if (!v) return undefined;
    if ('model' in v.root && (v.root.except || v.root.only)) return undefined;
    return {
      root: 'call' in v.root ? rootOf(v.root.call) : 'imported' in v.root ? v.root.imported : v.root,
      path: v.path,
      ...(v.except ? { except: v.except } : {}),
    };
  }

  /** Every property read off a model value in the file, with the call or model it comes from (`onlyImported`: not off the file's own calls). */
  reads(lines: LineIndex, rootOf: (call: Node) => ModelRead['root'], onlyImported = false): ModelRead[] {
    const out: ModelRead[] = [];
    for (const r of this.scopes.reads) {
      const v = this.origin(r.origin, 0);
      if (!v || (onlyImported && 'call' in v.root)) continue;
      const typed = 'model' in v.root ? v.root : 'imported' in v.root && 'model' in v.root.imported ? (v.root.imported as ModelRoot) : undefined;
      if (
        typed &&
        !ownKey(
          typed,
          [...v.path, ...r.path, r.key].filter((p) => !p.startsWith('^')),
        )
      )
        continue;
      if (v.except && v.except.includes([...r.path, r.key][0])) continue;
      const root =
        'call' in v.root
          ? rootOf(v.root.call)
          : 'imported' in v.root
            ? 'model' in v.root.imported
              ? modelRoot(v.root.imported)
              : v.root.imported
            : modelRoot(v.root);
      const location: ClaimLocation = lines.at(r.keyNode.type === 'Literal' ? r.keyNode.start + 1 : r.keyNode.start);
      out.push({ root, path: [...v.path, ...r.path], key: r.key, location });
    }
    for (const w of this.writtenObjects()) {
      const { root, object } = w;
      for (const p of object.properties as Node[]) {
        if (p.type !== 'Property' || p.computed) continue;
        const k = p.key as Node;
        const key = k.type === 'Identifier' ? (k.name as string) : k.type === 'Literal' && typeof k.value === 'string' ? k.value : undefined;
        if (key === undefined || !ownKey(root, [key])) continue;
        out.push({ root: modelRoot(root), path: [], key, location: lines.at(k.type === 'Literal' ? k.start + 1 : k.start) });
      }
    }
    return out;
  }

  /**
   * Object literals written where a model type (or one built from it) is expected: a name
   * declared with it (`const b: Partial<Board> = { name: '' }`) and what a function returns
   * into it (`(): Partial<Board> => ({ description: '' })`). The compiler checks each key
   * against the model there (an excess property is an error).
   */
  private writtenObjects(): { root: ModelRoot; object: Node }[] {
    const out: { root: ModelRoot; object: Node }[] = [];
    const objectsOf = (raw: Node): Node[] => {
      const node = strip(raw);
      if (node.type === 'ObjectExpression') return [node];
      if (node.type === 'ConditionalExpression') return [...objectsOf(node.consequent as Node), ...objectsOf(node.alternate as Node)];
      return [];
    };
    const add = (type: Node, values: Node[]): void => {
      const v = this.typeValue(type);
      if (!v || !('model' in v.root) || v.root.list || v.path.length > 0) return;
      for (const value of values) for (const object of objectsOf(value)) out.push({ root: v.root, object });
    };
    for (const b of this.scopes.annotated)
      if (b.annotation)
        add(
          b.annotation,
          b.values.map((x) => x.node),
        );
    for (const fn of this.scopes.functionScopes.keys()) {
      if (!fn.returnType) continue;
      add(
        fn.returnType as Node,
        returnedExpressions(fn).map((r) => r.node),
      );
    }
    return out;
  }

  /**
   * Model values returned where the function's written return type names another type
   * (`async getTeam(): Promise<E.Right<Team>> { ...; return E.right(team) }`, `return teams`,
   * `return { ...doc, versions }`): the type names to look up (types named like the model, in
   * the project), the keys written beside a spread, and the `return`'s place. The compiler
   * checks the record against that type there: each required property of it is a field used.
   */
  returnsInto(lines: LineIndex, rootOf: (call: Node) => ModelRead['root'], onlyImported = false): ModelReturn[] {
    const out: ModelReturn[] = [];
    for (const [fn, own] of this.scopes.functionScopes) {
      const returnType = fn.returnType as Node | undefined;
      if (!returnType) continue;
      const types = typeNames(returnType).filter((n) => !this.models.has(n));
      if (types.length === 0) continue;
      for (const r of returnedExpressions(fn)) {
        const scope = r.statement ? (this.scopes.returnScopes.get(r.statement) ?? own) : own;
        let node = strip(r.node);
        const written: string[] = [];
        if (node.type === 'CallExpression' && (node.arguments as Node[]).length === 1) {
          const callee = strip(node.callee as Node);
          const name = callee.type === 'MemberExpression' ? memberKey(callee) : callee.type === 'Identifier' ? (callee.name as string) : undefined;
          if (name && WRAPPING.has(name)) node = strip((node.arguments as Node[])[0]);
        }
        let v: Value | undefined;
        if (node.type === 'ObjectExpression') {
          for (const p of node.properties as Node[]) {
            if (p.type === 'SpreadElement') {
              const spread = this.expr(p.argument as Node, scope, 0);
              if (spread && v) {
                v = undefined;
                break;
              }
              v ??= spread;
            } else {
              const key = p.type === 'Property' && !p.computed && (p.key as Node).type === 'Identifier' ? ((p.key as Node).name as string) : undefined;
              if (key) written.push(key);
            }
          }
        } else v = this.expr(node, scope, 0);
        if (!v || (onlyImported && 'call' in v.root) || ('model' in v.root && (v.root.except || v.root.only))) continue;
        const root = 'call' in v.root ? rootOf(v.root.call) : 'imported' in v.root ? v.root.imported : v.root;
        out.push({ root, path: v.path, types, written, location: lines.at((r.statement ?? r.node).start) });
      }
    }
    return out;
  }

  /** The model a written type names: `User`, `User[]`, `User | null`, `Promise<User>`, `Prisma.UserGetPayload<...>`. */
  typeValue(raw: Node | undefined): Value | undefined {
    if (!raw) return undefined;
    const type = raw.type === 'TSTypeAnnotation' ? (raw.typeAnnotation as Node) : raw;
    switch (type.type) {
      case 'TSUnionType': {
        const members = (type.types as Node[]).filter((t) => t.type !== 'TSNullKeyword' && t.type !== 'TSUndefinedKeyword');
        return members.length === 1 ? this.typeValue(members[0]) : undefined;
      }
      case 'TSArrayType': {
        const element = this.typeValue(type.elementType as Node);
        return element && 'model' in element.root && !element.root.list ? { root: { ...element.root, list: true }, path: [] } : undefined;
      }
      case 'TSTypeReference': {
        const name = type.typeName as Node;
        const args = ((type.typeArguments as Node | null)?.params as Node[] | undefined) ?? [];
        if (name.type === 'Identifier') {
          const local = name.name as string;
          if (WRAPPERS.has(local) && args.length === 1) {
            const inner = this.typeValue(args[0]);
            if (!inner || local === 'Promise') return inner;
            return 'model' in inner.root && !inner.root.list ? { root: { ...inner.root, list: true }, path: [] } : undefined;
          }
          if (SAME_KEYS.has(local) && args.length === 1) {
            const inner = this.typeValue(args[0]);
            return inner && 'model' in inner.root && !inner.root.list ? inner : undefined;
          }
          if ((local === 'Omit' || local === 'Pick') && args.length === 2) {
            const inner = this.typeValue(args[0]);
            const keys = literalKeys(args[1]);
            if (!inner || !('model' in inner.root) || inner.root.list || !keys) return undefined;
            const r = inner.root;
            const root: ModelRoot =
              local === 'Omit' ? { ...r, except: [...(r.except ?? []), ...keys] } : { ...r, only: (r.only ?? keys).filter((k) => keys.includes(k)) };
            return { root, path: [] };
          }
          const model = this.models.get(local);
          if (!model || args.length > 0) return undefined;
          if (typeof model === 'string') return { root: { model, list: false }, path: [] };
          return {
            root: { model: model.model, list: false, ...(model.except ? { except: model.except } : {}), ...(model.only ? { only: model.only } : {}) },
            path: [],
          };
        }
        if (name.type === 'TSQualifiedName' && (name.left as Node).type === 'Identifier' && this.models.has((name.left as Node).name as string)) {
          const m = /^(\w+)GetPayload$/.exec((name.right as Node).name as string);
          return m ? { root: { model: m[1], list: false }, path: [] } : undefined;
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  private origin(origin: Origin, depth: number): Value | undefined {
    switch (origin.kind) {
      case 'expr':
        return this.expr(origin.node, origin.scope, depth + 1);
      case 'element':
        return step(this.expr(origin.node, origin.scope, depth + 1), '[]');
      case 'callback': {
        const callee = strip(origin.call.callee as Node);
        if (callee.type !== 'MemberExpression') return undefined;
        const name = memberKey(callee);
        if (name === undefined || origin.arg !== 0) return undefined;
        const object = callee.object as Node;
        if (name === 'then') return origin.param === 0 ? this.expr(object, origin.scope, depth + 1) : undefined;
        if (name === 'reduce' || name === 'reduceRight') return origin.param === 1 ? step(this.expr(object, origin.scope, depth + 1), '[]') : undefined;
        if (ELEMENT_CALLBACKS.has(name) && (origin.param === 0 || (origin.param === 1 && (name === 'sort' || name === 'toSorted'))))
          return step(this.expr(object, origin.scope, depth + 1), '[]');
        return undefined;
      }
    }
  }

  private expr(raw: Node, scope: Scope, depth: number): Value | undefined {
    if (depth > 24) return undefined;
    let node = raw;
    for (;;) {
      if (node.type === 'TSAsExpression' || node.type === 'TSTypeAssertion') return this.typeValue(node.typeAnnotation as Node);
      const inner = strip(node);
      if (inner === node) break;
      node = inner;
    }
    switch (node.type) {
      case 'CallExpression': {
        if (this.calls.has(node)) return { root: { call: node }, path: [] };
        const callee = strip(node.callee as Node);
        // `const [board, setBoard] = useState<Board>()`: the pair's first element is the state (read as a list's element).
        const state = useStateType(callee, node);
        if (state) {
          const v = this.typeValue(state);
          return v && 'model' in v.root && !v.root.list && v.path.length === 0 ? { root: { ...v.root, list: true }, path: [] } : undefined;
        }
        // `const ref = useRef<Board>(...)`: the value under `ref.current`.
        const ref = useRefType(callee, node);
        if (ref) return step(this.typeValue(ref), '^current');
        // `useContext(WebsiteContext)` of a context created for a model (in another file).
        const context = contextArgument(callee, node);
        if (context) {
          const created = lookup(context, scope) ? undefined : this.imported.get(`context:${context}`);
          if (created) return { root: { imported: created.root }, path: [...created.path], ...(created.except ? { except: created.except } : {}) };
        }
        if (callee.type === 'Identifier') {
          const b = lookup(callee.name as string, scope);
          const imported = b ? undefined : this.imported.get(callee.name as string);
          if (imported) return { root: { imported: imported.root }, path: [...imported.path], ...(imported.except ? { except: imported.except } : {}) };
          return b?.fn ? this.returned(b.fn, depth) : undefined;
        }
        if (callee.type !== 'MemberExpression') return undefined;
        const name = memberKey(callee);
        if (name === undefined) return undefined;
        const object = strip(callee.object as Node);
        if (object.type === 'MemberExpression' && strip(object.object as Node).type === 'ThisExpression') {
          const service = this.services.get(memberKey(object) ?? '')?.get(name);
          if (service) return { root: { imported: service.root }, path: [...service.path], ...(service.except ? { except: service.except } : {}) };
        }
        if (object.type === 'ThisExpression') {
          const fn = this.scopes.methods.get(name);
          return fn ? this.returned(fn, depth) : undefined;
        }
        const mark = WRAP_MARKS[name];
        if (mark && (node.arguments as Node[]).length === 1) return step(this.expr((node.arguments as Node[])[0], scope, depth + 1), mark);
        if (SAME_LIST.has(name)) return this.expr(object, scope, depth + 1);
        if (ELEMENT_OF.has(name)) return step(this.expr(object, scope, depth + 1), '[]');
        return undefined;
      }
      case 'MemberExpression': {
        const key = memberKey(node);
        const object = this.expr(node.object as Node, scope, depth + 1);
        if (key !== undefined) return step(object, key);
        const index = node.property as Node;
        return node.computed && (index.type !== 'Literal' || typeof index.value === 'number') ? step(object, '[]') : undefined;
      }
      case 'Identifier': {
        const b = lookup(node.name as string, scope);
        return b ? this.binding(b, depth) : undefined;
      }
      case 'ConditionalExpression':
        return this.expr(node.consequent as Node, scope, depth + 1) ?? this.expr(node.alternate as Node, scope, depth + 1);
      case 'ObjectExpression': {
        // `{ ...website, shareId }`: the record with keys of the application's beside it.
        let spread: Value | undefined;
        const written: string[] = [];
        for (const p of node.properties as Node[]) {
          if (p.type === 'SpreadElement') {
            if (spread) return undefined;
            spread = this.expr(p.argument as Node, scope, depth + 1);
            if (!spread || written.length > 0) return undefined;
            continue;
          }
          const k = p.key as Node;
          const key = p.computed
            ? undefined
            : k.type === 'Identifier'
              ? (k.name as string)
              : k.type === 'Literal' && typeof k.value === 'string'
                ? k.value
                : undefined;
          if (key === undefined) return undefined;
          written.push(key);
        }
        if (!spread || ('model' in spread.root && spread.root.list && spread.path.length === 0)) return undefined;
        return written.length > 0 || spread.except ? { root: spread.root, path: spread.path, except: [...(spread.except ?? []), ...written] } : spread;
      }
      case 'LogicalExpression':
        return node.operator === '&&' ? undefined : (this.expr(node.left as Node, scope, depth + 1) ?? this.expr(node.right as Node, scope, depth + 1));
      default:
        return undefined;
    }
  }

  private binding(b: Binding, depth: number): Value | undefined {
    const known = this.memo.get(b);
    if (known !== undefined) return known ?? undefined;
    if (this.visiting.has(b)) return undefined;
    this.visiting.add(b);
    let value: Value | undefined;
    try {
      if (b.annotation) value = this.typeValue(b.annotation);
      else if (b.fn) value = undefined;
      else if (b.origin) value = b.origin.path.reduce<Value | undefined>((v, s) => step(v, s), this.origin(b.origin.origin, depth + 1));
      else if (b.values.length > 0 && b.writes.length === 0 && b.pushes.length === 0 && !b.param) {
        // Every value the name holds must be the same model's records (or nothing).
        for (const v of b.values) {
          if (isNothing(v.node)) continue;
          const one = this.expr(v.node, v.scope, depth + 1);
          if (!one || (value && !this.sameModel(value, one))) {
            value = undefined;
            break;
          }
          value ??= one;
        }
      }
    } finally {
      this.visiting.delete(b);
    }
    this.memo.set(b, value ?? null);
    return value;
  }

  /** What a function of the file returns, when it is a model value: its written return type decides when it has one. */
  private returned(fn: Node, depth: number): Value | undefined {
    if (fn.returnType) {
      const written = this.typeValue(fn.returnType as Node);
      // `useBoard(): BoardContextValue { return useContext(BoardContext) }`: the context's own type, written again.
      if (written || !(containerType(fn.returnType as Node) || returnsContext(fn))) return written;
    }
    if (this.visiting.has(fn) || depth > 16) return undefined;
    const own = this.scopes.functionScopes.get(fn);
    if (!own) return undefined;
    this.visiting.add(fn);
    try {
      let value: Value | undefined;
      for (const r of returnedExpressions(fn)) {
        if (isNothing(r.node)) continue;
        const one = this.expr(r.node, r.statement ? (this.scopes.returnScopes.get(r.statement) ?? own) : own, depth + 2);
        if (!one || (value && !this.sameModel(value, one))) return undefined;
        value ??= one;
      }
      return value;
    } finally {
      this.visiting.delete(fn);
    }
  }

  /** Whether two values are records of the same model, reached the same way (`let user = await find(); if (!user) user = await create()`). */
  private sameModel(a: Value, b: Value): boolean {
    const key = (v: Value): string => {
      const r = v.root;
      const call = 'call' in r ? this.calls.get(r.call) : undefined;
      const kind = call
        ? `${call.delegate}:${call.list}`
        : 'model' in r
          ? `type ${r.model}:${r.list}:${r.except?.join() ?? ''}:${r.only?.join() ?? ''}`
          : 'imported' in r
            ? JSON.stringify(r.imported)
            : '';
      return `${kind}/${v.path.join('.')}/${v.except?.join() ?? ''}`;
    };
    return key(a) === key(b);
  }
}

/** The type written in `useState<T>(...)` / `React.useState<T>(...)`. */
function useStateType(callee: Node, call: Node): Node | undefined {
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? memberKey(callee) : undefined;
  if (name !== 'useState') return undefined;
  const params = ((call.typeArguments as Node | null)?.params as Node[] | undefined) ?? [];
  return params.length === 1 ? params[0] : undefined;
}

/** Whether every value the function returns is `useContext(X)`. */
function returnsContext(fn: Node): boolean {
  const returned = returnedExpressions(fn);
  return (
    returned.length > 0 &&
    returned.every((r) => {
      const node = strip(r.node);
      return node.type === 'CallExpression' && contextArgument(strip(node.callee as Node), node) !== undefined;
    })
  );
}

/** The type written in `useRef<T>(...)` / `React.useRef<T>(...)`. */
function useRefType(callee: Node, call: Node): Node | undefined {
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? memberKey(callee) : undefined;
  if (name !== 'useRef') return undefined;
  const params = ((call.typeArguments as Node | null)?.params as Node[] | undefined) ?? [];
  return params.length === 1 ? params[0] : undefined;
}

/** `'a' | 'b'` -> ['a', 'b']; undefined for anything else (`keyof X`, a type name). */
function literalKeys(raw: Node): string[] | undefined {
  const members = raw.type === 'TSUnionType' ? (raw.types as Node[]) : [raw];
  const out: string[] = [];
  for (const m of members) {
    const lit = m.type === 'TSLiteralType' ? (m.literal as Node) : undefined;
    if (!lit || typeof lit.value !== 'string') return undefined;
    out.push(lit.value);
  }
  return out;
}

/** Whether the model field a read reaches (the first property of the path) is one the root's type keeps. */
function ownKey(root: ModelRoot, path: readonly string[]): boolean {
  const first = path.find((s) => s !== '[]');
  if (first === undefined) return true;
  if (root.except?.includes(first)) return false;
  return !root.only || root.only.includes(first);
}

/** A model root as reads carry it (the model and whether it is a list). */
function modelRoot(root: ModelRoot): ModelRead['root'] {
  return { model: root.model, list: root.list };
}

/** The context named in `useContext(X)` / `React.useContext(X)`. */
function contextArgument(callee: Node, call: Node): string | undefined {
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? memberKey(callee) : undefined;
  const arg = (call.arguments as Node[])[0];
  return name === 'useContext' && arg?.type === 'Identifier' ? (arg.name as string) : undefined;
}

function step(v: Value | undefined, s: string): Value | undefined {
  if (!v) return undefined;
  if (v.except) {
    if (v.except.includes(s)) return undefined;
    v = { root: v.root, path: v.path };
  }
  const last = v.path[v.path.length - 1];
  if (last === `^${s}`) return { root: v.root, path: v.path.slice(0, -1) };
  return { root: v.root, path: [...v.path, s] };
}

/** `null`, `undefined`: what a name holds before a query fills it. */
function isNothing(raw: Node): boolean {
  const node = strip(raw);
  if ((node.type === 'Literal' && node.value === null) || (node.type === 'Identifier' && node.name === 'undefined')) return true;
  // fp-ts: `O.none`, `E.left(error)`: the other branch of a container.
  if (node.type === 'MemberExpression' && memberKey(node) === 'none') return true;
  if (node.type === 'CallExpression') {
    const callee = strip(node.callee as Node);
    return callee.type === 'MemberExpression' && memberKey(callee) === 'left';
  }
  return false;
}

/** A written return type made of fp-ts containers only (`Promise<O.None | O.Some<AuthUser>>`, `E.Either<string, Team>`): the returned values decide. */
function containerType(raw: Node): boolean {
  let type = raw.type === 'TSTypeAnnotation' ? (raw.typeAnnotation as Node) : raw;
  if (type.type === 'TSTypeReference' && (type.typeName as Node).type === 'Identifier' && (type.typeName as Node).name === 'Promise') {
    const args = ((type.typeArguments as Node | null)?.params as Node[] | undefined) ?? [];
    if (args.length !== 1) return false;
    type = args[0];
  }
  const members = type.type === 'TSUnionType' ? (type.types as Node[]) : [type];
  return members.every(
    (m) =>
      m.type === 'TSTypeReference' &&
      (m.typeName as Node).type === 'TSQualifiedName' &&
      /^(?:O|E|TE|T|Option|Either)$/.test(((m.typeName as Node).left as Node).name as string),
  );
}

/** Strips what keeps the value: parentheses, `!`, `await`, `?.` chains, `satisfies`. */
function strip(node: Node): Node {
  let n = node;
  for (;;) {
    switch (n.type) {
      case 'ParenthesizedExpression':
      case 'TSNonNullExpression':
      case 'ChainExpression':
      case 'TSSatisfiesExpression':
        n = n.expression as Node;
        break;
      case 'AwaitExpression':
        n = n.argument as Node;
        break;
      default:
        return n;
    }
  }
}
