/**
 * Database URLs in output: passwords masked in a URL and in free text (src/errors/redact.ts,
 * re-exported here). Parsing a URL into a location is the provider adapters' (src/providers/location.ts).
 */
import { StewardError } from '../errors/steward-error.js';

/** A database URL steward cannot use: bad input (exit 2). The message never holds the password. */
export class DatabaseUrlError extends StewardError {
  constructor(message: string, hint?: string) {
    super('DATABASE_URL_INVALID', message, { hint });
    this.name = 'DatabaseUrlError';
  }
}

export { redactSecrets, redactUrl } from '../errors/redact.js';
