import type { ArgProperty, ArgValue } from './call.js';
import type { LineIndex } from './line-index.js';

/**
 * Data flow within a file, over oxc's AST: a Prisma call's argument is followed back to where
 * its parts are built. Understood: object and array literals; `const`/`let` bindings in the
 * enclosing scopes (block scoping kept, so a same-named object in another function is not
 * followed), every assignment to them (`let where` assigned in branches: all branches count),
 * objects extended after creation (`where.OR = [...]`, `where['x'] = ...`,
 * `Object.assign(where, {...})`), arrays built with `push`/`unshift` (`AND.push({...})`,
 * `where.AND.push(...)`), `map`/`flatMap` callbacks' returned objects, `concat`,
 * `filter`/`slice`, ternaries (both branches), `&&`/`||`/`??`, conditional spreads
 * (`...(q ? { name: q } : {})`), parameters of functions of the same file that forward
 * what their callers pass (`update(id, changes)` -> `data: changes`: the objects the callers
 * pass are read), and what functions and class methods of the same file return where Prisma
 * reads structure (`where: buildWhere(q)`, `AND: [this.filters(q)]`; not in a field's value). Flow-insensitive within a scope: every value a
 * name ever holds counts. Not followed: values from other files (but see typed-args.ts and extract-files.ts), object members read back
 * (`args.where`), nested member writes (`a.b.c = x`), destructured names, loops' iteration variables.
 */

/** An ESTree node as oxc-parser returns it; only the few shapes the audit reads are typed. */
export interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

export interface Scope {
  parent?: Scope;
  bindings: Map<string, Binding>;
}

/**
 * Where a name that is not simply assigned gets its value from (model-values.ts reads it):
 * destructured from an expression (`const { a } = x`: `path` ['a']), an element of a list
 * (`for (const u of users)`), or a parameter of a callback passed to a call (`users.map((u) => ...)`).
 */
export type Origin =
  | { kind: 'expr'; node: Node; scope: Scope }
  | { kind: 'element'; node: Node; scope: Scope }
  | { kind: 'callback'; call: Node; arg: number; param: number; scope: Scope };

/** A property read: `x.key`, `x?.['key']`, or `key` in a destructuring pattern over `x`. */
export interface PropertyRead {
  origin: Origin;
  /** Properties between the origin and the object read (`const { a: { key } } = x`: ['a']); `[]` steps into a list's element. */
  path: string[];
  key: string;
  keyNode: Node;
}

export interface Binding {
  values: { node: Node; scope: Scope }[];
  writes: { key: string; keyNode: Node; node: Node; scope: Scope }[];
  pushes: { key?: string; node: Node; scope: Scope }[];
  param?: { fn: string; index: number; prop?: string };
  /** A function the name is bound to: a call's value is what it returns. */
  fn?: Node;
  /** The type annotation written on the declaration (`const u: User`, `(u: User) =>`), a TSTypeAnnotation. */
  annotation?: Node;
  /** Where a destructured name, a loop variable or a callback parameter comes from. */
  origin?: { origin: Origin; path: string[] };
}

interface FoundCall {
  call: Node;
  delegate: string;
  operation: string;
  receiver: string;
  scope: Scope;
}

export interface FileScopes {
  /** Calls of local functions by name (`f(...)`, `this.f(...)`), with the caller's scope. */
  callSites: Map<string, { args: Node[]; scope: Scope }[]>;
  /** Each function node's own scope (its parameters). */
  functionScopes: Map<Node, Scope>;
  /** Each `return` statement's scope. */
  returnScopes: Map<Node, Scope>;
  /** Class methods by name (`this.name(...)`), null when two share a name. */
  methods: Map<string, Node | null>;
  /** Every property read with a static key, in source order. */
  reads: PropertyRead[];
  /** Functions declared at the file's top level, by name (what other files may import). */
  topLevel: Map<string, Node>;
  /** Each function node's name where it has one (declarations, `const f = () => ...`, methods). */
  functionNames: Map<Node, string>;
  /** Names declared with a written type. */
  annotated: Binding[];
  /** Top-level classes' methods, by class and method name. */
  classes: Map<string, Map<string, Node>>;
}

