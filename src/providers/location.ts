/**
 * Where a database lives, parsed from the URL a user gives, by the adapter whose URL forms it
 * matches: `postgresql://` servers and `pglite:` data directories (`pglite:memory` for a
 * throwaway in-memory one), `file:` SQLite files.
 */
import { DatabaseUrlError, redactUrl } from '../engine/database-url.js';
import type { PostgresqlLocation } from './postgresql/index.js';
import { PROVIDER_ADAPTERS, engineSupport, type DatabaseProvider } from './registry.js';
import type { SqliteLocation } from './sqlite/index.js';

/** One location type per provider steward connects to. */
export type DatabaseLocation = PostgresqlLocation | SqliteLocation;

// Every provider steward connects to has a location type here, and nothing else has one.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const LOCATIONS_COVER_DATABASE_PROVIDERS: Exact<DatabaseLocation['provider'], DatabaseProvider> = true;
void LOCATIONS_COVER_DATABASE_PROVIDERS;

export function parseDatabaseUrl(url: string, baseDir = process.cwd()): DatabaseLocation {
  const trimmed = url.trim();
  for (const adapter of PROVIDER_ADAPTERS) {
    const location = adapter.engine?.parseUrl(trimmed, baseDir) as DatabaseLocation | undefined;
    if (location) return location;
  }
  const forms = PROVIDER_ADAPTERS.flatMap((adapter) => adapter.engine?.urlForms ?? []);
  throw new DatabaseUrlError(`unsupported database URL ${redactUrl(trimmed)}: expected ${forms.slice(0, -1).join(', ')} or ${forms.at(-1)}`);
}

/** A short, password-free label for a database (used in fleet tables). */
export function describeLocation(location: DatabaseLocation): string {
  return engineSupport(location.provider).describe(location);
}
