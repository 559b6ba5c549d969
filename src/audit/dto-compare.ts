import type { Severity } from '../diagnostics/diagnostic.js';
import type { Field, Schema } from '../schema/model.js';
import { fieldKind, fieldRefs, getArgument, getAttribute, hasAttribute } from '../schema/query.js';
import type { ClaimLocation } from './claims.js';
import type { Dto, DtoField } from './code/dtos.js';
import { intendedField } from './field-match.js';
import { nameWords } from '../schema/naming.js';
import { DEFAULT_SEVERITY, type Finding, type FindingKind, type SeveritySetting } from './finding.js';

/** What a TypeScript or validator type accepts: ISO strings stand for dates, decimals and big integers in DTOs. */
const ACCEPTS: Record<string, string[]> = {
  string: ['String', 'DateTime', 'Decimal', 'BigInt', 'Json', 'Bytes'],
  number: ['Int', 'Float', 'Decimal', 'BigInt'],
  boolean: ['Boolean'],
  Date: ['DateTime'],
  bigint: ['BigInt'],
  Decimal: ['Decimal'],
  Buffer: ['Bytes'],
  Uint8Array: ['Bytes'],
};

/**
 * Compares DTOs, interfaces and validation schemas that mirror a model (code/dtos.ts) with the
 * model: fields the DTO declares that the model lacks (naming near misses named), type and
 * list disagreements (`dto-mismatch`); fields the DTO declares that the model lacks
 * (`dto-extra`: often derived or request-only, so info); create inputs that make optional or
 * omit what the model requires and does not default (`dto-incomplete`). Pure.
 */
export function compareDtos(schema: Schema, dtos: readonly Dto[], severity: Partial<Record<FindingKind, SeveritySetting>> = {}): Finding[] {
  const models = new Map(schema.models.map((m) => [m.name, m]));
  const findings: Finding[] = [];
  const push = (f: Omit<Finding, 'severity' | 'sources'>): void => {
    const s = severity[f.kind] ?? DEFAULT_SEVERITY[f.kind];
    if (s !== 'off') findings.push({ ...f, severity: s as Severity, sources: ['code'] });
  };
  for (const dto of dtos) {
    const model = models.get(dto.model);
    if (!model) continue;
    const isRelation = (f: Field): boolean => fieldKind(schema, f) === 'relation';
    for (const f of dto.fields) {
      const field = model.fields.find((x) => x.name === f.name);
      if (!field) {
        const intended = intendedField(model, f.name, isRelation);
        if (intended && plausible(f.name, intended.field.name, intended.how)) {
          push({
            kind: 'dto-mismatch',
            model: model.name,
            field: f.name,
            message: `\`${dto.name}.${f.name}\` vs \`${model.name}.${intended.field.name}\`: the ${dto.form} declares \`${f.name}\`, the model has \`${intended.field.name}\` (${intended.how === 'near-miss' ? 'near miss' : intended.how === 'column' ? 'the column name' : 'naming convention'})`,
            locations: [f.location],
            schemaField: intended.field.name,
            schemaLocation: at(intended.field),
            suggestion: `rename \`${f.name}\` to \`${intended.field.name}\` in ${dto.name}`,
          });
        } else {
          push({
            kind: 'dto-extra',
            model: model.name,
            field: f.name,
            message: `\`${dto.name}\` (${dto.form} for model \`${model.name}\`) declares \`${f.name}\`, which the model lacks`,
            locations: [f.location],
            suggestion: `add \`${f.name}\` to model ${model.name}, or drop it from ${dto.name} if it is not stored`,
          });
        }
        continue;
      }
      const kind = fieldKind(schema, field);
      if (f.type && (kind === 'scalar' || kind === 'enum') && !typeAccepts(f, field, kind)) {
        push({
          kind: 'dto-mismatch',
          model: model.name,
          field: f.name,
          message: `\`${dto.name}.${f.name}\` is \`${f.type}${f.list ? '[]' : ''}\`, the model's \`${field.name}\` is \`${field.type.name}${field.type.list ? '[]' : ''}\``,
          locations: [f.location],
          schemaField: field.name,
          schemaLocation: at(field),
          suggestion: `make ${dto.name}.${f.name} a ${field.type.list ? 'list of ' : ''}${field.type.name} value`,
        });
        continue;
      }
      if (dto.create && !dto.update && f.optional && requiredWithoutDefault(field) && kind !== 'relation') {
        push({
          kind: 'dto-incomplete',
          model: model.name,
          field: f.name,
          message: `\`${dto.name}.${f.name}\` is optional, but \`${model.name}.${field.name}\` is required and has no default: creating without it fails`,
          locations: [f.location],
          schemaField: field.name,
          schemaLocation: at(field),
          suggestion: `make ${f.name} required in ${dto.name}, or give \`${model.name}.${field.name}\` a default`,
        });
      }
    }
    if (dto.create && !dto.update) {
      const declared = new Set([...dto.fields, ...dto.picked].map((f) => f.name));
      const foreignKeys = new Set(
        model.fields.flatMap((f) => {
          const relation = getAttribute(f, 'relation');
          return relation ? fieldRefs(getArgument(relation, 'fields')?.value) : [];
        }),
      );
      const omitted = model.fields.filter(
        (f) => requiredWithoutDefault(f) && fieldKind(schema, f) !== 'relation' && !foreignKeys.has(f.name) && !declared.has(f.name),
      );
      for (const field of omitted) {
        push({
          kind: 'dto-incomplete',
          model: model.name,
          field: field.name,
          message: `\`${dto.name}\` (create ${dto.form} for model \`${model.name}\`) omits \`${field.name}\`, which the model requires and does not default`,
          locations: [dto.location],
          schemaField: field.name,
          schemaLocation: at(field),
          suggestion: `add \`${field.name}\` to ${dto.name}, or set it where the DTO is turned into \`data\``,
        });
      }
    }
  }
  return findings;
}