/** Keys whose values Prisma reads as argument structure (not a field's value). */
export const STRUCTURAL_KEYS = new Set([
  'where',
  'data',
  'select',
  'include',
  'omit',
  'orderBy',
  'cursor',
  'having',
  'create',
  'update',
  'createMany',
  'connect',
  'connectOrCreate',
  'upsert',
  'set',
  'disconnect',
  'delete',
  'deleteMany',
  'updateMany',
  'AND',
  'OR',
  'NOT',
  'some',
  'every',
  'none',
  'is',
  'isNot',
  'by',
  'distinct',
]);

const SKIPPED_KEYS = new Set(['type', 'start', 'end', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'decorators']);
const SAME_ARRAY = new Set(['filter', 'slice', 'reverse', 'sort', 'toSorted', 'toReversed']);

/** One walk over the program: scopes, bindings and what is done to them, local call sites, and every model-operation call. */
export function scopesOf(program: Node, isOperation: (name: string) => boolean): { found: FoundCall[]; scopes: FileScopes } {
  const found: FoundCall[] = [];
  const callSites = new Map<string, { args: Node[]; scope: Scope }[]>();
  const functionScopes = new Map<Node, Scope>();
  const returnScopes = new Map<Node, Scope>();
  const methods = new Map<string, Node | null>();
  const classes = new Map<string, Map<string, Node>>();
  let currentClass: Map<string, Node> | undefined;
  const root: Scope = { bindings: new Map() };
  const reads: PropertyRead[] = [];
  const topLevel = new Map<string, Node>();
  const functionNames = new Map<Node, string>();
  /** Functions passed as a call's argument, to their call and position (their parameters' origin). */
  const callbacks = new Map<Node, { call: Node; arg: number; scope: Scope }>();
  const annotated: Binding[] = [];
  const annotate = (b: Binding, annotation: Node): void => {
    b.annotation = annotation;
    annotated.push(b);
  };
  /** Loop variables' origins, keyed by their declarator. */
  const loopOrigins = new Map<Node, Origin>();

  /** Declares the names of a destructuring pattern over `origin`, and records its keys as reads. */
  const declarePattern = (scope: Scope, pattern: Node, origin: Origin, path: string[]): void => {
    const target = pattern.type === 'AssignmentPattern' ? (pattern.left as Node) : pattern;
    if (target.type === 'Identifier') {
      const b = declare(scope, target.name as string);
      b.origin = { origin, path };
      if (target.typeAnnotation) annotate(b, target.typeAnnotation as Node);
    } else if (target.type === 'ObjectPattern') {
      for (const prop of target.properties as Node[]) {
        if (prop.type !== 'Property') {
          for (const name of patternNames(prop)) declare(scope, name);
          continue;
        }
        const key = propertyKey(prop);
        if (key === undefined) {
          for (const name of patternNames(prop.value as Node)) declare(scope, name);
          continue;
        }
        reads.push({ origin, path, key, keyNode: prop.key as Node });
        declarePattern(scope, prop.value as Node, origin, [...path, key]);
      }
    } else if (target.type === 'ArrayPattern') {
      for (const e of target.elements as (Node | null)[])
        if (e) declarePattern(scope, e.type === 'RestElement' ? (e.argument as Node) : e, origin, [...path, '[]']);
    } else for (const name of patternNames(target)) declare(scope, name);
  };

  const declare = (scope: Scope, name: string): Binding => {
    let b = scope.bindings.get(name);
    if (!b) {
      b = { values: [], writes: [], pushes: [] };
      scope.bindings.set(name, b);
    }
    return b;
  };

  const visitFunction = (fn: Node, name: string | undefined, scope: Scope): void => {
    const own: Scope = { parent: scope, bindings: new Map() };
    functionScopes.set(fn, own);
    if (name) functionNames.set(fn, name);
    const callback = callbacks.get(fn);
    (fn.params as Node[]).forEach((raw, index) => {
      const p = raw.type === 'TSParameterProperty' ? (raw.parameter as Node) : raw;
      const target = p.type === 'AssignmentPattern' ? (p.left as Node) : p;
      if (callback && !target.typeAnnotation && (target.type === 'ObjectPattern' || target.type === 'ArrayPattern'))
        declarePattern(own, target, { kind: 'callback', ...callback, param: index }, []);
      if (target.type === 'Identifier') {
        const b = declare(own, target.name as string);
        b.param = name ? { fn: name, index } : undefined;
        if (target.typeAnnotation) annotate(b, target.typeAnnotation as Node);
        else if (callback) b.origin = { origin: { kind: 'callback', ...callback, param: index }, path: [] };
      } else if (target.type === 'ObjectPattern') {
        for (const prop of target.properties as Node[]) {
          if (prop.type !== 'Property') continue;
          const key = propertyKey(prop);
          const value = prop.value as Node;
          const local = value.type === 'AssignmentPattern' ? (value.left as Node) : value;
          if (local.type === 'Identifier') declare(own, local.name as string).param = name && key ? { fn: name, index, prop: key } : undefined;
        }
      }
    });
    const body = fn.body as Node | null;
    if (body) visit(body, own);
  };

  const visit = (node: Node, scope: Scope): void => {
    switch (node.type) {
      case 'ReturnStatement':
        returnScopes.set(node, scope);
        break;
      case 'FunctionDeclaration':
        if (node.id) declare(scope, (node.id as Node).name as string).fn = node;
        if (node.id && scope === root) topLevel.set((node.id as Node).name as string, node);
        visitFunction(node, (node.id as Node | null)?.name as string | undefined, scope);
        return;
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        visitFunction(node, undefined, scope);
        return;
      case 'MethodDefinition':
      case 'PropertyDefinition': {
        const value = node.value as Node | null;
        if (value && (value.type === 'FunctionExpression' || value.type === 'ArrowFunctionExpression')) {
          const name = propertyKey(node);
          if (name) methods.set(name, methods.has(name) ? null : value);
          if (name && currentClass) currentClass.set(name, value);
          visitFunction(value, name, scope);
          return;
        }
        break;
      }
      case 'ClassDeclaration': {
        // A top-level class's methods, for callers in other files (`this.teamService.getTeam(...)`).
        if (scope !== root || !node.id) break;
        const outer = currentClass;
        currentClass = new Map();
        classes.set((node.id as Node).name as string, currentClass);
        visit(node.body as Node, scope);
        currentClass = outer;
        return;
      }
      case 'BlockStatement':
      case 'StaticBlock': {
        const block: Scope = { parent: scope, bindings: new Map() };
        for (const s of node.body as Node[]) visit(s, block);
        return;
      }
      case 'VariableDeclarator': {
        const id = node.id as Node;
        const init = node.init as Node | null;
        const loop = loopOrigins.get(node);
        if (id.type === 'Identifier') {
          const b = declare(scope, id.name as string);
          if (id.typeAnnotation) annotate(b, id.typeAnnotation as Node);
          if (loop) b.origin = { origin: loop, path: [] };
          if (init) {
            const fn = unwrap(init);
            if (fn.type === 'ArrowFunctionExpression' || fn.type === 'FunctionExpression') {
              b.fn = fn;
              if (scope === root) topLevel.set(id.name as string, fn);
              visitFunction(fn, id.name as string, scope);
              return;
            }
            b.values.push({ node: init, scope });
          }
        } else if (loop) declarePattern(scope, id, loop, []);
        else if (init && !id.typeAnnotation) declarePattern(scope, id, { kind: 'expr', node: init, scope }, []);
        else for (const name of patternNames(id)) declare(scope, name);
        break;
      }
      case 'AssignmentExpression': {
        if (node.operator !== '=') break;
        const left = node.left as Node;
        if (left.type === 'Identifier') lookup(left.name as string, scope)?.values.push({ node: node.right as Node, scope });
        else if (left.type === 'MemberExpression') {
          const object = unwrap(left.object as Node);
          const key = memberKey(left);
          if (object.type === 'Identifier' && key !== undefined)
            lookup(object.name as string, scope)?.writes.push({ key, keyNode: left.property as Node, node: node.right as Node, scope });
        }
        break;
      }
      case 'ForOfStatement': {
        const left = node.left as Node;
        if (left.type === 'VariableDeclaration' && (left.declarations as Node[]).length === 1)
          loopOrigins.set((left.declarations as Node[])[0], { kind: 'element', node: node.right as Node, scope });
        break;
      }
      case 'MemberExpression': {
        const key = memberKey(node);
        if (key !== undefined) reads.push({ origin: { kind: 'expr', node: node.object as Node, scope }, path: [], key, keyNode: node.property as Node });
        break;
      }
      case 'CallExpression': {
        const callee = unwrap(node.callee as Node);
        const args = node.arguments as Node[];
        args.forEach((a, index) => {
          const fn = unwrap(a);
          if (fn.type === 'ArrowFunctionExpression' || fn.type === 'FunctionExpression') callbacks.set(fn, { call: node, arg: index, scope });
        });
        if (callee.type === 'Identifier') addSite(callSites, callee.name as string, args, scope);
        else if (callee.type === 'MemberExpression') {
          const name = memberKey(callee);
          const object = unwrap(callee.object as Node);
          if (object.type === 'ThisExpression' && name) addSite(callSites, name, args, scope);
          if ((name === 'push' || name === 'unshift') && object.type === 'Identifier') {
            const b = lookup(object.name as string, scope);
            for (const a of args) b?.pushes.push({ node: a, scope });
          } else if ((name === 'push' || name === 'unshift') && object.type === 'MemberExpression' && unwrap(object.object as Node).type === 'Identifier') {
            const key = memberKey(object);
            const b = lookup(unwrap(object.object as Node).name as string, scope);
            if (key !== undefined) for (const a of args) b?.pushes.push({ key, node: a, scope });
          } else if (name === 'assign' && object.type === 'Identifier' && object.name === 'Object' && args[0] && unwrap(args[0]).type === 'Identifier') {
            const b = lookup(unwrap(args[0]).name as string, scope);
            for (const a of args.slice(1)) b?.values.push({ node: a, scope });
          } else if (name && isOperation(name) && object.type === 'MemberExpression') {
            const delegate = memberKey(object);
            if (delegate && !delegate.startsWith('$'))
              found.push({ call: node, delegate, operation: name, receiver: nameOf(unwrap(object.object as Node)), scope });
          }
        }
        break;
      }
    }
    for (const key in node) {
      if (SKIPPED_KEYS.has(key)) continue;
      const child = node[key];
      if (child === null || typeof child !== 'object') continue;
      if (Array.isArray(child)) {
        for (const item of child) if (item !== null && typeof item === 'object' && typeof (item as Node).type === 'string') visit(item as Node, scope);
      } else if (typeof (child as Node).type === 'string') visit(child as Node, scope);
    }
  };
  visit(program, root);
  return { found, scopes: { callSites, functionScopes, returnScopes, methods, reads, topLevel, functionNames, annotated, classes } };
}

