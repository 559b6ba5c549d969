import type { ClaimLocation } from '../claims.js';
import type { ModelOperation } from './operations.js';

/**
 * A Prisma Client call found in code, with its argument lowered to plain data: object
 * literals keep their keys and locations, everything else is opaque. No type information
 * is needed; the schema gives the keys their meaning later (resolve.ts).
 */
export interface PrismaCall {
  /** `user` in `prisma.user.findMany(...)`. */
  delegate: string;
  operation: ModelOperation;
  /** Last name of the receiver: `prisma`, `tx`, `db`, `this` ... */
  receiver: string;
  /** Whether the receiver looks like a Prisma client (named like one, or a `$transaction` callback parameter). */
  clientLike: boolean;
  location: ClaimLocation;
  args?: ArgValue;
  /** Not a call: a value typed with a generated argument type (typed-args.ts); no model claim, and nothing when the model is unknown. */
  typed?: true;
}

export type ArgValue =
  | { kind: 'object'; props: ArgProperty[]; location: ClaimLocation }
  | { kind: 'array'; items: ArgValue[]; location: ClaimLocation }
  | { kind: 'string'; value: string; location: ClaimLocation }
  | { kind: 'number'; value: number; location: ClaimLocation }
  | { kind: 'boolean'; value: boolean; location: ClaimLocation }
  | { kind: 'null'; location: ClaimLocation }
  | { kind: 'date'; location: ClaimLocation }
  /** Anything else: a variable, a call, a template with expressions. */
  | { kind: 'opaque'; location: ClaimLocation };

export interface ArgProperty {
  key: string;
  location: ClaimLocation;
  value: ArgValue;
}

/**
 * A property read off a model's records in code (model-values.ts): `user.email` after
 * `const user = await prisma.user.findUnique(...)`, `(u: User) => u.name`. The resolver
 * walks `path` through the schema's relations and claims `key` as a field when the value
 * read is one record (not a list: `users.length` is no field).
 */
export interface ModelRead {
  /** A Prisma call's result (its delegate, operation and receiver check), or a value whose written type is a model. */
  root: { delegate: string; operation: ModelOperation; clientLike: boolean } | { model: string; list: boolean; except?: string[]; only?: string[] };
  /** Property names from the root to the object read; `[]` steps into a list's element. */
  path: string[];
  key: string;
  location: ClaimLocation;
  /** Claimed only when the value read is a record of this model (a property of a type named for it, see model-values.ts's returns). */
  expect?: string;
}
