/**
 * The CRUD smoke test plan of one environment schema, as pure data: which models can be
 * exercised through Prisma Client, in which order (parents before children), which values
 * each row gets, how it is read back (by id and by each unique) and which scalar is updated.
 * The runner (crud-run.ts) only executes it.
 */
import type { Field, Model, Schema } from '../schema/model.js';
import { fieldKind, fieldRefs, getArgument, getAttribute, getAttributes, hasAttribute, stringValue } from '../schema/query.js';
import { synthesizeValue } from './synthesize-value.js';

/** A relation whose foreign key lives on this model. */
export interface ParentLink {
  relationField: string;
  parent: string;
  /** Foreign key fields on this model, and the parent fields they reference, position by position. */
  fields: string[];
  references: string[];
  required: boolean;
}

/** A way to address one row with `findUnique`: one field, or a compound selector. */
export interface UniqueSelector {
  fields: string[];
  /** The where-input key of a compound selector (`a_b`, or the `name:` given in the schema). */
  compoundName?: string;
  /** How steward names it in reports: `id`, `email`, `@@unique(a, b)`. */
  label: string;
}

export interface ScalarUpdate {
  field: string;
  value: unknown;
}

export interface ModelPlan {
  model: string;
  /** The PrismaClient property: the model name with its first letter lowered. */
  delegate: string;
  parents: ParentLink[];
  /** Scalar and enum values written on create (foreign keys come from the parent rows). */
  data: Record<string, unknown>;
  id: UniqueSelector;
  uniques: UniqueSelector[];
  update?: ScalarUpdate;
}

export interface SkippedModel {
  model: string;
  reason: string;
  /** The model whose failure or absence prevents this one, when that is the cause. */
  blockedBy?: string;
}

export interface CrudPlan {
  /** Creation order: every required parent comes before its children. */
  models: ModelPlan[];
  /** Models steward cannot create through Prisma Client, with the reason. */
  skipped: SkippedModel[];
}

export function planCrud(schema: Schema): CrudPlan {
  const inClient = schema.models.filter((m) => !hasAttribute(m, 'ignore'));
  const byName = new Map(inClient.map((m) => [m.name, m]));
  const counter = { next: 1 };
  const draft = new Map<string, ModelPlan>();
  const skipped = new Map<string, SkippedModel>();

  for (const model of inClient) {
    const reason = notCreatableReason(schema, model);
    if (reason) {
      skipped.set(model.name, { model: model.name, reason });
      continue;
    }
    draft.set(model.name, planModel(schema, model, counter));
  }

  // Parents first (depth-first over required relations); a cycle of required relations cannot be created row by row.
  const ordered: ModelPlan[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]): boolean => {
    if (skipped.has(name)) return false;
    const plan = draft.get(name);
    if (!plan) return false;
    const seen = state.get(name);
    if (seen === 'done') return true;
    if (seen === 'visiting') {
      const cycle = [...path.slice(path.indexOf(name)), name];
      for (const member of new Set(cycle)) {
        if (!skipped.has(member))
          skipped.set(member, { model: member, reason: `required relations form a cycle (${cycle.join(' -> ')}): no row can be created first` });
      }
      return false;
    }
    state.set(name, 'visiting');
    for (const parent of plan.parents.filter((p) => p.required)) {
      const parentOk = parent.parent === name ? false : visit(parent.parent, [...path, name]);
      if (!parentOk && !skipped.has(name)) {
        const blocker = skipped.get(parent.parent);
        skipped.set(name, {
          model: name,
          reason:
            parent.parent === name
              ? `required relation ${parent.relationField} points at its own model: the first row cannot exist`
              : `needs a ${parent.parent} row first (${blocker?.reason ?? 'not creatable'})`,
          blockedBy: parent.parent === name ? undefined : parent.parent,
        });
      }
    }
    state.set(name, 'done');
    if (skipped.has(name)) return false;
    ordered.push(plan);
    return true;
  };
  for (const model of inClient) visit(model.name, []);

  // Optional relations are linked only to parents created earlier, so deleting in reverse order is always children first.
  const created = new Set<string>();
  for (const plan of ordered) {
    plan.parents = plan.parents.filter((p) => p.required || (created.has(p.parent) && byName.has(p.parent)));
    created.add(plan.model);
  }
  return { models: ordered, skipped: inClient.filter((m) => skipped.has(m.name)).map((m) => skipped.get(m.name)!) };
}