function addSite(sites: FileScopes['callSites'], name: string, args: Node[], scope: Scope): void {
  let list = sites.get(name);
  if (!list) sites.set(name, (list = []));
  list.push({ args, scope });
}

/** Lowers values to `ArgValue`s, following them through the file's bindings. */
export class DataFlow {
  private readonly visiting = new Set<Binding>();
  private readonly calling = new Set<Node>();

  constructor(
    private readonly lines: LineIndex,
    private readonly scopes: FileScopes,
  ) {}

  /** A call's first argument. */
  argument(node: Node, scope: Scope): ArgValue {
    return this.value(node, scope, 0, true);
  }

  private value(raw: Node, scope: Scope, depth: number, structural: boolean): ArgValue {
    const node = unwrap(raw);
    const location = this.lines.at(node.start);
    if (depth > 12) return { kind: 'opaque', location };
    switch (node.type) {
      case 'ObjectExpression':
        return { kind: 'object', props: this.properties(node, scope, depth), location };
      case 'ArrayExpression': {
        const items: ArgValue[] = [];
        for (const e of node.elements as (Node | null)[]) {
          if (e === null) continue;
          if (e.type === 'SpreadElement') {
            const spread = this.value(e.argument as Node, scope, depth + 1, true);
            if (spread.kind === 'array') items.push(...spread.items);
          } else items.push(this.value(e, scope, depth + 1, structural));
        }
        return { kind: 'array', items, location };
      }
      case 'Literal':
        if (typeof node.value === 'string') return { kind: 'string', value: node.value, location };
        if (typeof node.value === 'number') return { kind: 'number', value: node.value, location };
        if (typeof node.value === 'boolean') return { kind: 'boolean', value: node.value, location };
        if (node.value === null && node.raw === 'null') return { kind: 'null', location };
        return { kind: 'opaque', location };
      case 'TemplateLiteral':
        return (node.expressions as Node[]).length === 0
          ? { kind: 'string', value: String(((node.quasis as Node[])[0].value as { cooked: string }).cooked), location }
          : { kind: 'string', value: '', location };
      case 'NewExpression':
        return (node.callee as Node).type === 'Identifier' && (node.callee as Node).name === 'Date' ? { kind: 'date', location } : { kind: 'opaque', location };
      case 'ConditionalExpression':
        return merge(
          this.value(node.consequent as Node, scope, depth + 1, structural),
          this.value(node.alternate as Node, scope, depth + 1, structural),
          location,
        );
      case 'LogicalExpression': {
        const right = this.value(node.right as Node, scope, depth + 1, structural);
        return node.operator === '&&' ? objectOrOpaque(right, location) : merge(this.value(node.left as Node, scope, depth + 1, structural), right, location);
      }
      case 'Identifier':
        return this.identifier(node, scope, depth, structural);
      case 'CallExpression':
        return this.callValue(node, scope, depth, structural);
      case 'AwaitExpression':
        return this.value(node.argument as Node, scope, depth + 1, structural);
      default:
        return { kind: 'opaque', location };
    }
  }

