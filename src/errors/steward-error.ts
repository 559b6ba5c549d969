import { ExitCode } from './exit-codes.js';

/**
 * Closed list of error codes for problems that stop a command. Each maps to one exit code.
 * User mistakes carry a location and are printed without a stack trace.
 */
export const ERROR_CODES = {
  USAGE: ExitCode.Usage,
  CONFIG_NOT_FOUND: ExitCode.Usage,
  CONFIG_INVALID: ExitCode.Usage,
  CONFIG_LOAD_FAILED: ExitCode.Usage,
  MASTER_NOT_FOUND: ExitCode.Usage,
  FILE_NOT_FOUND: ExitCode.Usage,
  FILE_UNREADABLE: ExitCode.Usage,
  /** A file steward must write is a directory, or its folder is read-only or missing. */
  FILE_UNWRITABLE: ExitCode.Usage,
  SCHEMA_SYNTAX: ExitCode.Usage,
  SCHEMA_INVALID: ExitCode.Usage,
  ANNOTATION_INVALID: ExitCode.Usage,
  UNKNOWN_ENVIRONMENT: ExitCode.Usage,
  GIT_FAILED: ExitCode.Usage,
  /** A migration script of the history does not replay, or a history does not match its lock. */
  MIGRATION_INVALID: ExitCode.Usage,
  /** A database URL that is malformed or of a kind steward cannot open. */
  DATABASE_URL_INVALID: ExitCode.Usage,
  DATABASE_UNREACHABLE: ExitCode.Unreachable,
  DATABASE_AUTH_FAILED: ExitCode.Unreachable,
  /** A defect in steward itself (for example a generated schema that Prisma rejects). */
  INTERNAL: ExitCode.Internal,
} as const satisfies Record<string, ExitCode>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error that stopped a command, as a Diagnostic (error-diagnostic.ts), carries its ErrorCode. */
declare module '../diagnostics/diagnostic.js' {
  interface DiagnosticCodes {
    steward: ErrorCode;
  }
}

export interface ErrorLocation {
  file: string;
  line?: number;
  column?: number;
}

export class StewardError extends Error {
  readonly code: ErrorCode;
  readonly location?: ErrorLocation;
  /** Further lines shown under the message (for example every validation error). */
  readonly details: string[];
  readonly hint?: string;

  constructor(code: ErrorCode, message: string, options: { location?: ErrorLocation; details?: string[]; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StewardError';
    this.code = code;
    this.location = options.location;
    this.details = options.details ?? [];
    this.hint = options.hint;
  }

  get exitCode(): ExitCode {
    return ERROR_CODES[this.code];
  }
}

export function isStewardError(error: unknown): error is StewardError {
  return error instanceof StewardError;
}

export function formatLocation(location: ErrorLocation): string {
  let text = location.file;
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  return text;
}
