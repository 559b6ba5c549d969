import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { redactSecrets } from './redact.js';
import { ExitCode } from './exit-codes.js';
import { StewardError } from './steward-error.js';

/**
 * A failure that stopped a command, as the one Diagnostic type, so json, sarif and github
 * output carry it like any finding. A file-level error (no line) is reported at 1:1, as linters
 * do; an error with no file has no location. Messages are redacted here, before JSON escaping.
 */
export function errorDiagnostic(error: unknown): Diagnostic {
  if (error instanceof StewardError) {
    const notes = [...error.details, ...(error.hint ? [`hint: ${error.hint}`] : [])].map((note) => redactSecrets(note));
    return {
      source: 'steward',
      code: error.code,
      severity: 'error',
      message: redactSecrets(error.message),
      ...(error.location ? { location: { file: error.location.file, line: error.location.line ?? 1, column: error.location.column ?? 1 } } : {}),
      ...(notes.length > 0 ? { notes } : {}),
      data: { exitCode: error.exitCode },
    };
  }
  return {
    source: 'steward',
    code: 'INTERNAL',
    severity: 'error',
    message: redactSecrets(`internal error (a bug in prisma-steward): ${error instanceof Error ? error.message : String(error)}`),
    data: { exitCode: ExitCode.Internal },
  };
}