  private identifier(node: Node, scope: Scope, depth: number, structural: boolean): ArgValue {
    const location = this.lines.at(node.start);
    const opaque: ArgValue = { kind: 'opaque', location };
    const binding = lookup(node.name as string, scope);
    if (!binding || this.visiting.has(binding)) return opaque;
    this.visiting.add(binding);
    try {
      let value: ArgValue = opaque;
      for (const v of binding.values) value = merge(value, this.value(v.node, v.scope, depth + 1, structural), location);
      // A parameter: what the callers in this file pass, in a position Prisma reads as structure.
      if (binding.param && structural && depth < 8) {
        for (const site of this.scopes.callSites.get(binding.param.fn) ?? []) {
          const arg = site.args[binding.param.index];
          if (!arg || arg.type === 'SpreadElement') continue;
          let passed = this.value(arg, site.scope, depth + 4, true);
          if (binding.param.prop !== undefined)
            passed =
              passed.kind === 'object'
                ? passed.props.filter((p) => p.key === binding.param!.prop).reduce<ArgValue>((acc, p) => merge(acc, p.value, location), opaque)
                : opaque;
          value = merge(value, passed, location);
        }
      }
      if (binding.writes.length > 0) {
        const props: ArgProperty[] = binding.writes.map((w) => ({
          key: w.key,
          location: this.lines.at(w.keyNode.start),
          value: this.value(w.node, w.scope, depth + 1, STRUCTURAL_KEYS.has(w.key)),
        }));
        value = merge(value, { kind: 'object', props, location }, location);
      }
      const pushed = binding.pushes.filter((p) => p.key === undefined);
      if (pushed.length > 0)
        value = merge(value, { kind: 'array', items: pushed.map((p) => this.value(p.node, p.scope, depth + 1, true)), location }, location);
      const pushedInto = binding.pushes.filter((p) => p.key !== undefined);
      if (pushedInto.length > 0) {
        const props: ArgProperty[] = pushedInto.map((p) => ({
          key: p.key!,
          location: this.lines.at(p.node.start),
          value: { kind: 'array', items: [this.value(p.node, p.scope, depth + 1, true)], location: this.lines.at(p.node.start) },
        }));
        value = merge(value, { kind: 'object', props, location }, location);
      }
      return value.kind === 'object' || value.kind === 'array' ? value : opaque;
    } finally {
      this.visiting.delete(binding);
    }
  }

