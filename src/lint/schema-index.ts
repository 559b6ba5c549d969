import type { Field, Model, Schema } from '../schema/model.js';
import { isScalarType } from '../schema/model.js';
import { fieldRefs, getArgument, getAttribute } from '../schema/query.js';

/** A relation field with `fields:`/`references:`: the side that holds the foreign key. */
export interface ForwardRelation {
  model: Model;
  field: Field;
  target: Model | undefined;
  fields: string[];
  references: string[];
}

/**
 * Lookups every rule needs, built once per lint run so rules stay linear in the schema size.
 */
export class SchemaIndex {
  readonly modelsByName = new Map<string, Model>();
  readonly enumNames = new Set<string>();
  readonly typeNames = new Set<string>();
  private forward?: Map<Model, ForwardRelation[]>;
  private back?: Map<string, { model: Model; field: Field }[]>;

  constructor(readonly schema: Schema) {
    for (const m of schema.models) this.modelsByName.set(m.name, m);
    for (const m of schema.views) if (!this.modelsByName.has(m.name)) this.modelsByName.set(m.name, m);
    for (const e of schema.enums) this.enumNames.add(e.name);
    for (const t of schema.types) this.typeNames.add(t.name);
  }

  isRelation(field: Field): boolean {
    return field.type.unsupported === undefined && this.modelsByName.has(field.type.name);
  }

  isScalarOrEnum(field: Field): boolean {
    return isScalarType(field.type.name) || this.enumNames.has(field.type.name);
  }

  /** Relation fields of a model that carry `fields:` (the foreign-key side). */
  forwardRelations(model: Model): ForwardRelation[] {
    if (!this.forward) this.buildRelations();
    return this.forward!.get(model) ?? [];
  }

  /** Relation fields in other models (or this one) whose type is `modelName`. */
  relationsTo(modelName: string): { model: Model; field: Field }[] {
    if (!this.back) this.buildRelations();
    return this.back!.get(modelName) ?? [];
  }

  private buildRelations(): void {
    this.forward = new Map();
    this.back = new Map();
    for (const model of [...this.schema.models, ...this.schema.views]) {
      const list: ForwardRelation[] = [];
      for (const field of model.fields) {
        if (!this.isRelation(field)) continue;
        let back = this.back.get(field.type.name);
        if (!back) this.back.set(field.type.name, (back = []));
        back.push({ model, field });
        const relation = getAttribute(field, 'relation');
        if (!relation) continue;
        const fields = fieldRefs(getArgument(relation, 'fields')?.value);
        if (fields.length === 0) continue;
        list.push({ model, field, target: this.modelsByName.get(field.type.name), fields, references: fieldRefs(getArgument(relation, 'references')?.value) });
      }
      this.forward.set(model, list);
    }
  }
}

/** The relation name of a relation field (`@relation("name")` or `@relation(name: "name")`). */
export function relationName(field: Field): string | undefined {
  const relation = getAttribute(field, 'relation');
  const arg = relation ? getArgument(relation, 'name', 0) : undefined;
  return arg?.value.kind === 'string' ? arg.value.value : undefined;
}

/** Whether the fields are unique together: `@id`/`@unique` on the one field, or a `@@id`/`@@unique` over exactly them. */
export function isUniqueCombination(model: Model, names: readonly string[]): boolean {
  if (names.length === 1) {
    const f = model.fields.find((x) => x.name === names[0]);
    if (f && f.attributes.some((a) => a.name === 'id' || a.name === 'unique')) return true;
  }
  const wanted = new Set(names);
  return model.attributes.some((a) => {
    if (a.name !== 'id' && a.name !== 'unique') return false;
    const refs = fieldRefs(getArgument(a, 'fields', 0)?.value);
    return refs.length === wanted.size && refs.every((r) => wanted.has(r));
  });
}

/**
 * Whether some of these fields are already unique together (`userId String @unique`, or a
 * `@@unique`/`@@id` over a subset): then every combination containing them is unique too.
 */
export function isUniqueWithin(model: Model, names: readonly string[]): boolean {
  const wanted = new Set(names);
  if (model.fields.some((f) => wanted.has(f.name) && f.attributes.some((a) => a.name === 'id' || a.name === 'unique'))) return true;
  return model.attributes.some((a) => {
    if (a.name !== 'id' && a.name !== 'unique') return false;
    const refs = fieldRefs(getArgument(a, 'fields', 0)?.value);
    return refs.length > 0 && refs.every((r) => wanted.has(r));
  });
}

/** Whether an index (`@@index`, `@@unique`, `@@id`, or `@id`/`@unique` on a single field) starts with these fields, in any order. */
export function leadsAnIndex(model: Model, names: readonly string[]): boolean {
  if (names.length === 1) {
    const f = model.fields.find((x) => x.name === names[0]);
    if (f && f.attributes.some((a) => a.name === 'id' || a.name === 'unique')) return true;
  }
  const wanted = new Set(names);
  return model.attributes.some((a) => {
    if (a.name !== 'id' && a.name !== 'unique' && a.name !== 'index') return false;
    const refs = fieldRefs(getArgument(a, 'fields', 0)?.value);
    if (refs.length < wanted.size) return false;
    return refs.slice(0, wanted.size).every((r) => wanted.has(r));
  });
}