function notCreatableReason(schema: Schema, model: Model): string | undefined {
  for (const field of model.fields) {
    const required = !field.type.optional && !field.type.list;
    const defaulted = hasAttribute(field, 'default');
    if (required && !defaulted && fieldKind(schema, field) === 'unsupported') {
      return `required field ${field.name} has an Unsupported type and no default: Prisma Client cannot create ${model.name} rows`;
    }
    if (required && !defaulted && hasAttribute(field, 'ignore')) {
      return `required field ${field.name} is @ignore'd and has no default: Prisma Client cannot create ${model.name} rows`;
    }
  }
  if (idSelector(model) === undefined) return `${model.name} has no @id or unique criterion usable by findUnique`;
  return undefined;
}

function planModel(schema: Schema, model: Model, counter: { next: number }): ModelPlan {
  const parents: ParentLink[] = [];
  const foreignKeys = new Set<string>();
  for (const field of model.fields) {
    if (fieldKind(schema, field) !== 'relation' || field.type.list) continue;
    const relation = getAttribute(field, 'relation');
    const fields = fieldRefs(relation && getArgument(relation, 'fields')?.value);
    if (fields.length === 0) continue; // the other side holds the foreign key
    const references = fieldRefs(relation && getArgument(relation, 'references')?.value);
    fields.forEach((f) => foreignKeys.add(f));
    // A required foreign key makes the relation required, even when the relation field is marked optional.
    const required = fields.some((f) => model.fields.find((x) => x.name === f)?.type.optional === false);
    parents.push({ relationField: field.name, parent: field.type.name, fields, references, required });
  }

  const data: Record<string, unknown> = {};
  for (const field of model.fields) {
    if (!writable(schema, field) || foreignKeys.has(field.name)) continue;
    if (hasAttribute(field, 'default') || hasAttribute(field, 'updatedAt')) continue;
    data[field.name] = synthesizeValue(schema, field, counter.next++);
  }

  const id = idSelector(model)!;
  const uniques = uniqueSelectors(model).filter((u) => u.label !== id.label);
  const pick = updatableField(schema, model, foreignKeys, id, uniques);
  const update = pick ? { field: pick.name, value: synthesizeValue(schema, pick, counter.next++) } : undefined;
  return { model: model.name, delegate: model.name.charAt(0).toLowerCase() + model.name.slice(1), parents, data, id, uniques, update };
}

/** Scalars and enums Prisma Client accepts in `data`. */
function writable(schema: Schema, field: Field): boolean {
  if (hasAttribute(field, 'ignore')) return false;
  const kind = fieldKind(schema, field);
  return kind === 'scalar' || kind === 'enum';
}

function selector(fields: string[], name: string | undefined, label: string): UniqueSelector {
  return fields.length === 1 ? { fields, label } : { fields, compoundName: name ?? fields.join('_'), label };
}

export function idSelector(model: Model): UniqueSelector | undefined {
  const idField = model.fields.find((f) => hasAttribute(f, 'id'));
  if (idField) return selector([idField.name], undefined, 'id');
  const blockId = getAttribute(model, 'id');
  if (blockId) {
    const fields = fieldRefs(getArgument(blockId, 'fields', 0)?.value);
    return selector(fields, stringValue(getArgument(blockId, 'name')?.value), `@@id(${fields.join(', ')})`);
  }
  return uniqueSelectors(model)[0];
}

function uniqueSelectors(model: Model): UniqueSelector[] {
  const selectors: UniqueSelector[] = [];
  for (const field of model.fields) {
    if (hasAttribute(field, 'unique')) selectors.push(selector([field.name], undefined, field.name));
  }
  for (const unique of getAttributes(model, 'unique')) {
    const fields = fieldRefs(getArgument(unique, 'fields', 0)?.value);
    if (fields.length > 0) selectors.push(selector(fields, stringValue(getArgument(unique, 'name')?.value), `@@unique(${fields.join(', ')})`));
  }
  return selectors;
}

const UPDATE_PREFERENCE = ['String', 'Int', 'Float', 'Decimal', 'BigInt', 'Boolean', 'DateTime'];

/** A plain scalar to update: not part of the id, not a foreign key, preferably not unique. */
function updatableField(schema: Schema, model: Model, foreignKeys: Set<string>, id: UniqueSelector, uniques: UniqueSelector[]): Field | undefined {
  const uniqueFields = new Set(uniques.flatMap((u) => u.fields));
  const candidates = model.fields.filter(
    (f) =>
      writable(schema, f) &&
      !f.type.list &&
      !foreignKeys.has(f.name) &&
      !id.fields.includes(f.name) &&
      !hasAttribute(f, 'updatedAt') &&
      (fieldKind(schema, f) === 'enum' || UPDATE_PREFERENCE.includes(f.type.name)),
  );
  const rank = (f: Field) => (uniqueFields.has(f.name) ? 100 : 0) + (fieldKind(schema, f) === 'enum' ? 50 : UPDATE_PREFERENCE.indexOf(f.type.name));
  return candidates.sort((a, b) => rank(a) - rank(b))[0];
}
