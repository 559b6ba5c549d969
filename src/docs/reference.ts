import type { ResolvedEnvironment } from '../config/types.js';
import { typeText, userDoc } from '../diagram/er-graph.js';
import { transformForEnvironment } from '../generate/transform.js';
import type { Attribute, Enum, Field, Model, Schema, Value } from '../schema/model.js';
import { parseSchema } from '../schema/parse.js';
import { allModels, databaseName, fieldKind, fieldRefs, getArgument, getAttribute, getAttributes, stringValue } from '../schema/query.js';

/**
 * What the reference sections say about each model, computed from the master and from every
 * environment's generated schema (types and constraints can differ per environment).
 */

export interface EnvironmentSchema {
  name: string;
  provider: string;
  schema: Schema;
}

export interface FieldReference {
  name: string;
  /** Type per environment (`String @db.Uuid`, `Json`), null where the field does not exist. */
  types: Record<string, string | null>;
  /** Database column, undefined for relation fields. */
  column?: string;
  /** Constraints, suffixed with the environments they hold in when not all. */
  constraints: string[];
  doc: string;
}

export interface ModelReference {
  name: string;
  kind: Model['kind'];
  table: string;
  doc: string;
  /** Environments the model exists in. */
  environments: string[];
  fields: FieldReference[];
  location: { file: string; line: number };
}

export interface EnumReference {
  name: string;
  values: string[];
  doc: string;
}

export interface SchemaReference {
  /** Master path as shown to users. */
  master: string;
  environments: { name: string; provider: string }[];
  models: ModelReference[];
  enums: EnumReference[];
}

/** Each environment's schema as generation would write it (in memory: no formatting, no I/O). */
export function environmentSchemas(
  master: Schema,
  environments: readonly Pick<ResolvedEnvironment, 'name' | 'provider' | 'prismaMajor' | 'urlEnv'>[],
): EnvironmentSchema[] {
  return environments.map((env) => {
    const result = transformForEnvironment(master, { name: env.name, provider: env.provider, prismaMajor: env.prismaMajor, urlEnv: env.urlEnv });
    return { name: env.name, provider: env.provider, schema: parseSchema(result.files) };
  });
}

export function buildSchemaReference(master: Schema, envs: readonly EnvironmentSchema[], masterPath: string): SchemaReference {
  const envModels = envs.map((e) => ({ env: e, models: new Map(allModels(e.schema).map((m) => [m.name, m])) }));
  const models = allModels(master).map((model): ModelReference => {
    const present = envModels.filter((e) => e.models.has(model.name));
    const fields = model.fields.map((field): FieldReference => {
      const types: Record<string, string | null> = {};
      const constraintEnvs = new Map<string, string[]>();
      for (const { env, models: byName } of envModels) {
        const envModel = byName.get(model.name);
        const envField = envModel?.fields.find((f) => f.name === field.name);
        types[env.name] = envField ? envTypeText(env.schema, envField) : null;
        if (!envModel || !envField) continue;
        for (const c of constraintsOf(env.schema, envModel, envField)) {
          const list = constraintEnvs.get(c) ?? [];
          list.push(env.name);
          constraintEnvs.set(c, list);
        }
      }
      const fieldEnvs = envs.filter((e) => types[e.name] !== null).map((e) => e.name);
      const constraints = [...constraintEnvs].map(([c, inEnvs]) => (inEnvs.length === fieldEnvs.length ? c : `${c} (${inEnvs.join(', ')} only)`));
      return {
        name: field.name,
        types,
        column: fieldKind(master, field) === 'relation' ? undefined : databaseName(field),
        constraints,
        doc: userDoc(field.docs) || (field.comment?.text.trim() ?? ''),
      };
    });
    return {
      name: model.name,
      kind: model.kind,
      table: databaseName(model),
      doc: userDoc(model.docs),
      environments: present.map((e) => e.env.name),
      fields,
      location: { file: model.nameSpan.file, line: model.nameSpan.line },
    };
  });
  const enums = master.enums.map((e: Enum): EnumReference => ({ name: e.name, values: e.values.map((v) => v.name), doc: userDoc(e.docs) }));
  return { master: masterPath, environments: envs.map((e) => ({ name: e.name, provider: e.provider })), models, enums };
}

function sourceText(schema: Schema, span: { file: string; start: number; end: number }): string {
  const file = schema.files.find((f) => f.path === span.file);
  return file ? file.text.slice(span.start, span.end) : '';
}

function envTypeText(schema: Schema, field: Field): string {
  const native = field.attributes.filter((a) => a.name.startsWith('db.')).map((a) => sourceText(schema, a.span).replace(/\s+/g, ' '));
  return [`${typeText(field)}${field.type.optional ? '?' : ''}`, ...native].join(' ');
}

function valueText(schema: Schema, value: Value | undefined): string {
  return value ? sourceText(schema, value.span).replace(/\s+/g, ' ') : '';
}

/** The constraints one environment's schema puts on a field, as short phrases. */
export function constraintsOf(schema: Schema, model: Model, field: Field): string[] {
  const out: string[] = [];
  const list = (names: string[]) => names.join(', ');
  if (getAttribute(field, 'id')) out.push('primary key');
  for (const a of getAttributes(model, 'id')) {
    const names = fieldRefs(getArgument(a, 'fields', 0)?.value);
    if (names.includes(field.name)) out.push(`primary key (${list(names)})`);
  }
  if (getAttribute(field, 'unique')) out.push('unique');
  for (const a of getAttributes(model, 'unique')) {
    const names = fieldRefs(getArgument(a, 'fields', 0)?.value);
    if (names.includes(field.name)) out.push(`unique (${list(names)})`);
  }
  const def = getAttribute(field, 'default');
  if (def) out.push(`default ${valueText(schema, getArgument(def, 'value', 0)?.value)}`);
  if (getAttribute(field, 'updatedAt')) out.push('set on update');
  for (const rel of model.fields) {
    const relation = getAttribute(rel, 'relation');
    if (!relation) continue;
    const fields = fieldRefs(getArgument(relation, 'fields')?.value);
    const refs = fieldRefs(getArgument(relation, 'references')?.value);
    const i = fields.indexOf(field.name);
    if (i !== -1) out.push(`FK → ${rel.type.name}.${refs[i] ?? '?'}`);
    if (rel === field && fields.length > 0) {
      const onDelete = getArgument(relation, 'onDelete');
      const onUpdate = getArgument(relation, 'onUpdate');
      out.push(
        `via ${list(fields)}${onDelete ? `, on delete ${valueText(schema, onDelete.value)}` : ''}${onUpdate ? `, on update ${valueText(schema, onUpdate.value)}` : ''}`,
      );
    }
  }
  const name = relationName(field);
  if (fieldKind(schema, field) === 'relation' && name) out.push(`relation "${name}"`);
  for (const a of getAttributes(model, 'index')) {
    const names = fieldRefs(getArgument(a, 'fields', 0)?.value);
    if (!names.includes(field.name)) continue;
    const type = getArgument(a, 'type');
    const kind = type ? ` ${valueText(schema, type.value)}` : '';
    out.push(names.length === 1 ? `indexed${kind}` : `indexed${kind} (${list(names)})`);
  }
  return out;
}

function relationName(field: Field): string | undefined {
  const relation: Attribute | undefined = getAttribute(field, 'relation');
  return relation ? stringValue(getArgument(relation, 'name', 0)?.value) : undefined;
}
