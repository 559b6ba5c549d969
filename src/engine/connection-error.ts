import { StewardError } from '../errors/steward-error.js';
import { redactSecrets } from '../errors/redact.js';

/** Driver error codes (PostgreSQL SQLSTATE) that mean the server refused the credentials. */
const AUTH_FAILED_CODES = new Set(['28P01', '28000']);

/**
 * The one boundary where opening a database fails: whatever the driver threw (pg's socket
 * errors, a SQLSTATE, libsql's SQLITE_CANTOPEN, a missing PGlite folder) becomes a coded
 * StewardError, DATABASE_AUTH_FAILED for refused credentials and DATABASE_UNREACHABLE for
 * anything else, both exit 3. Callers decide by the code, never by the message. The message
 * is the driver's, password-free; the driver's error stays as the cause.
 */
export function openFailure(error: unknown, urls: readonly string[] = []): StewardError {
  if (error instanceof StewardError) return error;
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = redactSecrets(error instanceof Error ? error.message || error.constructor.name : String(error), urls);
  return new StewardError(typeof code === 'string' && AUTH_FAILED_CODES.has(code) ? 'DATABASE_AUTH_FAILED' : 'DATABASE_UNREACHABLE', message, { cause: error });
}
