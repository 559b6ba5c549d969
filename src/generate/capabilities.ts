/**
 * What each database provider can express in a Prisma schema. Environment generation is
 * driven by this table: a construct the target provider lacks is converted or removed,
 * and every such change is reported. Each provider's table is in its adapter
 * (src/providers/<id>/index.ts); this module keeps what generation adds on top.
 *
 * Facts were checked against Prisma's own validator (@prisma/prisma-schema-wasm).
 */
import type { ProviderCapabilities } from '../providers/adapter.js';
import { PROVIDERS, type Provider } from '../providers/provider.js';
import { providerAdapter } from '../providers/registry.js';

export { PROVIDERS, isProvider, type Provider } from '../providers/provider.js';
export { normalizeProvider } from '../providers/registry.js';
export type { ProviderCapabilities } from '../providers/adapter.js';
export { POSTGRES_TO_COCKROACH } from '../providers/cockroachdb/index.js';

/** Each provider's capabilities, by provider (from the adapters). */
export const CAPABILITIES: Readonly<Record<Provider, ProviderCapabilities>> = Object.fromEntries(
  PROVIDERS.map((id): [Provider, ProviderCapabilities] => [id, providerAdapter(id).capabilities]),
) as Record<Provider, ProviderCapabilities>;

/**
 * Native types whose removal loses nothing on a provider without native types: the scalar's
 * default storage is the same (SQLite keeps String as TEXT, Int as INTEGER, Bytes as BLOB...).
 */
export const LOSSLESS_NATIVE_TYPES = new Set([
  'Text',
  'Integer',
  'BigInt',
  'Int4',
  'Int8',
  'Boolean',
  'Bool',
  'DoublePrecision',
  'Float8',
  'ByteA',
  'Bytes',
  'Json',
  'String',
  'Int',
  'Double',
  'LongText',
]);

/** What a native type guarantees, in words, for the report when it is dropped. */
export function nativeTypeMeaning(name: string, args: string[]): string {
  const n = args.join(', ');
  switch (name) {
    case 'VarChar':
    case 'Char':
    case 'String':
    case 'NVarChar':
      return args.length > 0 ? `its length limit (${n} characters) is not enforced` : 'its character type is not enforced';
    case 'Decimal':
      return args.length > 0 ? `its precision and scale (${n}) are not enforced` : 'its decimal precision is not enforced';
    case 'Uuid':
    case 'UniqueIdentifier':
      return 'values are stored as text with no UUID format check';
    case 'Timestamptz':
    case 'Timetz':
      return 'the time zone is not stored (values are kept as UTC)';
    case 'Timestamp':
    case 'Time':
      return args.length > 0 ? `its fractional-second precision (${n}) is not enforced` : 'its time precision is not enforced';
    case 'Date':
      return 'the time part is no longer truncated by the database';
    case 'SmallInt':
    case 'Int2':
    case 'TinyInt':
      return 'its small integer range is not enforced';
    case 'JsonB':
    case 'Json':
      return 'JSON is stored as text, without binary JSON indexing or operators';
    case 'Inet':
      return 'values are stored as text with no IP address check';
    case 'Citext':
      return 'comparisons become case-sensitive';
    case 'Money':
      return 'values are stored without the money type';
    case 'Real':
    case 'Float4':
      return 'single precision becomes double precision';
    default:
      return `the database type ${name}${args.length ? `(${n})` : ''} is not kept`;
  }
}
