import type { Severity } from '../diagnostics/diagnostic.js';
import type { Provider } from '../providers/provider.js';
import type { Field, Model, Schema } from '../schema/model.js';
import { fieldKind } from '../schema/query.js';
import type { Claim, ClaimLocation, ClaimSource, FeatureClaim, FieldClaim, ModelClaim } from './claims.js';
import { DEFAULT_SEVERITY, type Finding, type FindingKind, type SeveritySetting } from './finding.js';
import { isCamelCase, nameWords, schemaNamingConvention } from '../schema/naming.js';
import { intendedField, sameWords } from './field-match.js';
import { proposedField } from './proposal.js';
import { providerSupports } from './provider-features.js';

export interface CompareOptions {
  environments: readonly { name: string; provider: Provider }[];
  severity?: Partial<Record<FindingKind, SeveritySetting>>;
  /** Docs marked draft, planned or proposal (docs/status.ts): what only they say is `planned`, not a mismatch. */
  plannedDocs?: ReadonlySet<string>;
}

const SOURCE_TEXT: Record<string, string> = {
  docs: 'documented but not in schema',
  code: 'used in application code',
  'docs,code': 'documented and used in application code, but not in schema',
};

const FEATURE_TEXT: Record<FeatureClaim['feature'], string> = {
  'insensitive-mode': 'case-insensitive filtering',
  'scalar-list-filter': 'scalar list filters',
  'skip-duplicates': 'createMany skipDuplicates',
};

/**
 * Compares what docs and code claim with the schema. Pure: schema + claims in, findings out,
 * ordered by model (schema order, then missing models) and field.
 */
export function compareClaims(schema: Schema, claims: readonly Claim[], options: CompareOptions): Finding[] {
  const severity = (kind: FindingKind): SeveritySetting => options.severity?.[kind] ?? DEFAULT_SEVERITY[kind];
  const findings: Finding[] = [];
  const push = (raw: Omit<Finding, 'severity'>): void => {
    // Planned work is not proposed as a master edit: `audit --fix` leaves it to whoever builds it.
    const finding = plannedOnly(raw, options.plannedDocs)
      ? { ...raw, kind: 'planned' as const, message: `planned: ${raw.message} (${raw.kind}; the doc is marked as planned work)`, proposal: undefined }
      : raw;
    const s = severity(finding.kind);
    if (s !== 'off') findings.push({ ...finding, severity: s as Severity });
  };
  const convention = schemaNamingConvention(schema);
  const models = new Map<string, Model>([...schema.models, ...schema.views, ...schema.types].map((m) => [m.name, m]));
  const enums = new Set(schema.enums.map((e) => e.name));

  const byModel = new Map<string, { models: ModelClaim[]; fields: Map<string, FieldClaim[]> }>();
  const features: FeatureClaim[] = [];
  for (const claim of claims) {
    if (claim.kind === 'feature') {
      features.push(claim);
      continue;
    }
    let entry = byModel.get(claim.model);
    if (!entry) byModel.set(claim.model, (entry = { models: [], fields: new Map() }));
    if (claim.kind === 'model') entry.models.push(claim);
    else {
      const list = entry.fields.get(claim.field);
      if (list) list.push(claim);
      else entry.fields.set(claim.field, [claim]);
    }
  }

  for (const [name, entry] of byModel) {
    const model = models.get(name);
    if (!model) {
      if (enums.has(name)) continue;
      const explicit = entry.models.filter((c) => c.explicit);
      if (explicit.length === 0) continue;
      const sources = sourcesOf(explicit);
      const near = [...models.keys()].find((m) => sameWords(m, name) || nameWords(m).join('') === nameWords(name).join('').replace(/s$/, ''));
      push({
        kind: 'missing-model',
        model: name,
        message: `${explicit[0].isEnum ? 'Enum' : 'Model'} \`${name}\` is ${sources.length === 2 ? 'documented and used in application code' : sources[0] === 'docs' ? 'documented' : 'used in application code'} but not in the schema`,
        sources,
        locations: locationsOf(explicit),
        ...(near
          ? { schemaField: near, suggestion: `did you mean model \`${near}\`?` }
          : { suggestion: `add \`${explicit[0].isEnum ? 'enum' : 'model'} ${name}\` to the master schema` }),
      });
      continue;
    }
    const hasDocFields = [...entry.fields.values()].some((list) => list.some((c) => c.source === 'docs'));
    for (const [fieldName, fieldClaims] of entry.fields) {
      const field = model.fields.find((f) => f.name === fieldName);
      if (field) compareField(schema, model, field, fieldClaims, push);
      else missingField(schema, model, fieldName, fieldClaims, convention, push);
    }
    if (hasDocFields) {
      const documented = [...entry.fields.entries()].filter(([, list]) => list.some((c) => c.source === 'docs')).map(([n]) => n);
      for (const field of model.fields) {
        if (fieldKind(schema, field) === 'relation') continue;
        if (documented.some((d) => d === field.name || intendedField(model, d, (f) => fieldKind(schema, f) === 'relation')?.field === field)) continue;
        push({
          kind: 'undocumented',
          model: model.name,
          field: field.name,
          message: `\`${model.name}.${field.name}\` is in the schema but not in the documented design`,
          sources: [],
          locations: [],
          schemaField: field.name,
          schemaLocation: spanLocation(field),
          suggestion: `document \`${field.name}\` (${field.type.name}${field.type.list ? '[]' : ''}${field.type.optional ? '?' : ''})`,
        });
      }
    }
  }

  // One finding per feature, field and environment, with every place that uses it.
  const grouped = new Map<string, FeatureClaim[]>();
  for (const f of features) {
    const key = `${f.feature}\u0000${f.model}\u0000${f.field ?? ''}\u0000${f.written}`;
    const list = grouped.get(key);
    if (list) list.push(f);
    else grouped.set(key, [f]);
  }
  for (const env of options.environments) {
    for (const group of grouped.values()) {
      const f = group[0];
      if (providerSupports(env.provider, f.feature)) continue;
      const target = f.field ? `\`${f.model}.${f.field}\`` : `\`${f.model}\``;
      push({
        kind: 'env-incompatible',
        model: f.model,
        ...(f.field ? { field: f.field } : {}),
        env: env.name,
        message: `\`${f.written}\` on ${target} is not supported on ${env.provider} (environment ${env.name}): ${FEATURE_TEXT[f.feature]}`,
        sources: ['code'],
        locations: locationsOf(group),
        suggestion: suggestionForFeature(f),
      });
    }
  }
  return sortFindings(findings, schema);
}

