import { parseSync } from 'oxc-parser';
import type { ClaimLocation } from '../claims.js';
import { unwrap, type Node } from './data-flow.js';
import { LineIndex } from './line-index.js';

/**
 * Application types that mirror a model: TypeScript interfaces and type aliases, classes
 * (NestJS/class-validator DTOs), zod/valibot/yup object schemas, named for the model with a DTO
 * affix: `CreateClientDto`, `UpdateClientInput`, `ClientCreateInput`, `ClientDto`,
 * `clientSchema`, `createClientSchema`, `ClientPayload`, `ClientBody`. What TypeScript itself
 * checks against the generated client is left to it: types built from the model (`Pick<Client,
 * ...>`, `Omit<...> & {...}`, `Prisma.ClientCreateInput`) are not read, and neither are
 * components' props or options types that merely mention a model. A bare `interface Client` is a
 * view of the data, not an input: not read either. Pure.
 */
export interface Dto {
  name: string;
  /** The model it mirrors. */
  model: string;
  /** Create input (`Create*`, `*CreateInput`): may omit what the model defaults, must carry what it requires. */
  create: boolean;
  /** Update input (`Update*`, `Partial<...>`): every field may be optional. */
  update: boolean;
  /** `Pick<Model, 'a' | 'b'>` keys: fields the type takes from the model as they are. */
  picked: DtoField[];
  fields: DtoField[];
  location: ClaimLocation;
  /** interface, type, class, zod, valibot, yup */
  form: string;
}

export interface DtoField {
  name: string;
  optional: boolean;
  /** The TypeScript or validator type as written, normalised: `string`, `number`, `boolean`, `Date`, `string[]`, an enum or model name; undefined when unknown. */
  type?: string;
  list: boolean;
  location: ClaimLocation;
}

const PREFIX = /^(?:Create|Update|Upsert|New|Patch|Edit|Add)(?=[A-Z])/;
const SUFFIX = /(?:Dto|DTO|Input|Payload|Body|Schema|Validator)$/;
const CANDIDATE = /\b(?:interface|class|type)\s+[A-Za-z_$][\w$]*|\b(?:z|v|yup|Joi)\s*\.\s*object\s*\(/;
const DECLARED = /\b(?:interface|class|type)\s+([A-Za-z_$][\w$]*)|\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=;]*)?=\s*(?:z|v|yup|Joi)\s*\.\s*object\b/g;

/** The model a DTO's name or declared type names, and whether it is a create or update input. */
export function dtoModel(name: string, models: ReadonlySet<string>, bare = false): { model: string; create: boolean; update: boolean } | undefined {
  let stem = name.charAt(0).toUpperCase() + name.slice(1);
  const prefix = PREFIX.exec(stem)?.[0];
  if (prefix) stem = stem.slice(prefix.length);
  let suffixed = false;
  for (let i = 0; i < 3; i++) {
    const s = SUFFIX.exec(stem);
    if (!s || s.index === 0) break;
    stem = stem.slice(0, s.index);
    suffixed = true;
  }
  let kind = '';
  const tail = /(Create|Update)$/.exec(stem);
  if (tail && suffixed && tail.index > 0) {
    kind = tail[1];
    stem = stem.slice(0, tail.index);
  }
  if (!(prefix || suffixed || (bare && stem === name)) || !models.has(stem)) return undefined;
  const create = kind === 'Create' || (prefix !== undefined && /^(?:Create|New|Add)$/.test(prefix));
  const update = kind === 'Update' || (prefix !== undefined && /^(?:Update|Patch|Edit)$/.test(prefix));
  return { model: stem, create, update };
}

/**
 * With `bare`, also the types named exactly like a model (`class Team` for GraphQL, `interface
 * Team`): not DTOs, but what the model's records are returned as (model-values.ts's returns).
 */
