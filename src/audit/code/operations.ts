/** Prisma Client model methods: `<client>.<delegate>.<operation>(args)`. */
export const MODEL_OPERATIONS = [
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'create',
  'createMany',
  'createManyAndReturn',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'upsert',
  'delete',
  'deleteMany',
  'count',
  'aggregate',
  'groupBy',
] as const;
export type ModelOperation = (typeof MODEL_OPERATIONS)[number];

const OPERATION_SET: ReadonlySet<string> = new Set(MODEL_OPERATIONS);

export function isModelOperation(name: string): name is ModelOperation {
  return OPERATION_SET.has(name);
}

/**
 * A cheap text test run before parsing: a file that never calls a model operation as a
 * method cannot contain a Prisma Client call, so it is not parsed at all.
 */
export const OPERATION_CALL_PATTERN = new RegExp(`\\.\\s*(?:${MODEL_OPERATIONS.join('|')})\\s*[(<]`);
export const OPERATION_CALL_GLOBAL = new RegExp(OPERATION_CALL_PATTERN.source, 'g');

/** The delegate name Prisma Client gives a model: its name with a lower-case first letter. */
export function delegateName(model: string): string {
  return model.charAt(0).toLowerCase() + model.slice(1);
}
