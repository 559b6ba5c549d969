/**
 * `@prisma/adapter-pg` with whole migration scripts. Its `executeScript` (7.10) splits the script
 * on every `;` and sends the pieces one by one through the pool: a function body (`$$ ... ; ... $$`)
 * or a string literal with a semicolon is cut apart, and a failing statement leaves the ones
 * before it committed. Prisma's native engine sends a migration as one simple query, which
 * PostgreSQL runs as one implicit transaction; this adapter does the same on the adapter's pool,
 * and converts errors with the adapter's own conversion so the engine records them as usual.
 */
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import { PrismaPg } from '@prisma/adapter-pg';

interface PgQueryableInternals {
  client?: { query(text: string): Promise<unknown> };
  onError?: (error: unknown) => never;
}

export function pgAdapterFactory(connectionString: string): PrismaPg {
  const factory = new PrismaPg({ connectionString });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => wholeScripts(await connect());
  return factory;
}

function wholeScripts<T extends SqlDriverAdapter>(adapter: T): T {
  const internals = adapter as unknown as PgQueryableInternals;
  const pool = internals.client;
  if (typeof pool?.query !== 'function') return adapter; // another adapter-pg layout: keep its own
  const convert = internals.onError?.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      if (convert) convert(error);
      throw error;
    }
  };
  return adapter;
}
