import type { Severity } from '../diagnostics/diagnostic.js';

/** Every finding `steward verify` reports, with its severity decided here and nowhere else. */
export const VERIFY_CODES = {
  /** A type error the application has only with some environments' clients. */
  'env-type-error': 'error',
  /** A type error that exists without steward (with the master's client, or with every environment's). */
  'code-type-error': 'info',
  /** The application's tsconfig could not be found: no type-check. */
  'typecheck-skipped': 'warning',
  /** The scratch database could not be prepared (migration history or schema push failed). */
  'crud-setup-failed': 'error',
  /** A model failed a CRUD operation. */
  'crud-failed': 'error',
  /** A model steward cannot create through Prisma Client (the reason says why). */
  'crud-skipped': 'warning',
} as const satisfies Record<string, Severity>;

export type VerifyCode = keyof typeof VERIFY_CODES;

declare module '../diagnostics/diagnostic.js' {
  interface DiagnosticCodes {
    verify: VerifyCode;
  }
}
