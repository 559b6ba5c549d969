/**
 * The Prisma majors steward targets. Each has its own validator (a pinned
 * @prisma/prisma-schema-wasm, see schema-wasm.ts): what Prisma 5 accepts (views with `@@id`),
 * Prisma 6 and 7 refuse, and only Prisma 5 and 6 take datasource URLs in the schema.
 */
export type PrismaMajor = 5 | 6 | 7;

export const PRISMA_MAJORS: readonly PrismaMajor[] = [5, 6, 7];

/** The major steward's own engines (schema engine, client generator) belong to. */
export const ENGINE_MAJOR: PrismaMajor = 7;

export function isPrismaMajor(value: unknown): value is PrismaMajor {
  return (PRISMA_MAJORS as readonly unknown[]).includes(value);
}