export function extractDtos(path: string, text: string, models: ReadonlySet<string>, bare = false): Dto[] {
  if (!CANDIDATE.test(text) || path.endsWith('.d.ts')) return [];
  // Cheap check before parsing: some declared type, class or validation schema must be named for a model.
  let named = false;
  for (const m of text.matchAll(DECLARED)) {
    if (dtoModel(m[1] ?? m[2], models, bare)) {
      named = true;
      break;
    }
  }
  if (!named) return [];
  const lang = path.endsWith('.tsx') ? 'tsx' : path.endsWith('.jsx') ? 'jsx' : /\.[cm]?ts$/.test(path) ? 'ts' : 'js';
  const parsed = parseSync(path, text, { lang });
  if (parsed.errors.length > 0 && parsed.program.body.length === 0) return [];
  const lines = new LineIndex(text, path);
  const out: Dto[] = [];
  const typeAliases = new Map<string, Node>();
  const statements: Node[] = [];
  for (const raw of parsed.program.body as unknown as Node[]) {
    const s = raw.type === 'ExportNamedDeclaration' || raw.type === 'ExportDefaultDeclaration' ? (raw.declaration as Node | null) : raw;
    if (!s) continue;
    statements.push(s);
    if (s.type === 'TSTypeAliasDeclaration') typeAliases.set((s.id as Node).name as string, s);
  }
  for (const s of statements) {
    if (s.type === 'TSInterfaceDeclaration') {
      const name = (s.id as Node).name as string;
      const body = s.body as Node;
      const found = dtoModel(name, models, bare);
      if (!found) continue;
      const picked = ((s.extends ?? []) as Node[]).flatMap((h) => pickedKeys(h.expression as Node, h.typeArguments as Node | undefined, lines));
      out.push({ name, ...found, picked, fields: typeMembers(body.body as Node[], lines), location: lines.at((s.id as Node).start), form: 'interface' });
    } else if (s.type === 'TSTypeAliasDeclaration') {
      const name = (s.id as Node).name as string;
      const type = s.typeAnnotation as Node;
      const found = dtoModel(name, models, bare);
      if (!found) continue;
      const parts = type.type === 'TSIntersectionType' ? (type.types as Node[]) : [type];
      const fields: DtoField[] = [];
      const picked: DtoField[] = [];
      for (const p of parts) {
        if (p.type === 'TSTypeLiteral') fields.push(...typeMembers(p.members as Node[], lines));
        else if (p.type === 'TSTypeReference') picked.push(...pickedKeys(p.typeName as Node, p.typeArguments as Node | undefined, lines));
      }
      if (fields.length === 0 && picked.length === 0) continue;
      out.push({ name, ...found, picked, fields, location: lines.at((s.id as Node).start), form: 'type' });
    } else if (s.type === 'ClassDeclaration' && s.id) {
      const name = (s.id as Node).name as string;
      const body = s.body as Node;
      const found = dtoModel(name, models, bare);
      if (!found) continue;
      const fields: DtoField[] = [];
      for (const m of body.body as Node[]) {
        if (m.type !== 'PropertyDefinition' || m.static || m.computed) continue;
        const key = m.key as Node;
        if (key.type !== 'Identifier') continue;
        const decorators = ((m.decorators ?? []) as Node[]).map((d) => text.slice(d.start, d.end));
        const optional = m.optional === true || decorators.some((d) => /@IsOptional\b|@ApiPropertyOptional\b/.test(d));
        const t = tsType((m.typeAnnotation as Node | null)?.typeAnnotation as Node | undefined);
        fields.push({ name: key.name as string, ...t, optional: optional || t.optional === true, location: lines.at(key.start) });
      }
      out.push({ name, ...found, picked: [], fields, location: lines.at((s.id as Node).start), form: 'class' });
    } else if (s.type === 'VariableDeclaration') {
      for (const d of s.declarations as Node[]) {
        const id = d.id as Node;
        if (id.type !== 'Identifier' || !d.init) continue;
        const schema = validatorObject(d.init as Node);
        if (!schema) continue;
        const found = dtoModel(id.name as string, models, bare);
        if (!found) continue;
        const fields: DtoField[] = [];
        for (const p of schema.object.properties as Node[]) {
          if (p.type !== 'Property' || p.computed) continue;
          const key = p.key as Node;
          const name = key.type === 'Identifier' ? (key.name as string) : key.type === 'Literal' ? String(key.value) : undefined;
          if (name === undefined) continue;
          fields.push({ name, ...validatorType(p.value as Node, text), location: lines.at(key.start) });
        }
        out.push({ name: id.name as string, ...found, picked: [], fields, location: lines.at(id.start), form: schema.library });
      }
    }
  }
  return out;
}

function typeMembers(members: Node[], lines: LineIndex): DtoField[] {
  const out: DtoField[] = [];
  for (const m of members) {
    if (m.type !== 'TSPropertySignature' || m.computed) continue;
    const key = m.key as Node;
    const name = key.type === 'Identifier' ? (key.name as string) : key.type === 'Literal' ? String(key.value) : undefined;
    if (name === undefined) continue;
    const annotation = (m.typeAnnotation as Node | null)?.typeAnnotation as Node | undefined;
    const t = tsType(annotation);
    out.push({ name, ...t, optional: m.optional === true || t.optional === true, location: lines.at(key.start) });
  }
  return out;
}