/** Extra words that leave a name meaning the same field: `phone`/`phoneNumber`, `active`/`isActive`, `items`/`itemsJson`. */
const DECORATIONS = new Set(['is', 'has', 'number', 'json', 'at', 'on', 'date', 'url', 'text', 'value', 'count']);

/**
 * A near miss a DTO plausibly means: a convention or column difference, a typo, or one name with
 * only decoration words added (`phone`/`phoneNumber`). Not `symbol`/`symbolProfileId` or
 * `expiresIn`/`expires`: those are other things.
 */
function plausible(dtoName: string, fieldName: string, how: 'convention' | 'column' | 'near-miss'): boolean {
  if (how !== 'near-miss') return true;
  const a = nameWords(dtoName);
  const b = nameWords(fieldName);
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === long.length) return true; // a typo (isNearMiss: small edit distance)
  const rest = [...long];
  for (const w of short) {
    const i = rest.indexOf(w);
    if (i < 0) return true;
    rest.splice(i, 1);
  }
  return rest.every((w) => DECORATIONS.has(w));
}

function typeAccepts(f: DtoField, field: Field, kind: string): boolean {
  if (f.list !== field.type.list) return false;
  if (kind === 'enum') return f.type === 'string' || f.type === field.type.name || !ACCEPTS[f.type!];
  const accepts = ACCEPTS[f.type!];
  // A type the table does not know (a branded string, a class) is not judged.
  return !accepts || accepts.includes(field.type.name);
}

function requiredWithoutDefault(field: Field): boolean {
  return (
    !field.type.optional && !field.type.list && !hasAttribute(field, 'default') && !hasAttribute(field, 'updatedAt') && field.type.unsupported === undefined
  );
}

function at(field: Field): ClaimLocation {
  return { file: field.nameSpan.file, line: field.nameSpan.line, column: field.nameSpan.column };
}
