import { ExitCode } from './exit-codes.js';
import { StewardError } from './steward-error.js';

/** Socket error codes of a connection lost while a database is used (opening failures are coded by openDatabase). */
const CONNECTION_LOST_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN', 'ENETUNREACH', 'EPIPE']);

/** Whether a failure means the database could not be reached: decided by error types and codes, never by the words of a message. */
export function isUnreachableError(error: unknown): boolean {
  if (error instanceof StewardError) return error.exitCode === ExitCode.Unreachable;
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && CONNECTION_LOST_CODES.has(code);
}
