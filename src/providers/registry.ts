/**
 * The registry of provider adapters: the one place that knows every provider. Callers ask it
 * (`providerAdapter('sqlite').capabilities`, `findProvider(datasource)`, `isDatabaseProvider`)
 * instead of comparing provider names. Adding a provider: its folder, its id in PROVIDERS
 * (provider.ts), one line here (and, when steward can connect to it, one in drivers.ts).
 */
import type { EngineSupport, ProviderAdapter } from './adapter.js';
import { cockroachdb } from './cockroachdb/index.js';
import { mongodb } from './mongodb/index.js';
import { mysql } from './mysql/index.js';
import { postgresql } from './postgresql/index.js';
import { PROVIDERS, type Provider } from './provider.js';
import { sqlite } from './sqlite/index.js';
import { sqlserver } from './sqlserver/index.js';

const ADAPTERS = { postgresql, cockroachdb, sqlite, mysql, sqlserver, mongodb } as const satisfies { readonly [P in Provider]: ProviderAdapter<P> };

/** The providers steward connects to, migrates and reads (the wasm schema engine and steward's drivers speak them). */
export type DatabaseProvider = { [P in Provider]: (typeof ADAPTERS)[P] extends { engine: EngineSupport } ? P : never }[Provider];

const BY_ID: { readonly [P in Provider]: ProviderAdapter<P> } = ADAPTERS;

/** Every adapter, in PROVIDERS order. */
export const PROVIDER_ADAPTERS: readonly ProviderAdapter[] = PROVIDERS.map((id) => BY_ID[id]);

export function providerAdapter<P extends Provider>(id: P): ProviderAdapter<P> {
  return BY_ID[id];
}

/** The adapter of a datasource's `provider` value (aliases included), or undefined for a name Prisma does not know. */
export function findProvider(name: string | undefined): ProviderAdapter | undefined {
  if (name === undefined) return undefined;
  return PROVIDER_ADAPTERS.find((adapter) => adapter.id === name || adapter.aliases.includes(name));
}

/** Prisma's canonical name for a datasource provider (`postgres` -> `postgresql`); an unknown name is kept as it is. */
export function normalizeProvider(value: string | undefined): string | undefined {
  return findProvider(value)?.id ?? value;
}

/** The URL and replay knowledge of a provider steward connects to. */
export function engineSupport(provider: DatabaseProvider): EngineSupport {
  return ADAPTERS[provider].engine;
}

/** Whether steward can connect to, migrate and read databases of `provider`. */
export function isDatabaseProvider(provider: string): provider is DatabaseProvider {
  return findProvider(provider)?.id === provider && providerAdapter(provider as Provider).engine !== undefined;
}