function compareField(schema: Schema, model: Model, field: Field, claims: FieldClaim[], push: (f: Omit<Finding, 'severity'>) => void): void {
  const typed = claims.filter((c) => c.source === 'docs' && c.type && !c.type.inferred);
  const schemaType = `${field.type.name}${field.type.list ? '[]' : ''}${field.type.optional ? '?' : ''}`;
  const wrongType = typed.filter((c) => c.type!.accepts.length > 0 && (!c.type!.accepts.includes(field.type.name) || c.type!.list !== field.type.list));
  if (wrongType.length > 0) {
    push({
      kind: 'type-mismatch',
      model: model.name,
      field: field.name,
      message: `\`${model.name}.${field.name}\` is documented as \`${wrongType[0].type!.written}\` but the schema has \`${schemaType}\``,
      sources: ['docs'],
      locations: locationsOf(wrongType),
      schemaField: field.name,
      schemaLocation: spanLocation(field),
      suggestion: `make the docs and the schema agree on the type of \`${field.name}\``,
    });
  }
  if (field.type.list || (fieldKind(schema, field) === 'relation' && field.type.list)) return;
  const wrongOptional = typed.filter((c) => c.type!.optional !== undefined && c.type!.optional !== field.type.optional);
  if (wrongOptional.length > 0) {
    const documentedOptional = wrongOptional[0].type!.optional!;
    push({
      kind: 'required-mismatch',
      model: model.name,
      field: field.name,
      message: `\`${model.name}.${field.name}\` is documented as ${documentedOptional ? 'optional' : 'required'} but is ${field.type.optional ? 'optional' : 'required'} in the schema`,
      sources: ['docs'],
      locations: locationsOf(wrongOptional),
      schemaField: field.name,
      schemaLocation: spanLocation(field),
      suggestion: documentedOptional
        ? `make it \`${field.type.name}?\` in the master`
        : `make it required (\`${field.type.name}\`) in the master, with a default or a backfill for existing rows`,
    });
  }
}