  private callValue(node: Node, scope: Scope, depth: number, structural: boolean): ArgValue {
    const location = this.lines.at(node.start);
    const callee = unwrap(node.callee as Node);
    const args = node.arguments as Node[];
    // A function of this file (`where: buildWhere(q)`, `this.buildWhere(q)`) where Prisma reads
    // structure: what it returns (in a field's value, `contains: normalise(q)`, it is a value).
    const local = !structural
      ? undefined
      : callee.type === 'Identifier'
        ? lookup(callee.name as string, scope)?.fn
        : callee.type === 'MemberExpression' && unwrap(callee.object as Node).type === 'ThisExpression'
          ? (this.scopes.methods.get(memberKey(callee) ?? '') ?? undefined)
          : undefined;
    if (local) return this.returned(local, depth, structural, location);
    if (callee.type !== 'MemberExpression') return { kind: 'opaque', location };
    const name = memberKey(callee);
    const object = unwrap(callee.object as Node);
    if (name === 'assign' && object.type === 'Identifier' && object.name === 'Object') {
      return args.reduce<ArgValue>((acc, a) => merge(acc, this.value(a, scope, depth + 1, structural), location), { kind: 'opaque', location });
    }
    if ((name === 'map' || name === 'flatMap') && args[0]) {
      const fn = unwrap(args[0]);
      const own = this.scopes.functionScopes.get(fn);
      if (!own || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression')) return { kind: 'opaque', location };
      const items: ArgValue[] = [];
      for (const r of returnedExpressions(fn)) {
        const v = this.value(r.node, r.statement ? (this.scopes.returnScopes.get(r.statement) ?? own) : own, depth + 1, structural);
        if (name === 'flatMap' && v.kind === 'array') items.push(...v.items);
        else items.push(v);
      }
      return { kind: 'array', items, location };
    }
    if (name === 'concat')
      return [callee.object as Node, ...args].reduce<ArgValue>((acc, a) => merge(acc, this.value(a, scope, depth + 1, true), location), {
        kind: 'opaque',
        location,
      });
    if (name && SAME_ARRAY.has(name)) {
      const v = this.value(callee.object as Node, scope, depth + 1, true);
      return v.kind === 'array' ? v : { kind: 'opaque', location };
    }
    return { kind: 'opaque', location };
  }

  /** The objects and arrays a function of this file returns, read in its own scopes. */
  private returned(fn: Node, depth: number, structural: boolean, location: ArgValue['location']): ArgValue {
    const own = this.scopes.functionScopes.get(fn);
    if (!own || this.calling.has(fn) || depth > 8) return { kind: 'opaque', location };
    this.calling.add(fn);
    try {
      let value: ArgValue = { kind: 'opaque', location };
      for (const r of returnedExpressions(fn))
        value = merge(value, this.value(r.node, r.statement ? (this.scopes.returnScopes.get(r.statement) ?? own) : own, depth + 2, structural), location);
      return value;
    } finally {
      this.calling.delete(fn);
    }
  }

  private properties(object: Node, scope: Scope, depth: number): ArgProperty[] {
    const props: ArgProperty[] = [];
    for (const p of object.properties as Node[]) {
      if (p.type === 'SpreadElement') {
        const spread = this.value(p.argument as Node, scope, depth + 1, true);
        if (spread.kind === 'object') props.push(...spread.props);
        continue;
      }
      if (p.type !== 'Property') continue;
      const keyNode = p.key as Node;
      let key: string | undefined;
      if (!p.computed && keyNode.type === 'Identifier') key = keyNode.name as string;
      else if (keyNode.type === 'Literal' && typeof keyNode.value === 'string') key = keyNode.value;
      if (key === undefined) continue;
      const v = p.value as Node;
      const value =
        v.type === 'FunctionExpression' || v.type === 'ArrowFunctionExpression'
          ? { kind: 'opaque' as const, location: this.lines.at(v.start) }
          : this.value(v, scope, depth + 1, STRUCTURAL_KEYS.has(key));
      props.push({ key, location: this.lines.at(keyNode.start), value });
    }
    return props;
  }
}

export function lookup(name: string, scope: Scope): Binding | undefined {
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    const b = s.bindings.get(name);
    if (b) return b;
  }
  return undefined;
}

