/**
 * The closed list of database providers steward knows, by Prisma's `provider = "..."` name.
 * Everything steward knows about one of them lives in its adapter, `src/providers/<id>/`,
 * registered in `registry.ts`.
 */
export const PROVIDERS = ['postgresql', 'cockroachdb', 'sqlite', 'mysql', 'sqlserver', 'mongodb'] as const;
export type Provider = (typeof PROVIDERS)[number];

export function isProvider(value: string): value is Provider {
  return (PROVIDERS as readonly string[]).includes(value);
}
