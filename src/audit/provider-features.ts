import { CAPABILITIES, type Provider } from '../generate/capabilities.js';
import type { ProviderFeature } from './claims.js';

/**
 * Which providers support each provider-dependent Prisma Client feature. Scalar list filters
 * follow the schema capability table (no lists, no list filters); the other two are query
 * options Prisma Client documents per connector.
 */
export function providerSupports(provider: Provider, feature: ProviderFeature): boolean {
  switch (feature) {
    case 'scalar-list-filter':
      return CAPABILITIES[provider].scalarLists;
    case 'insensitive-mode':
      return provider === 'postgresql' || provider === 'cockroachdb' || provider === 'mongodb';
    case 'skip-duplicates':
      return provider !== 'sqlite' && provider !== 'sqlserver' && provider !== 'mongodb';
  }
}
