import type { Severity } from '../diagnostics/diagnostic.js';
import type { DriftCode } from '../catalog/codes.js';

/**
 * What `db drift` reports besides the differences themselves (catalog/codes.ts: DRIFT_CODES),
 * in one closed list with each code's severity.
 */
export const DRIFT_RUN_CODES = {
  /** The database could not be reached (drift-environment.ts). */
  'database-unreachable': 'error',
  /** Reading the database failed otherwise. */
  'database-error': 'error',
  /** `--fix-sql`: the remediation draft was written (cli/commands/db.ts). */
  'fix-migration-written': 'info',
  /** A `drift.acknowledge` entry past its expiry date (acknowledge.ts). */
  'drift-acknowledgement-expired': 'warning',
  /** A `drift.acknowledge` entry that matches no difference. */
  'drift-acknowledgement-unused': 'warning',
} as const satisfies Record<string, Severity>;

export type DriftRunCode = keyof typeof DRIFT_RUN_CODES;

declare module '../diagnostics/diagnostic.js' {
  interface DiagnosticCodes {
    drift: DriftCode | DriftRunCode;
  }
}
