import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { ClaimLocation, ClaimSource } from './claims.js';

/** Every kind of audit finding. Severity and meaning are decided here, per kind. */
export const FINDING_KINDS = [
  'missing-in-schema',
  'missing-model',
  'naming-mismatch',
  'type-mismatch',
  'required-mismatch',
  'env-incompatible',
  'undocumented',
  'planned',
  'dto-mismatch',
  'dto-extra',
  'dto-incomplete',
  'untested',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** The codes of source `audit`: a finding's kind, or a doc or code file the audit could not read. */
export type AuditCode = FindingKind | 'unreadable-source';

declare module '../diagnostics/diagnostic.js' {
  interface DiagnosticCodes {
    audit: AuditCode;
  }
}

export type SeveritySetting = Severity | 'off';

export const DEFAULT_SEVERITY: Record<FindingKind, SeveritySetting> = {
  'missing-in-schema': 'error',
  'missing-model': 'error',
  'naming-mismatch': 'warning',
  'type-mismatch': 'warning',
  'required-mismatch': 'warning',
  'env-incompatible': 'error',
  undocumented: 'info',
  planned: 'info',
  'dto-mismatch': 'warning',
  'dto-extra': 'info',
  'dto-incomplete': 'info',
  untested: 'warning',
};

export const FINDING_SUMMARY: Record<FindingKind, string> = {
  'missing-in-schema': 'a field docs or code use that the schema lacks',
  'missing-model': 'a documented or used model the schema lacks',
  'naming-mismatch': 'a name that differs from a schema field by convention or is a near miss',
  'type-mismatch': "docs give a field another type than the schema's",
  'required-mismatch': 'docs and schema disagree on whether a field is optional',
  'env-incompatible': "code uses a query feature an environment's database lacks",
  undocumented: 'a schema field no doc mentions, in a documented model',
  planned: 'what a doc marked draft, planned or proposal describes and the schema does not have yet',
  'dto-mismatch': 'a DTO, interface or validation schema for a model names a field differently (near miss) or gives it another type',
  'dto-extra': 'a DTO for a model declares a field the model lacks',
  'dto-incomplete': 'a create DTO omits, or makes optional, a field the model requires and does not default',
  untested: 'a model or field added since the last release tag that no test file mentions',
};

export interface Finding {
  kind: FindingKind;
  model: string;
  field?: string;
  severity: Severity;
  message: string;
  /** Which sources make the claim. */
  sources: ClaimSource[];
  /** Every claim's file and line (docs first, then code). */
  locations: ClaimLocation[];
  /** The schema field the sources most likely mean (naming, type and required mismatches). */
  schemaField?: string;
  schemaLocation?: ClaimLocation;
  /** What to change, e.g. the field line to add to the master. */
  suggestion?: string;
  /** The environment an env-incompatible finding is about. */
  env?: string;
  /** The docs' own note on the field ("for read status tracking"). */
  note?: string;
  /** For the fixer: the field line to add, or the rename to make. */
  proposal?: FieldProposal;
}

export type FieldProposal =
  | { action: 'add-field'; model: string; line: string }
  | { action: 'rename-field'; model: string; from: string; to: string; column: string };

export function findingToDiagnostic(finding: Finding): Diagnostic {
  const [first] = finding.locations;
  const location = first ?? finding.schemaLocation;
  const notes: string[] = [];
  for (const l of finding.locations.slice(1, 6)) notes.push(`also at ${l.file}:${l.line}`);
  if (finding.locations.length > 6) notes.push(`and ${finding.locations.length - 6} more places`);
  if (finding.suggestion) notes.push(`suggestion: ${finding.suggestion}`);
  return {
    source: 'audit',
    code: finding.kind,
    severity: finding.severity,
    message: finding.message,
    ...(location ? { location: { file: location.file, line: location.line, column: location.column } } : {}),
    ...(finding.env ? { env: finding.env } : {}),
    model: finding.model,
    ...(finding.field ? { field: finding.field } : {}),
    ...(notes.length ? { notes } : {}),
    data: { sources: finding.sources, ...(finding.schemaField ? { schemaField: finding.schemaField } : {}) },
  };
}

/** The JSON shape of one finding (`steward audit --format json`). */
export function findingToJson(finding: Finding): Record<string, unknown> {
  return {
    kind: finding.kind,
    model: finding.model,
    field: finding.field ?? null,
    severity: finding.severity,
    message: finding.message,
    sources: finding.sources,
    locations: finding.locations,
    schemaField: finding.schemaField ?? null,
    suggestion: finding.suggestion ?? null,
    ...(finding.env ? { env: finding.env } : {}),
  };
}
