import type { Field, Model, Schema } from '../schema/model.js';
import { allModels, databaseName, docText, fieldKind, fieldRefs, getArgument, getAttribute, getAttributes, stringValue } from '../schema/query.js';
import { isAnnotationComment } from '../generate/annotations.js';

/**
 * An entity-relationship graph of a schema: the one input of every diagram renderer
 * (Mermaid for markdown, SVG for the HTML report).
 */

export type KeyKind = 'PK' | 'FK' | 'UK';

export interface ErAttribute {
  name: string;
  /** Prisma type as written: `String`, `Role`, `String[]`, `Unsupported("tsvector")`. */
  type: string;
  optional: boolean;
  keys: KeyKind[];
  /** For a review diagram: how the field changed between two versions. */
  mark?: 'added' | 'removed' | 'changed' | 'renamed';
  /** With mark `renamed`: the field's name before. */
  renamedFrom?: string;
}

export interface ErEntity {
  name: string;
  kind: Model['kind'];
  /** Database table (its @@map, else the model name). */
  table: string;
  attributes: ErAttribute[];
  doc: string;
  /** Where the model is declared, for links. */
  location: { file: string; line: number };
}

/** How many rows of one side relate to one row of the other. */
export type Cardinality = 'exactly-one' | 'zero-or-one' | 'zero-or-more';

/** `a` (cardinality aSide) relates to `b` (cardinality bSide). The FK, when any, lives in `b`. */
export interface ErRelationship {
  a: string;
  b: string;
  aSide: Cardinality;
  bSide: Cardinality;
  /** The relation field on the owning side (or on `a` for implicit many-to-many). */
  label: string;
  /** The fields of `a` the relation references (its id for an implicit many-to-many). */
  aFields: string[];
  /** The fields of `b` that hold the foreign key (its id for an implicit many-to-many). */
  bFields: string[];
}

export interface ErGraph {
  entities: ErEntity[];
  relationships: ErRelationship[];
}

export function buildErGraph(schema: Schema): ErGraph {
  const models = allModels(schema);
  const entities = models.map((m) => toEntity(schema, m));
  const relationships: ErRelationship[] = [];
  const seenImplicit = new Set<string>();
  for (const model of models) {
    for (const field of model.fields) {
      if (fieldKind(schema, field) !== 'relation') continue;
      const relation = getAttribute(field, 'relation');
      const fkFields = relation ? fieldRefs(getArgument(relation, 'fields')?.value) : [];
      const target = models.find((m) => m.name === field.type.name)!;
      const back = backField(schema, model, field, target);
      if (fkFields.length > 0) {
        // Owning side: `model` holds the foreign key to `target`.
        const fkOptional = field.type.optional || fkFields.some((n) => model.fields.find((f) => f.name === n)?.type.optional);
        const manySide: Cardinality = back && !back.type.list ? 'zero-or-one' : 'zero-or-more';
        const references = fieldRefs(getArgument(relation!, 'references')?.value);
        relationships.push({
          a: target.name,
          b: model.name,
          aSide: fkOptional ? 'zero-or-one' : 'exactly-one',
          bSide: manySide,
          label: field.name,
          aFields: references,
          bFields: fkFields,
        });
      } else if (field.type.list && back && back.type.list && !hasFields(back)) {
        const key = [`${model.name}.${field.name}`, `${target.name}.${back.name}`].sort().join('|');
        if (seenImplicit.has(key)) continue;
        seenImplicit.add(key);
        relationships.push({
          a: model.name,
          b: target.name,
          aSide: 'zero-or-more',
          bSide: 'zero-or-more',
          label: field.name,
          aFields: idFields(model),
          bFields: idFields(target),
        });
      }
    }
  }
  return { entities, relationships };
}

function idFields(model: Model): string[] {
  const single = model.fields.filter((f) => getAttribute(f, 'id')).map((f) => f.name);
  return single.length > 0 ? single : getAttributes(model, 'id').flatMap((a) => fieldRefs(getArgument(a, 'fields', 0)?.value));
}

function hasFields(field: Field): boolean {
  const relation = getAttribute(field, 'relation');
  return !!relation && fieldRefs(getArgument(relation, 'fields')?.value).length > 0;
}

function relationName(field: Field): string | undefined {
  const relation = getAttribute(field, 'relation');
  return relation ? stringValue(getArgument(relation, 'name', 0)?.value) : undefined;
}

/** The opposite relation field: same relation name, pointing back at `model`. */
function backField(schema: Schema, model: Model, field: Field, target: Model): Field | undefined {
  const name = relationName(field);
  return target.fields.find((f) => f !== field && f.type.name === model.name && fieldKind(schema, f) === 'relation' && relationName(f) === name);
}

function toEntity(schema: Schema, model: Model): ErEntity {
  const fkFields = new Set<string>();
  for (const f of model.fields) {
    const relation = getAttribute(f, 'relation');
    if (relation) for (const n of fieldRefs(getArgument(relation, 'fields')?.value)) fkFields.add(n);
  }
  const compoundIds = getAttributes(model, 'id').flatMap((a) => fieldRefs(getArgument(a, 'fields', 0)?.value));
  const attributes: ErAttribute[] = [];
  for (const f of model.fields) {
    if (fieldKind(schema, f) === 'relation') continue;
    const keys: KeyKind[] = [];
    if (getAttribute(f, 'id') || compoundIds.includes(f.name)) keys.push('PK');
    if (fkFields.has(f.name)) keys.push('FK');
    if (getAttribute(f, 'unique')) keys.push('UK');
    attributes.push({ name: f.name, type: typeText(f), optional: f.type.optional, keys });
  }
  return {
    name: model.name,
    kind: model.kind,
    table: databaseName(model),
    attributes,
    doc: userDoc(model.docs),
    location: { file: model.nameSpan.file, line: model.nameSpan.line },
  };
}

export function typeText(field: Field): string {
  const base = field.type.unsupported !== undefined ? `Unsupported("${field.type.unsupported}")` : field.type.name;
  return `${base}${field.type.list ? '[]' : ''}`;
}

/** `///` docs without steward annotations. */
export function userDoc(docs: Model['docs']): string {
  return docText({ docs: docs.filter((d) => !isAnnotationComment(d)) }).trim();
}
