/**
 * Prisma's driver adapter over a PGlite client, with scripts awaited. pglite-prisma-adapter
 * 0.7.2's `executeScript` starts `client.exec(script)` without awaiting it: a failing migration
 * (a missing extension) then reports success to the schema engine, the next migrations run on a
 * half-built database, and the failure surfaces later as an unhandled rejection that ends the
 * process with PGlite's stack and the whole script. Awaited, it is the engine's ordinary error.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

export function pgliteAdapterFactory(client: PGlite): PrismaPGlite {
  const factory = new PrismaPGlite(client);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => awaitingScripts(await connect(), client);
  return factory;
}

export function awaitingScripts<T extends SqlDriverAdapter>(adapter: T, client: PGlite): T {
  // The adapter's own error conversion (PGlite's DatabaseError -> DriverAdapterError), so the
  // engine sees the same error it would with a working executeScript.
  const convert = (adapter as unknown as { onError?: (error: unknown) => never }).onError?.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await client.exec(script);
    } catch (error) {
      if (convert) convert(error);
      throw error;
    }
  };
  return adapter;
}