/** Two values a name or an expression may hold, as one: objects' properties and arrays' items together; scalars are not kept. */
function merge(a: ArgValue, b: ArgValue, location: ArgValue['location']): ArgValue {
  if (!isStructure(a)) return isStructure(b) ? b : { kind: 'opaque', location };
  if (!isStructure(b)) return a;
  if (a.kind === 'object' && b.kind === 'object') return { kind: 'object', props: [...a.props, ...b.props], location: a.location };
  if (a.kind === 'array' && b.kind === 'array') return { kind: 'array', items: [...a.items, ...b.items], location: a.location };
  if (a.kind === 'array') return { kind: 'array', items: [...a.items, b], location: a.location };
  return { kind: 'array', items: [a, ...(b as { items: ArgValue[] }).items], location: b.location };
}

function isStructure(v: ArgValue): boolean {
  return v.kind === 'object' || v.kind === 'array';
}

/** `cond && { ... }`: the object, else nothing known. */
function objectOrOpaque(v: ArgValue, location: ArgValue['location']): ArgValue {
  return isStructure(v) ? v : { kind: 'opaque', location };
}

/** A callback's returned expressions: its expression body, or its `return` statements (not those of nested functions). */
export function returnedExpressions(fn: Node): { node: Node; statement?: Node }[] {
  const body = fn.body as Node;
  if (body.type !== 'BlockStatement') return [{ node: body }];
  const out: { node: Node; statement?: Node }[] = [];
  const walk = (n: Node): void => {
    if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression') return;
    if (n.type === 'ReturnStatement' && n.argument) out.push({ node: n.argument as Node, statement: n });
    for (const key in n) {
      if (SKIPPED_KEYS.has(key)) continue;
      const child = n[key];
      if (child === null || typeof child !== 'object') continue;
      if (Array.isArray(child))
        for (const c of child) {
          if (c && typeof c === 'object' && typeof (c as Node).type === 'string') walk(c as Node);
        }
      else if (typeof (child as Node).type === 'string') walk(child as Node);
    }
  };
  walk(body);
  return out;
}

