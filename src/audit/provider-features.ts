import type { Provider } from '../providers/provider.js';
import { providerAdapter } from '../providers/registry.js';
import type { ProviderFeature } from './claims.js';

/**
 * Whether a provider supports a provider-dependent Prisma Client feature. Scalar list filters
 * follow the schema capabilities (no lists, no list filters); the other two are query options
 * Prisma Client documents per connector (the adapter's clientQueryFeatures).
 */
export function providerSupports(provider: Provider, feature: ProviderFeature): boolean {
  const adapter = providerAdapter(provider);
  switch (feature) {
    case 'scalar-list-filter':
      return adapter.capabilities.scalarLists;
    case 'insensitive-mode':
      return adapter.clientQueryFeatures.insensitiveMode;
    case 'skip-duplicates':
      return adapter.clientQueryFeatures.skipDuplicates;
  }
}
