import type { FixKind } from './fix-kind.js';

/**
 * The one diagnostic type of the whole tool. Generation, validation, lint, audit, diff and
 * drift all produce Diagnostics; reporters render them without knowing which feature made them.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface DiagnosticLocation {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** A text edit: replace [start, end) of `file` with `text`. Offsets are string indexes. */
export interface TextEdit {
  file: string;
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  description: string;
  edits: TextEdit[];
  /** What the fix changes: the schema only, or the database (and whether `--fix` applies it). */
  kind: FixKind;
  /** For a fix that changes the database: a representative statement of the migration it causes. */
  migration?: string;
}

/**
 * The closed list of the parts of steward that make diagnostics (a Diagnostic's `source`): each
 * owns its own closed list of codes. Reporters show it; CI filters on it.
 */
export const DIAGNOSTIC_SOURCES = [
  'steward', // an error that stopped the command (errors/error-diagnostic.ts)
  'generate', // a stale environment file (project/environments.ts)
  'generate-changes', // what generation changed in an environment (generate/changes.ts)
  'validate',
  'engine',
  'lint',
  'audit',
  'docs',
  'diff',
  'migrate',
  'migrate-lint',
  'migrate-status',
  'migrate-preflight', // migrate preflight (src/migrate/preflight)
  'deploy', // migrate deploy and migrate down (src/migrate/deploy.ts)
  'drift',
  'verify',
] as const;
export type DiagnosticSource = (typeof DIAGNOSTIC_SOURCES)[number];

/**
 * The codes of each source, keyed by source: empty here, filled by each owner from its own closed
 * list with declaration merging, beside that list (this layer knows no capability), e.g.
 *
 *     declare module '../diagnostics/diagnostic.js' {
 *       interface DiagnosticCodes { lint: LintRuleId }
 *     }
 *
 * test/api/diagnostic-codes.test.ts checks that every source has a closed list, and no more, also
 * as the published declarations see it (each list's type is exported from src/index.ts).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging, one entry per source
export interface DiagnosticCodes {}

/** The codes a source may use (without an argument: every code of every source). */
export type DiagnosticCode<S extends DiagnosticSource = DiagnosticSource> = S extends keyof DiagnosticCodes ? DiagnosticCodes[S] : never;

/** What every diagnostic has besides its source and code. */
export interface DiagnosticFields {
  severity: Severity;
  message: string;
  location?: DiagnosticLocation;
  /** The environment the finding is about, when it is about one. */
  env?: string;
  model?: string;
  field?: string;
  /** Extra lines of explanation shown under the message. */
  notes?: string[];
  fix?: Fix;
  /** Free-form structured data for JSON output. */
  data?: Record<string, unknown>;
}

/** A diagnostic of one source: its code is one of that source's codes. */
export type DiagnosticOf<S extends DiagnosticSource> = S extends DiagnosticSource
  ? DiagnosticFields & {
      /** Which part of steward produced it (the closed list DIAGNOSTIC_SOURCES). */
      source: S;
      /** A stable code from that source's closed list (a rule id, a transform code, P1012, ...). */
      code: DiagnosticCode<S>;
    }
  : never;

/** The one diagnostic type: a union over the sources, so `source` decides which codes `code` may hold. */
export type Diagnostic = DiagnosticOf<DiagnosticSource>;

export const SEVERITY_ORDER: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order: file, line, column, then code. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => {
    const fa = a.location?.file ?? '';
    const fb = b.location?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    const la = a.location?.line ?? 0;
    const lb = b.location?.line ?? 0;
    if (la !== lb) return la - lb;
    const ca = a.location?.column ?? 0;
    const cb = b.location?.column ?? 0;
    if (ca !== cb) return ca - cb;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
}