/** Strips what does not change a value: `as`, `satisfies`, `!`, parentheses. */
export function unwrap(node: Node): Node {
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

export function memberKey(member: Node): string | undefined {
  const property = member.property as Node;
  if (!member.computed && (property.type === 'Identifier' || property.type === 'PrivateIdentifier')) return property.name as string;
  if (member.computed && property.type === 'Literal' && typeof property.value === 'string') return property.value;
  return undefined;
}

export function propertyKey(node: Node): string | undefined {
  const key = node.key as Node;
  if (!node.computed && (key.type === 'Identifier' || key.type === 'PrivateIdentifier')) return key.name as string;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
}

function patternNames(node: Node): string[] {
  switch (node.type) {
    case 'Identifier':
      return [node.name as string];
    case 'ObjectPattern':
      return (node.properties as Node[]).flatMap((p) => patternNames(p.type === 'RestElement' ? (p.argument as Node) : (p.value as Node)));
    case 'ArrayPattern':
      return (node.elements as (Node | null)[]).flatMap((e) => (e ? patternNames(e) : []));
    case 'AssignmentPattern':
      return patternNames(node.left as Node);
    case 'RestElement':
      return patternNames(node.argument as Node);
    default:
      return [];
  }
}

function nameOf(node: Node): string {
  if (node.type === 'Identifier') return node.name as string;
  if (node.type === 'ThisExpression') return 'this';
  if (node.type === 'MemberExpression') return memberKey(node) ?? '';
  if (node.type === 'CallExpression') return nameOf(unwrap(node.callee as Node));
  return '';
}
