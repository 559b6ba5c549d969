import type { ModelOperation } from './operations.js';
import { delegateName } from './operations.js';

/**
 * What a value typed with one of Prisma Client's generated argument types stands for:
 * `const where: Prisma.WebsiteWhereInput = {...}` is the `where` of a `website` query,
 * `criteria: Prisma.WebsiteFindManyArgs` the whole argument of `website.findMany`. The
 * compiler checks such a value against the model wherever it is built, so the audit reads it
 * there like a Prisma call's argument (`key` wraps it: `{ where: value }`).
 */
export interface TypedArgument {
  delegate: string;
  operation: ModelOperation;
  /** The argument key the value is (`where`, `data`...); none for a whole argument (`...Args`). */
  key?: string;
}

/** Suffixes of generated type names, longest first where one ends another. */
const SUFFIXES: [string, ModelOperation, string | undefined][] = [
  ['WhereUniqueInput', 'findUnique', 'where'],
  ['WhereInput', 'findMany', 'where'],
  ['UncheckedCreateInput', 'create', 'data'],
  ['CreateManyInput', 'createMany', 'data'],
  ['CreateInput', 'create', 'data'],
  ['UncheckedUpdateManyInput', 'updateMany', 'data'],
  ['UncheckedUpdateInput', 'update', 'data'],
  ['UpdateManyMutationInput', 'updateMany', 'data'],
  ['UpdateInput', 'update', 'data'],
  ['OrderByWithRelationInput', 'findMany', 'orderBy'],
  ['Select', 'findMany', 'select'],
  ['Include', 'findMany', 'include'],
  ['FindUniqueOrThrowArgs', 'findUniqueOrThrow', undefined],
  ['FindFirstOrThrowArgs', 'findFirstOrThrow', undefined],
  ['FindUniqueArgs', 'findUnique', undefined],
  ['FindFirstArgs', 'findFirst', undefined],
  ['FindManyArgs', 'findMany', undefined],
  ['CreateManyArgs', 'createMany', undefined],
  ['CreateArgs', 'create', undefined],
  ['UpdateManyArgs', 'updateMany', undefined],
  ['UpdateArgs', 'update', undefined],
  ['UpsertArgs', 'upsert', undefined],
  ['DeleteManyArgs', 'deleteMany', undefined],
  ['DeleteArgs', 'delete', undefined],
  ['CountArgs', 'count', undefined],
];

/** `WebsiteFindManyArgs` (the name after `Prisma.`) -> website, findMany; undefined for other names. The model part is checked against the schema later. */
export function typedArgument(typeName: string): TypedArgument | undefined {
  for (const [suffix, operation, key] of SUFFIXES) {
    if (!typeName.endsWith(suffix) || typeName.length === suffix.length) continue;
    const model = typeName.slice(0, -suffix.length);
    if (!/^[A-Z]\w*$/.test(model)) return undefined;
    return { delegate: delegateName(model), operation, ...(key ? { key } : {}) };
  }
  return undefined;
}