function missingField(
  schema: Schema,
  model: Model,
  claimed: string,
  claims: FieldClaim[],
  convention: ReturnType<typeof schemaNamingConvention>,
  push: (f: Omit<Finding, 'severity'>) => void,
): void {
  const sources = sourcesOf(claims);
  const locations = locationsOf(claims);
  const note = claims.find((c) => c.note)?.note;
  const intended = intendedField(model, claimed, (f) => fieldKind(schema, f) === 'relation');
  if (intended) {
    const { field, how } = intended;
    const renameSchema = how === 'convention' && isCamelCase(claimed) && !isCamelCase(field.name) && !field.attributes.some((a) => a.name === 'map');
    push({
      kind: 'naming-mismatch',
      model: model.name,
      field: claimed,
      message:
        how === 'near-miss'
          ? `\`${claimed}\` vs \`${field.name}\`: ${describeSources(sources)} \`${model.name}.${claimed}\`, the schema has \`${field.name}\` (near miss)`
          : how === 'column'
            ? `\`${claimed}\` vs \`${field.name}\`: ${describeSources(sources)} the column name \`${claimed}\`; the Prisma field is \`${field.name}\``
            : `\`${claimed}\` vs \`${field.name}\` naming convention: ${describeSources(sources)} \`${claimed}\`, the schema field is \`${field.name}\``,
      sources,
      locations,
      schemaField: field.name,
      schemaLocation: spanLocation(field),
      suggestion: renameSchema
        ? `rename \`${field.name}\` to \`${claimed}\` with \`@map("${field.name}")\` to keep the column`
        : `use \`${field.name}\` in ${sources.join(' and ')}`,
      ...(renameSchema ? { proposal: { action: 'rename-field' as const, model: model.name, from: field.name, to: claimed, column: field.name } } : {}),
      ...(note ? { note } : {}),
    });
    return;
  }
  const type =
    claims.find((c) => c.source === 'docs' && c.type && c.type.accepts.length > 0)?.type ?? claims.find((c) => c.type && c.type.accepts.length > 0)?.type;
  // Docs first: what a design doc states (default, unique) wins over what code implies.
  const facts = Object.assign({}, ...[...claims].reverse().map((c) => c.facts ?? {}));
  const proposed = proposedField(schema, claimed, type, convention, facts);
  const line = proposed?.line;
  const backfill = proposed?.optionalUntilBackfilled ? ' (documented as required: optional until existing rows are backfilled, then make it required)' : '';
  push({
    kind: 'missing-in-schema',
    model: model.name,
    field: claimed,
    message: `\`${model.name}.${claimed}\` is ${SOURCE_TEXT[sources.join(',')]}`,
    sources,
    locations,
    suggestion: line ? `add \`${line}\` to model ${model.name}${backfill}` : `add a \`${claimed}\` field to model ${model.name}`,
    ...(line ? { proposal: { action: 'add-field' as const, model: model.name, line } } : {}),
    ...(note ? { note } : {}),
  });
}

function describeSources(sources: ClaimSource[]): string {
  return sources.length === 2 ? 'docs and code use' : sources[0] === 'docs' ? 'docs say' : 'code uses';
}

function suggestionForFeature(f: FeatureClaim): string {
  switch (f.feature) {
    case 'insensitive-mode':
      return 'SQLite compares ASCII case-insensitively with LIKE only; normalise the value (e.g. store a lower-cased copy) or branch per environment';
    case 'scalar-list-filter':
      return 'scalar lists become JSON text on this provider; filter in application code or model the list as a relation';
    case 'skip-duplicates':
      return 'check for existing rows before createMany, or use upsert per row';
  }
}

function sourcesOf(claims: readonly { source: ClaimSource }[]): ClaimSource[] {
  const s = new Set(claims.map((c) => c.source));
  return (['docs', 'code'] as const).filter((x) => s.has(x));
}

/** Docs first, then code; each file:line once. */
function locationsOf(claims: readonly { source: ClaimSource; location: ClaimLocation }[]): ClaimLocation[] {
  const seen = new Set<string>();
  const out: ClaimLocation[] = [];
  for (const source of ['docs', 'code'] as const) {
    for (const c of claims) {
      if (c.source !== source) continue;
      const key = `${c.location.file}:${c.location.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(c.location);
    }
  }
  return out;
}

function spanLocation(field: Field): ClaimLocation {
  return { file: field.nameSpan.file, line: field.nameSpan.line, column: field.nameSpan.column };
}

const KIND_ORDER: FindingKind[] = [
  'missing-model',
  'missing-in-schema',
  'naming-mismatch',
  'type-mismatch',
  'required-mismatch',
  'env-incompatible',
  'undocumented',
];

function sortFindings(findings: Finding[], schema: Schema): Finding[] {
  const order = new Map([...schema.models, ...schema.views, ...schema.types].map((m, i) => [m.name, i]));
  return findings.sort(
    (a, b) =>
      (order.get(a.model) ?? 1e9) - (order.get(b.model) ?? 1e9) ||
      (a.model < b.model ? -1 : a.model > b.model ? 1 : 0) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      (a.field ?? '').localeCompare(b.field ?? '') ||
      (a.env ?? '').localeCompare(b.env ?? ''),
  );
}

/** A finding only docs marked as planned make (no code use, no shipped doc): planned work, not a mismatch. */
function plannedOnly(finding: Omit<Finding, 'severity'>, planned: ReadonlySet<string> | undefined): boolean {
  if (!planned || planned.size === 0 || finding.kind === 'undocumented' || finding.kind === 'env-incompatible') return false;
  if (finding.sources.length !== 1 || finding.sources[0] !== 'docs') return false;
  return finding.locations.length > 0 && finding.locations.every((l) => planned.has(l.file));
}
