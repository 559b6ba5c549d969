import type { Argument, Attribute, ConfigBlock, Enum, Field, Model, Schema, Value } from './model.js';
import { isScalarType } from './model.js';

/** Read-only questions about a schema model, shared by every feature. */

/** Name lookups built once per schema model (the model is never mutated). */
interface SchemaIndex {
  models: Map<string, Model>;
  views: Map<string, Model>;
  types: Map<string, Model>;
  enums: Map<string, Enum>;
}

const indexes = new WeakMap<Schema, SchemaIndex>();

function indexOf(schema: Schema): SchemaIndex {
  let index = indexes.get(schema);
  if (!index) {
    // First declaration wins, as with Array.prototype.find.
    const byName = <T extends { name: string }>(list: T[]) => {
      const map = new Map<string, T>();
      for (const item of list) if (!map.has(item.name)) map.set(item.name, item);
      return map;
    };
    index = { models: byName(schema.models), views: byName(schema.views), types: byName(schema.types), enums: byName(schema.enums) };
    indexes.set(schema, index);
  }
  return index;
}

export function findModel(schema: Schema, name: string): Model | undefined {
  const index = indexOf(schema);
  return index.models.get(name) ?? index.views.get(name) ?? index.types.get(name);
}

export function findEnum(schema: Schema, name: string): Enum | undefined {
  return indexOf(schema).enums.get(name);
}

// The helpers below run for every field of every rule: indexed loops, no callbacks, because
// most of a lint run executes before the JIT has compiled anything and for...of and callbacks
// cost several times more in the interpreter.

export function findField(model: Model, name: string): Field | undefined {
  const fields = model.fields;
  for (let i = 0; i < fields.length; i++) if (fields[i].name === name) return fields[i];
  return undefined;
}

export function getAttribute<T extends { attributes: Attribute[] }>(node: T, name: string): Attribute | undefined {
  const attributes = node.attributes;
  for (let i = 0; i < attributes.length; i++) if (attributes[i].name === name) return attributes[i];
  return undefined;
}

export function getAttributes<T extends { attributes: Attribute[] }>(node: T, name: string): Attribute[] {
  return node.attributes.filter((a) => a.name === name);
}

export function hasAttribute<T extends { attributes: Attribute[] }>(node: T, name: string): boolean {
  return getAttribute(node, name) !== undefined;
}

/** A named argument, or the positional argument at `position` when it has no name. */
export function getArgument(attribute: Attribute | { args: Argument[] }, name: string, position?: number): Argument | undefined {
  // One pass, no intermediate list: the lint rules and generation ask this for every attribute.
  let positional: Argument | undefined;
  let seen = 0;
  const args = attribute.args;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.name === name) return a;
    if (a.name === undefined && position !== undefined && positional === undefined && seen++ === position) positional = a;
  }
  return positional;
}

export function stringValue(value: Value | undefined): string | undefined {
  return value?.kind === 'string' ? value.value : undefined;
}

/** Field names referenced by a list value such as `[a, b(sort: Desc)]`. */
export function fieldRefs(value: Value | undefined): string[] {
  if (!value) return [];
  const items = value.kind === 'array' ? value.items : [value];
  const names: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind === 'constant') names.push(item.name);
    else if (item.kind === 'function') names.push(item.name);
  }
  return names;
}

/** The `map:` or first positional string argument of `@map`/`@@map`. */
export function mappedName<T extends { attributes: Attribute[] }>(node: T): string | undefined {
  const map = getAttribute(node, 'map');
  return map ? stringValue(getArgument(map, 'name', 0)?.value) : undefined;
}

/** Database name of a model or field: its `@map`/`@@map`, else its own name. */
export function databaseName(node: { name: string; attributes: Attribute[] }): string {
  return mappedName(node) ?? node.name;
}

export function getProperty(block: ConfigBlock, key: string): Value | undefined {
  const properties = block.properties;
  for (let i = 0; i < properties.length; i++) if (properties[i].key === key) return properties[i].value;
  return undefined;
}

/** The provider of the first datasource block, if any. */
export function datasourceProvider(schema: Schema): string | undefined {
  const ds = schema.datasources[0];
  return ds ? stringValue(getProperty(ds, 'provider')) : undefined;
}

/** The environment variable of `url = env("X")`, if the datasource has one. */
export function urlEnvVar(block: ConfigBlock, key = 'url'): string | undefined {
  const v = getProperty(block, key);
  if (v?.kind === 'function' && v.name === 'env') return stringValue(v.args[0]?.value);
  return undefined;
}

export type FieldKind = 'scalar' | 'enum' | 'relation' | 'composite' | 'unsupported' | 'unknown';

/** What a field's type refers to. */
export function fieldKind(schema: Schema, field: Field): FieldKind {
  const t = field.type.name;
  if (field.type.unsupported !== undefined) return 'unsupported';
  if (isScalarType(t)) return 'scalar';
  const index = indexOf(schema);
  if (index.enums.has(t)) return 'enum';
  if (index.models.has(t) || index.views.has(t)) return 'relation';
  if (index.types.has(t)) return 'composite';
  return 'unknown';
}

export function isRelationField(schema: Schema, field: Field): boolean {
  return fieldKind(schema, field) === 'relation';
}

/** `///` doc text of a node, joined by newlines. */
export function docText(node: { docs: { text: string }[] }): string {
  return node.docs.map((d) => d.text).join('\n');
}

/** Every model-like block (models, views, composite types). */
export function allModels(schema: Schema): Model[] {
  return [...schema.models, ...schema.views, ...schema.types];
}