/** `Pick<Model, 'a' | 'b'>`: the picked keys. */
function pickedKeys(typeName: Node, args: Node | undefined, lines: LineIndex): DtoField[] {
  if (typeName.type !== 'Identifier' || typeName.name !== 'Pick' || !args) return [];
  const keys = (args.params as Node[])[1];
  if (!keys) return [];
  const literals = keys.type === 'TSUnionType' ? (keys.types as Node[]) : [keys];
  const out: DtoField[] = [];
  for (const l of literals) {
    const lit = l.type === 'TSLiteralType' ? (l.literal as Node) : undefined;
    if (lit && typeof lit.value === 'string') out.push({ name: lit.value, optional: false, list: false, location: lines.at(lit.start) });
  }
  return out;
}

/** The TypeScript keyword types a DTO field may have, by their oxc node type. */
const KEYWORD_TYPES: Record<string, string> = { TSStringKeyword: 'string', TSNumberKeyword: 'number', TSBooleanKeyword: 'boolean', TSBigIntKeyword: 'bigint' };

/** A TypeScript type as a DTO field type: null/undefined unions mark it optional. */
function tsType(node: Node | undefined): { type?: string; list: boolean; optional?: boolean } {
  if (!node) return { list: false };
  let n = node;
  let optional = false;
  if (n.type === 'TSUnionType') {
    const rest = (n.types as Node[]).filter((t) => t.type !== 'TSNullKeyword' && t.type !== 'TSUndefinedKeyword');
    optional = rest.length < (n.types as Node[]).length;
    if (rest.length !== 1) return { list: false, ...(optional ? { optional } : {}) };
    n = rest[0];
  }
  let list = false;
  if (n.type === 'TSArrayType') {
    list = true;
    n = n.elementType as Node;
  }
  const type = Object.hasOwn(KEYWORD_TYPES, n.type)
    ? KEYWORD_TYPES[n.type]
    : n.type === 'TSTypeReference' && (n.typeName as Node).type === 'Identifier'
      ? ((n.typeName as Node).name as string)
      : undefined;
  return { ...(type ? { type } : {}), list, ...(optional ? { optional } : {}) };
}

/** `z.object({...})` (also `.strict()`, `.extend`-free chains), `v.object({...})`, `yup.object({...})`. */
function validatorObject(init: Node): { object: Node; library: string } | undefined {
  let n = unwrap(init);
  for (let i = 0; i < 6 && n.type === 'CallExpression'; i++) {
    const callee = unwrap(n.callee as Node);
    if (callee.type !== 'MemberExpression') return undefined;
    const object = unwrap(callee.object as Node);
    const property = callee.property as Node;
    if (
      property.type === 'Identifier' &&
      property.name === 'object' &&
      object.type === 'Identifier' &&
      ['z', 'v', 'yup', 'Joi'].includes(object.name as string)
    ) {
      const arg = (n.arguments as Node[])[0];
      if (arg && unwrap(arg).type === 'ObjectExpression')
        return { object: unwrap(arg), library: object.name === 'z' ? 'zod' : object.name === 'v' ? 'valibot' : (object.name as string).toLowerCase() };
      return undefined;
    }
    n = object;
  }
  return undefined;
}

/** A validator chain's base type and optionality: `z.string().email().optional()`, `v.optional(v.string())`, `yup.string().required()`. */
function validatorType(value: Node, text: string): { type?: string; list: boolean; optional: boolean } {
  const src = text.slice(value.start, value.end);
  const yup = /^\s*yup\s*\./.test(src);
  const optional =
    /\.(?:optional|nullish|nullable|default)\s*\(|\b(?:v\s*\.\s*)?(?:optional|nullish|nullable)\s*\(/.test(src) || (yup && !/\.required\s*\(/.test(src));
  const list = /\b(?:z|v|yup)\s*\.\s*array\s*\(/.test(src) || /\.array\s*\(\s*\)/.test(src);
  const base = /\b(?:z|v|yup)\s*\.\s*(?:coerce\s*\.\s*)?(string|number|boolean|date|bigint|nativeEnum|enum|picklist)\b/.exec(src);
  const type = base
    ? ({ string: 'string', number: 'number', boolean: 'boolean', date: 'Date', bigint: 'bigint' } as Record<string, string>)[base[1]]
    : undefined;
  return { ...(type ? { type } : {}), list, optional };
}
